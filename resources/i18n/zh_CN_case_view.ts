<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ActionBar</name>
        <message>
            <source>&amp;Why not?</source>
            <translation>为什么不可用(&amp;W)？</translation>
        </message>
        <message>
            <source>List the actions that cannot be taken now and why</source>
            <translation>列出当前不能执行的操作及原因</translation>
        </message>
    </context>
    <context>
        <name>ActionDialog</name>
        <message>
            <source>{name} ({number}, certificate not valid)</source>
            <translation>{name}（{number}，执法证无效）</translation>
        </message>
        <message>
            <source>Case {number}: {action}</source>
            <translation>案件 {number}：{action}</translation>
        </message>
        <message>
            <source>This step produces: {documents}</source>
            <translation>此步骤形成文书：{documents}</translation>
        </message>
        <message>
            <source>Decision:</source>
            <translation>审批意见：</translation>
        </message>
        <message>
            <source>&amp;Approve</source>
            <translation>同意(&amp;A)</translation>
        </message>
        <message>
            <source>Re&amp;turn</source>
            <translation>退回(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Comment (required):</source>
            <translation>意见(&amp;C)（必填）：</translation>
        </message>
        <message>
            <source>&amp;Comment:</source>
            <translation>意见(&amp;C)：</translation>
        </message>
        <message>
            <source> (yuan)</source>
            <translation>（元）</translation>
        </message>
        <message>
            <source>Still owed: {owed} (late surcharge {surcharge})</source>
            <translation>尚欠：{owed}（其中加处罚款 {surcharge}）</translation>
        </message>
    </context>
    <context>
        <name>ApprovalInbox</name>
        <message>
            <source>Reading the approval inbox</source>
            <translation>正在读取待审批事项</translation>
        </message>
        <message>
            <source>Returning needs a comment</source>
            <translation>退回须填写意见</translation>
        </message>
        <message>
            <source>This step cannot be returned; open the case to act on it</source>
            <translation>此事项不能退回；请打开案件办理</translation>
        </message>
        <message>
            <source>Decisions must be approved one by one: deselect {count} decision(s)</source>
            <translation>处罚决定须逐件审批：请取消选择 {count} 件决定</translation>
        </message>
        <message>
            <source>Approve every selected item, each on its own</source>
            <translation>逐件批准所有选中的事项</translation>
        </message>
        <message>
            <source>Approved: {number} {what}</source>
            <translation>已批准：{number} {what}</translation>
        </message>
        <message>
            <source>Returning needs a comment saying why.</source>
            <translation>退回须填写意见，说明理由。</translation>
        </message>
        <message>
            <source>Returned: {number} {what}</source>
            <translation>已退回：{number} {what}</translation>
        </message>
        <message>
            <source>Case changed meanwhile</source>
            <translation>案件已被他人修改</translation>
        </message>
        <message>
            <source>Not possible</source>
            <translation>无法办理</translation>
        </message>
        <message>
            <source>Approving {count} items</source>
            <translation>正在批准 {count} 件事项</translation>
        </message>
        <message>
            <source>{done} approved, {refused} not approved.</source>
            <translation>已批准 {done} 件，未批准 {refused} 件。</translation>
        </message>
        <message>
            <source>Some items were not approved</source>
            <translation>部分事项未批准</translation>
        </message>
        <message>
            <source>{count} items wait for your approval</source>
            <translation>共 {count} 件事项待您审批</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>Read the inbox again (F5)</source>
            <translation>重新读取待审批事项（F5）</translation>
        </message>
        <message>
            <source>&amp;Comment (required to return):</source>
            <translation>意见(&amp;C)（退回时必填）：</translation>
        </message>
        <message>
            <source>&amp;Approve</source>
            <translation>批准(&amp;A)</translation>
        </message>
        <message>
            <source>Re&amp;turn</source>
            <translation>退回(&amp;T)</translation>
        </message>
        <message>
            <source>Approve &amp;selected</source>
            <translation>批量批准(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Open case</source>
            <translation>打开案件(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsTab</name>
        <message>
            <source>Approval</source>
            <translation>审批事项</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>审批意见</translation>
        </message>
        <message>
            <source>By</source>
            <translation>审批人</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>意见</translation>
        </message>
    </context>
    <context>
        <name>CaseHeader</name>
        <message>
            <source>Party:</source>
            <translation>当事人：</translation>
        </message>
        <message>
            <source>Matter:</source>
            <translation>执法事项：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>案件类型：</translation>
        </message>
        <message>
            <source>Next deadline:</source>
            <translation>下一期限：</translation>
        </message>
        <message>
            <source>Stage: {stage}</source>
            <translation>环节：{stage}</translation>
        </message>
        <message>
            <source>Paused since {day}</source>
            <translation>自 {day} 起中止计算期限</translation>
        </message>
        <message>
            <source>None open</source>
            <translation>无未到期期限</translation>
        </message>
        <message>
            <source>{day} (provisional)</source>
            <translation>{day}（暂定）</translation>
        </message>
        <message>
            <source>{rule}: {day} ({status})</source>
            <translation>{rule}：{day}（{status}）</translation>
        </message>
        <message>
            <source>How it was computed: {explanation}</source>
            <translation>计算方法：{explanation}</translation>
        </message>
    </context>
    <context>
        <name>CaseTexts</name>
        <message>
            <source>Filing approval</source>
            <translation>立案审批</translation>
        </message>
        <message>
            <source>Penalty decision approval</source>
            <translation>处罚决定审批</translation>
        </message>
        <message>
            <source>Coercive measure approval</source>
            <translation>行政强制措施审批</translation>
        </message>
        <message>
            <source>Release of the coercive measure</source>
            <translation>解除行政强制措施审批</translation>
        </message>
        <message>
            <source>Enforcement application approval</source>
            <translation>申请强制执行审批</translation>
        </message>
        <message>
            <source>Case closing approval</source>
            <translation>结案审批</translation>
        </message>
        <message>
            <source>Fine waiver approval</source>
            <translation>免缴罚款审批</translation>
        </message>
        <message>
            <source>Transfer approval</source>
            <translation>移送审批</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>同意</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>退回</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>计算中</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已超期</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Elapsed</source>
            <translation>已届满</translation>
        </message>
        <message>
            <source>Calendar missing</source>
            <translation>缺少工作日历</translation>
        </message>
        <message>
            <source>Natural person</source>
            <translation>自然人</translation>
        </message>
        <message>
            <source>Legal person or other organisation</source>
            <translation>法人或其他组织</translation>
        </message>
        <message>
            <source>Case source registered</source>
            <translation>案件来源登记</translation>
        </message>
        <message>
            <source>Officers assigned</source>
            <translation>变更执法人员</translation>
        </message>
        <message>
            <source>Parties updated</source>
            <translation>更新当事人信息</translation>
        </message>
        <message>
            <source>Resumed</source>
            <translation>恢复计算期限</translation>
        </message>
        <message>
            <source>Suspended ({kind})</source>
            <translation>中止计算期限（{kind}）</translation>
        </message>
        <message>
            <source>Deadline extended: {rule}</source>
            <translation>延长期限：{rule}</translation>
        </message>
        <message>
            <source>{slot}: {decision}</source>
            <translation>{slot}：{decision}</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>Res&amp;ume…</source>
            <translation>恢复(&amp;U)…</translation>
        </message>
        <message>
            <source>&amp;Suspend…</source>
            <translation>中止(&amp;S)…</translation>
        </message>
        <message>
            <source>E&amp;xtend deadline…</source>
            <translation>延长期限(&amp;X)…</translation>
        </message>
        <message>
            <source>Suspend</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Extend deadline</source>
            <translation>延长期限</translation>
        </message>
        <message>
            <source>Case changed meanwhile</source>
            <translation>案件已被他人修改</translation>
        </message>
        <message>
            <source>Action refused</source>
            <translation>不能执行</translation>
        </message>
        <message>
            <source>{action} cannot be done now:</source>
            <translation>现在不能执行「{action}」：</translation>
        </message>
        <message>
            <source>Action not possible</source>
            <translation>无法办理</translation>
        </message>
        <message>
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <source>Facts and legal basis</source>
            <translation>案情与依据</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Approvals</source>
            <translation>审批</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>重新载入(&amp;R)</translation>
        </message>
        <message>
            <source>Read the case again (F5)</source>
            <translation>重新读取案件（F5）</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesPanel</name>
        <message>
            <source>{day} (provisional)</source>
            <translation>{day}（暂定）</translation>
        </message>
        <message>
            <source>&amp;Deadlines:</source>
            <translation>期限(&amp;D)：</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起算日</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>届满日</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>How it was computed</source>
            <translation>计算方法</translation>
        </message>
    </context>
    <context>
        <name>DraftPanel</name>
        <message>
            <source>Case:</source>
            <translation>案件：</translation>
        </message>
        <message>
            <source>Party:</source>
            <translation>当事人：</translation>
        </message>
        <message>
            <source>Matter:</source>
            <translation>执法事项：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>案件类型：</translation>
        </message>
        <message>
            <source>Stage:</source>
            <translation>环节：</translation>
        </message>
        <message>
            <source>Officers:</source>
            <translation>承办人：</translation>
        </message>
        <message>
            <source>Awaiting:</source>
            <translation>待审批：</translation>
        </message>
        <message>
            <source>Not possible because:</source>
            <translation>不能批准的原因：</translation>
        </message>
        <message>
            <source>Draft document:</source>
            <translation>待审文书：</translation>
        </message>
        <message>
            <source>Cause:</source>
            <translation>案由：</translation>
        </message>
        <message>
            <source>Proposed fine:</source>
            <translation>拟罚款金额：</translation>
        </message>
        <message>
            <source>Fine in the draft decision:</source>
            <translation>决定书拟罚款金额：</translation>
        </message>
        <message>
            <source>&amp;Facts:</source>
            <translation>违法事实(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Legal basis:</source>
            <translation>法律依据(&amp;L)：</translation>
        </message>
        <message>
            <source>Select an item to see its case and draft.</source>
            <translation>请选择一件事项，查看案件及待审文书。</translation>
        </message>
    </context>
    <context>
        <name>EvidenceTab</name>
        <message>
            <source>Required documents</source>
            <translation>所需文书材料</translation>
        </message>
        <message>
            <source>No evidence has been recorded for this case. These are the documents and records its procedure requires, with the step that needs each.</source>
            <translation>本案尚未登记证据。下列为本类案件办理程序所需的文书材料及需要它们的办案步骤。</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Required by</source>
            <translation>所需步骤</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Step taken {when}</source>
            <translation>已办理（{when}）</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待办理</translation>
        </message>
    </context>
    <context>
        <name>FactsTab</name>
        <message>
            <source>Cause:</source>
            <translation>案由：</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>案件来源：</translation>
        </message>
        <message>
            <source>Place:</source>
            <translation>违法地点：</translation>
        </message>
        <message>
            <source>Date of the act:</source>
            <translation>违法行为发生日期：</translation>
        </message>
        <message>
            <source>Discovered on:</source>
            <translation>发现日期：</translation>
        </message>
        <message>
            <source>Major case:</source>
            <translation>重大案件：</translation>
        </message>
        <message>
            <source>Proposed fine:</source>
            <translation>拟罚款金额：</translation>
        </message>
        <message>
            <source>Fine decided:</source>
            <translation>决定罚款金额：</translation>
        </message>
        <message>
            <source>Paid:</source>
            <translation>已缴纳：</translation>
        </message>
        <message>
            <source>Matter:</source>
            <translation>执法事项：</translation>
        </message>
        <message>
            <source>Implementing body:</source>
            <translation>实施主体：</translation>
        </message>
        <message>
            <source>&amp;Facts:</source>
            <translation>违法事实(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Legal basis:</source>
            <translation>违法依据(&amp;L)：</translation>
        </message>
        <message>
            <source>Penalty &amp;basis:</source>
            <translation>处罚依据(&amp;B)：</translation>
        </message>
        <message>
            <source>{start} to {end} (continuing)</source>
            <translation>{start} 至 {end}（连续或继续状态）</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>环节变化</translation>
        </message>
        <message>
            <source>Reason or comment</source>
            <translation>理由或意见</translation>
        </message>
        <message>
            <source>&amp;Previous page</source>
            <translation>上一页(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Next page</source>
            <translation>下一页(&amp;N)</translation>
        </message>
        <message>
            <source>Page {page} of {pages} ({count} entries)</source>
            <translation>第 {page}/{pages} 页（共 {count} 条）</translation>
        </message>
    </context>
    <context>
        <name>InboxModel</name>
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
            <source>Awaiting</source>
            <translation>待审批事项</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>下一期限</translation>
        </message>
        <message>
            <source> (provisional: calendar missing)</source>
            <translation>（暂定：缺少工作日历）</translation>
        </message>
        <message>
            <source> (not possible yet)</source>
            <translation>（暂不能批准）</translation>
        </message>
    </context>
    <context>
        <name>PartiesTab</name>
        <message>
            <source>Role</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名或名称</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Legal representative</source>
            <translation>法定代表人（负责人）</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Agent of {name}</source>
            <translation>委托代理人（代理 {name}）</translation>
        </message>
        <message>
            <source>Party</source>
            <translation>当事人</translation>
        </message>
    </context>
    <context>
        <name>PauseDialog</name>
        <message>
            <source>Suspend the case</source>
            <translation>中止案件</translation>
        </message>
        <message>
            <source>Resume the case</source>
            <translation>恢复案件</translation>
        </message>
        <message>
            <source>Extend a deadline</source>
            <translation>延长期限</translation>
        </message>
        <message>
            <source>Case {number}: {what}</source>
            <translation>案件 {number}：{what}</translation>
        </message>
        <message>
            <source>&amp;Kind of pause:</source>
            <translation>中止类型(&amp;K)：</translation>
        </message>
        <message>
            <source>&amp;From:</source>
            <translation>起始日期(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Resumes on:</source>
            <translation>恢复日期(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Deadline:</source>
            <translation>期限(&amp;D)：</translation>
        </message>
        <message>
            <source>Da&amp;ys to add:</source>
            <translation>延长天数(&amp;Y)：</translation>
        </message>
        <message>
            <source>R&amp;eason (required):</source>
            <translation>理由(&amp;E)（必填）：</translation>
        </message>
    </context>
    <context>
        <name>StageTimeline</name>
        <message>
            <source>next: {stages}</source>
            <translation>下一环节：{stages}</translation>
        </message>
        <message>
            <source>Stages passed with the day each was entered; the current stage is highlighted, the stages the next steps can lead to are grey.</source>
            <translation>已经过的环节及进入日期；当前环节高亮显示，下一步可能进入的环节显示为灰色。</translation>
        </message>
    </context>
    <context>
        <name>TaskModel</name>
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
            <translation>环节</translation>
        </message>
        <message>
            <source>Officers</source>
            <translation>承办人</translation>
        </message>
        <message>
            <source>Next deadline</source>
            <translation>下一期限</translation>
        </message>
    </context>
    <context>
        <name>TodoPage</name>
        <message>
            <source>Reading your to-do list</source>
            <translation>正在读取待办事项</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>Read the list again (F5)</source>
            <translation>重新读取（F5）</translation>
        </message>
        <message>
            <source>&amp;Waiting for your approval ({count}):</source>
            <translation>待您审批(&amp;W)（{count} 件）：</translation>
        </message>
        <message>
            <source>&amp;My open cases by next deadline ({count}):</source>
            <translation>我承办的未结案件，按下一期限排列(&amp;M)（{count} 件）：</translation>
        </message>
        <message>
            <source>&amp;Overdue cases of the bureau ({count}):</source>
            <translation>本机关超期案件(&amp;O)（{count} 件）：</translation>
        </message>
        <message>
            <source>Nothing waits for you in this role.</source>
            <translation>当前角色没有待办事项。</translation>
        </message>
        <message>
            <source>Press Enter or double-click to open a case.</source>
            <translation>按回车键或双击打开案件。</translation>
        </message>
    </context>
</TS>
