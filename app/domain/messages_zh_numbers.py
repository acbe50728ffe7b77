"""Simplified Chinese texts for the numbers messages (merged into MESSAGES_ZH): 文号 blocks and the
文号登记簿 (store/document_numbers.py), stored documents (store/document_repository.py) and the
bureau profile's document details and number blocks (config/bureau.py)."""

MESSAGES_ZH_NUMBERS: dict[str, str] = {
    # -- 文号 blocks, issuing, voiding (store/document_numbers.py)
    "the 文号 block {series} {year} {first}–{last} for workstation {workstation} overlaps the block "
    "{other_first}–{other_last} held by workstation {other_workstation}":
        "{year} 年「{series}」字文号段 {first}–{last}（工作站 {workstation}）与工作站 {other_workstation} "
        "持有的文号段 {other_first}–{other_last} 重叠",
    "no 文号 left for series {series} {year} on workstation {workstation}; ask the administrator for a new "
    "number block":
        "工作站 {workstation} 上 {year} 年「{series}」字文号已用完，请联系系统管理员分配新的文号段",
    "文号 {text} has already been issued: the number block {first}–{last} of workstation {workstation} overlaps "
    "numbers issued elsewhere; ask the administrator to correct the number blocks":
        "文号 {text} 已被使用：工作站 {workstation} 的文号段 {first}–{last} 与其他地方已发出的文号重叠，"
        "请联系系统管理员更正文号段",
    "{field}: {value!r} is not a four-digit year": "{field}：{value!r} 不是四位数年份",
    "{field}: a 文号 block starts at 1 or above, not {value!r}": "{field}：文号段应从 1 或以上开始，而不是 {value!r}",
    "{field}: the block ends at {value!r}, before its first number {first}":
        "{field}：文号段的结束号 {value!r} 小于起始号 {first}",
    "number block {uuid} does not exist": "文号段 {uuid} 不存在",
    "文号 number {seq} of series {series} {year} has not been issued": "{year} 年「{series}」字第 {seq} 号文号尚未发出",
    "{field}: give the reason the 文号 is voided": "{field}：请填写作废该文号的原因",
    "文号 {text} is already void ({reason})": "文号 {text} 已作废（{reason}）",
    "number_block": "文号段",
    "number_block.series": "文号类别",
    "number_block.workstation": "工作站",
    "number_block.year": "文号年份",
    "number_block.first": "起始号",
    "number_block.last": "结束号",
    "number_block.source": "文号段来源",
    "void_reason": "作废原因",
    # -- stored documents (store/document_repository.py)
    "the document {code} {number} is frozen ({reason}) and can no longer change":
        "文书 {code} {number} 已定稿（{reason}），不能再修改",
    "document {uuid} does not exist": "文书 {uuid} 不存在",
    "{field}: {value!r} is not a SHA-256 (64 lower-case hex digits)":
        "{field}：{value!r} 不是 SHA-256 摘要（64 位小写十六进制数字）",
    "document.code": "文书代码",
    "document.sha256": "文件摘要（SHA-256）",
    "document.size": "文件大小",
    "document.origin": "文书来源",
    "document.file": "文书文件",
    "document.frozen_reason": "定稿原因",
    # -- bureau profile: document details and number blocks (config/bureau.py)
    "the bureau profile {path}: {key} must be text, not {value!r}": "本机关配置 {path}：{key} 应为文本，而不是 {value!r}",
    "the bureau profile {path}: number_blocks must be a list of blocks":
        "本机关配置 {path}：number_blocks（文号段）应为列表",
    "the bureau profile {path}: {entry} must be an object with series, year, first, last and workstation":
        "本机关配置 {path}：{entry} 应为含 series、year、first、last 和 workstation 的对象",
    "the bureau profile {path}: {entry} has the unknown key {key}": "本机关配置 {path}：{entry} 含有未知的键 {key}",
    "the bureau profile {path}: {entry} lacks {key}": "本机关配置 {path}：{entry} 缺少 {key}",
    "the bureau profile {path}: {entry}: {key} must be a whole number, not {value!r}":
        "本机关配置 {path}：{entry}：{key} 应为整数，而不是 {value!r}",
    "the bureau profile {path}: {entry}: {value} is not a four-digit year":
        "本机关配置 {path}：{entry}：{value} 不是四位数年份",
    "the bureau profile {path}: {entry}: a block starts at 1 or above, not {value}":
        "本机关配置 {path}：{entry}：文号段应从 1 或以上开始，而不是 {value}",
    "the bureau profile {path}: {entry}: last ({last}) is before first ({first})":
        "本机关配置 {path}：{entry}：结束号（{last}）小于起始号（{first}）",
    "the bureau profile {path}: number_blocks[{i}] ({series} {year} {first}–{last}) overlaps "
    "number_blocks[{j}] ({other_first}–{other_last})":
        "本机关配置 {path}：number_blocks[{i}]（{year} 年「{series}」字 {first}–{last}）与 "
        "number_blocks[{j}]（{other_first}–{other_last}）重叠",
}
