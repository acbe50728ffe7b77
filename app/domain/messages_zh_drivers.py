"""Simplified Chinese texts for the device drivers (drivers/) and the user-defined file-name pattern
language (app/domain/device_pattern.py); merged into MESSAGES_ZH."""

import re

MESSAGES_ZH_DRIVERS: dict[str, str] = {
    # app/domain/device_pattern.py (field label and errors)
    "file-name pattern": "文件名规则",
    "{field}: the pattern is empty": "{field}：规则不能为空",
    "{field}: the pattern is longer than {max} characters": "{field}：规则不能超过 {max} 个字符",
    "{field}: write folders with \"/\" and start from the device root, without a leading \"/\" or \"\\\"":
        "{field}：文件夹请用“/”分隔，并从设备根目录写起，开头不要写“/”或“\\”",
    "{field}: a \"{{\" at position {position} is not closed by \"}}\"":
        "{field}：第 {position} 个字符处的“{{”没有对应的“}}”",
    "{field}: a \"}}\" at position {position} has no \"{{\" before it":
        "{field}：第 {position} 个字符处的“}}”前面没有对应的“{{”",
    "{field}: unknown placeholder {{{name}}}; known: {known}": "{field}：未知的占位符 {{{name}}}；可用的有：{known}",
    "{field}: the placeholder {{{name}}} appears more than once": "{field}：占位符 {{{name}}} 出现了不止一次",
    "{field}: the pattern must end with a file name, not a folder": "{field}：规则应以文件名结尾，而不是文件夹",
    # drivers/custom.py
    "vendor id": "厂商 ID",
    "product id": "产品 ID",
    "{field}: a USB id is a number from 0000 to FFFF (hexadecimal)": "{field}：USB ID 应为 0000 到 FFFF 之间的十六进制数",
    "name does not match the device's file-name pattern": "文件名不符合该设备的文件名规则",
    # driver labels (DeviceDriver.LABEL)
    "GA/T 947 body camera (USB disk)": "GA/T 947 执法记录仪（U 盘模式）",
    "Rapid-test device (result files)": "快检设备（结果文件）",
    "Camera (DCIM)": "相机（DCIM）",
    "Audio recorder": "录音笔",
    # drivers/ga947.py (per-file notes and the probe note)
    "name does not follow the GA/T 947 scheme": "文件名不符合 GA/T 947 命名规则",
    "the time in the file name is not a valid date": "文件名中的时间不是有效日期",
    "the serial in the file name differs from the device's": "文件名中的设备编号与本设备不一致",
    "no device info file: serial taken from the file names": "没有设备信息文件：设备编号取自文件名",
    "the device info file could not be read: serial taken from the file names":
        "设备信息文件无法读取：设备编号取自文件名",
    # drivers/rapid_test.py
    "rows that could not be read: {rows}": "无法读取的行：{rows}",
    "the result file could not be read": "结果文件无法读取",
    "the result file holds no results": "结果文件中没有检测结果",
    "the result file is too large to read its results": "结果文件过大，未读取其中的检测结果",
    # drivers/camera.py
    "no recording time in the file: the file time is used": "文件中没有拍摄/录制时间：使用文件时间",
    "the time in the file name is not a valid date: the file time is used": "文件名中的时间不是有效日期：使用文件时间",
}


def split_note(note: str) -> list[tuple[str, dict[str, str]]]:
    """A driver's DeviceFile.note back into (English source, params) parts, to translate when shown:
    drivers join several notes with "; " and fill in parameters (e.g. the rows of a result file)."""
    parts = []
    for part in filter(None, (p.strip() for p in note.split("; "))):
        for source, regex in _NOTE_PATTERNS:
            found = regex.fullmatch(part)
            if found:
                parts.append((source, found.groupdict()))
                break
        else:
            parts.append((part, {}))
    return parts


def _note_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for source in MESSAGES_ZH_DRIVERS:
        if "{" in source and not source.startswith("{field}"):
            pieces = re.split(r"\{(\w+)\}", source)
            regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(pieces))
            found.append((source, re.compile(regex)))
    return found


_NOTE_PATTERNS = _note_patterns()
