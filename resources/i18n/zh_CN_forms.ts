<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Certificates</name>
    <message>
        <source>certificate suspended</source>
        <translation>执法证已暂扣</translation>
    </message>
    <message>
        <source>certificate revoked</source>
        <translation>执法证已吊销</translation>
    </message>
    <message>
        <source>not valid before {day}</source>
        <translation>{day} 起方有效</translation>
    </message>
    <message>
        <source>expired on {day}</source>
        <translation>已于 {day} 过期</translation>
    </message>
    <message>
        <source>expires on {day}</source>
        <translation>将于 {day} 到期</translation>
    </message>
    <message>
        <source>valid until {day}</source>
        <translation>有效期至 {day}</translation>
    </message>
</context>
<context>
    <name>FirstAdminForm</name>
    <message>
        <source>No accounts exist yet. Create the first administrator account; the administrator then adds the other users under Settings.</source>
        <translation>尚无任何账户。请创建第一个系统管理员账户，再由管理员在“设置”中添加其他用户。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>姓名(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>FolderEditor</name>
    <message>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Checking the password</source>
        <translation>正在核对密码</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Zhifa: locked</source>
        <translation>执法办案：已锁定</translation>
    </message>
    <message>
        <source>The window was locked after a time without input. Signed in: {name} ({username}), as {role}.</source>
        <translation>长时间无操作，窗口已锁定。当前登录：{name}（{username}），角色：{role}。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>MatterPage</name>
    <message>
        <source>Penalty basis: {basis}</source>
        <translation>处罚依据：{basis}</translation>
    </message>
    <message>
        <source>Enforcement matter</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Choose the matter from the catalogue; type part of its code or name to filter.</source>
        <translation>从执法事项库中选择事项；输入编码或名称的一部分可筛选。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>筛选(&amp;L)：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Proposed fine (&amp;yuan):</source>
        <translation>拟罚款金额（元）(&amp;Y)：</translation>
    </message>
    <message>
        <source>e.g. 5000 or 1200.50</source>
        <translation>例如 5000 或 1200.50</translation>
    </message>
</context>
<context>
    <name>NewCaseWizard</name>
    <message>
        <source>Case registered, not submitted</source>
        <translation>案件已登记，未提交</translation>
    </message>
    <message>
        <source>The case was registered as {number}, but it could not be submitted: {reason}
You can submit it later from the case view.</source>
        <translation>案件已登记，编号 {number}，但未能提交：{reason}
可稍后在案件页面中提交。</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
</context>
<context>
    <name>OfficerCombo</name>
    <message>
        <source>(no officer record)</source>
        <translation>（不关联执法人员）</translation>
    </message>
    <message>
        <source>{name}, certificate {number}: {validity}</source>
        <translation>{name}，执法证 {number}：{validity}</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <source>{name}, certificate {number}: {validity}</source>
        <translation>{name}，执法证 {number}：{validity}</translation>
    </message>
    <message>
        <source>Choose at least {n} officers whose certificates are valid on {day} (the day the case was discovered); {chosen} chosen.</source>
        <translation>请至少选择 {n} 名执法证在 {day}（发现日期）有效的执法人员；已选 {chosen} 名。</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>The officers (执法人员) who handle the case.</source>
        <translation>承办本案的执法人员。</translation>
    </message>
    <message>
        <source>&amp;Officers:</source>
        <translation>执法人员(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>PartyLookup</name>
    <message>
        <source>Type at least {n} characters of a name or ID number.</source>
        <translation>请至少输入姓名（名称）或证件号码的 {n} 个字符。</translation>
    </message>
    <message>
        <source>Looking up parties</source>
        <translation>正在查找当事人</translation>
    </message>
    <message>
        <source>{n} found.</source>
        <translation>找到 {n} 个。</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>Look &amp;up:</source>
        <translation>查找(&amp;U)：</translation>
    </message>
    <message>
        <source>Name or ID number of a party from earlier cases</source>
        <translation>以往案件当事人的姓名（名称）或证件号码</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>搜索(&amp;H)</translation>
    </message>
    <message>
        <source>Cop&amp;y details</source>
        <translation>复制信息(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>PartyPage</name>
    <message>
        <source>Agent: {message}</source>
        <translation>委托代理人：{message}</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Who the case is against. Look up a party from earlier cases to copy its details.</source>
        <translation>本案的当事人。可查找以往案件的当事人并复制其信息。</translation>
    </message>
    <message>
        <source>Pe&amp;rson</source>
        <translation>自然人(&amp;R)</translation>
    </message>
    <message>
        <source>Or&amp;ganisation</source>
        <translation>法人或其他组织(&amp;G)</translation>
    </message>
    <message>
        <source>Party is a:</source>
        <translation>当事人类型：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名或名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Unified social &amp;credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Resident &amp;ID number:</source>
        <translation>居民身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人（负责人）(&amp;L)：</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Agent's nam&amp;e:</source>
        <translation>代理人姓名(&amp;E)：</translation>
    </message>
    <message>
        <source>Agen&amp;t's ID number:</source>
        <translation>代理人身份证号码(&amp;T)：</translation>
    </message>
    <message>
        <source>Agent's ph&amp;one:</source>
        <translation>代理人联系电话(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Agent (委托代理人)</source>
        <translation>委托代理人(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Saving the password</source>
        <translation>正在保存密码</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name} ({username}):</source>
        <translation>为 {name}（{username}）设置新密码：</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RoleLabels</name>
    <message>
        <source>Case officer</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Section head</source>
        <translation>承办机构负责人</translation>
    </message>
    <message>
        <source>Legal reviewer</source>
        <translation>法制审核人员</translation>
    </message>
    <message>
        <source>Bureau head</source>
        <translation>机关负责人</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>监督员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Central service address:</source>
        <translation>中心服务地址(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Idle lock after (minutes):</source>
        <translation>空闲锁定时间（分钟）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Font size (points):</source>
        <translation>字号（磅）(&amp;F)：</translation>
    </message>
    <message>
        <source>A change of the data folder takes effect at the next start.</source>
        <translation>更改数据文件夹后，下次启动时生效。</translation>
    </message>
    <message>
        <source>https address; leave empty to work offline.</source>
        <translation>https 地址；留空则离线工作。</translation>
    </message>
    <message>
        <source>Saved. The data folder changes at the next start.</source>
        <translation>已保存。数据文件夹将在下次启动时更改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Creating the administrator account</source>
        <translation>正在创建管理员账户</translation>
    </message>
    <message>
        <source>The central service could not be reached: you are signed in offline, checked against the credentials last verified on this computer. Changes are kept here and sent when the service is reachable again.</source>
        <translation>无法连接中心服务：您已离线登录，凭据按本机最近一次验证的记录核对。所做更改保存在本机，待中心服务可连接时再上传。</translation>
    </message>
    <message>
        <source>Zhifa: sign in</source>
        <translation>执法办案：登录</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in &amp;as:</source>
        <translation>登录角色(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>创建并登录(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>继续(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Case source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Register where the case comes from and what happened.</source>
        <translation>登记案件来源及违法行为情况。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>案件类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>案件来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Discovered on:</source>
        <translation>发现日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Act date:</source>
        <translation>违法行为发生日期(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>违法地点(&amp;P)：</translation>
    </message>
    <message>
        <source>Ca&amp;use:</source>
        <translation>案由(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Facts:</source>
        <translation>基本案情(&amp;F)：</translation>
    </message>
    <message>
        <source>C&amp;ontinuing act, ended on:</source>
        <translation>违法行为有连续或继续状态，终了日期(&amp;O)：</translation>
    </message>
    <message>
        <source>Serious &amp;harm (life, health or financial security)</source>
        <translation>涉及公民生命健康安全、金融安全且有危害后果(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Major case</source>
        <translation>重大案件(&amp;M)</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Kind</source>
        <translation>案件类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>案件来源</translation>
    </message>
    <message>
        <source>Discovered on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Act date</source>
        <translation>违法行为发生日期</translation>
    </message>
    <message>
        <source>Act ended on</source>
        <translation>违法行为终了日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>违法地点</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>基本案情</translation>
    </message>
    <message>
        <source>serious harm</source>
        <translation>有危害后果</translation>
    </message>
    <message>
        <source>major case</source>
        <translation>重大案件</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>委托代理人</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>执法事项</translation>
    </message>
    <message>
        <source>Proposed fine</source>
        <translation>拟罚款金额</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>核对信息</translation>
    </message>
    <message>
        <source>Check the details, then press Finish to register the case.</source>
        <translation>请核对以上信息，然后点击“完成”登记案件。</translation>
    </message>
    <message>
        <source>&amp;Submit now: {action}</source>
        <translation>立即提交：{action}(&amp;S)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Saving the account</source>
        <translation>正在保存账户</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>姓名(&amp;D)：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>&amp;Officer record:</source>
        <translation>关联执法人员(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Deactivate {name} ({username})? The account can no longer sign in; its history is kept.</source>
        <translation>确定停用 {name}（{username}）吗？停用后该账户不能再登录，其历史记录保留。</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Officer record</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
</context>
</TS>
