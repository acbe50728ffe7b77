<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ApprovalBadges</name>
        <message>
            <source>Signature</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>Checking the approval signatures</source>
            <translation>正在核验审批签名</translation>
        </message>
        <message>
            <source>(signed by {name})</source>
            <translation>（{name} 签名）</translation>
        </message>
        <message>
            <source>Sign my approvals</source>
            <translation>签署我的审批</translation>
        </message>
        <message>
            <source>{count} approval(s) signed.</source>
            <translation>已签署 {count} 条审批。</translation>
        </message>
        <message>
            <source>Signing approvals</source>
            <translation>正在签署审批</translation>
        </message>
        <message>
            <source>PIN of your signing key ({name}):</source>
            <translation>您的签名密钥（{name}）的 PIN：</translation>
        </message>
        <message>
            <source>Sign my &amp;approvals…</source>
            <translation>签署我的审批(&amp;A)…</translation>
        </message>
        <message>
            <source>Sign, with your own key, the approvals you gave in this case</source>
            <translation>用您自己的密钥签署您在本案中作出的审批</translation>
        </message>
    </context>
    <context>
        <name>BureauSetupDialog</name>
        <message>
            <source>Set up the bureau certificate</source>
            <translation>设置单位证书</translation>
        </message>
        <message>
            <source>The bureau certificate of {bureau} is its seal certificate and issues the certificates of its people and seals. Its key is made now.</source>
            <translation>{bureau}的单位证书即其印章证书，用于签发本单位人员和印章的证书。现在生成其密钥。</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <source>Issue a certificate</source>
            <translation>签发证书</translation>
        </message>
        <message>
            <source>A signing certificate for a person, issued by the bureau certificate. The person signs their approvals with it.</source>
            <translation>由单位证书为个人签发的签名证书，本人用它签署自己的审批。</translation>
        </message>
        <message>
            <source>&amp;Person:</source>
            <translation>人员(&amp;P)：</translation>
        </message>
        <message>
            <source>Choose a person.</source>
            <translation>请选择人员。</translation>
        </message>
    </context>
    <context>
        <name>KeyProtection</name>
        <message>
            <source>The PIN must have at least {n} characters.</source>
            <translation>PIN 至少需要 {n} 个字符。</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>两次输入的 PIN 不一致。</translation>
        </message>
        <message>
            <source>Give the token driver, the token label and the key label.</source>
            <translation>请填写 UKey 驱动、令牌标签和密钥标签。</translation>
        </message>
        <message>
            <source>Protect the key with the system &amp;keyring</source>
            <translation>用系统密钥环保护密钥(&amp;K)</translation>
        </message>
        <message>
            <source>No working system keyring on this computer.</source>
            <translation>本机没有可用的系统密钥环。</translation>
        </message>
        <message>
            <source>Protect the key with a &amp;PIN (asked at every use)</source>
            <translation>用 PIN 保护密钥，每次使用时输入(&amp;P)</translation>
        </message>
        <message>
            <source>Keep the key on a hardware &amp;token (UKey)</source>
            <translation>密钥保存在硬件令牌（UKey）中(&amp;T)</translation>
        </message>
        <message>
            <source>PIN:</source>
            <translation>PIN：</translation>
        </message>
        <message>
            <source>PIN again:</source>
            <translation>再次输入 PIN：</translation>
        </message>
        <message>
            <source>Token driver (PKCS#11 module):</source>
            <translation>UKey 驱动（PKCS#11 模块）：</translation>
        </message>
        <message>
            <source>Token label:</source>
            <translation>令牌标签：</translation>
        </message>
        <message>
            <source>Key label:</source>
            <translation>密钥标签：</translation>
        </message>
    </context>
    <context>
        <name>NewSealDialog</name>
        <message>
            <source>New seal</source>
            <translation>新建印章</translation>
        </message>
        <message>
            <source>The 公章 signs with the bureau certificate; a 行政执法专用章 gets its own key and certificate, issued by the bureau.</source>
            <translation>公章使用单位证书签章；行政执法专用章有自己的密钥和由本单位签发的证书。</translation>
        </message>
        <message>
            <source>&amp;Draw the seal picture with the bureau name</source>
            <translation>用单位名称自动绘制印模(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Import a picture (PNG/JPEG)…</source>
            <translation>导入印模图片（PNG/JPEG）(&amp;I)…</translation>
        </message>
        <message>
            <source>(drawn when the seal is made)</source>
            <translation>（建章时自动绘制）</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>类型(&amp;K)：</translation>
        </message>
        <message>
            <source>Seal picture</source>
            <translation>印模图片</translation>
        </message>
        <message>
            <source>Pictures (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>This file is not a PNG or JPEG picture.</source>
            <translation>该文件不是 PNG 或 JPEG 图片。</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Type the PIN.</source>
            <translation>请输入 PIN。</translation>
        </message>
        <message>
            <source>The PIN must have at least {n} characters.</source>
            <translation>PIN 至少需要 {n} 个字符。</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>两次输入的 PIN 不一致。</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>设置 PIN</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>&amp;PIN:</source>
            <translation>PIN(&amp;P)：</translation>
        </message>
        <message>
            <source>PIN &amp;again:</source>
            <translation>再次输入 PIN(&amp;A)：</translation>
        </message>
        <message>
            <source>Careful: one more wrong PIN locks the token.</source>
            <translation>注意：再输错一次 PIN，令牌将被锁定。</translation>
        </message>
        <message>
            <source>{n} attempts left before the token locks.</source>
            <translation>令牌锁定前还可尝试 {n} 次。</translation>
        </message>
    </context>
    <context>
        <name>SealActions</name>
        <message>
            <source>You may not use any seal; the administrator decides who uses which seal.</source>
            <translation>您无权使用任何印章；由管理员决定谁可使用哪枚印章。</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>用印</translation>
        </message>
        <message>
            <source>Which seal?</source>
            <translation>使用哪枚印章？</translation>
        </message>
        <message>
            <source>Seal {name}</source>
            <translation>用印：{name}</translation>
        </message>
        <message>
            <source>Seal {name} with {seal}? A sealed document is final: it can no longer be regenerated or edited.</source>
            <translation>用{seal}对{name}用印？用印后文书即定稿，不能再重新生成或修改。</translation>
        </message>
        <message>
            <source>Sealing {name}</source>
            <translation>正在对{name}用印</translation>
        </message>
        <message>
            <source>PIN of the seal {seal}:</source>
            <translation>印章“{seal}”的 PIN：</translation>
        </message>
        <message>
            <source>Sealing {name}…</source>
            <translation>正在对{name}用印…</translation>
        </message>
        <message>
            <source>{name} was sealed; it is final now. The sealed file is at {path}.</source>
            <translation>{name}已用印并定稿。用印文件位于 {path}。</translation>
        </message>
        <message>
            <source>Its signature is in {path}.</source>
            <translation>其签名文件位于 {path}。</translation>
        </message>
        <message>
            <source>Open sealed file</source>
            <translation>打开用印文件</translation>
        </message>
        <message>
            <source>No program to open this file was found. The sealed file is at {path}.</source>
            <translation>找不到可打开此文件的程序。用印文件位于 {path}。</translation>
        </message>
        <message>
            <source>&amp;Seal…</source>
            <translation>用印(&amp;S)…</translation>
        </message>
        <message>
            <source>Signs the approved document with the bureau's seal; the sealed document is final.</source>
            <translation>用本单位印章对已批准的文书电子签章；用印后文书即定稿。</translation>
        </message>
        <message>
            <source>Open sea&amp;led file</source>
            <translation>打开用印文件(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>SealUsersDialog</name>
        <message>
            <source>Who may use {seal}</source>
            <translation>{seal}的使用人</translation>
        </message>
        <message>
            <source>Tick the people who may seal documents with {seal}.</source>
            <translation>勾选可用{seal}对文书用印的人员。</translation>
        </message>
    </context>
    <context>
        <name>SealsSection</name>
        <message>
            <source>This bureau has no seal certificate yet: set it up before making seals or issuing certificates.</source>
            <translation>本单位尚未设置印章证书：请先设置，然后才能建章或签发证书。</translation>
        </message>
        <message>
            <source>Bureau certificate: {subject}, serial {serial}, valid {start} to {end}</source>
            <translation>单位证书：{subject}，序列号 {serial}，有效期 {start} 至 {end}</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>无人</translation>
        </message>
        <message>
            <source>revoked {day}: {reason}</source>
            <translation>{day} 吊销：{reason}</translation>
        </message>
        <message>
            <source>{title}…</source>
            <translation>{title}…</translation>
        </message>
        <message>
            <source>PIN of the bureau certificate's key ({subject}):</source>
            <translation>单位证书密钥（{subject}）的 PIN：</translation>
        </message>
        <message>
            <source>PIN of the token {token}:</source>
            <translation>令牌 {token} 的 PIN：</translation>
        </message>
        <message>
            <source>Setting up the bureau certificate</source>
            <translation>正在设置单位证书</translation>
        </message>
        <message>
            <source>The bureau certificate is set up.</source>
            <translation>单位证书已设置。</translation>
        </message>
        <message>
            <source>Making the seal</source>
            <translation>正在建章</translation>
        </message>
        <message>
            <source>The seal is made. Choose who may use it.</source>
            <translation>印章已建立，请指定使用人。</translation>
        </message>
        <message>
            <source>Who may use the seal</source>
            <translation>印章使用人</translation>
        </message>
        <message>
            <source>Saved who may use the seal.</source>
            <translation>印章使用人已保存。</translation>
        </message>
        <message>
            <source>Issuing a certificate</source>
            <translation>正在签发证书</translation>
        </message>
        <message>
            <source>A certificate was issued to {name}.</source>
            <translation>已为{name}签发证书。</translation>
        </message>
        <message>
            <source>Revoke a certificate</source>
            <translation>吊销证书</translation>
        </message>
        <message>
            <source>Revoke the certificate of {subject} (serial {serial})? Signatures made with it no longer verify as trusted. Reason (required):</source>
            <translation>吊销{subject}的证书（序列号 {serial}）？用它作出的签名将不再被视为可信。原因（必填）：</translation>
        </message>
        <message>
            <source>The certificate was revoked.</source>
            <translation>证书已吊销。</translation>
        </message>
        <message>
            <source>Seals and certificates</source>
            <translation>印章与证书</translation>
        </message>
        <message>
            <source>Set &amp;up the bureau certificate…</source>
            <translation>设置单位证书(&amp;U)…</translation>
        </message>
        <message>
            <source>Seals:</source>
            <translation>印章：</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>印章</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>证书</translation>
        </message>
        <message>
            <source>Who may use</source>
            <translation>使用人</translation>
        </message>
        <message>
            <source>New &amp;seal…</source>
            <translation>新建印章(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Who may use…</source>
            <translation>使用人(&amp;W)…</translation>
        </message>
        <message>
            <source>Certificates issued by the bureau:</source>
            <translation>本单位签发的证书：</translation>
        </message>
        <message>
            <source>Holder</source>
            <translation>持有人</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>序列号</translation>
        </message>
        <message>
            <source>Valid to</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>吊销</translation>
        </message>
        <message>
            <source>&amp;Issue a certificate…</source>
            <translation>签发证书(&amp;I)…</translation>
        </message>
        <message>
            <source>Re&amp;voke…</source>
            <translation>吊销(&amp;V)…</translation>
        </message>
    </context>
    <context>
        <name>SigningLabels</name>
        <message>
            <source>Official seal (公章)</source>
            <translation>公章</translation>
        </message>
        <message>
            <source>Enforcement seal (行政执法专用章)</source>
            <translation>行政执法专用章</translation>
        </message>
        <message>
            <source>Bureau (CA)</source>
            <translation>单位（CA）</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>印章</translation>
        </message>
        <message>
            <source>Valid: the signature is intact and trusted</source>
            <translation>有效：签章完整且可信</translation>
        </message>
        <message>
            <source>Tampered: the file is not the one that was signed</source>
            <translation>已被篡改：此文件不是签章时的文件</translation>
        </message>
        <message>
            <source>Changed after signing</source>
            <translation>签章后被修改</translation>
        </message>
        <message>
            <source>Signer not trusted: the certificate is not from a known bureau</source>
            <translation>签章人不受信任：证书不是由已知单位签发</translation>
        </message>
        <message>
            <source>Certificate expired</source>
            <translation>证书已过期</translation>
        </message>
        <message>
            <source>Certificate revoked</source>
            <translation>证书已吊销</translation>
        </message>
        <message>
            <source>the certificate (or its CA) has expired</source>
            <translation>证书（或其签发证书）已过期</translation>
        </message>
        <message>
            <source>the certificate is not yet valid</source>
            <translation>证书尚未生效</translation>
        </message>
        <message>
            <source>the certificate has been revoked</source>
            <translation>证书已被吊销</translation>
        </message>
        <message>
            <source>the certificate was not issued by a known bureau</source>
            <translation>证书不是由已知单位签发的</translation>
        </message>
        <message>
            <source>the certificate's own signature is wrong</source>
            <translation>证书本身的签名无效</translation>
        </message>
        <message>
            <source>the certificate is not meant for signing</source>
            <translation>该证书不能用于签名</translation>
        </message>
        <message>
            <source>the certificate chain is not valid</source>
            <translation>证书链无效</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <source>only further signatures were added</source>
            <translation>仅追加了其他签章</translation>
        </message>
        <message>
            <source>the document properties (the visible content is unchanged)</source>
            <translation>文件属性（可见内容未变）</translation>
        </message>
        <message>
            <source>form fields were filled in</source>
            <translation>填写了表单域</translation>
        </message>
        <message>
            <source>comments or markup were added</source>
            <translation>添加了批注或标记</translation>
        </message>
        <message>
            <source>the content or its metadata</source>
            <translation>内容或属性</translation>
        </message>
        <message>
            <source>✔ signature verified</source>
            <translation>✔ 签名已核验</translation>
        </message>
        <message>
            <source>✖ signature does not match</source>
            <translation>✖ 签名不符</translation>
        </message>
        <message>
            <source>not signed</source>
            <translation>未签名</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>&amp;Verify a signed file…</source>
            <translation>核验签章文件(&amp;V)…</translation>
        </message>
        <message>
            <source>Verify a signed file</source>
            <translation>核验签章文件</translation>
        </message>
        <message>
            <source>Signed files (*.pdf *.docx);;All files (*)</source>
            <translation>签章文件 (*.pdf *.docx);;所有文件 (*)</translation>
        </message>
        <message>
            <source>File: {path}</source>
            <translation>文件：{path}</translation>
        </message>
        <message>
            <source>Checking the signatures…</source>
            <translation>正在核验签章…</translation>
        </message>
        <message>
            <source>Checking {name}</source>
            <translation>正在核验 {name}</translation>
        </message>
        <message>
            <source>This file cannot be checked: {reason}</source>
            <translation>无法核验此文件：{reason}</translation>
        </message>
        <message>
            <source>No signature found: this file was not signed or sealed.</source>
            <translation>未找到签章：此文件未经签名或用印。</translation>
        </message>
        <message>
            <source>{count} signature(s) found, {valid} valid.</source>
            <translation>找到 {count} 个签章，其中 {valid} 个有效。</translation>
        </message>
        <message>
            <source>Signer: {name}</source>
            <translation>签章人：{name}</translation>
        </message>
        <message>
            <source>(unreadable)</source>
            <translation>（无法读取）</translation>
        </message>
        <message>
            <source>Signing time: {time} (as the signer states it)</source>
            <translation>签章时间：{time}（签章人声明的时间）</translation>
        </message>
        <message>
            <source>Signing time: not stated</source>
            <translation>签章时间：未载明</translation>
        </message>
        <message>
            <source>Certificate: serial {serial}, issued by {issuer}, valid {start} to {end}</source>
            <translation>证书：序列号 {serial}，由 {issuer} 签发，有效期 {start} 至 {end}</translation>
        </message>
        <message>
            <source>Reason: {reason}  Location: {location}</source>
            <translation>事由：{reason}  地点：{location}</translation>
        </message>
        <message>
            <source>The certificate chains to the trusted bureau {anchor}.</source>
            <translation>证书链可追溯到受信任的单位 {anchor}。</translation>
        </message>
        <message>
            <source>Certificate problem: {problem}</source>
            <translation>证书问题：{problem}</translation>
        </message>
        <message>
            <source>A signed byte was changed: the file is not the one that was signed.</source>
            <translation>已签章的内容被改动：此文件不是签章时的文件。</translation>
        </message>
        <message>
            <source>Changed after signing: {what}</source>
            <translation>签章后被修改：{what}</translation>
        </message>
        <message>
            <source>Not changed since it was signed.</source>
            <translation>自签章后未被改动。</translation>
        </message>
        <message>
            <source>Detail: {detail}</source>
            <translation>详情：{detail}</translation>
        </message>
        <message>
            <source>Drop a sealed PDF (or a .docx with its .p7s signature beside it) here, or choose one. The check needs no network: it trusts the bureau certificates this installation knows.</source>
            <translation>把用印的 PDF（或旁边附有 .p7s 签名文件的 .docx）拖到这里，或选择一个文件。核验无需联网：只信任本机已知的单位证书。</translation>
        </message>
        <message>
            <source>&amp;Choose a file…</source>
            <translation>选择文件(&amp;C)…</translation>
        </message>
    </context>
    <context>
        <name>SealUsageSection</name>
        <message>
            <source>Reading the seal usage log</source>
            <translation>正在读取用印登记</translation>
        </message>
        <message>
            <source>Seal usage log</source>
            <translation>用印登记</translation>
        </message>
        <message>
            <source>{count} use(s) shown, newest first.</source>
            <translation>共显示 {count} 次用印，最新的在前。</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>印章</translation>
        </message>
        <message>
            <source>By</source>
            <translation>用印人</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>文号</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Re&amp;load log</source>
            <translation>重新读取(&amp;L)</translation>
        </message>
    </context>
</TS>
