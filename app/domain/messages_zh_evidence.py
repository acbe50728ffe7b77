"""Simplified Chinese texts for evidence imports, triage and custody (merged into MESSAGES_ZH)."""

MESSAGES_ZH_EVIDENCE: dict[str, str] = {
    # -- who may (app/services/evidence/service.py)
    "{role} may not import evidence": "{role}无权导入证据",
    "{role} may not link evidence to cases": "{role}无权将证据关联到案件",
    "{role} may not change device definitions": "{role}无权修改设备定义",
    # -- importing
    "the device {label} cannot be read ({error})": "无法读取设备 {label}（{error}）",
    "this import is already running": "该导入任务正在进行中",
    "import {uuid} does not exist": "导入任务 {uuid} 不存在",
    "the device is not connected (its folder {volume} is missing): connect it and resume the import":
        "设备未连接（未找到其目录 {volume}）：请连接设备后继续导入",
    "the device was removed (its folder {volume} is gone): the import stopped and resumes when it is connected "
    "again": "设备已被拔出（其目录 {volume} 已不存在）：导入已暂停，重新连接后可继续",
    "not enough space for the evidence: {needed} MB are needed, {free} MB are free":
        "证据存储空间不足：需要 {needed} MB，可用 {free} MB",
    "the evidence disk is full: {needed} MB more are needed, {free} MB are free":
        "证据磁盘已满：还需要 {needed} MB，可用 {free} MB",
    "the evidence store cannot be written ({error})": "无法写入证据库（{error}）",
    "the import was cancelled by {name}": "导入已被{name}取消",
    "already imported on {date} (import {import_id})": "已于 {date} 导入（导入任务 {import_id}）",
    # -- per file: names (app/services/evidence/names.py)
    "the path {path} is empty": "路径 {path} 为空",
    "the path is too long ({length} characters, at most {limit}): {path}":
        "路径过长（{length} 个字符，最多 {limit} 个）：{path}",
    "a part of the path is too long ({length} bytes, at most {limit}): {path}":
        "路径中的某一级名称过长（{length} 字节，最多 {limit} 字节）：{path}",
    "the path {path} uses backslashes as separators (refused: it could lead outside the device)":
        "路径 {path} 使用反斜杠作为分隔符（已拒绝：可能指向设备以外的位置）",
    "the path {path} is absolute (refused: it could lead outside the device)":
        "路径 {path} 是绝对路径（已拒绝：可能指向设备以外的位置）",
    "the path {path} contains '..', '.' or an empty part (refused: it could lead outside the device)":
        "路径 {path} 含有“..”、“.”或空的部分（已拒绝：可能指向设备以外的位置）",
    "the name {path} contains control characters": "文件名 {path} 含有控制字符",
    "the file name is not valid UTF-8; recorded as {path}": "文件名不是有效的 UTF-8 编码，已记录为 {path}",
    # -- per file: copying (app/services/evidence/copier.py)
    "{path} is a symbolic link (not followed)": "{path} 是符号链接（未跟随）",
    "{path} is not a regular file": "{path} 不是普通文件",
    "{path} is an empty file": "{path} 是空文件",
    "{path} is no longer on the device": "{path} 已不在设备上",
    "{path} cannot be opened ({error})": "无法打开 {path}（{error}）",
    "{path} changed size since the device was read ({listed} → {now} bytes)":
        "{path} 的大小在读取设备后发生了变化（{listed} → {now} 字节）",
    "{path}: read error at byte {offset} ({error})": "{path}：在第 {offset} 字节处读取出错（{error}）",
    "{path} is truncated: {done} of {listed} bytes could be read": "{path} 不完整：只读到 {listed} 字节中的 {done} 字节",
    "{path} changed on the device while it was copied": "{path} 在复制过程中被设备修改",
    # -- warnings on imports and items (app/services/evidence/recording.py)
    "the device clock is ahead of the workstation clock by {days} days {time}: recording times are corrected by "
    "that much": "设备时钟比工作站时钟快 {days} 天 {time}：录制时间已按此校正",
    "the device clock is behind the workstation clock by {days} days {time}: recording times are corrected by "
    "that much": "设备时钟比工作站时钟慢 {days} 天 {time}：录制时间已按此校正",
    "the file time {time} lies before 2000: the device clock was probably not set":
        "文件时间 {time} 早于 2000 年：设备时钟可能未设置",
    "the file time {time} lies in the future": "文件时间 {time} 晚于当前时间",
    # -- items, links, custody
    "evidence item {uuid} does not exist": "证据 {uuid} 不存在",
    "evidence item {uuid} is not linked to case {case}": "证据 {uuid} 未关联到案件 {case}",
    "device definition {uuid} does not exist": "设备定义 {uuid} 不存在",
    "{field}: {path} is not a path inside the evidence store": "{field}：{path} 不是证据库内的路径",
    "{field}: a thumbnail must be a PNG image": "{field}：缩略图必须是 PNG 图像",
    "{field}: a device name has 1 to 100 characters": "{field}：设备名称应为 1 至 100 个字符",
    "{field}: a USB id is a number from 0000 to FFFF (hexadecimal), got {value!r}":
        "{field}：USB 标识应为 0000 至 FFFF 之间的十六进制数，实际为 {value!r}",
    "{field}: unknown kind {value!r}": "{field}：未知类型 {value!r}",
    # -- proposals (app/services/evidence/linking.py)
    "the device's officer number is {name}'s 执法证 number {certificate}": "设备记录的警号是{name}的执法证号 {certificate}",
    "the device's officer number matches the end of {name}'s 执法证 number {certificate}":
        "设备记录的警号与{name}的执法证号 {certificate} 尾号一致",
    "recorded while the case was open ({start} to {end})": "录制于案件办理期间（{start} 至 {end}）",
    "now": "今",
    "recorded {hours} hours from the act ({date})": "录制时间距违法行为（{date}）{hours} 小时",
    "recorded {hours} hours from the case step 「{step}」": "录制时间距案件环节「{step}」{hours} 小时",
    "recorded {hours} hours from the registration of the case": "录制时间距案件登记 {hours} 小时",
    # -- field names
    "evidence_flag_days": "证据待关联提醒天数",
    "stored_path": "存储路径",
    "thumbnail": "缩略图",
    "how": "关联方式",
    "device.name": "设备名称",
    "device.vendor_id": "厂商标识（VID）",
    "device.product_id": "产品标识（PID）",
    "device.kind": "文件类型",
}
