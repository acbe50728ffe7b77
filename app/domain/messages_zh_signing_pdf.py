"""Simplified Chinese texts for the seal image, PDF sealing and detached signature messages (merged into
MESSAGES_ZH)."""

MESSAGES_ZH_SIGNING_PDF: dict[str, str] = {
    # app/signing/seal_image.py
    "no Chinese font was found to draw the seal: install a Chinese font (e.g. fonts-noto-cjk, SimSun) "
    "or set {variable} to a font file":
        "找不到可用于绘制印章的中文字体：请安装中文字体（如 fonts-noto-cjk、宋体），或将 {variable} 设为字体文件路径",
    "the seal font {path} cannot be used: {reason}": "无法使用印章字体 {path}：{reason}",
    "the seal needs the bureau name": "印章需要填写单位名称",
    "the seal image is {size} MB; at most {limit} MB is allowed": "印章图片大小为 {size} MB，不能超过 {limit} MB",
    "the seal image is not a PNG or JPEG picture": "印章图片不是 PNG 或 JPEG 格式",
    "the seal image is {width} × {height} pixels; it must be at least {minimum} pixels wide and high":
        "印章图片为 {width} × {height} 像素，宽和高都至少应为 {minimum} 像素",
    "the seal image is {width} × {height} pixels; at most {maximum} pixels wide and high are allowed":
        "印章图片为 {width} × {height} 像素，宽和高都不能超过 {maximum} 像素",
    # app/signing/pdf_seal.py
    "the file is not a readable PDF: {reason}": "该文件不是可读取的 PDF：{reason}",
    "the PDF is password-protected and cannot be sealed": "该 PDF 设有密码保护，无法签章",
    "the PDF already has a signature named {name}": "该 PDF 已有名为 {name} 的签章",
    # app/signing/cms.py
    "the signature file is not a CMS signature: {reason}": "签名文件不是有效的 CMS 签名：{reason}",
    "signing failed: {reason}": "签名失败：{reason}",
}
