<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseTabs</name>
    <message>
        <source>Case list</source>
        <translation>案件列表</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Zhifa: unexpected error</source>
        <translation>执法办案：意外错误</translation>
    </message>
    <message>
        <source>An unexpected error occurred. The program keeps running, but the last action may not have completed. Please copy the details below and send them, with the log file, to your administrator.</source>
        <translation>程序发生意外错误。程序仍在运行，但刚才的操作可能没有完成。请复制下方详细信息，连同日志文件一并发送给系统管理员。</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Zhifa</source>
        <translation>执法办案</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Registered</source>
        <translation>案件来源登记</translation>
    </message>
    <message>
        <source>Filing review</source>
        <translation>立案审批</translation>
    </message>
    <message>
        <source>Not filed</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查取证</translation>
    </message>
    <message>
        <source>Investigation ended</source>
        <translation>调查终结</translation>
    </message>
    <message>
        <source>Prior notice given</source>
        <translation>事先告知</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听证</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <source>Decision review</source>
        <translation>决定审批</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Coercive measure review</source>
        <translation>强制措施审批</translation>
    </message>
    <message>
        <source>Coercive measure in force</source>
        <translation>强制措施实施中</translation>
    </message>
    <message>
        <source>Coercive measure released</source>
        <translation>强制措施已解除</translation>
    </message>
    <message>
        <source>Reminder served</source>
        <translation>已催告</translation>
    </message>
    <message>
        <source>Enforcement</source>
        <translation>强制执行</translation>
    </message>
    <message>
        <source>Inspecting</source>
        <translation>检查实施</translation>
    </message>
    <message>
        <source>Inspection done</source>
        <translation>检查完毕</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>执行完毕</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Administrative penalty (ordinary procedure)</source>
        <translation>行政处罚（普通程序）</translation>
    </message>
    <message>
        <source>Administrative penalty (simple procedure)</source>
        <translation>行政处罚（简易程序）</translation>
    </message>
    <message>
        <source>Administrative coercion</source>
        <translation>行政强制</translation>
    </message>
    <message>
        <source>Administrative inspection</source>
        <translation>行政检查</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Some settings were invalid and their defaults are used; see the log.</source>
        <translation>部分设置无效，已改用默认值；详见日志。</translation>
    </message>
    <message>
        <source>Now acting as {role}</source>
        <translation>当前以「{role}」身份办理</translation>
    </message>
    <message>
        <source>Stand-alone: no central service configured</source>
        <translation>单机运行：未配置中心服务</translation>
    </message>
    <message>
        <source>Central service {url}: synchronisation not enabled in this version</source>
        <translation>中心服务 {url}：本版本尚未启用同步</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>共 {count} 件案件</translation>
    </message>
    <message>
        <source>{matching} of {count} cases match</source>
        <translation>共 {count} 件案件，符合条件 {matching} 件</translation>
    </message>
    <message>
        <source>Zhifa</source>
        <translation>执法办案</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <source> (offline)</source>
        <translation>（离线登录）</translation>
    </message>
    <message>
        <source>The role you act in now</source>
        <translation>当前办理所用的角色</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
</TS>
