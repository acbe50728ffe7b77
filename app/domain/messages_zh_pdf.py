"""Simplified Chinese texts for the pdf messages (merged into MESSAGES_ZH)."""

MESSAGES_ZH_PDF: dict[str, str] = {
    # app/documents/pdf/errors.py
    "no PDF converter is installed: install LibreOffice (libreoffice-writer) to make PDFs; "
    "the .docx files are unaffected":
        "未安装 PDF 转换程序：请安装 LibreOffice（libreoffice-writer）后再生成 PDF；.docx 文件不受影响",
    "could not start the PDF converter {program}: {reason}": "无法启动 PDF 转换程序 {program}：{reason}",
    "could not convert {file} to PDF (LibreOffice exit code {code}): {detail}":
        "无法将 {file} 转换为 PDF（LibreOffice 退出码 {code}）：{detail}",
    "converting {file} to PDF took longer than {seconds} seconds and was stopped":
        "将 {file} 转换为 PDF 超过 {seconds} 秒，已中止",
    "{file} is not a readable PDF: {reason}": "{file} 不是可读取的 PDF 文件：{reason}",
}
