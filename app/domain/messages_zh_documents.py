"""Simplified Chinese texts for the documents messages (merged into MESSAGES_ZH)."""

MESSAGES_ZH_DOCUMENTS: dict[str, str] = {
    # -- template specs (documents/builder.py)
    "the template spec is not a JSON object": "文书模板定义不是 JSON 对象",
    "the template spec has an unknown key {key}": "文书模板定义含有未知的键 {key}",
    "the template spec needs a title": "文书模板定义缺少标题（title）",
    "the template spec needs a list of blocks": "文书模板定义的内容块（blocks）必须是列表",
    "the template spec: {key} must be true or false": "文书模板定义：{key} 必须为 true 或 false",
    "template title: {reason}": "文书模板标题：{reason}",
    "template block {index}: {reason}": "文书模板内容块 blocks[{index}]：{reason}",
    "template block {index}: a template has one signature": "文书模板内容块 blocks[{index}]：一个模板只能有一处落款",
    "the block is not a JSON object": "内容块不是 JSON 对象",
    "the block has no content (p, heading, loop, table, loop_table, approval, signature, note or page_break)":
        "内容块没有内容（p、heading、loop、table、loop_table、approval、signature、note 或 page_break）",
    "{keys} cannot be combined in one block": "{keys} 不能用在同一个内容块中",
    "unknown key {key} in a {kind} block": "{kind} 内容块含有未知的键 {key}",
    "{key} must be text": "{key} 必须是文字",
    "{key} must be true or false": "{key} 必须为 true 或 false",
    "{key} must be true": "{key} 必须为 true",
    "{key} must be a list of texts": "{key} 必须是文字列表",
    "the text contains control characters a document cannot hold": "文字中含有文书无法容纳的控制字符",
    "write plain Jinja tags; the builder places docxtpl's {tag} tags itself":
        "请使用普通 Jinja 标签；docxtpl 的 {tag} 标签由生成程序自动放置",
    "the condition (when) must be one line of Jinja without braces or %":
        "条件（when）必须是一行 Jinja 表达式，不能含有花括号或 %",
    "{name} is not a list field": "{name} 不是列表字段",
    "align must be left, center, right or justify": "对齐方式（align）必须为 left、center、right 或 justify",
    "widths must be {n} positive numbers of millimetres adding up to at most {total}":
        "列宽（widths）必须是 {n} 个正数（毫米），合计不超过 {total}",
    "a table needs a list of rows, each a list of texts": "表格必须是行的列表，每行是文字列表",
    "every row of the table needs 1 or {n} cells": "表格每行必须有 1 个或 {n} 个单元格",
    "header and cells must have as many texts as each other": "表头（header）与单元格（cells）的数目必须相同",
    "unknown approval slot {slot} (known: {known})": "未知的审批环节 {slot}（可用：{known}）",
    # -- checking .docx templates (documents/template_check.py)
    "the template is not a .docx file (it is not a zip archive)": "模板不是 .docx 文件（不是 zip 压缩包）",
    "the template is not a readable Word document: {reason}": "模板不是可读取的 Word 文档：{reason}",
    "the template is too large ({size} MB unpacked, at most {limit} MB)":
        "模板过大（解压后 {size} MB，最多 {limit} MB）",
    "the template part {part} is not well-formed XML: {reason}": "模板的 {part} 部分不是格式正确的 XML：{reason}",
    "the template has a syntax error near “{text}”: {reason}": "模板在“{text}”附近有语法错误：{reason}",
    "the template uses “{tag}”, which document templates may not use": "模板使用了文书模板不允许的“{tag}”",
    "the template uses the filter “{name}”, which document templates may not use":
        "模板使用了文书模板不允许的过滤器“{name}”",
    "the template uses the test “{name}”, which document templates may not use":
        "模板使用了文书模板不允许的判断“{name}”",
    "the template uses an unknown field “{name}”": "模板使用了未知字段“{name}”",
    "the template reaches the private attribute “{name}”": "模板访问了内部属性“{name}”",
    "the template uses an expression document templates may not use: {text}": "模板使用了文书模板不允许的表达式：{text}",
    "the template loops over “{name}”, which is not a list field": "模板对“{name}”循环，但它不是列表字段",
    "the loop variable “{name}” hides a field": "循环变量“{name}”与字段同名",
    "“{name}” is not a field of the items of “{list}”": "“{name}”不是“{list}”列表项的字段",
    # -- rendering (documents/renderer.py)
    "fill in these fields before making the document: {fields}": "制作文书前请先填写：{fields}",
    "the template attempted an unsafe operation: {reason}": "模板试图执行不安全的操作：{reason}",
    "the template failed while rendering: {reason}": "模板填充时出错：{reason}",
    "the template produced a damaged document part {part}: {reason}": "模板填充后 {part} 部分已损坏：{reason}",
}
