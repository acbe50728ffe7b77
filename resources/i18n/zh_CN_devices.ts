<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>DevicesPage</name>
        <message>
            <source>Devices</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Reading the device again</source>
            <translation>正在重新读取设备</translation>
        </message>
        <message>
            <source>Removing the folder</source>
            <translation>正在移除文件夹</translation>
        </message>
        <message>
            <source>Ejecting the device</source>
            <translation>正在弹出设备</translation>
        </message>
        <message>
            <source>Eject</source>
            <translation>弹出设备</translation>
        </message>
        <message>
            <source>Ejected: the device can be unplugged now.</source>
            <translation>已弹出：现在可以拔下设备。</translation>
        </message>
        <message>
            <source>Not ejected: do not unplug the device yet.</source>
            <translation>未能弹出：请暂勿拔下设备。</translation>
        </message>
        <message>
            <source>{count} imports stopped half-way and can be resumed: &lt;a href="imports"&gt;see Imports&lt;/a&gt;.</source>
            <translation>{count} 次导入中途停止，可以继续：&lt;a href="imports"&gt;查看导入记录&lt;/a&gt;。</translation>
        </message>
        <message>
            <source>Cancelled: nothing was copied.</source>
            <translation>已取消：未复制任何文件。</translation>
        </message>
        <message>
            <source>The device switched to storage mode but did not appear as a drive. Unplug it, dock it again and import again.</source>
            <translation>设备已切换到存储模式，但未出现为磁盘。请拔下设备，重新连接后再次导入。</translation>
        </message>
        <message>
            <source>The import failed because of an error in Zhifa; it has been reported.</source>
            <translation>因本软件出错，导入失败；错误已报告。</translation>
        </message>
        <message>
            <source>Import from folder</source>
            <translation>从文件夹导入</translation>
        </message>
        <message>
            <source>Reading {path}</source>
            <translation>正在读取 {path}</translation>
        </message>
        <message>
            <source>Evidence waiting for a case ({count})</source>
            <translation>待关联证据（{count}）</translation>
        </message>
        <message>
            <source>Evidence waiting for a case</source>
            <translation>待关联证据</translation>
        </message>
        <message>
            <source>Docked devices</source>
            <translation>已连接设备</translation>
        </message>
        <message>
            <source>Imports</source>
            <translation>导入记录</translation>
        </message>
        <message>
            <source>Dock a body camera or another evidence device by USB: it appears here within seconds, with its officer, free space and clock.</source>
            <translation>通过 USB 连接执法记录仪或其他取证设备，数秒内即显示在此处，并列出其所属执法人员、剩余空间和时钟。</translation>
        </message>
        <message>
            <source>Import from &amp;folder…</source>
            <translation>从文件夹导入(&amp;F)…</translation>
        </message>
        <message>
            <source>A memory card in a card reader, or a device the computer opened as a drive</source>
            <translation>读卡器中的存储卡，或电脑已识别为磁盘的设备</translation>
        </message>
        <message>
            <source>No device is docked. For a memory card or a device the computer opened as a drive, use Import from folder…</source>
            <translation>尚未连接设备。存储卡或电脑已识别为磁盘的设备，请使用“从文件夹导入…”。</translation>
        </message>
    </context>
    <context>
        <name>DeviceCard</name>
        <message>
            <source>Copied {copied}, already imported {duplicates}, refused {refused}, failed {failed} (of {files} files).</source>
            <translation>已复制 {copied} 个，已导入过 {duplicates} 个，拒绝 {refused} 个，失败 {failed} 个（共 {files} 个文件）。</translation>
        </message>
        <message>
            <source>Stopped: {reason}. Import again to resume where it stopped.</source>
            <translation>已停止：{reason}。再次导入即从停止处继续。</translation>
        </message>
        <message>
            <source>Stopped. Import again to resume where it stopped.</source>
            <translation>已停止。再次导入即从停止处继续。</translation>
        </message>
        <message>
            <source>Serial:</source>
            <translation>设备编号：</translation>
        </message>
        <message>
            <source>Officer:</source>
            <translation>执法人员：</translation>
        </message>
        <message>
            <source>Free space:</source>
            <translation>剩余空间：</translation>
        </message>
        <message>
            <source>Device clock:</source>
            <translation>设备时钟：</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <source>not known</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>not recorded on the device</source>
            <translation>设备未记录</translation>
        </message>
        <message>
            <source>{free} free of {total}</source>
            <translation>可用 {free}，共 {total}</translation>
        </message>
        <message>
            <source> — recording times will be corrected by this offset</source>
            <translation>——录制时间将按此偏差校正</translation>
        </message>
        <message>
            <source>{state}: {problem}</source>
            <translation>{state}：{problem}</translation>
        </message>
        <message>
            <source>&amp;Resume import</source>
            <translation>继续导入(&amp;R)</translation>
        </message>
        <message>
            <source>Continue the stopped import: files already copied are not read again</source>
            <translation>继续已停止的导入：已复制的文件不再读取</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <source>Import &amp;again</source>
            <translation>再次导入(&amp;A)</translation>
        </message>
        <message>
            <source>Copy every file of the device into the evidence store, checking each by its SHA-256; files already imported are skipped</source>
            <translation>将设备上的全部文件复制到证据库，逐个以 SHA-256 校验；已导入过的文件自动跳过</translation>
        </message>
        <message>
            <source>Re&amp;try</source>
            <translation>重试(&amp;T)</translation>
        </message>
        <message>
            <source>Read the device again</source>
            <translation>重新读取设备</translation>
        </message>
        <message>
            <source>&amp;Log…</source>
            <translation>日志(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Dismiss</source>
            <translation>关闭(&amp;D)</translation>
        </message>
        <message>
            <source>The device was unplugged: remove this card</source>
            <translation>设备已拔出：关闭此卡片</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <source>Stop showing this folder</source>
            <translation>不再显示此文件夹</translation>
        </message>
        <message>
            <source>&amp;Eject</source>
            <translation>弹出(&amp;E)</translation>
        </message>
        <message>
            <source>Unmount the device so it can be unplugged safely</source>
            <translation>卸载设备，以便安全拔下</translation>
        </message>
    </context>
    <context>
        <name>ProgressBox</name>
        <message>
            <source>Preparing the device…</source>
            <translation>正在准备设备…</translation>
        </message>
        <message>
            <source>Waiting for the device to appear as a drive…</source>
            <translation>正在等待设备以磁盘形式出现…</translation>
        </message>
        <message>
            <source>Listing the files…</source>
            <translation>正在列出文件…</translation>
        </message>
        <message>
            <source>Copying…</source>
            <translation>正在复制…</translation>
        </message>
        <message>
            <source>{done} of {total} files · {size} of {total_size} · {rate}</source>
            <translation>已完成 {done} / {total} 个文件 · {size} / {total_size} · {rate}</translation>
        </message>
        <message>
            <source> · about {time} left</source>
            <translation> · 约剩 {time}</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Stop the import; what was copied stays, and it can be resumed</source>
            <translation>停止导入；已复制的文件保留，之后可以继续</translation>
        </message>
    </context>
    <context>
        <name>ImportsPanel</name>
        <message>
            <source>Reading the imports</source>
            <translation>正在读取导入记录</translation>
        </message>
        <message>
            <source>Imports</source>
            <translation>导入记录</translation>
        </message>
        <message>
            <source>{copied} copied, {duplicates} already imported, {refused} refused, {failed} failed</source>
            <translation>复制 {copied}，已导入过 {duplicates}，拒绝 {refused}，失败 {failed}</translation>
        </message>
        <message>
            <source>&amp;Imports made on this workstation ({count}):</source>
            <translation>本工作站的导入记录(&amp;I)（{count} 次）：</translation>
        </message>
        <message>
            <source>{count} stopped half-way (highlighted): select one and resume it.</source>
            <translation>其中 {count} 次中途停止（高亮显示）：选中后可继续导入。</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Officer no.</source>
            <translation>警号</translation>
        </message>
        <message>
            <source>Imported by</source>
            <translation>导入人</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Device clock</source>
            <translation>设备时钟</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>继续导入(&amp;R)</translation>
        </message>
        <message>
            <source>Continue the stopped import where it stopped; the device (or folder) must be connected at the same place</source>
            <translation>从停止处继续导入；设备（或文件夹）须连接在原来的位置</translation>
        </message>
        <message>
            <source>&amp;Log…</source>
            <translation>日志(&amp;L)…</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>刷新(&amp;F)</translation>
        </message>
    </context>
    <context>
        <name>ImportLogDialog</name>
        <message>
            <source>Reading the import log</source>
            <translation>正在读取导入日志</translation>
        </message>
        <message>
            <source>Import log</source>
            <translation>导入日志</translation>
        </message>
        <message>
            <source>{driver} {serial}, officer {officer}, started {when} by {actor}</source>
            <translation>{driver} {serial}，警号 {officer}，{actor} 于 {when} 开始导入</translation>
        </message>
        <message>
            <source>Only files &amp;not copied</source>
            <translation>只显示未复制的文件(&amp;N)</translation>
        </message>
        <message>
            <source>File on the device</source>
            <translation>设备上的文件</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>TriagePanel</name>
        <message>
            <source>Reading the evidence waiting for a case</source>
            <translation>正在读取待关联证据</translation>
        </message>
        <message>
            <source>Evidence waiting for a case</source>
            <translation>待关联证据</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <source>Waiting for a case for {n} days: longer than the {limit} days allowed</source>
            <translation>已等待关联 {n} 天，超过规定的 {limit} 天</translation>
        </message>
        <message>
            <source>&amp;Evidence waiting for a case: {count}</source>
            <translation>待关联证据(&amp;E)：{count} 件</translation>
        </message>
        <message>
            <source>; {flagged} waiting longer than {days} days (highlighted)</source>
            <translation>；其中 {flagged} 件已等待超过 {days} 天（高亮显示）</translation>
        </message>
        <message>
            <source>Select evidence to see the cases it may belong to.</source>
            <translation>选中证据，即显示其可能所属的案件。</translation>
        </message>
        <message>
            <source>&amp;Proposed cases, likeliest first:</source>
            <translation>建议关联的案件(&amp;P)，可能性高者在前：</translation>
        </message>
        <message>
            <source>Zhifa found no case for this evidence by officer and time: pick the case by its number.</source>
            <translation>按执法人员和时间未找到此证据所属的案件：请按案号选择案件。</translation>
        </message>
        <message>
            <source>Linked {count} evidence files to {cases} cases.</source>
            <translation>已将 {count} 件证据关联到 {cases} 个案件。</translation>
        </message>
        <message>
            <source>Linking evidence</source>
            <translation>正在关联证据</translation>
        </message>
        <message>
            <source>Link evidence</source>
            <translation>关联证据</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Officer no.</source>
            <translation>警号</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>录制时间</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>已等待</translation>
        </message>
        <message>
            <source>Likeliest case</source>
            <translation>最可能的案件</translation>
        </message>
        <message>
            <source>Only &amp;overdue</source>
            <translation>只显示超期(&amp;O)</translation>
        </message>
        <message>
            <source>Show only evidence waiting longer than the bureau's limit</source>
            <translation>只显示等待关联超过规定天数的证据</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Link to the proposed case</source>
            <translation>关联到建议案件(&amp;L)</translation>
        </message>
        <message>
            <source>Pick &amp;cases…</source>
            <translation>选择案件(&amp;C)…</translation>
        </message>
        <message>
            <source>Find cases by number; tick several to link the same evidence to each</source>
            <translation>按案号查找案件；勾选多个即将同一证据分别关联到各案件</translation>
        </message>
        <message>
            <source>Play / &amp;open</source>
            <translation>播放/打开(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>TriageNotice</name>
        <message>
            <source>{count} evidence items have waited longer than {days} days for a case: &lt;a href="triage"&gt;link them now&lt;/a&gt;.</source>
            <translation>有 {count} 件证据等待关联案件已超过 {days} 天：&lt;a href="triage"&gt;立即关联&lt;/a&gt;。</translation>
        </message>
    </context>
    <context>
        <name>CasePickerDialog</name>
        <message>
            <source>Finding cases</source>
            <translation>正在查找案件</translation>
        </message>
        <message>
            <source>Find a case</source>
            <translation>查找案件</translation>
        </message>
        <message>
            <source>Link to: {numbers}</source>
            <translation>将关联到：{numbers}</translation>
        </message>
        <message>
            <source>No case matches.</source>
            <translation>没有符合条件的案件。</translation>
        </message>
        <message>
            <source>Tick every case the evidence belongs to.</source>
            <translation>勾选证据所属的每一个案件。</translation>
        </message>
        <message>
            <source>Link evidence to cases</source>
            <translation>关联证据与案件</translation>
        </message>
        <message>
            <source>{count} evidence files: {names}</source>
            <translation>{count} 件证据：{names}</translation>
        </message>
        <message>
            <source>&amp;Search by case number, party or cause:</source>
            <translation>按案号、当事人或案由查找(&amp;S)：</translation>
        </message>
        <message>
            <source>Case number, party name or cause</source>
            <translation>案号、当事人名称或案由</translation>
        </message>
    </context>
    <context>
        <name>QtDeviceHandler</name>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
    </context>
    <context>
        <name>DevicePasswordDialog</name>
        <message>
            <source>Type the device password.</source>
            <translation>请输入设备密码。</translation>
        </message>
        <message>
            <source>Device password</source>
            <translation>设备密码</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>密码(&amp;P)：</translation>
        </message>
    </context>
    <context>
        <name>DevicesSection</name>
        <message>
            <source>Reading the user-defined devices</source>
            <translation>正在读取自定义设备</translation>
        </message>
        <message>
            <source>User-defined devices</source>
            <translation>自定义设备</translation>
        </message>
        <message>
            <source>Delete user-defined device</source>
            <translation>删除自定义设备</translation>
        </message>
        <message>
            <source>Delete {name}? Devices with its ids are no longer recognised; evidence already imported from them is kept.</source>
            <translation>删除 {name}？此后不再识别具有这些标识的设备；已从其导入的证据仍予保留。</translation>
        </message>
        <message>
            <source>Devices Zhifa has no driver for: it recognises them by their USB ids and reads officer, time and sequence from their file names.</source>
            <translation>没有内置驱动的设备：按其 USB 标识识别，并从文件名中读取警号、时间和序号。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Vendor id</source>
            <translation>厂商标识</translation>
        </message>
        <message>
            <source>Product id</source>
            <translation>产品标识</translation>
        </message>
        <message>
            <source>File-name pattern</source>
            <translation>文件名规则</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>&amp;Add device…</source>
            <translation>添加设备(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
    </context>
    <context>
        <name>DeviceDefinitionDialog</name>
        <message>
            <source>Give the device a name.</source>
            <translation>请填写设备名称。</translation>
        </message>
        <message>
            <source>The vendor id is required: four hexadecimal digits, e.g. 2b7e.</source>
            <translation>必须填写厂商标识：四位十六进制数，例如 2b7e。</translation>
        </message>
        <message>
            <source>The vendor id must be four hexadecimal digits, e.g. 2b7e.</source>
            <translation>厂商标识应为四位十六进制数，例如 2b7e。</translation>
        </message>
        <message>
            <source>The product id must be four hexadecimal digits, e.g. a001 (or empty for every product of the vendor).</source>
            <translation>产品标识应为四位十六进制数，例如 a001（留空表示该厂商的全部产品）。</translation>
        </message>
        <message>
            <source>This name does not match the pattern.</source>
            <translation>此文件名不符合规则。</translation>
        </message>
        <message>
            <source>Matches: {fields}</source>
            <translation>符合规则：{fields}</translation>
        </message>
        <message>
            <source>User-defined device</source>
            <translation>自定义设备</translation>
        </message>
        <message>
            <source>Edit user-defined device</source>
            <translation>编辑自定义设备</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Vendor id (hex):</source>
            <translation>厂商标识（十六进制）(&amp;V)：</translation>
        </message>
        <message>
            <source>&amp;Product id (hex):</source>
            <translation>产品标识（十六进制）(&amp;P)：</translation>
        </message>
        <message>
            <source>File-name &amp;pattern:</source>
            <translation>文件名规则(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Kind of files:</source>
            <translation>文件类型(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;Try a file name:</source>
            <translation>试验文件名(&amp;T)：</translation>
        </message>
        <message>
            <source>empty: every product of the vendor</source>
            <translation>留空：该厂商的全部产品</translation>
        </message>
        <message>
            <source>Placeholders: {officer} officer number, {serial} device serial, {date} YYYYMMDD, {time} HHMMSS, {datetime} YYYYMMDDHHMMSS, {seq} sequence, {any} any text; * matches anything. A pattern with folders (DCIM/{date}/...) matches the whole path.</source>
            <translation>占位符：{officer} 警号，{serial} 设备编号，{date} 年月日（YYYYMMDD），{time} 时分秒（HHMMSS），{datetime} YYYYMMDDHHMMSS，{seq} 序号，{any} 任意文字；* 匹配任意内容。含文件夹的规则（DCIM/{date}/...）匹配完整路径。</translation>
        </message>
    </context>
</TS>
