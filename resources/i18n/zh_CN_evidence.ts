<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>EvidenceLabels</name>
        <message>
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>音频</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>Rapid-test result</source>
            <translation>快检结果</translation>
        </message>
        <message>
            <source>Other file</source>
            <translation>其他文件</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>不合格</translation>
        </message>
        <message>
            <source>Not determined</source>
            <translation>无法判定</translation>
        </message>
        <message>
            <source>Not yet copied</source>
            <translation>未复制</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
        <message>
            <source>Already imported</source>
            <translation>已导入过</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>已列出</translation>
        </message>
        <message>
            <source>Interrupted</source>
            <translation>已中断</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Detected</source>
            <translation>已识别</translation>
        </message>
        <message>
            <source>Waiting for its storage</source>
            <translation>等待存储就绪</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>有问题</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>已拔出</translation>
        </message>
        <message>
            <source>Body camera</source>
            <translation>执法记录仪</translation>
        </message>
        <message>
            <source>Rapid-test device</source>
            <translation>快检设备</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>相机</translation>
        </message>
        <message>
            <source>Audio recorder</source>
            <translation>录音笔</translation>
        </message>
        <message>
            <source>User-defined device</source>
            <translation>自定义设备</translation>
        </message>
        <message>
            <source>{rate} MB/s</source>
            <translation>{rate} MB/秒</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} 秒</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} 分 {s} 秒</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} 小时 {m} 分</translation>
        </message>
        <message>
            <source>{d} days</source>
            <translation>{d} 天</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>in step</source>
            <translation>准确</translation>
        </message>
        <message>
            <source>{amount} fast</source>
            <translation>快 {amount}</translation>
        </message>
        <message>
            <source>{amount} slow</source>
            <translation>慢 {amount}</translation>
        </message>
    </context>
    <context>
        <name>EvidenceItemModel</name>
        <message>
            <source>Officer no. {number}</source>
            <translation>警号 {number}</translation>
        </message>
        <message>
            <source>Original path: {path}</source>
            <translation>原始路径：{path}</translation>
        </message>
        <message>
            <source>Device {serial} ({driver}), {size}</source>
            <translation>设备 {serial}（{driver}），{size}</translation>
        </message>
        <message>
            <source>Imported {when} by {name} on {workstation}</source>
            <translation>{name} 于 {when} 在 {workstation} 导入</translation>
        </message>
        <message>
            <source>Device clock {device}, corrected {corrected}</source>
            <translation>设备时钟 {device}，校正后 {corrected}</translation>
        </message>
        <message>
            <source>Marked important on the device</source>
            <translation>设备上标记为重要文件</translation>
        </message>
    </context>
    <context>
        <name>ResultsTable</name>
        <message>
            <source>Test item</source>
            <translation>检测项目</translation>
        </message>
        <message>
            <source>Sample</source>
            <translation>样品</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>检测值</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>限量</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <source>Tested at</source>
            <translation>检测时间</translation>
        </message>
        <message>
            <source>Sample no.</source>
            <translation>样品编号</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>检测方法</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
    </context>
    <context>
        <name>PlayerDialog</name>
        <message>
            <source>The file cannot be played here: {reason}</source>
            <translation>无法在此播放该文件：{reason}</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>暂停(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>播放(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Drag to move through the recording</source>
            <translation>拖动以定位录像</translation>
        </message>
    </context>
    <context>
        <name>MediaOpener</name>
        <message>
            <source>Opening {name}</source>
            <translation>正在打开 {name}</translation>
        </message>
        <message>
            <source>Open evidence</source>
            <translation>打开证据</translation>
        </message>
        <message>
            <source>No program on this computer opens {name}. A read-only copy is at {path}.</source>
            <translation>本机没有可打开 {name} 的程序。只读副本位于 {path}。</translation>
        </message>
    </context>
    <context>
        <name>CustodyExport</name>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>custody-{number}.pdf</source>
            <translation>证据保管链-{number}.pdf</translation>
        </message>
        <message>
            <source>Export the custody report</source>
            <translation>导出证据保管链报告</translation>
        </message>
        <message>
            <source>Writing the custody report</source>
            <translation>正在生成证据保管链报告</translation>
        </message>
    </context>
    <context>
        <name>CaseEvidencePanel</name>
        <message>
            <source>The documents and records the procedure of this case requires, with the step that needs each.</source>
            <translation>本案程序所需的文书和记录，以及需要各项材料的步骤。</translation>
        </message>
        <message>
            <source>Custody report written to {path}</source>
            <translation>证据保管链报告已保存到 {path}</translation>
        </message>
        <message>
            <source>Reading the case's evidence</source>
            <translation>正在读取本案证据</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <source>Checking {name}</source>
            <translation>正在校验 {name}</translation>
        </message>
        <message>
            <source>Verify evidence</source>
            <translation>校验证据</translation>
        </message>
        <message>
            <source>{name} is intact: its SHA-256 matches the value recorded at import.</source>
            <translation>{name} 完好：其 SHA-256 与导入时记录的值一致。</translation>
        </message>
        <message>
            <source>{name} no longer matches the SHA-256 recorded at import: the stored file was altered or damaged. Tell the administrator; the original may still be on the device.</source>
            <translation>{name} 与导入时记录的 SHA-256 不一致：存储的文件已被改动或损坏。请告知管理员；原始文件可能仍在设备上。</translation>
        </message>
        <message>
            <source>{name} was unlinked from this case.</source>
            <translation>已取消 {name} 与本案的关联。</translation>
        </message>
        <message>
            <source>Unlinking {name}</source>
            <translation>正在取消 {name} 的关联</translation>
        </message>
        <message>
            <source>Unlink evidence</source>
            <translation>取消关联证据</translation>
        </message>
        <message>
            <source>&amp;Play</source>
            <translation>播放(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Evidence files of this case ({count}):</source>
            <translation>本案证据文件(&amp;E)（{count} 件）：</translation>
        </message>
        <message>
            <source>&amp;Evidence files of this case: none linked yet. Imported files are linked in Devices › Evidence waiting for a case.</source>
            <translation>本案证据文件(&amp;E)：尚未关联。导入的文件在“设备 › 待关联证据”中关联到案件。</translation>
        </message>
        <message>
            <source>Rapid-test results:</source>
            <translation>快检结果：</translation>
        </message>
        <message>
            <source>&amp;Verify hash</source>
            <translation>校验哈希(&amp;V)</translation>
        </message>
        <message>
            <source>Read the stored file again and compare its SHA-256 with the record</source>
            <translation>重新读取存储的文件，将其 SHA-256 与记录比对</translation>
        </message>
        <message>
            <source>&amp;Unlink…</source>
            <translation>取消关联(&amp;U)…</translation>
        </message>
        <message>
            <source>E&amp;xport custody report…</source>
            <translation>导出保管链报告(&amp;X)…</translation>
        </message>
        <message>
            <source>The chain of custody of every file of this case, as PDF or xlsx</source>
            <translation>本案每件证据的保管链，导出为 PDF 或 xlsx</translation>
        </message>
    </context>
    <context>
        <name>UnlinkDialog</name>
        <message>
            <source>Unlink evidence</source>
            <translation>取消关联证据</translation>
        </message>
        <message>
            <source>Unlink {name} from case {number}? The file stays in the evidence store and returns to the evidence waiting for a case if no other case uses it.</source>
            <translation>取消 {name} 与案件 {number} 的关联？文件仍保存在证据库中；如没有其他案件使用，将回到待关联证据。</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>原因(&amp;R)：</translation>
        </message>
    </context>
</TS>
