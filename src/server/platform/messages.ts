// zh-CN (default) and English texts for every error code and validation key. {name} is replaced by params.

export type Locale = 'zh-CN' | 'en';

type Texts = Record<string, { zh: string; en: string }>;

export const ERROR_TEXTS: Texts = {
  VALIDATION_FAILED: { zh: '请求参数不正确：{summary}', en: 'Invalid request: {summary}' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please log in first' },
  CSRF_FAILED: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; refresh and try again' },
  NOT_FOUND: { zh: '{entity}不存在', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such API endpoint' },
  INVALID_CREDENTIALS: { zh: '手机号或密码错误', en: 'Wrong phone number or password' },
  ACCOUNT_LOCKED: {
    zh: '密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many wrong passwords; the account is locked, try again in {minutes} minutes',
  },
  RATE_LIMITED: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; please wait and try again' },
  PHONE_TAKEN: { zh: '该手机号已注册', en: 'This phone number is already registered' },
  WRONG_PASSWORD: { zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_REUSED: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  ORG_INVALID_PARENT: {
    zh: '{kind}只能建在{parentKind}之下',
    en: 'A {kind} can only be placed under a {parentKind}',
  },
  ORG_CODE_TAKEN: { zh: '区划代码 {code} 已被“{name}”使用', en: 'Division code {code} is already used by "{name}"' },
  ORG_NAME_TAKEN: {
    zh: '同一上级下已有名为“{name}”的节点',
    en: 'A node named "{name}" already exists under this parent',
  },
  ORG_HAS_CHILDREN: {
    zh: '“{name}”下还有 {count} 个未归档的下级节点，请先归档或移走',
    en: '"{name}" still has {count} active child nodes; archive or move them first',
  },
  ORG_ARCHIVED: { zh: '“{name}”已归档，不能在其下操作', en: '"{name}" is archived; nothing can be done under it' },
  ORG_MOVE_INTO_SELF: {
    zh: '不能把节点移到它自己或它的下级之下',
    en: 'A node cannot be moved under itself or its descendants',
  },
  ORG_MOVE_DISTRICT: { zh: '不能跨区移动节点', en: 'Nodes cannot move to another district' },
  ORG_ROOT_IMMUTABLE: { zh: '区不能被移动或归档', en: 'A district cannot be moved or archived' },
  PARTNER_NODE_KIND: { zh: '共建单位只能挂在街道或社区下', en: 'Partner units belong to a street or a community' },
  ROLE_NODE_KIND: { zh: '“{role}”角色只能授予在{kinds}上', en: 'The role "{role}" can only be granted on a {kinds}' },
  ROLE_NOT_GRANTABLE: { zh: '您无权授予“{role}”角色', en: 'You may not grant the role "{role}"' },
  ROLE_ALREADY_HELD: { zh: '此人已在该节点担任“{role}”', en: 'This person already holds "{role}" at this node' },
  ROLE_SELF_REVOKE: { zh: '不能撤销自己的管理角色', en: 'You cannot revoke your own admin role' },
  VOLUNTEER_ALREADY_APPLIED: {
    zh: '您已提交过志愿者申请（{status}），无需重复申请',
    en: 'You have already applied ({status})',
  },
  VOLUNTEER_NOT_PENDING: {
    zh: '该申请已处理（{status}），不能重复审核',
    en: 'This application was already decided ({status})',
  },
  REASON_REQUIRED: { zh: '请填写原因', en: 'Please give a reason' },
  NOT_A_VOLUNTEER: {
    zh: '请先注册成为志愿者并通过社区审核',
    en: 'Register as a volunteer and wait for approval first',
  },
  TEAM_ALREADY_MEMBER: {
    zh: '您已是该队成员，或加入申请正在审核中',
    en: 'You are already a member, or your request is pending',
  },
  TEAM_NOT_MEMBER: { zh: '您不是该队成员', en: 'You are not a member of this team' },
  TEAM_REQUEST_NOT_PENDING: { zh: '该加入申请已处理', en: 'This join request was already decided' },
  TEAM_LEADER_LEAVE: {
    zh: '队长不能退出本队，请先更换队长',
    en: 'The leader cannot leave; appoint another leader first',
  },
  ACTIVITY_BAD_TIME: { zh: '{problem}', en: '{problem}' },
  ACTIVITY_STATE: { zh: '活动当前为“{status}”，不能{action}', en: 'The activity is {status}; cannot {action}' },
  SIGNUP_CLOSED: { zh: '报名已截止', en: 'Sign-up has closed' },
  SIGNUP_DUPLICATE: { zh: '您已报名该活动', en: 'You have already signed up' },
  SIGNUP_OVERLAP: { zh: '与您已报名的活动“{title}”时间冲突', en: 'This overlaps "{title}", which you signed up for' },
  SIGNUP_PAUSED: {
    zh: '您近 {days} 天内有 {count} 次报名后未到场，报名已暂停，请联系社区恢复',
    en: 'You missed {count} activities in {days} days; sign-up is paused, please contact the community',
  },
  SIGNUP_SKILL_MISSING: { zh: '本活动需要以下技能：{skills}', en: 'This activity needs these skills: {skills}' },
  CANCEL_TOO_LATE: {
    zh: '已过取消截止时间（活动开始前 {hours} 小时），如不能参加请联系队长',
    en: 'Too late to cancel ({hours} h before the start); please tell the team leader',
  },
  ATTENDANCE_CODE_INVALID: {
    zh: '签到码无效或已过期，请扫描现场最新的二维码',
    en: 'The code is invalid or expired; scan the latest code on site',
  },
  ATTENDANCE_NOT_SIGNED_UP: {
    zh: '您没有报名此活动（或在候补中）',
    en: 'You are not signed up (or still on the waitlist)',
  },
  ATTENDANCE_NOT_OPEN: { zh: '现在不在签到签退时间内', en: 'Check-in and check-out are not open now' },
  ATTENDANCE_ALREADY: { zh: '您已{what}，无需重复操作', en: 'You have already {what}' },
  ATTENDANCE_NOT_CHECKED_IN: { zh: '请先签到', en: 'Check in first' },
  ATTENDANCE_NOT_YET: { zh: '{what}将于 {time}（北京时间）开放', en: '{what} opens at {time} (China time)' },
  ATTENDANCE_CLOSED: { zh: '{what}已于 {time}（北京时间）截止', en: '{what} closed at {time} (China time)' },
  ATTENDANCE_NO_SHOW: {
    zh: '您在该活动被登记为缺席，不能签到、签退或补录时长',
    en: 'You were marked absent for this activity; no attendance or hours can be recorded',
  },
  ACTIVITY_NOT_ENDED: {
    zh: '活动于 {time}（北京时间）结束，结束后才能{action}',
    en: 'The activity ends at {time} (China time); {action} after it ends',
  },
  NOT_A_RESIDENT: { zh: '本活动仅限“{community}”的居民报名', en: 'This event is for residents of "{community}" only' },
  RESIDENT_EVENT_NO_HOURS: {
    zh: '居民活动只记录到场，不计志愿服务时长',
    en: 'Resident events record attendance only; they earn no service hours',
  },
  GEOFENCE_OUTSIDE: {
    zh: '您距离活动地点约 {distance} 米，超出签到范围（{limit} 米）',
    en: 'You are about {distance} m from the venue, beyond the {limit} m check-in range',
  },
  BACKFILL_TOO_LONG: {
    zh: '补录时长不能超过活动时长（{max} 分钟）',
    en: 'Back-filled time cannot exceed the activity ({max} min)',
  },
  BACKFILL_NOT_PAST: { zh: '只能为已结束的活动补录时长', en: 'Hours can only be back-filled for finished activities' },
  RECORD_STATE: { zh: '服务记录当前为“{status}”，不能{action}', en: 'The service record is {status}; cannot {action}' },
  RATING_NOT_ALLOWED: {
    zh: '只有参加或受益于该活动的人可以评价',
    en: 'Only participants and beneficiaries can rate this',
  },
  RATING_DUPLICATE: { zh: '您已评价过', en: 'You have already rated this' },
  IMPORT_FILE_INVALID: {
    zh: '无法读取 Excel 文件，请使用下载的模板（.xlsx）',
    en: 'Cannot read the Excel file; use the template (.xlsx)',
  },
  CERT_NO_HOURS: {
    zh: '暂无已验收的服务时长，暂不能开具证明',
    en: 'No accepted service hours yet; no certificate can be issued',
  },
  SETTINGS_INVALID: { zh: '设置不正确：{problem}', en: 'Invalid settings: {problem}' },
  INSUFFICIENT_POINTS: {
    zh: '积分余额不足（当前 {balance} 分，需要 {needed} 分）',
    en: 'Not enough points (balance {balance}, needed {needed})',
  },
  GIFTS_DISABLED: { zh: '本区暂未开放积分转赠', en: 'Gifting points is not enabled in this district' },
  DONATIONS_DISABLED: { zh: '本区暂未开放积分捐赠', en: 'Donating points is not enabled in this district' },
  GIVE_LIMIT: {
    zh: '本月转赠和捐赠合计不能超过 {limit} 分（已用 {used} 分）',
    en: 'Gifts and donations are limited to {limit} points a month ({used} used)',
  },
  GIFT_SELF: { zh: '不能转赠给自己', en: 'You cannot gift points to yourself' },
  JOURNAL_NOT_REVERSIBLE: { zh: '该笔记录不能冲正（{why}）', en: 'This journal cannot be reversed ({why})' },
  IDEMPOTENCY_CONFLICT: {
    zh: '该请求编号已用于另一笔不同的操作',
    en: 'This idempotency key was already used for a different operation',
  },
  MERCHANT_STATE: { zh: '商户当前为“{status}”，不能{action}', en: 'The merchant is {status}; cannot {action}' },
  MERCHANT_NOT_FILED: { zh: '商户尚未备案', en: 'The merchant is not filed yet' },
  LICENCE_TAKEN: { zh: '该营业执照号已申请过', en: 'This business licence has already applied' },
  OUT_OF_STOCK: { zh: '已兑完，库存不足', en: 'Out of stock' },
  ORDER_LIMIT: {
    zh: '每人限兑 {limit} 份，您已兑换 {count} 份',
    en: 'Limited to {limit} per person; you have {count}',
  },
  ITEM_UNAVAILABLE: { zh: '该商品已下架或已过期', en: 'This item is no longer available' },
  VOUCHER_INVALID: { zh: '无效的兑换码，请核对后重试', en: 'Invalid voucher code; check and retry' },
  VOUCHER_REDEEMED: { zh: '该券已于 {at} 核销，不能重复使用', en: 'This voucher was already redeemed at {at}' },
  VOUCHER_OTHER_MERCHANT: {
    zh: '该券不是本店的券（属于“{merchant}{what}”）',
    en: 'This voucher belongs to another merchant ("{merchant}{what}")',
  },
  VOUCHER_EXPIRED: {
    zh: '该券已过期（有效期至 {at}），积分已退回',
    en: 'This voucher expired ({at}); its points were refunded',
  },
  VOUCHER_CANCELLED: { zh: '该券已取消，积分已退回', en: 'This voucher was cancelled and refunded' },
  STATEMENT_CLOSED: { zh: '{month} 的结算单已关账，不能再改', en: 'The statement for {month} is closed' },
  MONTH_NOT_OVER: {
    zh: '{month} 还没结束，月底后才能关账',
    en: '{month} is not over yet; close it after the month ends',
  },
  EVALUATION_EXISTS: { zh: '该商户 {year} 年度已评议过', en: 'This merchant was already evaluated for {year}' },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '您正在使用工作人员重置的临时密码，请先修改密码后再继续使用',
    en: 'You are using a temporary password set by staff; change your password before doing anything else',
  },
  RESET_NOT_ALLOWED: {
    zh: '不能重置此人的密码：本人请在“修改密码”中修改，担任更高级别或其他辖区职务的人员请由其上级管理员重置',
    en: 'You cannot reset this password: change your own under "Change password"; people holding senior or other-area roles are reset by their own admins',
  },
  OTHER_DISTRICT: {
    zh: '您在“{district}”还没有积分，您的积分（{balance} 分）在“{home}”，只能在“{home}”使用',
    en: 'You hold no points in {district}; your {balance} points are in {home} and can only be spent there',
  },
  DAILY_CAP_REACHED: {
    zh: '{date} 已记录 {used} 分钟，已达每日服务时长上限（{cap} 分钟）',
    en: '{used} minutes are already recorded on {date}, the daily limit ({cap} minutes)',
  },
  SERVICE_DATE_FUTURE: { zh: '服务日期不能晚于今天', en: 'The service date cannot be in the future' },
  // needs (需求清单)
  NEED_STATE: { zh: '该需求当前为“{status}”，不能{action}', en: 'The need is {status}; cannot {action}' },
  NEED_CHANGED: {
    zh: '该需求刚被他人处理过，请刷新后再操作',
    en: 'Someone else has just changed this need; refresh and try again',
  },
  NEED_NO_HOME: {
    zh: '请先在“我的”里设置您住在哪个社区，再提交需求',
    en: 'Set the community you live in under "Me" before raising a need',
  },
  // projects and suggestions (资源清单/项目清单/认领/意见箱)
  PROJECT_STATE: { zh: '项目当前为“{status}”，不能{action}', en: 'The project is {status}; cannot {action}' },
  RESOURCE_ARCHIVED: { zh: '资源“{title}”已停用，不能再用于项目', en: 'The resource "{title}" is archived' },
  CLAIM_STATE: { zh: '该认领已处理（{status}），不能再操作', en: 'This claim was already decided ({status})' },
  CLAIM_DUPLICATE: {
    zh: '{unit}已认领过该项目（{status}），请等待社区审核',
    en: '{unit} has already claimed this project ({status}); wait for the review',
  },
  SUGGESTION_STATE: { zh: '该意见当前为“{status}”，不能{action}', en: 'The suggestion is {status}; cannot {action}' },
  // matching and invitations (needs)
  INVITATION_STATE: { zh: '这条邀请已{status}，不能再更改', en: 'This invitation is already {status}' },
  TASK_STATE: { zh: '这项任务当前不能{action}', en: 'This task cannot be {action} now' },
  TASK_NOT_STARTED: { zh: '请先点“开始”，服务完成后再点“完成”', en: 'Tap "Start" first, then "Done" when finished' },
  NEED_NOTHING_SERVED: {
    zh: '还没有志愿者开始服务，暂不能确认完成',
    en: 'No volunteer has started the service yet, so it cannot be confirmed as done',
  },
  // mediation (调解)
  MEDIATION_STATE: {
    zh: '该调解案件当前为“{status}”，不能{action}',
    en: 'The mediation case is {status}; cannot {action}',
  },
  MEDIATION_NOT_MEDIATOR: {
    zh: '“{name}”不是本社区的调解员，请先在人员管理中授予调解员角色',
    en: '"{name}" is not a mediator of this community; grant the mediator role first',
  },
  MEDIATION_PARTY_SELF: { zh: '另一方当事人不能是您自己', en: 'The other party cannot be yourself' },
  // care registry (关爱台账)
  CARE_CHANGED: {
    zh: '该关爱对象刚被他人更新过，请刷新后再操作',
    en: 'Someone has just updated this person; refresh and try again',
  },
  CARE_VISITOR_INVALID: {
    zh: '走访人应是本辖区的网格员等工作人员，或本社区已通过审核的志愿者',
    en: "A visitor must be care staff over this person or an approved volunteer of the person's community",
  },
  // star levels (星级公示)
  STAR_STATE: { zh: '该星级公示当前为“{status}”，不能{action}', en: 'The star promotion is {status}; cannot {action}' },
  STAR_OBJECTION_TWICE: {
    zh: '您已对这条星级公示提出过异议，请等待社区处理',
    en: 'You have already objected to this promotion; the community will decide',
  },
  STAR_OBJECTION_SELF: { zh: '不能对自己的星级公示提出异议', en: 'You cannot object to your own promotion' },
  // grid reports (随手拍)
  REPORT_STATE: { zh: '该随手拍当前为“{status}”，不能{action}', en: 'The report is {status}; cannot {action}' },
  REPORT_CHANGED: {
    zh: '该随手拍刚被他人处理过，请刷新后再操作',
    en: 'Someone else has just changed this report; refresh and try again',
  },
  REPORT_NO_PLACE: {
    zh: '请选择问题所在的网格或社区（或先在“我的”里设置您住在哪个社区）',
    en: 'Choose the grid or community of the problem (or set where you live under "Me")',
  },
  REPORT_MERGE_TARGET: {
    zh: '只能合并到同一社区里另一条未办结的随手拍',
    en: 'A report can only be merged into another open report of the same community',
  },
  REPORT_ASSIGNEE: {
    zh: '请选择负责这一片的网格员或社区工作人员',
    en: 'Choose a grid worker or community staff member responsible for this place',
  },
  REPORT_PHOTO_USED: {
    zh: '照片已失效或已用于其他随手拍，请重新上传',
    en: 'The photo is gone or used by another report; upload it again',
  },
  PHOTO_NOT_IMAGE: {
    zh: '这不是可以识别的照片，请上传 JPG、PNG、WebP 或 HEIC 格式的图片',
    en: 'This is not a photo we can read; upload a JPG, PNG, WebP or HEIC image',
  },
  PHOTO_TOO_LARGE: {
    zh: '照片太大了，每张不能超过 {maxMb} MB',
    en: 'The photo is too large; each may be at most {maxMb} MB',
  },
  PHOTO_TOO_MANY_PIXELS: {
    zh: '照片像素太多了（不能超过 {maxMp} 百万像素），请缩小后再上传',
    en: 'The photo has too many pixels (at most {maxMp} megapixels); make it smaller and try again',
  },
  INTERNAL: {
    zh: '服务器内部错误，请稍后重试（请求编号 {requestId}）',
    en: 'Internal server error; please retry (request {requestId})',
  },
};

/** Names of things, used in NOT_FOUND. */
export const ENTITY_TEXTS: Texts = {
  org_node: { zh: '组织节点', en: 'Organisation node' },
  partner_unit: { zh: '共建单位', en: 'Partner unit' },
  person: { zh: '人员', en: 'Person' },
  report: { zh: '随手拍', en: 'Report' },
  report_photo: { zh: '照片', en: 'Photo' },
  role_assignment: { zh: '角色授权', en: 'Role assignment' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  team: { zh: '志愿服务队', en: 'Team' },
  join_request: { zh: '加入申请', en: 'Join request' },
  activity: { zh: '活动', en: 'Activity' },
  signup: { zh: '报名记录', en: 'Sign-up' },
  service_record: { zh: '服务记录', en: 'Service record' },
  certificate: { zh: '证明', en: 'Certificate' },
  journal: { zh: '积分记录', en: 'Journal' },
  merchant: { zh: '商户', en: 'Merchant' },
  catalog_item: { zh: '商品', en: 'Item' },
  voucher: { zh: '兑换券', en: 'Voucher' },
  point_account: { zh: '积分账户', en: 'Points account' },
  resource: { zh: '资源', en: 'Resource' },
  project: { zh: '项目', en: 'Project' },
  project_claim: { zh: '认领', en: 'Claim' },
  suggestion: { zh: '意见', en: 'Suggestion' },
  service_point: { zh: '服务点', en: 'Service point' },
  need: { zh: '需求', en: 'Need' },
  need_invitation: { zh: '邀请', en: 'Invitation' },
  mediation_case: { zh: '调解案件', en: 'Mediation case' },
  mediation_party: { zh: '当事人', en: 'Party' },
  mediation_stats: { zh: '调解统计', en: 'Mediation statistics' },
  star_promotion: { zh: '星级公示', en: 'Star promotion' },
  care_subject: { zh: '关爱对象', en: 'Person in care' },
};

/** Texts for validation keys used in schemas as `{ message: 'v.xxx' }`. */
export const VALIDATION_TEXTS: Texts = {
  'v.phone': { zh: '请输入11位中国大陆手机号', en: 'Enter an 11-digit mainland China mobile number' },
  'v.password': {
    zh: '密码需为8至128位，且同时包含字母和数字（16位以上的长句密码不限）',
    en: 'The password must be 8–128 characters with letters and digits (or a passphrase of 16 characters or more)',
  },
  'v.passwordCommon': {
    zh: '这个密码太常见，容易被猜到，请换一个',
    en: 'This password is too common and easy to guess; choose another',
  },
  'v.passwordPhone': {
    zh: '密码不能包含手机号',
    en: 'The password must not contain your phone number',
  },
  'v.idNumber': {
    zh: '身份证号码不正确（请检查位数和校验位）',
    en: 'Invalid ID card number (check length and check digit)',
  },
  'v.orgCode': { zh: '统计用区划代码应为12位数字', en: 'The division code must be 12 digits' },
  'v.closePhrase': { zh: '请输入“注销”两个字确认', en: 'Type 注销 to confirm' },
  'v.name': { zh: '名称不能为空，且不超过{max}个字', en: 'The name must not be empty or longer than {max} characters' },
  'v.text': { zh: '不能为空，且不超过{max}个字', en: 'Must not be empty or longer than {max} characters' },
  'v.displayName': { zh: '称呼不能为空，且不超过20个字', en: 'The display name must be 1–20 characters' },
  'v.realName': { zh: '姓名应为2至30个字', en: 'The real name must be 2–30 characters' },
  'v.cursor': { zh: '分页游标无效', en: 'Invalid page cursor' },
  // notifications
  'v.markRead': { zh: '请选择要标为已读的消息，或选择全部已读', en: 'Choose the notices to mark read, or all' },
  'v.nul': { zh: '含有不允许的控制字符（NUL）', en: 'contains a character that is not allowed (NUL)' },
  'v.code': { zh: '请输入6位数字签到码', en: 'Enter the 6-digit code' },
  'v.attendance': {
    zh: '请扫描二维码，或选择活动并输入6位签到码',
    en: 'Scan the QR code, or pick the activity and type the 6-digit code',
  },
  'v.note': { zh: '请说明补录原因', en: 'Please explain the back-filled hours' },
  'v.reason': { zh: '请填写原因', en: 'Please give a reason' },
  'v.licence': {
    zh: '统一社会信用代码应为15至18位数字或大写字母',
    en: 'The licence number must be 15–18 digits or capital letters',
  },
  'v.month': { zh: '月份格式应为 YYYY-MM', en: 'Months are written YYYY-MM' },
  'v.plan': { zh: '请填写实施计划（不超过2000字）', en: 'Describe the plan (up to 2,000 characters)' },
  'v.suggestion': { zh: '请写下您的意见（5至1000字）', en: 'Write your suggestion (5–1,000 characters)' },
  'v.answer': { zh: '请填写答复（不超过1000字）', en: 'Write the answer (up to 1,000 characters)' },
  'v.date': { zh: '日期格式应为 YYYY-MM-DD 或 ISO 时间', en: 'Dates must be YYYY-MM-DD or ISO timestamps' },
  'v.mediationTerms': {
    zh: '达成协议时请写明协议内容（不超过4000字）',
    en: 'Write the terms of the agreement (up to 4,000 characters)',
  },
  'v.mediationReferral': {
    zh: '转交时请写明转交给谁（不超过100字）',
    en: 'Name who the case is referred to (up to 100 characters)',
  },
  'v.mediationParty': {
    zh: '请填写另一方当事人的称呼（不超过30字）',
    en: "Give the other party's name (up to 30 characters)",
  },
  'v.needCategory': { zh: '请选择本区已有的需求类别', en: "Choose one of the district's need categories" },
  'v.needCommunity': { zh: '请选择需求所在的社区', en: 'Choose the community of the need' },
  'v.needWindow': { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
  'v.pickVolunteers': { zh: '请至少选择 1 位志愿者（一次最多 50 位）', en: 'Choose 1 to 50 volunteers' },
  'v.source': { zh: '请写明积分来源（不超过100个字）', en: 'Name the source of the points (up to 100 characters)' },
  'v.photos': { zh: '每次最多上传 {max} 张照片', en: 'At most {max} photos' },
  'v.reportCategory': { zh: '请选择本区已有的随手拍类别', en: "Choose one of the district's report categories" },
  'v.reportPlace': { zh: '请重新选择问题所在的网格、楼栋或社区', en: 'Choose the grid, building or community again' },
  // service map
  'v.lat': { zh: '纬度应为 -90 到 90 之间的数字', en: 'Latitude must be a number from -90 to 90' },
  'v.lng': { zh: '经度应为 -180 到 180 之间的数字', en: 'Longitude must be a number from -180 to 180' },
  'v.latLngPair': { zh: '经度和纬度要一起填写', en: 'Give latitude and longitude together' },
  'v.hours': {
    zh: '营业时间应写成“08:00-17:30”（24小时制）',
    en: 'Opening hours are written like "08:00-17:30" (24-hour clock)',
  },
  'v.businessPhone': {
    zh: '联系电话应为数字，可带区号和“-”，如 0711-3201234',
    en: 'The phone number must be digits, with an area code and "-" if needed, e.g. 0711-3201234',
  },
};

/** Field names shown in validation summaries. */
export const FIELD_TEXTS: Texts = {
  phone: { zh: '手机号', en: 'phone' },
  password: { zh: '密码', en: 'password' },
  newPassword: { zh: '新密码', en: 'new password' },
  currentPassword: { zh: '当前密码', en: 'current password' },
  displayName: { zh: '称呼', en: 'display name' },
  realName: { zh: '姓名', en: 'real name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  name: { zh: '名称', en: 'name' },
  code: { zh: '区划代码', en: 'division code' },
  kind: { zh: '类型', en: 'kind' },
  parentId: { zh: '上级节点', en: 'parent' },
  nodeId: { zh: '组织节点', en: 'node' },
  role: { zh: '角色', en: 'role' },
  userId: { zh: '人员', en: 'person' },
  category: { zh: '类别', en: 'category' },
  limit: { zh: '每页条数', en: 'limit' },
  cursor: { zh: '分页游标', en: 'cursor' },
  contactPhone: { zh: '联系电话', en: 'contact phone' },
  minutes: { zh: '时长', en: 'minutes' },
  serviceDate: { zh: '服务日期', en: 'service date' },
  place: { zh: '服务地点', en: 'place' },
  vouchedBy: { zh: '证明人', en: 'who can vouch' },
  source: { zh: '积分来源', en: 'source' },
  asOf: { zh: '截止日期', en: 'as of' },
  volunteerIds: { zh: '所选志愿者', en: 'selected volunteers' },
  decision: { zh: '审核结果', en: 'decision' },
  adminPhone: { zh: '区管理员手机号', en: 'admin phone' },
  points: { zh: '积分', en: 'points' },
  reason: { zh: '原因', en: 'reason' },
  idempotencyKey: { zh: '请求编号', en: 'request key' },
  id: { zh: '编号', en: 'id' },
  status: { zh: '状态', en: 'status' },
  slots: { zh: '名额', en: 'places' },
  recordIds: { zh: '服务记录', en: 'service records' },
  score: { zh: '评分', en: 'score' },
  comment: { zh: '评价', en: 'comment' },
  communityId: { zh: '社区', en: 'community' },
  teamId: { zh: '服务队', en: 'team' },
  activityId: { zh: '活动', en: 'activity' },
  itemId: { zh: '商品', en: 'item' },
  title: { zh: '标题', en: 'title' },
  description: { zh: '说明', en: 'description' },
  address: { zh: '地点', en: 'address' },
  startsAt: { zh: '开始时间', en: 'start time' },
  endsAt: { zh: '结束时间', en: 'end time' },
  year: { zh: '年份', en: 'year' },
  month: { zh: '月份', en: 'month' },
  skills: { zh: '技能', en: 'skills' },
  stock: { zh: '库存', en: 'stock' },
  valueFen: { zh: '折合金额', en: 'value' },
  project: { zh: '共建项目', en: 'project' },
  orgId: { zh: '单位', en: 'organisation' },
  toPhone: { zh: '受赠人手机号', en: "recipient's phone" },
  relation: { zh: '亲属关系', en: 'relation' },
  // projects and suggestions
  plan: { zh: '实施计划', en: 'plan' },
  budgetFen: { zh: '预算', en: 'budget' },
  amountFen: { zh: '金额', en: 'amount' },
  quantity: { zh: '数量', en: 'quantity' },
  providerKind: { zh: '提供方类型', en: 'provider kind' },
  providerId: { zh: '提供方', en: 'provider' },
  availableFrom: { zh: '开始日期', en: 'available from' },
  availableTo: { zh: '结束日期', en: 'available until' },
  partnerUnitId: { zh: '共建单位', en: 'partner unit' },
  resourceIds: { zh: '资源', en: 'resources' },
  content: { zh: '内容', en: 'content' },
  answer: { zh: '答复', en: 'answer' },
  // service map
  lat: { zh: '纬度', en: 'latitude' },
  lng: { zh: '经度', en: 'longitude' },
  coord: { zh: '坐标系', en: 'coordinate system' },
  radius: { zh: '范围', en: 'radius' },
  hours: { zh: '营业时间', en: 'opening hours' },
  hoursNote: { zh: '营业时间说明', en: 'hours note' },
  archived: { zh: '停用', en: 'archived' },
  urgency: { zh: '紧急程度', en: 'urgency' },
  privacy: { zh: '公开范围', en: 'privacy' },
  peopleNeeded: { zh: '所需人数', en: 'people needed' },
  windowStart: { zh: '开始时间', en: 'from' },
  windowEnd: { zh: '结束时间', en: 'until' },
  beneficiaryGroup: { zh: '服务对象', en: 'beneficiary' },
  rating: { zh: '评分', en: 'rating' },
  requesterPhone: { zh: '居民手机号', en: "resident's phone" },
  note: { zh: '备注', en: 'note' },
  // mediation
  type: { zh: '纠纷类型', en: 'dispute type' },
  parties: { zh: '当事人', en: 'parties' },
  otherParties: { zh: '另一方当事人', en: 'other party' },
  applicant: { zh: '申请人', en: 'applicant' },
  mediatorIds: { zh: '调解员', en: 'mediators' },
  partyId: { zh: '当事人', en: 'party' },
  body: { zh: '消息内容', en: 'message' },
  heldAt: { zh: '调解时间', en: 'time' },
  mode: { zh: '方式', en: 'mode' },
  attendees: { zh: '参加人员', en: 'attendees' },
  notes: { zh: '调解记录', en: 'notes' },
  outcome: { zh: '调解结果', en: 'outcome' },
  terms: { zh: '协议内容', en: 'terms' },
  referredTo: { zh: '转交单位', en: 'referred to' },
  myPhone: { zh: '我的联系电话', en: 'my phone' },
  from: { zh: '开始月份', en: 'from month' },
  to: { zh: '结束月份', en: 'to month' },
};

export const KIND_TEXTS: Texts = {
  district: { zh: '区', en: 'district' },
  street: { zh: '街道', en: 'street' },
  community: { zh: '社区', en: 'community' },
  grid: { zh: '网格', en: 'grid' },
  building: { zh: '楼栋', en: 'building' },
};

export const ROLE_TEXTS: Texts = {
  resident: { zh: '居民', en: 'Resident' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  team_leader: { zh: '队长', en: 'Team leader' },
  social_worker: { zh: '社工', en: 'Social worker' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  community_admin: { zh: '社区管理员', en: 'Community admin' },
  street_admin: { zh: '街道管理员', en: 'Street admin' },
  district_admin: { zh: '区管理员', en: 'District admin' },
  merchant_staff: { zh: '商户', en: 'Merchant staff' },
  partner_contact: { zh: '共建单位', en: 'Partner unit contact' },
  mediator: { zh: '调解员', en: 'Mediator' },
  mediation_lead: { zh: '调解负责人', en: 'Mediation lead' },
  platform_admin: { zh: '平台运营', en: 'Platform operator' },
};

/** Explanations that fill {problem}. */
export const PROBLEM_TEXTS: Texts = {
  end_before_start: { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
  too_long: { zh: '单次活动不能超过 24 小时', en: 'An activity cannot last more than 24 hours' },
  deadline_after_start: { zh: '报名截止时间须早于活动开始时间', en: 'The sign-up deadline must be before the start' },
  in_past: { zh: '活动开始时间已过', en: 'The start time has passed' },
  attendance_in_future: { zh: '到场和离场时间不能晚于现在', en: 'Arrival and departure cannot be later than now' },
  thresholds: {
    zh: '星级门槛须为 5 个递增的正整数小时数',
    en: 'Star thresholds must be 5 increasing positive hour counts',
  },
  skills: { zh: '技能列表不能为空，且不能重复', en: 'The skill list must be non-empty without duplicates' },
  report_categories: {
    zh: '随手拍类别不能为空，类别代码和名称不能重复',
    en: 'Report categories must be non-empty, with no key or name twice',
  },
  need_categories: {
    zh: '需求类别不能为空，类别代码和名称不能重复',
    en: 'Need categories must be non-empty, with no key or name twice',
  },
  match_weights: {
    zh: '匹配权重须为 0 至 100 的整数，且不能全为 0',
    en: 'Matching weights must be whole numbers from 0 to 100, not all zero',
  },
  multipliers: {
    zh: '类别倍率须为 0 至 1000 之间的整数（百分比）',
    en: 'Category multipliers must be whole percentages from 0 to 1000',
  },
};

/** What verify-ledger found, by problem code (ledger.public.ts, ledger.reconcile.ts); params fill the braces. */
export const LEDGER_PROBLEM_TEXTS: Texts = {
  sequence_gap: {
    zh: '流水序号为 {seq}，应为 {expected}（有流水缺失或顺序错乱）',
    en: 'sequence {seq} where {expected} was expected (a journal is missing or out of order)',
  },
  prev_hash_mismatch: {
    zh: '与上一笔流水的哈希链接不符',
    en: 'previous-hash link does not match the journal before it',
  },
  unbalanced: { zh: '分录借贷不平（合计不为零）', en: 'postings do not sum to zero' },
  hash_mismatch: { zh: '流水内容与其哈希不符（已被改动）', en: 'content does not match its hash (altered)' },
  head_mismatch: {
    zh: '链头（{headSeq}，{headHash}…）与最后一笔流水（{count}，{lastHash}…）不符',
    en: 'chain head ({headSeq}, {headHash}…) does not match the last journal ({count}, {lastHash}…)',
  },
  balance_mismatch: {
    zh: '账户 {account} 余额 {balance} 与分录合计 {sum} 不符',
    en: 'account {account} balance {balance} ≠ postings {sum}',
  },
  negative_person: { zh: '个人账户 {account} 余额为负（{sum}）', en: 'person account {account} is negative ({sum})' },
  earning_unhandled: {
    zh: '已验收的服务记录 {record} 没有转为积分（事件 {event} 未处理）',
    en: 'accepted service record {record} never turned into points (event {event} not handled)',
  },
  earning_not_reversed: {
    zh: '服务记录 {record} 已更正，但其积分未冲回',
    en: 'service record {record} was superseded but its earning was not reversed',
  },
  earning_without_acceptance: {
    zh: '服务记录 {record} 从未验收，却获得了积分',
    en: 'points were earned for service record {record} that was never accepted',
  },
  signed_head_mismatch: {
    zh: '{day} 签名公示的链头（第 {seq} 笔，{hash}…）与重算的第 {seq} 笔流水（{actual}…）不符：该笔或之前的流水已被改写',
    en: 'the head signed on {day} (seq {seq}, {hash}…) does not match journal {seq} recomputed ({actual}…): it or an earlier journal was rewritten',
  },
  signed_head_missing: {
    zh: '{day} 签名公示的链头为第 {seq} 笔，但链上只有 {count} 笔流水（有流水被删除）',
    en: 'the head signed on {day} is journal {seq}, but the chain holds only {count} journals (journals were removed)',
  },
  signed_head_bad_signature: {
    zh: '{day} 的链头签名无效（签名记录被改动，或不是本系统的密钥 {keyId} 所签）',
    en: 'the signature of the head of {day} is not valid (the record was altered, or not signed by this installation’s key {keyId})',
  },
};

/** Problems verify-audit names (platform/audit.chain.ts), by code. */
export const AUDIT_PROBLEM_TEXTS: Texts = {
  seal_sequence_gap: {
    zh: '审计封存序号为 {seq}，应为 {expected}（有封存记录缺失）',
    en: 'audit seal {seq} where {expected} was expected (a seal is missing)',
  },
  seal_link_mismatch: {
    zh: '审计封存与上一条封存的哈希链接不符（封存记录被改写）',
    en: 'audit seal does not link to the seal before it (a seal was rewritten)',
  },
  seal_rewritten: {
    zh: '审计封存记录与其哈希不符（封存被改写）',
    en: 'audit seal does not match its hash (rewritten)',
  },
  event_missing: {
    zh: '封存指向的审计事件已不存在（被删除）',
    en: 'the sealed audit event is gone (deleted)',
  },
  event_changed: {
    zh: '审计事件（{action}）的内容与封存时不符（已被改动）',
    en: 'audit event ({action}) differs from what was sealed (altered)',
  },
  event_sealed_late: {
    zh: '审计事件（{at}）在写入 {minutes} 分钟后才封存（封存延误，或事后补写）',
    en: 'audit event ({at}) was sealed {minutes} minutes after it was written (sealing stalled, or it was inserted later)',
  },
  event_unsealed: {
    zh: '审计事件（{at}）超时仍未封存',
    en: 'audit event ({at}) has been left unsealed too long',
  },
  seal_head_mismatch: {
    zh: '审计链头（{headSeq}，{headHash}…）与最后一条封存（{count}，{lastHash}…）不符',
    en: 'audit chain head ({headSeq}, {headHash}…) does not match the last seal ({count}, {lastHash}…)',
  },
  signed_head_mismatch: {
    zh: '{day} 签名的审计链头（第 {seq} 条，{hash}…）与重算的第 {seq} 条封存（{actual}…）不符：审计日志已被改写',
    en: 'the audit head signed on {day} (seal {seq}, {hash}…) does not match seal {seq} recomputed ({actual}…): the audit log was rewritten',
  },
  signed_head_missing: {
    zh: '{day} 签名的审计链头为第 {seq} 条，但只有 {count} 条封存（封存被删除）',
    en: 'the audit head signed on {day} is seal {seq}, but there are only {count} seals (seals were removed)',
  },
  signed_head_bad_signature: {
    zh: '{day} 的审计链头签名无效（签名记录被改动，或不是本系统的密钥 {keyId} 所签）',
    en: 'the signature of the audit head of {day} is not valid (altered, or not signed by this installation’s key {keyId})',
  },
  kept_head_mismatch: {
    zh: '您保存的 {day} 审计链头（第 {seq} 条，{hash}…）与重算的第 {seq} 条封存（{actual}…）不符：审计日志已被改写',
    en: 'the audit head of {day} you kept (seal {seq}, {hash}…) does not match seal {seq} recomputed ({actual}…): the audit log was rewritten',
  },
  kept_head_missing: {
    zh: '您保存的 {day} 审计链头为第 {seq} 条，但只有 {count} 条封存（封存被删除）',
    en: 'the audit head of {day} you kept is seal {seq}, but there are only {count} seals (seals were removed)',
  },
  kept_head_bad_signature: {
    zh: '您保存的 {day} 审计链头签名无效（被改动，或不是本系统的密钥所签）',
    en: 'the signature of the audit head of {day} you kept is not valid (altered, or not signed by this installation’s key)',
  },
  more_problems: {
    zh: '另有 {more} 个同类问题（{code}）未列出',
    en: '{more} more problems of this kind ({code}) not listed',
  },
};

/** Matching's reasons in words ("因为：技能匹配 医护；同一网格；周六上午有空；近30天服务较少"), by MatchReason key. */
export const MATCH_REASON_TEXTS: Texts = {
  because: { zh: '因为：{reasons}', en: 'Because: {reasons}' },
  separator: { zh: '；', en: '; ' },
  skill: { zh: '技能匹配 {skills}', en: 'has the skills {skills}' },
  'proximity.building': { zh: '同一楼栋', en: 'same building' },
  'proximity.grid': { zh: '同一网格', en: 'same grid' },
  'proximity.community': { zh: '同一社区', en: 'same community' },
  'proximity.street': { zh: '同一街道', en: 'same street' },
  availability: { zh: '{weekday}{band}有空', en: 'free {weekday} {band}' },
  'reliability.attendance': { zh: '出勤率 {percent}%', en: 'attendance {percent}%' },
  'reliability.rating': { zh: '服务评分 {rating}', en: 'rated {rating}' },
  fairness: { zh: '近30天服务较少', en: 'served little in the last 30 days' },
  'weekday.mon': { zh: '周一', en: 'Monday' },
  'weekday.tue': { zh: '周二', en: 'Tuesday' },
  'weekday.wed': { zh: '周三', en: 'Wednesday' },
  'weekday.thu': { zh: '周四', en: 'Thursday' },
  'weekday.fri': { zh: '周五', en: 'Friday' },
  'weekday.sat': { zh: '周六', en: 'Saturday' },
  'weekday.sun': { zh: '周日', en: 'Sunday' },
  'band.morning': { zh: '上午', en: 'morning' },
  'band.afternoon': { zh: '下午', en: 'afternoon' },
  'band.evening': { zh: '晚上', en: 'evening' },
  full: { zh: '名额已满，谢谢您', en: 'All places are taken — thank you' },
  got_task: { zh: '任务是您的了，谢谢您！', en: 'The task is yours — thank you!' },
  declined: { zh: '已婉拒，谢谢您告知', en: 'Declined — thank you for letting us know' },
};

/** Resource matching's reasons in words ("因为：适用于 就医陪护；同一社区；长期可用"), by ResourceMatchReason key. */
export const RESOURCE_MATCH_TEXTS: Texts = {
  'category.named': { zh: '适用于 {category}', en: 'serves {category}' },
  'category.kind.venue': { zh: '场地可用于此类需求', en: 'a venue suited to this kind of need' },
  'category.kind.professionals': { zh: '有专业人员', en: 'trained people for it' },
  'category.kind.goods': { zh: '物资可用于此类需求', en: 'goods suited to this kind of need' },
  'category.kind.funds': { zh: '资金可用于此类需求', en: 'funds for this kind of need' },
  'category.kind.courses': { zh: '有相关课程', en: 'a course on it' },
  'distance.community': { zh: '同一社区', en: 'same community' },
  'distance.street': { zh: '同一街道', en: 'same street' },
  'availability.open': { zh: '长期可用', en: 'available any time' },
  'availability.window': { zh: '需求时段内可用', en: 'available when needed' },
  'availability.now': { zh: '目前可用', en: 'available now' },
  'quantity.enough': { zh: '数量够用（{quantity}{unit}）', en: 'enough ({quantity} {unit})' },
  'quantity.some': { zh: '尚有 {quantity}{unit}', en: '{quantity} {unit} available' },
  'quantity.funds': { zh: '资金 {yuan} 元', en: 'funds ¥{yuan}' },
};

/** Words that fill {status}, {action} and {what} in messages. */
export const TERM_TEXTS: Texts = {
  pending: { zh: '待审核', en: 'pending' },
  approved: { zh: '已通过', en: 'approved' },
  rejected: { zh: '已驳回', en: 'rejected' },
  suspended: { zh: '已暂停', en: 'suspended' },
  draft: { zh: '草稿', en: 'draft' },
  published: { zh: '已发布', en: 'published' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  finished: { zh: '已结束', en: 'finished' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  accepted: { zh: '已验收', en: 'accepted' },
  returned: { zh: '已退回', en: 'returned' },
  superseded: { zh: '已更正', en: 'superseded' },
  applied: { zh: '待社区审核', en: 'awaiting review' },
  reviewed: { zh: '待街道备案', en: 'awaiting filing' },
  filed: { zh: '已备案', en: 'filed' },
  exited: { zh: '已退出', en: 'exited' },
  review: { zh: '审核', en: 'review it' },
  file: { zh: '备案', en: 'file it' },
  evaluate: { zh: '评议', en: 'evaluate it' },
  supermarket: { zh: '积分超市', en: 'points supermarket' },
  publish: { zh: '发布', en: 'publish it' },
  cancel: { zh: '取消', en: 'cancel it' },
  edit: { zh: '修改', en: 'edit it' },
  signup: { zh: '报名', en: 'sign up' },
  confirm: { zh: '确认', en: 'confirm it' },
  accept: { zh: '验收', en: 'accept it' },
  return: { zh: '退回', en: 'return it' },
  correct: { zh: '更正', en: 'correct it' },
  checked_in: { zh: '签到', en: 'checked in' },
  checked_out: { zh: '签退', en: 'checked out' },
  check_in: { zh: '签到', en: 'Check-in' },
  check_out: { zh: '签退', en: 'Check-out' },
  mark: { zh: '登记到场', en: 'Marking attendance' },
  close: { zh: '结束登记', en: 'close it' },
  voided: { zh: '已作废', en: 'voided' },
  // projects, claims and suggestions (prefixed: the words differ by module)
  project_draft: { zh: '草稿', en: 'a draft' },
  project_published: { zh: '已发布', en: 'published' },
  project_claimed: { zh: '已认领', en: 'claimed' },
  project_in_progress: { zh: '实施中', en: 'in progress' },
  project_done: { zh: '已完成', en: 'done' },
  project_withdrawn: { zh: '已撤回', en: 'withdrawn' },
  project_publish: { zh: '发布', en: 'publish it' },
  project_approve_claim: { zh: '通过认领', en: 'approve a claim' },
  project_start: { zh: '开始实施', en: 'start it' },
  project_finish: { zh: '标记完成', en: 'finish it' },
  project_withdraw: { zh: '撤回', en: 'withdraw it' },
  project_edit: { zh: '修改', en: 'edit it' },
  project_claim: { zh: '认领', en: 'claim it' },
  project_activity: { zh: '生成活动', en: 'generate activities' },
  claim_pending: { zh: '待审核', en: 'pending' },
  claim_approved: { zh: '已通过', en: 'approved' },
  claim_rejected: { zh: '已驳回', en: 'rejected' },
  claim_withdrawn: { zh: '已撤回', en: 'withdrawn' },
  suggestion_open: { zh: '待答复', en: 'awaiting an answer' },
  suggestion_answered: { zh: '已答复', en: 'answered' },
  suggestion_to_need: { zh: '已转为需求', en: 'turned into a need' },
  suggestion_to_project: { zh: '已转为项目', en: 'turned into a project' },
  suggestion_answer: { zh: '答复', en: 'answer it' },
  suggestion_do_to_need: { zh: '转为需求', en: 'turn it into a need' },
  suggestion_do_to_project: { zh: '转为项目', en: 'turn it into a project' },
  // needs (需求清单): states and actions
  need_submitted: { zh: '待分派', en: 'waiting for triage' },
  need_triaged: { zh: '已分派待匹配', en: 'triaged, waiting for volunteers' },
  need_dispatched: { zh: '已邀请志愿者', en: 'volunteers invited' },
  need_matched: { zh: '已匹配', en: 'matched' },
  need_in_service: { zh: '服务中', en: 'in service' },
  need_done: { zh: '已完成', en: 'done' },
  need_evaluated: { zh: '已评价', en: 'rated' },
  need_linked: { zh: '已转项目', en: 'linked to a project' },
  need_closed: { zh: '已关闭', en: 'closed' },
  need_to_triaged: { zh: '分派', en: 'triage it' },
  need_to_dispatched: { zh: '邀请志愿者', en: 'invite volunteers' },
  need_to_matched: { zh: '完成匹配', en: 'mark it matched' },
  need_to_in_service: { zh: '开始服务', en: 'start the service' },
  need_to_done: { zh: '确认完成', en: 'confirm it done' },
  need_to_evaluated: { zh: '评价', en: 'rate it' },
  need_to_linked: { zh: '转入项目', en: 'link it to a project' },
  need_to_closed: { zh: '关闭', en: 'close it' },
  need_withdraw: {
    zh: '撤回（已有志愿者接单，请联系社区）',
    en: 'withdraw it (volunteers have taken it; call the community)',
  },
  need_rate: { zh: '评价（服务完成后才能评价）', en: 'rate it (only after the help is done)' },
  // grid reports (随手拍): states and actions
  report_submitted: { zh: '待受理', en: 'submitted' },
  report_accepted: { zh: '已受理', en: 'accepted' },
  report_assigned: { zh: '已派单', en: 'assigned' },
  report_in_progress: { zh: '处理中', en: 'in progress' },
  report_resolved: { zh: '已处理待确认', en: 'resolved, waiting for confirmation' },
  report_confirmed: { zh: '已确认解决', en: 'confirmed' },
  report_closed: { zh: '已办结', en: 'closed' },
  report_rejected: { zh: '不予受理', en: 'rejected' },
  report_duplicate: { zh: '已合并', en: 'merged as a duplicate' },
  report_do_accept: { zh: '受理', en: 'accept it' },
  report_do_assign: { zh: '派单', en: 'assign it' },
  report_do_start: { zh: '开始处理', en: 'start work' },
  report_do_resolve: { zh: '标记已处理', en: 'resolve it' },
  report_do_confirm: { zh: '确认解决', en: 'confirm it' },
  report_do_reopen: { zh: '反馈未解决', en: 'reopen it' },
  report_do_reject: { zh: '不予受理', en: 'reject it' },
  report_do_merge: { zh: '合并', en: 'merge it' },
  report_do_close: { zh: '办结', en: 'close it' },
  report_do_join: { zh: '我也反映', en: 'join it' },
  // need invitations and tasks (matching)
  invitation_pending: { zh: '待答复', en: 'waiting for an answer' },
  invitation_accepted: { zh: '接受', en: 'accepted' },
  invitation_declined: { zh: '婉拒', en: 'declined' },
  invitation_full: { zh: '因名额已满而结束', en: 'closed because the places were taken' },
  invitation_withdrawn: { zh: '撤回', en: 'withdrawn' },
  task_start: { zh: '开始', en: 'started' },
  task_finish: { zh: '完成', en: 'finished' },
  // mediation (调解): states and actions
  mediation_opened: { zh: '待分派调解员', en: 'waiting for mediators' },
  mediation_assigned: { zh: '已分派调解员', en: 'assigned' },
  mediation_in_mediation: { zh: '调解中', en: 'in mediation' },
  mediation_agreement: { zh: '已达成协议', en: 'settled by agreement' },
  mediation_referred: { zh: '已转交', en: 'referred' },
  mediation_failed: { zh: '调解未成功', en: 'not settled' },
  mediation_withdrawn: { zh: '已撤回', en: 'withdrawn' },
  mediation_do_assign: { zh: '分派调解员', en: 'assign mediators' },
  mediation_do_message: { zh: '发送消息', en: 'send messages' },
  mediation_do_session: { zh: '记录调解会', en: 'record a session' },
  mediation_do_close: { zh: '结案', en: 'close it' },
  mediation_do_withdraw: {
    zh: '撤回（调解员已分派，请联系调解员）',
    en: 'withdraw it (mediators are assigned; talk to them)',
  },
};

/** Picks the locale from an Accept-Language header: English only when asked for first. */
export function pickLocale(header: string | undefined): Locale {
  return header && /^\s*en\b/i.test(header) ? 'en' : 'zh-CN';
}

/** Looks up a text and fills its {params}. Unknown keys come back as the key itself. */
export function translate(table: Texts, key: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = table[key];
  if (!entry) return key;
  const text = locale === 'en' ? entry.en : entry.zh;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => localiseParam(name, params[name], locale));
}

function localiseParam(name: string, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (name === 'kinds')
      return value.map((k) => translate(KIND_TEXTS, String(k), locale)).join(locale === 'en' ? ' or ' : '或');
    return value.map(String).join(locale === 'en' ? ', ' : '、');
  }
  const s =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  if (name === 'entity') return translate(ENTITY_TEXTS, s, locale);
  if (name === 'kind' || name === 'parentKind') return translate(KIND_TEXTS, s, locale);
  if (name === 'role') return translate(ROLE_TEXTS, s, locale);
  if (name === 'status' || name === 'action' || name === 'what') return translate(TERM_TEXTS, s, locale);
  if (name === 'problem') return translate(PROBLEM_TEXTS, s, locale);
  return s;
}
