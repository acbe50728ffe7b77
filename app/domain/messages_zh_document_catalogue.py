"""Simplified Chinese texts for the document catalogue messages (merged into MESSAGES_ZH)."""

MESSAGES_ZH_DOCUMENT_CATALOGUE: dict[str, str] = {
    # -- catalogue file (domain/documents.py)
    "{field}: a document catalogue is an object with a list of documents": "{field}：文书目录应为包含文书列表的对象",
    "{field}: unknown key {value}": "{field}：未知的配置项 {value}",
    "{field}: must be text": "{field}：应为文字",
    "{field}: must be true or false": "{field}：应为 true 或 false",
    "{field}: must be a list of texts": "{field}：应为文字列表",
    "{field}: {value} is listed twice": "{field}：{value} 重复列出",
    "{field}: unknown value {value}; known: {known}": "{field}：未知的值 {value}；可用的值：{known}",
    "{field}: unknown value {value}": "{field}：未知的值 {value}",
    "{field}: unknown field {value}": "{field}：未知的字段 {value}",
    "{field}: a document code is 2 to 32 upper-case letters, digits or _ ({value})":
        "{field}：文书代码应为 2 至 32 位大写字母、数字或下划线（{value}）",
    "{field}: must be a whole number of at least 1": "{field}：应为不小于 1 的整数",
    "{field}: a template name is letters, digits, _ or - ({value})":
        "{field}：模板名称只能由字母、数字、下划线或连字符组成（{value}）",
    "{field}: a number series is up to {n} characters without spaces, digits or brackets ({value})":
        "{field}：文号类别代字最多 {n} 个字符，不得含空格、数字或括号（{value}）",
    "{field}: duplicate document code {code}": "{field}：文书代码 {code} 重复",
    "{field}: binding position {n} in the {volume} is taken by {code}": "{field}：{volume}的装订顺序 {n} 已由 {code} 占用",
    "{field}: the {volume} already has a {part} ({code})": "{field}：{volume}已有{part}（{code}）",
    "document type {code} is not in the catalogue": "文书目录中没有文书种类 {code}",
    # -- phrases
    "main volume": "正卷",
    "secondary volume": "副卷",
    "case file cover": "卷宗封面",
    "table of contents": "卷内文件目录",
    "evidence list": "证据清单",
    "reference sheet": "卷内备考表",
}
