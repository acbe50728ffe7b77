"""Simplified Chinese texts for the domain's user-facing messages (source strings are English).

Keep keys sorted by area. A missing key falls back to English, and a test checks that every
message raised by the domain has a translation here.
"""

MESSAGES_ZH: dict[str, str] = {
    # errors
    "calendar not loaded for {year}": "未载入{year}年工作日历",
    "{action} refused: {reasons}": "不能执行「{action}」：{reasons}",
    "; ": "；",  # between the reasons of a refusal
    # deadlines and calendar
    # -- year calendars (calendar.py)
    "calendar year must be a whole number": "日历年份必须为整数",
    "holidays must be a list of dates": "节假日必须是日期列表",
    "working days must be a list of dates": "调休工作日必须是日期列表",
    "holiday {value} is not a date (YYYY-MM-DD)": "节假日 {value} 不是有效日期（YYYY-MM-DD）",
    "working day {value} is not a date (YYYY-MM-DD)": "调休工作日 {value} 不是有效日期（YYYY-MM-DD）",
    "holiday {value} is outside {year}": "节假日 {value} 不在{year}年内",
    "working day {value} is outside {year}": "调休工作日 {value} 不在{year}年内",
    "working day {value} is not a Saturday or Sunday": "调休工作日 {value} 不是星期六或星期日",
    "{value} is listed both as a holiday and as a working day": "{value} 同时被列为节假日和调休工作日",
    "the calendar for {year} lists no holidays": "{year}年日历未列出任何节假日",
    # -- rule table (deadline_rules.py)
    "deadline rule {code} is defined twice": "期限规则 {code} 重复定义",
    "deadline rule {code} must have a positive length": "期限规则 {code} 的期限长度必须为正数",
    "deadline rule {code} names an unknown {what}: {value}": "期限规则 {code} 的 {what} 含有未知项：{value}",
    "deadline rule {code} starts after a missing or circular rule {value}":
        "期限规则 {code} 的起算依据 {value} 不存在或构成循环",
    "unknown deadline rule {code}": "未知的期限规则 {code}",
    "unknown case kind {kind}": "未知的案件类型 {kind}",
    "unknown pause kind {kind}": "未知的期限中止类型 {kind}",
    "a pause cannot end before it starts": "期限暂停的结束日期不能早于开始日期",
    # -- rule names
    "filing decision": "立案审查期限",
    "case handling period": "办案期限",
    "legal review": "法制审核期限",
    "statement and defence period": "陈述申辩期",
    "hearing request period": "听证申请期",
    "service of the decision": "决定书送达期限",
    "payment of the fine": "罚款缴纳期限",
    "publication of the decision": "处罚决定公示期限",
    "administrative review period": "行政复议申请期限",
    "lawsuit period": "行政诉讼起诉期限",
    "application for court enforcement": "申请法院强制执行期限",
    "wait after the payment reminder": "催告后等待期",
    "duration of the coercive measure": "行政强制措施期限",
    "decision on preserved evidence": "先行登记保存处理期限",
    "handing in fines collected on the spot": "当场收缴罚款上缴期限",
    # -- events
    "lead discovered": "发现案件线索",
    "case source registered": "案件来源登记",
    "case filed": "立案",
    "filing declined": "不予立案",
    "investigation ended": "调查终结",
    "legal review requested": "提请法制审核",
    "legal review completed": "法制审核完成",
    "prior notice served": "送达行政处罚告知书",
    "statement and defence closed": "陈述申辩结束",
    "statement and defence waived in writing": "当事人书面放弃陈述申辩",
    "hearing requested": "申请听证",
    "hearing held": "举行听证",
    "decision made": "作出决定",
    "decision sealed": "决定书加盖印章",
    "decision published": "公示决定",
    "decision served": "送达决定书",
    "fine paid in full": "缴清罚款",
    "fine waived": "免缴罚款",
    "payment reminder served": "送达催告书",
    "court enforcement applied for": "申请法院强制执行",
    "coercive measure taken": "实施行政强制措施",
    "coercive measure lifted": "解除行政强制措施",
    "evidence registered for preservation": "先行登记保存证据",
    "preserved evidence dealt with": "作出先行登记保存处理决定",
    "fine collected on the spot": "当场收缴罚款",
    "cash fine handed in": "上缴当场收缴的罚款",
    "case closed": "结案",
    "case archived": "归档",
    # -- pause kinds and roles
    "case suspension": "中止",
    "testing or appraisal": "检测检验鉴定",
    "hearing procedure": "听证程序",
    "public announcement": "公告",
    "review or litigation": "复议诉讼",
    "case officer": "承办人",
    "section head": "承办机构负责人",
    "legal reviewer": "法制审核人员",
    "bureau head": "机关负责人",
    # -- explanations
    ", ": "，",
    "{length} working days from {event} {start}": "自{event} {start} 起 {length} 个工作日",
    "{length} days from {event} {start}": "自{event} {start} 起 {length} 日",
    "{length} months from {event} {start}": "自{event} {start} 起 {length} 个月",
    "end of {rule}": "{rule}届满",
    "+{days} working days suspended for {kind}": "{kind}期间 {days} 个工作日不计入",
    "+{days} days suspended for {kind}": "{kind}期间 {days} 日不计入",
    "+{days} working days extended": "延长 {days} 个工作日",
    "+{days} days extended": "延长 {days} 日",
    "last day {date} is a public holiday": "末日 {date} 为法定节假日",
    "last day {date} is a rest day": "末日 {date} 为休息日",
    "provisionally counting only weekends as rest days in {year}": "暂按{year}年仅周末休息推算",
    "still suspended for {kind} since {date}": "{kind}自 {date} 起尚未结束",
    "→ {date}": "→ {date}",
    "→ {date} (provisional)": "→ {date}（暂定）",
    "not started: waiting for {event}": "尚未开始：等待{event}",
    "met: {event} on {date}": "已完成：{event} {date}",
    # -- extensions and surcharge
    "{name} cannot be extended": "{name}不能延长",
    "an extension must add at least one day": "延长期限至少为 1 日",
    "an extension of {name} must be approved by: {roles}": "延长{name}须经以下人员批准：{roles}",
    "the extensions of {name} would total {total} working days, more than the {limit} allowed":
        "{name}累计延长将达 {total} 个工作日，超过允许的 {limit} 个工作日",
    "the extensions of {name} would total {total} days, more than the {limit} allowed":
        "{name}累计延长将达 {total} 日，超过允许的 {limit} 日",
    "the fine must be a whole, non-negative number of fen": "罚款金额必须是以分为单位的非负整数",
    # workflow, guards, parties, money, services
    # -- workflow actions (shown in "不能执行「…」") and in-stage approvals
    "submit_filing": "提请立案审批",
    "decline_filing": "不予立案",
    "approve_filing": "批准立案",
    "return_filing": "退回立案申请",
    "end_investigation": "调查终结",
    "transfer": "移送",
    "submit_legal_review": "提请法制审核",
    "resume_investigation": "退回补充调查",
    "send_prior_notice": "送达行政处罚告知书",
    "request_hearing": "申请听证",
    "record_waiver": "记录书面放弃陈述申辩",
    "close_defence": "结束陈述申辩",
    "finish_hearing": "听证结束",
    "submit_decision": "提请决定审批",
    "approve_decision": "批准处罚决定",
    "return_decision": "退回处罚决定",
    "seal_decision": "决定书加盖印章",
    "publish": "公示",
    "serve": "送达决定书",
    "record_payment": "登记缴款",
    "waive_fine": "决定免缴罚款",
    "send_reminder": "送达催告书",
    "finish_execution": "执行完毕",
    "apply_enforcement": "申请强制执行",
    "close": "结案",
    "archive": "归档",
    "decide_on_spot": "当场作出处罚决定",
    "collect_cash": "当场收缴罚款",
    "hand_in_cash": "上缴当场收缴的罚款",
    "submit_measure": "提请行政强制措施审批",
    "approve_measure": "批准实施行政强制措施",
    "return_measure": "退回行政强制措施申请",
    "release_measure": "解除行政强制措施",
    "start_inspection": "开始检查",
    "record_result": "记录检查结果",
    "case_review": "案件审核",
    "legal_review": "法制审核",
    "collective_discussion": "集体讨论",
    # -- roles without a deadline-rule label
    "supervisor": "监督员",
    "admin": "系统管理员",
    "system": "系统",
    # -- field names, filled into "{field}: ..."
    "kind": "类型",
    "cause": "案由",
    "source": "案件来源",
    "place": "违法地点",
    "matter_code": "执法事项",
    "discovered_on": "发现日期",
    "act_date": "违法行为发生日期",
    "act_end_date": "违法行为终了日期",
    "proposed_fine_fen": "拟罚款金额",
    "parties": "当事人",
    "name": "姓名或名称",
    "legal_representative": "法定代表人（负责人）",
    "id_number": "证件号码",
    "comment": "意见",
    "reason": "理由",
    "fine_fen": "罚款金额",
    "amount_fen": "缴款金额",
    "amount": "金额",
    "host_uuid": "听证主持人",
    "slot": "审批栏",
    "role": "角色",
    "stage": "环节",
    "pause": "中止",
    "on": "恢复日期",
    "rule_code": "期限",
    "officer_uuids": "执法人员",
    "file": "文件",
    "deadline": "期限筛选",
    "certificate_no": "执法证号",
    "certificate_valid_to": "执法证有效期截止日",
    "matters": "事项列表",
    # -- the workflow engine (workflow.py)
    "{action} is not possible in stage {stage}": "当前环节（{stage}）不能执行「{action}」",
    "role {role} may not do this; allowed: {roles}": "{role}无权执行此操作，有权执行的是：{roles}",
    "{field}: this field is required": "{field}：此项为必填项",
    "{field}: a comment (reason) is required for this action": "{field}：此操作须填写意见（理由）",
    "{field}: a payment must be more than zero": "{field}：缴款金额必须大于零",
    "{field}: no {slot} approval can be given in stage {stage}": "{field}：当前环节（{stage}）不能进行{slot}",
    "{field}: unknown pause kind {value!r}": "{field}：未知的中止类型 {value!r}",
    "{field}: a suspension needs the approval of a section or bureau head":
        "{field}：中止须经承办机构负责人或机关负责人批准",
    "{field}: the case has been paused since {day}": "{field}：本案自 {day} 起已中止计算期限",
    "{field}: a closed case cannot be suspended": "{field}：已办结的案件不能中止",
    "{field}: the case is not paused": "{field}：本案未中止",
    "{field}: the resume date {day} is before the pause began ({start})":
        "{field}：恢复日期 {day} 早于中止开始日期（{start}）",
    "{field}: the {name} cannot be extended in stage {stage}": "{field}：当前环节（{stage}）不能延长{name}",
    # -- guards (guards.py)
    "at least {n} officers with a 执法证 valid on {day} are required (valid: {valid}; not valid: {invalid})":
        "须有至少 {n} 名执法证于 {day} 有效的执法人员（有效 {valid} 名；无效：{invalid}）",
    "the act ended {end} and was discovered {found}, after the {years}-year limitation ({limit})":
        "违法行为于 {end} 终了，{found} 才被发现，已超过 {years} 年的追责期限（至 {limit}）",
    "{name} is not assigned to this case; only its own officers may do this":
        "{name}不是本案承办人员，只有本案承办人员可以执行此操作",
    "the case is suspended (中止) since {day}; resume it first": "本案自 {day} 起中止，须先恢复",
    "法制审核 after the hearing of {day} is required before the decision":
        "{day} 举行听证后，须经法制审核方可作出决定",
    "法制审核 is required for this case and has not been passed": "本案须经法制审核，尚未通过",
    "the section head's 案件审核 has not been given": "承办机构负责人尚未完成案件审核",
    "a major case needs 集体讨论 by the bureau's heads before the decision":
        "重大案件须经机关负责人集体讨论后方可作出决定",
    "no decision before 事先告知 has been served": "尚未送达行政处罚告知书（事先告知），不得作出决定",
    "the party's {window} runs until {due}; wait, or record a written waiver":
        "当事人的{window}至 {due} 届满；请待期满，或记录当事人书面放弃",
    "the hearing had to be requested within 5 working days of the notice (the period ended {due})":
        "听证应在告知后 5 个工作日内申请（已于 {due} 届满）",
    "the hearing host must be named and must not be one of the case's investigators":
        "须指定听证主持人，且不得由本案调查人员担任",
    "the simple procedure allows fines up to ¥{limit} for {who}; ¥{fine} needs the ordinary procedure":
        "简易程序对{who}的罚款不得超过 {limit} 元；罚款 {fine} 元须适用普通程序",
    "a citizen": "公民",
    "an organisation": "法人或者其他组织",
    "the decision has not been approved by the bureau head": "处罚决定尚未经机关负责人批准",
    "the decision has not been sealed": "决定书尚未加盖印章",
    "¥{owed} of the fine is unpaid (late surcharge ¥{surcharge}); apply for enforcement or record a waiver decision first":
        "罚款尚有 {owed} 元未缴纳（加处罚款 {surcharge} 元）；请先申请强制执行或记录免缴决定",
    "no 催告: nothing of the fine is owed (paid in full, waived or no fine)":
        "无需催告：罚款已缴清、已决定免缴或未处罚款",
    "催告 only after the payment period has run out ({due})": "罚款缴纳期限（至 {due}）届满后方可催告",
    "enforcement may be applied for only after the 10 working days that follow the 催告 (they run until {due})":
        "催告书送达满 10 个工作日后方可申请强制执行（至 {due} 届满）",
    "no coercive enforcement at night (22:00–06:00); it is now {time}":
        "不得在夜间（22:00至次日06:00）实施强制执行；现在是 {time}",
    "no coercive enforcement on rest days or holidays, and {day} is one":
        "不得在法定节假日或休息日实施强制执行；{day} 为休息日或节假日",
    # -- leads and cases (cases.py)
    "{field}: unknown case kind {value!r}": "{field}：未知的案件类型 {value!r}",
    "{field}: not a date": "{field}：不是有效日期",
    "{field}: {value} lies in the future": "{field}：{value} 晚于今天",
    "{field}: the act ({act}) cannot happen after it was discovered ({found})":
        "{field}：违法行为发生日期（{act}）不能晚于发现日期（{found}）",
    "{field}: the end of a continuing act must lie between its start and today":
        "{field}：连续或者继续状态的违法行为终了日期应在其开始日期与今天之间",
    "{field}: a case needs at least one party": "{field}：案件至少需要一名当事人",
    # -- parties (parties.py)
    "{field}: {number} is not a valid resident ID number ({why})": "{field}：{number} 不是有效的居民身份证号码（{why}）",
    "{field}: {code} is not a valid unified social credit code ({why})":
        "{field}：{code} 不是有效的统一社会信用代码（{why}）",
    "wrong check digit": "校验码错误",
    "wrong length": "位数不对",
    "impossible birth date or region code": "出生日期或地区码无效",
    "invalid format or characters": "格式错误或含有无效字符",
    "{field}: unknown party kind {value!r}": "{field}：未知的当事人类型 {value!r}",
    "{field}: a party needs a name": "{field}：当事人须有姓名或名称",
    "{field}: an organisation needs its legal representative": "{field}：单位当事人须填写法定代表人（负责人）",
    # -- money (money.py)
    "{field}: amount must be a whole number of fen": "{field}：金额必须是以分为单位的整数",
    "{field}: amount must not be negative": "{field}：金额不能为负数",
    "{field}: {text!r} is not an amount in yuan (e.g. 1200.50)": "{field}：{text!r} 不是以元为单位的金额（例如 1200.50）",
    # -- store and services
    "case {uuid} does not exist": "案件 {uuid} 不存在",
    "officer {uuid} does not exist": "执法人员 {uuid} 不存在",
    "case {number} was changed by someone else since you opened it; reload and retry":
        "案件 {number} 在您打开后已被他人修改，请重新载入后再试",
    "{field}: unknown matter code {code!r}; it is not in the catalogue": "{field}：执法事项库中没有事项编码 {code!r}",
    "{field}: unknown officer {uuid}": "{field}：未知的执法人员 {uuid}",
    "{field}: officers of a closed case cannot change": "{field}：已办结案件的执法人员不能变更",
    "{field}: unknown deadline filter {value!r}": "{field}：未知的期限筛选条件 {value!r}",
    "{field}: cannot read calendar file {path}: {why}": "{field}：无法读取日历文件 {path}：{why}",
    "{field}: a calendar file holds one JSON object": "{field}：日历文件应为一个 JSON 对象",
    "{field}: a catalogue is an object with a list of matters": "{field}：事项目录应为含有事项列表（matters）的对象",
    "{field}: not an object": "{field}：应为对象",
    "{field}: kind must be one of {kinds}": "{field}：类型必须是以下之一：{kinds}",
    "{field}: duplicate matter code {code}": "{field}：事项编码 {code} 重复",
    "{field}: cannot read catalogue {path}: {why}": "{field}：无法读取事项目录 {path}：{why}",
    "{field}: a certificate cannot expire before it is valid": "{field}：执法证有效期截止日不能早于起始日",
    "{field}: certificate {no} is already registered": "{field}：执法证 {no} 已登记",
    # -- settings and bureau profile (app/config)
    "data_dir": "数据文件夹",
    "central_url": "中心服务地址",
    "language": "界面语言",
    "idle_lock_minutes": "空闲锁定（分钟）",
    "font_size": "字号",
    "settings_file": "设置文件",
    "{field}: expected a whole number, got {value!r}": "{field}：应为整数，实际为 {value!r}",
    "{field}: {value} is outside {low}..{high}": "{field}：{value} 超出范围 {low}..{high}",
    "{field}: must be one of {choices}, got {value!r}": "{field}：必须是 {choices} 之一，实际为 {value!r}",
    "{field}: expected text, got {value!r}": "{field}：应为文本，实际为 {value!r}",
    "{field}: {value!r} is not an https address (plain http only for localhost)":
        "{field}：{value!r} 不是 https 地址（仅本机地址可使用 http）",
    "{field}: expected a folder path, got {value!r}": "{field}：应为文件夹路径，实际为 {value!r}",
    "{field}: {value!r} is not an absolute folder path": "{field}：{value!r} 不是绝对路径",
    "{field}: {path} is unreadable ({reason}); defaults used, the file was kept as {backup}":
        "{field}：{path} 无法读取（{reason}），已使用默认设置，原文件另存为 {backup}",
    "{field}: unknown setting": "{field}：未知的设置项",
    "cannot read the bureau profile {path}: {reason}": "无法读取本机关配置 {path}：{reason}",
    "the bureau profile {path} must be a JSON object": "本机关配置 {path} 应为一个 JSON 对象",
    "the bureau profile {path} lacks {key}": "本机关配置 {path} 缺少 {key}",
    # -- stage names, as shown inside messages (the UI has its own labels)
    "registered": "案件来源登记", "filing_review": "立案审批", "not_filed": "不予立案", "investigating": "调查取证",
    "investigation_ended": "调查终结", "notified": "事先告知", "hearing": "听证", "deliberation": "待决定",
    "decision_review": "决定审批", "decided": "已决定", "served": "已送达", "measure_review": "强制措施审批",
    "measure_in_force": "强制措施实施中", "measure_released": "强制措施已解除", "reminded": "已催告",
    "enforcement": "强制执行", "inspecting": "检查实施", "inspected": "检查完毕", "executed": "执行完毕",
    "transferred": "已移送", "closed": "已结案", "archived": "已归档",
    "{field}: ¥{amount} is more than the ¥{owed} still owed": "{field}：¥{amount} 超过尚欠金额 ¥{owed}",
    "{field}: resuming a suspended case needs a section or bureau head": "{field}：恢复中止的案件须经承办机构负责人或机关负责人批准",
    "{field}: cannot sort by {value!r}": "{field}：不能按 {value!r} 排序",
    "{field}: the date range ends before it begins": "{field}：日期范围的结束早于开始",
    "sort": "排序",
    "registered_to": "登记日期（止）",
    # -- users and sign-in (users.py)
    "{field}: {name} does not hold the role {role}": "{field}：{name} 没有「{role}」角色",
    "{field}: a user name has 2 to 40 characters and no spaces": "{field}：用户名为 2 至 40 个字符，不含空格",
    "{field}: a password needs at least {n} characters, with letters and digits": "{field}：密码至少 {n} 位，须同时包含字母和数字",
    "{field}: choose at least one role": "{field}：请至少选择一个角色",
    "{field}: a case officer must be linked to an officer record (执法证)": "{field}：承办人须关联执法人员（执法证）记录",
    "username": "用户名",
    "password": "密码",
    "roles": "角色",
    "officer_uuid": "执法人员",
    # -- sign-in
    "wrong user name or password": "用户名或密码错误",
    "this account is disabled; ask the bureau administrator": "该账户已停用，请联系本机关系统管理员",
    "too many failed sign-ins: this account is locked until {until}": "登录失败次数过多，该账户已锁定至 {until}",
    "cannot reach the central service and this account has never signed in here":
        "无法连接中心服务，且该账户从未在本机登录过",
    "this account holds no role that may sign in here": "该账户没有可在本系统登录的角色",
    "only a bureau administrator may manage user accounts": "只有系统管理员可以管理用户账户",
    "{field}: the first account must be an administrator": "{field}：第一个账户必须是系统管理员",
    "{field}: the user name {name} is already taken": "{field}：用户名 {name} 已被使用",
    "{field}: at most {n} characters": "{field}：最多 {n} 个字符",
    "{field}: at least one active administrator must remain": "{field}：至少须保留一名启用的系统管理员",
    "{field}: the current password is wrong": "{field}：原密码不正确",
    "{field}: the two passwords differ": "{field}：两次输入的密码不一致",
    "{field}: there is no terminal to ask for it on; set {env}": "{field}：没有可输入密码的终端，请设置环境变量 {env}",
    "{field}: no officer holds certificate {no}": "{field}：没有持执法证 {no} 的执法人员",
    "user {uuid} does not exist": "用户 {uuid} 不存在",
    "display_name": "姓名",
    "old_password": "原密码",
    "active": "启用",
    "officer_certificate": "执法证号",
    # -- approvals inbox (services/approvals.py)
    "{field}: {name} has no return step; open the case to act on it": "{field}：「{name}」没有退回步骤，请打开案件办理",
    "{field}: {name} ({number}) decides the case and must be approved on its own":
        "{field}：「{name}」（{number}）决定案件处理结果，须逐件审批，不能批量批准",
    "items": "审批事项",
}

MESSAGES_ZH.update({
    # -- file store (store/blobs.py)
    "{field}: {path} is not a path inside the file store": "{field}：{path} 不是文件库内的路径",
    "stored file {path} is missing": "文件库中缺少文件 {path}",
    "{field}: stored file {path} no longer matches its recorded SHA-256": "{field}：文件库中的文件 {path} 与登记的 SHA-256 不符",
    # -- documents (services/documents)
    "{role} may not {what}": "{role}无权{what}",
    "generate documents": "生成文书",
    "change document templates": "修改文书模板",
    "void document numbers": "作废文号",
    "{name} was served or signed and can no longer change": "{name}已送达或已签章，不能再修改",
    "document {uuid} has no file yet": "文书 {uuid} 尚未生成文件",
    "document {uuid} has no version {version}": "文书 {uuid} 没有第{version}版",
    "{field}: document {uuid} belongs to another case or type": "{field}：文书 {uuid} 属于其他案件或其他文书种类",
    "{field}: cannot read {path}: {why}": "{field}：无法读取 {path}：{why}",
    "{field}: document type {code} has no template {name}": "{field}：文书种类 {code} 缺少模板 {name}",
    "{field}: the document catalogue has no {part} for the case file": "{field}：文书目录中缺少卷宗所需的 {part}",
    "{field}: case {number} has no generated documents to bind": "{field}：案件 {number} 尚无已生成的文书可以组卷",
    "no case numbered {number}": "没有案号为 {number} 的案件",
    "{field}: {name} is not a document of this kind of case": "{field}：{name}不适用于此类案件",
    "{label}: not a field that can be typed for a document": "{label}：不是可在文书中填写的项目",
    "{label}: {value} is not a date (YYYY-MM-DD)": "{label}：{value} 不是有效日期（YYYY-MM-DD）",
    "certificate {uuid} does not exist": "证书 {uuid} 不存在",
    # -- seals and signatures (services/signing, documents/stamp.py)
    "{field}: the document has no place for the seal": "{field}：文书中没有可加盖印章的位置",
    "{name} has no signing certificate; the administrator issues one in the settings":
        "{name}尚无签名证书，请系统管理员在设置中签发",
    "only the person who gave an approval signs it, once": "审批意见只能由审批人本人签名，且只能签一次",
    "{field}: a revocation needs a reason": "{field}：吊销证书须填写原因",
    "only the administrator or the bureau head manages seals and certificates": "只有系统管理员或机关负责人可以管理印章和证书",
    "{field}: unknown key reference {ref}": "{field}：无法识别的密钥 {ref}",
    "this bureau has no seal certificate yet; the administrator sets it up in the settings":
        "本局尚未配置印章证书，请系统管理员在设置中配置",
    "{field}: the bureau already has a seal certificate": "{field}：本局已有印章证书",
    "{name} may not use the seal {seal}": "{name}无权使用{seal}",
    "{field}: {name} is sealed already": "{field}：{name}已盖章",
    "{field}: {name} is not approved yet and cannot be sealed": "{field}：{name}尚未审批，不能盖章",
    "{field}: {name} has not been generated yet": "{field}：{name}尚未生成",
    "{field}: unknown seal kind {kind}": "{field}：未知的印章类型 {kind}",
    "{field}: {path} is neither a PDF nor accompanied by a signature file (.p7s)":
        "{field}：{path} 不是 PDF 文件，旁边也没有签名文件（.p7s）",
    "bureau": "本局",
    "key_ref": "密钥",
    "seal {uuid} does not exist": "印章 {uuid} 不存在",
    "template": "模板",
    "document": "文书",
    "dossier_part": "卷宗组成部分",
    "documents": "文书",
})

# Areas added later keep their texts in their own modules.
from app.domain.messages_zh_custody import MESSAGES_ZH_CUSTODY  # noqa: E402
from app.domain.messages_zh_devices import MESSAGES_ZH_DEVICES  # noqa: E402
from app.domain.messages_zh_document_catalogue import MESSAGES_ZH_DOCUMENT_CATALOGUE  # noqa: E402
from app.domain.messages_zh_documents import MESSAGES_ZH_DOCUMENTS  # noqa: E402
from app.domain.messages_zh_drivers import MESSAGES_ZH_DRIVERS  # noqa: E402
from app.domain.messages_zh_evidence import MESSAGES_ZH_EVIDENCE  # noqa: E402
from app.domain.messages_zh_numbers import MESSAGES_ZH_NUMBERS  # noqa: E402
from app.domain.messages_zh_pdf import MESSAGES_ZH_PDF  # noqa: E402
from app.domain.messages_zh_signing_keys import MESSAGES_ZH_SIGNING_KEYS  # noqa: E402
from app.domain.messages_zh_signing_pdf import MESSAGES_ZH_SIGNING_PDF  # noqa: E402

for _area in (MESSAGES_ZH_CUSTODY, MESSAGES_ZH_DEVICES, MESSAGES_ZH_DOCUMENT_CATALOGUE, MESSAGES_ZH_DOCUMENTS,
              MESSAGES_ZH_DRIVERS, MESSAGES_ZH_EVIDENCE, MESSAGES_ZH_NUMBERS, MESSAGES_ZH_PDF, MESSAGES_ZH_SIGNING_KEYS, MESSAGES_ZH_SIGNING_PDF):
    MESSAGES_ZH.update(_area)
