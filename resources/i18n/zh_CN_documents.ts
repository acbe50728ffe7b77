<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CaseDocumentsTab</name>
        <message>
            <source>&amp;Another one</source>
            <translation>再制作一份(&amp;A)</translation>
        </message>
        <message>
            <source>A further record of this kind (another witness, another site)</source>
            <translation>再制作一份同类笔录（另一名被询问人、另一处现场）</translation>
        </message>
        <message>
            <source>(given on approval)</source>
            <translation>（批准后编号）</translation>
        </message>
        <message>
            <source>{name} is final (served, signed or its step taken) and can no longer change; its versions can still be read.</source>
            <translation>{name}已定稿（已送达、签署或相关环节已办理），不能再修改；仍可查看其各版本。</translation>
        </message>
        <message>
            <source>(given when generated)</source>
            <translation>（生成时编号）</translation>
        </message>
        <message>
            <source>Re&amp;generate</source>
            <translation>重新生成(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <source>Your role does not generate or edit documents.</source>
            <translation>您当前的角色不能生成或编辑文书。</translation>
        </message>
        <message>
            <source>Preview and printing need LibreOffice, which is not installed on this computer.</source>
            <translation>预览和打印需要 LibreOffice，本机未安装。</translation>
        </message>
        <message>
            <source>The current version was edited in Word/WPS; regenerating makes a new version from the case data (the edited one is kept).</source>
            <translation>当前版本已在 Word/WPS 中修改；重新生成将依据案件数据形成新版本（修改过的版本仍保留）。</translation>
        </message>
        <message>
            <source>Looking for edits made in Word/WPS</source>
            <translation>正在检查在 Word/WPS 中所做的修改</translation>
        </message>
        <message>
            <source>The changes made to {name} in Word/WPS were recorded as version {version}.</source>
            <translation>在 Word/WPS 中对{name}所做的修改已记录为第 {version} 版。</translation>
        </message>
        <message>
            <source>{name} was changed in Word/WPS, but it is final: the changes were not recorded and the document stays as it was.</source>
            <translation>{name}在 Word/WPS 中被修改，但该文书已定稿：修改未被记录，文书保持原样。</translation>
        </message>
        <message>
            <source>{name} was changed in Word/WPS but cannot be read yet. Save and close it there; the changes are recorded when you come back.</source>
            <translation>{name}在 Word/WPS 中被修改，但暂时无法读取。请在 Word/WPS 中保存并关闭；回到本系统时将记录修改。</translation>
        </message>
        <message>
            <source>Documents of &amp;this case and those its stage can make now:</source>
            <translation>本案文书及当前环节可制作的文书(&amp;T)：</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>文号</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>最后修改</translation>
        </message>
        <message>
            <source>&amp;Open in Word/WPS</source>
            <translation>在 Word/WPS 中打开(&amp;O)</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>预览(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>Versio&amp;ns…</source>
            <translation>版本记录(&amp;N)…</translation>
        </message>
        <message>
            <source>Export &amp;case file…</source>
            <translation>导出卷宗(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Hide</source>
            <translation>隐藏(&amp;H)</translation>
        </message>
        <message>
            <source>Opens a working copy; what you save there is recorded as a new version when you come back to Zhifa.</source>
            <translation>打开一份工作副本；您在其中保存的内容，回到本系统时将记录为新版本。</translation>
        </message>
    </context>
    <context>
        <name>CaseTexts</name>
        <message>
            <source>Document generated</source>
            <translation>生成文书</translation>
        </message>
        <message>
            <source>Document edits recorded</source>
            <translation>记录文书修改</translation>
        </message>
        <message>
            <source>Document frozen</source>
            <translation>文书定稿</translation>
        </message>
        <message>
            <source>Case file exported</source>
            <translation>导出卷宗</translation>
        </message>
    </context>
    <context>
        <name>DocumentActions</name>
        <message>
            <source>{pages} page(s) sent to the printer.</source>
            <translation>已向打印机发送 {pages} 页。</translation>
        </message>
        <message>
            <source>Regenerate {name}</source>
            <translation>重新生成{name}</translation>
        </message>
        <message>
            <source>The current version of {name} was edited in Word/WPS. Regenerate it from the case data? The edited version is kept among its versions.</source>
            <translation>{name}的当前版本已在 Word/WPS 中修改。是否依据案件数据重新生成？修改过的版本仍保留在版本记录中。</translation>
        </message>
        <message>
            <source>Generating {name}…</source>
            <translation>正在生成{name}…</translation>
        </message>
        <message>
            <source>Generating {name}</source>
            <translation>正在生成{name}</translation>
        </message>
        <message>
            <source>Cannot generate {name}</source>
            <translation>无法生成{name}</translation>
        </message>
        <message>
            <source>{name}{number}: version {version} generated.</source>
            <translation>{name}{number}：已生成第 {version} 版。</translation>
        </message>
        <message>
            <source>{name}{number}: nothing changed since version {version}, no new version was made.</source>
            <translation>{name}{number}：与第 {version} 版相比没有变化，未形成新版本。</translation>
        </message>
        <message>
            <source>Opening {name}</source>
            <translation>正在打开{name}</translation>
        </message>
        <message>
            <source>Open in Word/WPS</source>
            <translation>在 Word/WPS 中打开</translation>
        </message>
        <message>
            <source>{name} is open in Word/WPS. Save your changes there: they are recorded as a new version when you come back to Zhifa.</source>
            <translation>{name}已在 Word/WPS 中打开。请在其中保存修改：回到本系统时将记录为新版本。</translation>
        </message>
        <message>
            <source>No program to open Word documents was found. The working copy is at {path}.</source>
            <translation>未找到可打开 Word 文档的程序。工作副本位于 {path}。</translation>
        </message>
        <message>
            <source>Rendering page {done} of {total}…</source>
            <translation>正在生成第 {done}/{total} 页…</translation>
        </message>
        <message>
            <source>Converting to PDF…</source>
            <translation>正在转换为 PDF…</translation>
        </message>
        <message>
            <source>Preview of {name}</source>
            <translation>预览{name}</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Preparing {name} for printing</source>
            <translation>正在准备打印{name}</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
    </context>
    <context>
        <name>DocumentLabels</name>
        <message>
            <source>Pending</source>
            <translation>待制作</translation>
        </message>
        <message>
            <source>Generated</source>
            <translation>已生成</translation>
        </message>
        <message>
            <source>Edited in Word/WPS</source>
            <translation>已在 Word/WPS 中修改</translation>
        </message>
        <message>
            <source>Frozen</source>
            <translation>已定稿</translation>
        </message>
        <message>
            <source>Generated from the case</source>
            <translation>依据案件生成</translation>
        </message>
        <message>
            <source>Main volume</source>
            <translation>正卷</translation>
        </message>
        <message>
            <source>Secondary volume</source>
            <translation>副卷</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>已使用</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>已作废</translation>
        </message>
        <message>
            <source>Not yet issued</source>
            <translation>未使用</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Collecting the documents…</source>
            <translation>正在收集文书…</translation>
        </message>
        <message>
            <source>Writing the zip of the original files…</source>
            <translation>正在写入原件压缩包…</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <source>Binding the {volume}…</source>
            <translation>正在装订{volume}…</translation>
        </message>
    </context>
    <context>
        <name>DossierDialog</name>
        <message>
            <source>Folder for the case file</source>
            <translation>卷宗保存位置</translation>
        </message>
        <message>
            <source>Binding the case file…</source>
            <translation>正在装订卷宗…</translation>
        </message>
        <message>
            <source>Exporting the case file of {number}</source>
            <translation>正在导出 {number} 的卷宗</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation>已取消：未写入任何文件。</translation>
        </message>
        <message>
            <source>The case file could not be exported: {reason}</source>
            <translation>卷宗未能导出：{reason}</translation>
        </message>
        <message>
            <source>The case file of {number} was exported ({count} documents).</source>
            <translation>{number} 的卷宗已导出（共 {count} 份文书）。</translation>
        </message>
        <message>
            <source>• {file}</source>
            <translation>• {file}</translation>
        </message>
        <message>
            <source>Pages: {pages}</source>
            <translation>页数：{pages}</translation>
        </message>
        <message>
            <source>• {file} (the original files with their SHA-256)</source>
            <translation>• {file}（原件及其 SHA-256 校验值）</translation>
        </message>
        <message>
            <source>No PDF converter (LibreOffice) is installed, so no PDF volumes were made: only the zip of the original files was written. Install LibreOffice and export again for the bound PDFs.</source>
            <translation>本机未安装 PDF 转换程序（LibreOffice），因此未生成 PDF 卷宗，只写入了原件压缩包。安装 LibreOffice 后重新导出即可得到装订好的 PDF。</translation>
        </message>
        <message>
            <source>Folder: {folder}</source>
            <translation>位置：{folder}</translation>
        </message>
        <message>
            <source>Export the case file of {number}</source>
            <translation>导出 {number} 的卷宗</translation>
        </message>
        <message>
            <source>The case file (卷宗) is bound in the order of its volumes: cover, table of contents with page numbers, the documents, the evidence list and the reference sheet, one PDF per volume, with a zip of the original files.</source>
            <translation>卷宗按正卷、副卷的装订顺序生成：封面、带页码的卷内文件目录、文书、证据清单和卷内备考表，每卷一个 PDF，另附原件压缩包。</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>保存位置(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>No PDF converter (LibreOffice) is installed: only the zip of the original files will be written.</source>
            <translation>本机未安装 PDF 转换程序（LibreOffice）：只会写入原件压缩包。</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>打开文件夹(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>NumberRegisterSection</name>
        <message>
            <source>Reading the number register</source>
            <translation>正在读取文号登记簿</translation>
        </message>
        <message>
            <source>{series} No. {first}</source>
            <translation>{series}字 第 {first} 号</translation>
        </message>
        <message>
            <source>{series} No. {first}–{last}</source>
            <translation>{series}字 第 {first}–{last} 号</translation>
        </message>
        <message>
            <source>{used} used, {void} void</source>
            <translation>已使用 {used} 个，已作废 {void} 个</translation>
        </message>
        <message>
            <source>{number} is void.</source>
            <translation>{number} 已作废。</translation>
        </message>
        <message>
            <source>Document number register</source>
            <translation>文号登记簿</translation>
        </message>
        <message>
            <source>&amp;Year:</source>
            <translation>年度(&amp;Y)：</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>文号</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <source>Issued / returned</source>
            <translation>取号/退回时间</translation>
        </message>
        <message>
            <source>By</source>
            <translation>取号人</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>工作站</translation>
        </message>
        <message>
            <source>Reason voided</source>
            <translation>作废原因</translation>
        </message>
        <message>
            <source>&amp;Void number…</source>
            <translation>作废文号(&amp;V)…</translation>
        </message>
        <message>
            <source>Reload re&amp;gister</source>
            <translation>重新读取(&amp;G)</translation>
        </message>
    </context>
    <context>
        <name>PdfPrinting</name>
        <message>
            <source>Print {name}</source>
            <translation>打印{name}</translation>
        </message>
        <message>
            <source>Printing page {done} of {total}…</source>
            <translation>正在打印第 {done}/{total} 页…</translation>
        </message>
        <message>
            <source>Printing {name}</source>
            <translation>正在打印{name}</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>The printer could not be started. Check that it is connected and try again.</source>
            <translation>无法启动打印机。请检查打印机连接后重试。</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>Preview: {name}</source>
            <translation>预览：{name}</translation>
        </message>
        <message>
            <source>{name}: {count} page(s)</source>
            <translation>{name}：共 {count} 页</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>Page {number} of {count}</source>
            <translation>第 {number} 页，共 {count} 页</translation>
        </message>
    </context>
    <context>
        <name>TemplatesSection</name>
        <message>
            <source>Bureau's own</source>
            <translation>本局模板</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>系统自带</translation>
        </message>
        <message>
            <source>Export template</source>
            <translation>导出模板</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>Exporting the template</source>
            <translation>正在导出模板</translation>
        </message>
        <message>
            <source>Template written to {path}. Edit it in Word/WPS and import it back.</source>
            <translation>模板已写入 {path}。请在 Word/WPS 中编辑后再导入。</translation>
        </message>
        <message>
            <source>Import template for {name}</source>
            <translation>导入{name}模板</translation>
        </message>
        <message>
            <source>{name} now uses the bureau's own template.</source>
            <translation>{name}现在使用本局模板。</translation>
        </message>
        <message>
            <source>Checking the template</source>
            <translation>正在检查模板</translation>
        </message>
        <message>
            <source>Template refused</source>
            <translation>模板未被接受</translation>
        </message>
        <message>
            <source>Reset template</source>
            <translation>恢复模板</translation>
        </message>
        <message>
            <source>Use the shipped template for {name} again? The bureau's own template is removed.</source>
            <translation>是否恢复使用系统自带的{name}模板？本局模板将被删除。</translation>
        </message>
        <message>
            <source>{name} uses the shipped template again.</source>
            <translation>{name}已恢复使用系统自带模板。</translation>
        </message>
        <message>
            <source>Document templates</source>
            <translation>文书模板</translation>
        </message>
        <message>
            <source>Each document type is made from the shipped template unless the bureau imported its own. Export a template, edit it in Word/WPS keeping its {{ fields }}, and import it back; it is checked before it is used.</source>
            <translation>每类文书使用系统自带模板，除非本局导入了自己的模板。导出模板，在 Word/WPS 中编辑（保留其中的 {{ 字段 }}）后再导入；模板经检查后才会启用。</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>卷别</translation>
        </message>
        <message>
            <source>Number series</source>
            <translation>文号类别</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>E&amp;xport template…</source>
            <translation>导出模板(&amp;X)…</translation>
        </message>
        <message>
            <source>I&amp;mport template…</source>
            <translation>导入模板(&amp;M)…</translation>
        </message>
        <message>
            <source>Reset to the shipped &amp;template</source>
            <translation>恢复系统自带模板(&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>VersionsDialog</name>
        <message>
            <source>Open version</source>
            <translation>打开版本</translation>
        </message>
        <message>
            <source>No program to open Word documents was found. The copy is at {path}.</source>
            <translation>未找到可打开 Word 文档的程序。副本位于 {path}。</translation>
        </message>
        <message>
            <source>Versions of {name}</source>
            <translation>{name}的版本记录</translation>
        </message>
        <message>
            <source>&amp;Versions of {name}. Every version is kept; an old version opens as a read-only copy.</source>
            <translation>{name}的版本记录(&amp;V)。每个版本都会保留；旧版本以只读副本打开。</translation>
        </message>
        <message>
            <source>&amp;Open this version (read-only)</source>
            <translation>打开此版本（只读）(&amp;O)</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256 校验值</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
    </context>
    <context>
        <name>VoidNumberDialog</name>
        <message>
            <source>Void {number}</source>
            <translation>作废 {number}</translation>
        </message>
        <message>
            <source>{number} will be marked void in the register and never issued again. The document keeps its text; a new number is not given automatically.</source>
            <translation>{number} 将在登记簿中标记为作废，且不再使用。文书内容不变；不会自动重新编号。</translation>
        </message>
        <message>
            <source>&amp;Reason (required):</source>
            <translation>作废原因（必填）(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Void number</source>
            <translation>作废文号(&amp;V)</translation>
        </message>
    </context>
    <context>
        <name>DocumentInputsDialog</name>
        <message>
            <source>Fill in {name}</source>
            <translation>填写{name}</translation>
        </message>
        <message>
            <source>{name} needs the following, which the case file does not hold. What you type is kept with the document for the next time it is generated.</source>
            <translation>{name}需要填写以下内容（案件信息中没有）。所填内容随文书保存，下次生成时沿用。</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>One item a line: name, specification, quantity, note</source>
            <translation>每行一项：名称，规格，数量，备注</translation>
        </message>
    </context>
</TS>
