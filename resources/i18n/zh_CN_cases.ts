<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseListModel</name>
    <message>
        <source>Number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>about {due} {rule} (working-day calendar missing)</source>
        <translation>约 {due} {rule}（缺少工作日历，暂按周末推算）</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <source>Search by case number, party or matter (Ctrl+F)</source>
        <translation>按案号、当事人或执法事项搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Exported {count} cases to {path}</source>
        <translation>已导出 {count} 件案件到 {path}</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export every case matching the filter to an Excel workbook</source>
        <translation>将符合筛选条件的全部案件导出为 Excel 工作簿</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>办理中的案件</translation>
    </message>
    <message>
        <source>All matters</source>
        <translation>全部执法事项</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due within 3 working days</source>
        <translation>3 个工作日内到期</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Matter</source>
        <translation>事项(&amp;M)</translation>
    </message>
    <message>
        <source>O&amp;fficer</source>
        <translation>承办人(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Registered from</source>
        <translation>登记日期(&amp;R)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SavedFilterControls</name>
    <message>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <source>Name of the filter:</source>
        <translation>筛选名称：</translation>
    </message>
    <message>
        <source>Replace the saved filter “{name}”?</source>
        <translation>替换已保存的筛选“{name}”？</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Sa&amp;ved filters</source>
        <translation>已存筛选(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save filter…</source>
        <translation>保存筛选(&amp;S)…</translation>
    </message>
    <message>
        <source>Delete filter</source>
        <translation>删除筛选</translation>
    </message>
</context>
<context>
    <name>CaseExport</name>
    <message>
        <source>cases-{day}.xlsx</source>
        <translation>案件导出-{day}.xlsx</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing {done} of {total} cases…</source>
        <translation>正在写入第 {done} 件，共 {total} 件…</translation>
    </message>
    <message>
        <source>Exporting cases</source>
        <translation>正在导出案件</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Zhifa</source>
        <translation>执法办案</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Counting cases…</source>
        <translation>正在统计案件…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>as of {time}</source>
        <translation>统计时间：{time}</translation>
    </message>
    <message>
        <source>{count} ({percent} of {whole})</source>
        <translation>{count}（占 {whole} 件的 {percent}）</translation>
    </message>
    <message>
        <source>{days} days ({count} cases)</source>
        <translation>{days} 天（{count} 件）</translation>
    </message>
    <message>
        <source>{amount} ({percent})</source>
        <translation>{amount}（{percent}）</translation>
    </message>
    <message>
        <source>Closed in {year}:</source>
        <translation>{year}年结案：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Count again (F5)</source>
        <translation>重新统计（F5）</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Cases by kind</source>
        <translation>按案件类型</translation>
    </message>
    <message>
        <source>Cases by stage</source>
        <translation>按办案环节</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>All cases:</source>
        <translation>案件总数：</translation>
    </message>
    <message>
        <source>Open cases:</source>
        <translation>办理中：</translation>
    </message>
    <message>
        <source>Overdue (of open cases):</source>
        <translation>超期（办理中案件）：</translation>
    </message>
    <message>
        <source>Closed this year:</source>
        <translation>本年结案：</translation>
    </message>
    <message>
        <source>Average handling time, filing to closing:</source>
        <translation>平均办案时长（立案至结案）：</translation>
    </message>
    <message>
        <source>Fines decided:</source>
        <translation>决定罚款：</translation>
    </message>
    <message>
        <source>Fines collected:</source>
        <translation>已缴罚款：</translation>
    </message>
    <message>
        <source>Legal review (of decided ordinary cases):</source>
        <translation>法制审核（已决定的普通程序案件）：</translation>
    </message>
    <message>
        <source>Hearings (of decided ordinary cases):</source>
        <translation>听证（已决定的普通程序案件）：</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>{overdue} overdue, {soon} due within 3 working days.</source>
        <translation>已超期 {overdue} 件，3 个工作日内到期 {soon} 件。</translation>
    </message>
    <message>
        <source>The {count} not listed are in the case list (filter by deadline).</source>
        <translation>其余 {count} 件未列出，可在案件列表中按期限筛选查看。</translation>
    </message>
    <message>
        <source>Deadline reminders</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Double-click a case (or press Enter) to open it.</source>
        <translation>双击案件（或按回车键）可打开案件。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Deadline reminders</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>{overdue} cases overdue, {soon} due within 3 working days.</source>
        <translation>已超期案件 {overdue} 件，3 个工作日内到期 {soon} 件。</translation>
    </message>
</context>
</TS>
