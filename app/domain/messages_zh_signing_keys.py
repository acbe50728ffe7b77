"""Simplified Chinese texts for signing keys, tokens and certificates (app/signing/errors.py, keys.py,
token.py, certs.py); merged into MESSAGES_ZH."""

MESSAGES_ZH_SIGNING_KEYS: dict[str, str] = {
    # PIN (errors.py)
    "the PIN is wrong": "PIN 码错误",
    "the PIN is wrong; {retries} more wrong attempts lock the token": "PIN 码错误；再输错 {retries} 次，介质将被锁定",
    "the PIN is wrong; one more wrong PIN locks the token": "PIN 码错误；再输错一次，介质将被锁定",
    "the PIN is wrong; only a few attempts are left before the token locks": "PIN 码错误；剩余尝试次数不多，输错过多介质将被锁定",
    "the token's PIN is locked after too many wrong attempts; an administrator must unlock it with the SO PIN":
        "PIN 码输错次数过多，介质已锁定；请管理员使用管理员 PIN（SO PIN）解锁",
    "the PIN must have at least {min_length} characters": "PIN 码至少需要 {min_length} 位",
    # tokens (errors.py)
    "the token driver (PKCS#11 module) {module} was not found; install the UKey driver or check its path":
        "未找到介质驱动（PKCS#11 模块）{module}；请安装 UKey 驱动或检查驱动路径",
    "the token driver (PKCS#11 module) {module} could not be loaded: {reason}":
        "无法加载介质驱动（PKCS#11 模块）{module}：{reason}",
    "no token labelled {token} is plugged in; insert the UKey and try again": "未插入标签为 {token} 的介质；请插入 UKey 后重试",
    "more than one token labelled {token} is plugged in; remove all but one":
        "插入了多个标签为 {token} 的介质；请只保留一个",
    "the token {token} was removed or stopped answering; insert it and try again":
        "介质 {token} 已被拔出或无响应；请重新插入后重试",
    "the token {token} reported an error: {reason}": "介质 {token} 报告错误：{reason}",
    # keys (errors.py)
    "the token {token} holds no signing key labelled {label}": "介质 {token} 中没有标签为 {label} 的签名密钥",
    "the token {token} holds more than one signing key labelled {label}": "介质 {token} 中有多个标签为 {label} 的签名密钥",
    "the token {token} already holds a key labelled {label}": "介质 {token} 中已有标签为 {label} 的密钥",
    "the signing key {key_id} was not found in {folder}": "在 {folder} 中未找到签名密钥 {key_id}",
    "the system keyring no longer holds the secret of signing key {label}; the key cannot be used":
        "系统密钥环中已没有签名密钥 {label} 的口令，该密钥无法使用",
    "the system keyring cannot be used ({reason}); protect the key with a PIN instead":
        "无法使用系统密钥环（{reason}）；请改用 PIN 码保护密钥",
    "the signing key {label} is damaged or cannot be opened: {reason}": "签名密钥 {label} 已损坏或无法打开：{reason}",
    "the key {label} is not an ECDSA P-256 key; only P-256 keys can sign here":
        "密钥 {label} 不是 ECDSA P-256 密钥；本系统只能使用 P-256 密钥签名",
    # certificates (errors.py)
    "the certificate cannot be read: {reason}": "无法读取证书：{reason}",
    "the certificate of {subject} does not belong to this signing key": "{subject} 的证书与该签名密钥不匹配",
    "the certificate of {subject} is not a CA certificate and cannot issue certificates":
        "{subject} 的证书不是 CA 证书，不能签发证书",
    "the certificate's validity must end after it starts ({valid_from} – {valid_to})":
        "证书有效期的结束时间必须晚于开始时间（{valid_from} – {valid_to}）",
    "the certificate would be valid until {valid_to}, after its CA certificate expires on {ca_valid_to}":
        "证书有效期至 {valid_to}，晚于签发机构证书的到期日 {ca_valid_to}",
    "the certificate needs a name": "证书必须填写名称",
    # PIN prompts (keys.py, token.py)
    "Enter the PIN of signing key {label}": "请输入签名密钥 {label} 的 PIN 码",
    "Enter the PIN of token {token}": "请输入介质 {token} 的 PIN 码",
    # certificate chain reasons (certs.py REASON_TEXTS)
    "the certificate has expired": "证书已过期",
    "the certificate is not valid yet": "证书尚未生效",
    "the certificate has been revoked": "证书已被吊销",
    "the certificate was not issued by a known bureau": "证书不是由已知机关签发的",
    "the certificate's signature does not match the bureau that supposedly issued it":
        "证书的签名与其声称的签发机关不符",
    "the issuing bureau's certificate has expired or is not valid yet": "签发机关的证书已过期或尚未生效",
    "the issuing bureau's certificate has been revoked": "签发机关的证书已被吊销",
}
