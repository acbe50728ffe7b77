"""Simplified Chinese texts for the device layer (app/devices) and the vendor-protocol body camera
(drivers/vendor_bulk.py); merged into MESSAGES_ZH."""

MESSAGES_ZH_DEVICES: dict[str, str] = {
    # app/devices/usb.py
    "USB devices cannot be used: the libusb library was not found": "无法使用 USB 设备：未找到 libusb 库",
    "USB error with {device}: {reason}": "USB 设备 {device} 出错：{reason}",
    "no permission to open the USB device {device}: another program may be using it, or its driver is missing":
        "无权打开 USB 设备 {device}：可能有其他程序正在使用，或缺少设备驱动",
    "no permission to open the USB device {device}: copy {rules} to /etc/udev/rules.d/, run "
    "'udevadm control --reload' and plug the device in again":
        "无权打开 USB 设备 {device}：请将 {rules} 复制到 /etc/udev/rules.d/，执行 'udevadm control --reload' "
        "后重新插入设备",
    "the USB device {device} did not answer within {seconds} s": "USB 设备 {device} 在 {seconds} 秒内无响应",
    "the USB device {device} has no interface of class {cls}": "USB 设备 {device} 没有类别为 {cls} 的接口",
    "the USB device {device} is in use by another program: close it and try again":
        "USB 设备 {device} 正被其他程序占用：请关闭该程序后重试",
    "the USB device {device} is no longer connected": "USB 设备 {device} 已断开连接",
    # app/devices/manager.py
    "reading {device} was cancelled: choose \"retry\" to read it again": "已取消读取 {device}：可点击“重试”重新读取",
    "the device {device} has no volume to eject": "设备 {device} 没有可弹出的存储卷",
    "the device {device} is no longer connected": "设备 {device} 已断开连接",
    "the device {device} is not ready yet": "设备 {device} 尚未就绪",
    "the storage of {device} did not appear as a mounted volume within {seconds} s: mount it (or turn on "
    "automatic mounting), or use \"import from folder\"":
        "设备 {device} 的存储在 {seconds} 秒内未挂载为卷：请手动挂载（或开启自动挂载），或使用“从文件夹导入”",
    "the {driver} driver failed while reading {device}: {error}": "驱动 {driver} 读取 {device} 时出错：{error}",
    "{path} is not a folder": "{path} 不是文件夹",
    "Folder": "文件夹",
    # app/devices/eject.py
    "Windows cannot eject {volume} yet: a program still uses it ({name}); close it and try again":
        "Windows 暂时无法弹出 {volume}：仍有程序在使用（{name}），请关闭后重试",
    "Windows refused to eject {volume} (code {result}, veto {veto} {name})":
        "Windows 拒绝弹出 {volume}（代码 {result}，否决 {veto} {name}）",
    "Windows refused to eject {volume}: not enough rights": "Windows 拒绝弹出 {volume}：权限不足",
    "could not unmount {device}: {reason}": "无法卸载 {device}：{reason}",
    "udisksctl did not finish within {seconds} s while ejecting {volume}":
        "弹出 {volume} 时 udisksctl 在 {seconds} 秒内未完成",
    "udisksctl was not found: install udisks2, or unmount {volume} yourself before unplugging the device":
        "未找到 udisksctl：请安装 udisks2，或在拔出设备前自行卸载 {volume}",
    "{device} is unmounted and can be unplugged, but it could not be powered off: {reason}":
        "{device} 已卸载，可以拔出，但无法断电：{reason}",
    "{volume} is not a mounted volume: there is nothing to eject": "{volume} 不是已挂载的卷：无需弹出",
    "{volume} is not on a USB device that can be ejected": "{volume} 不在可弹出的 USB 设备上",
    "{volume} is not on a removable disk ({source}): there is nothing to eject":
        "{volume} 不在可移动磁盘上（{source}）：无需弹出",
    # drivers/vendor_bulk.py
    "Body camera with USB protocol (ZF)": "执法记录仪（USB 协议，ZF）",
    "Enter the password of body camera {device}": "请输入执法记录仪 {device} 的密码",
    "wrong password: body camera {device} allows {left} more attempts before it locks; enter its password":
        "密码错误：执法记录仪 {device} 还允许尝试 {left} 次，之后将锁定；请重新输入密码",
    "the password has {length} characters: body camera passwords have 6 letters or digits; enter the password "
    "of body camera {device}": "密码为 {length} 位：执法记录仪密码为 6 位字母或数字；请重新输入执法记录仪 {device} 的密码",
    "body camera {device} is locked after too many wrong passwords: have the device administrator unlock it":
        "执法记录仪 {device} 因密码错误次数过多已锁定：请联系设备管理员解锁",
    "body camera {device} refused {command} (status {status})": "执法记录仪 {device} 拒绝了 {command} 命令（状态 {status}）",
    "no valid password was entered for body camera {device}": "未为执法记录仪 {device} 输入有效密码",
    "wrong password entered {attempts} times: body camera {device} was not unlocked; it allows {left} more "
    "attempts": "密码已输错 {attempts} 次：执法记录仪 {device} 未解锁；设备还允许尝试 {left} 次",
    "the body camera answered command {got} to command {sent}": "执法记录仪对命令 {sent} 返回了命令 {got} 的应答",
    "the body camera sent a short reply ({size} bytes)": "执法记录仪的应答过短（{size} 字节）",
    "the body camera's device record is cut short at byte {pos}": "执法记录仪的设备信息在第 {pos} 字节处被截断",
    "the body camera's reply does not start with ZF (it starts with {start})":
        "执法记录仪的应答不以 ZF 开头（开头为 {start}）",
    "the body camera's reply has a bad checksum (expected {expected}, got {got})":
        "执法记录仪的应答校验和错误（应为 {expected}，实际为 {got}）",
    "the body camera's reply is incomplete: {expected} bytes announced, {size} received":
        "执法记录仪的应答不完整：声明 {expected} 字节，实际收到 {size} 字节",
    "the body camera's reply to {command} carries no status": "执法记录仪对 {command} 的应答缺少状态字节",
}
