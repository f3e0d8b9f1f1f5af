// What each audit action and target type is called, in zh-CN and English: the one dictionary the audit log is read
// with (the console shows these labels, never the codes). A new action written anywhere needs a line here;
// test/summary/audit.test.ts fails on an action that has none.
import type { Locale } from '../../platform/messages.js';

interface Label {
  zh: string;
  en: string;
}

export const AUDIT_ACTIONS: Record<string, Label> = {
  'org.create': { zh: '新增组织节点', en: 'Create org node' },
  'org.update': { zh: '修改组织节点', en: 'Update org node' },
  'org.archive': { zh: '归档组织节点', en: 'Archive org node' },
  'org.restore': { zh: '恢复组织节点', en: 'Restore org node' },
  'org.move': { zh: '移动组织节点', en: 'Move org node' },
  'partner.create': { zh: '新增共建单位', en: 'Create partner unit' },
  'partner.update': { zh: '修改共建单位', en: 'Update partner unit' },
  'role.grant': { zh: '授予角色', en: 'Grant role' },
  'role.revoke': { zh: '撤销角色', en: 'Revoke role' },
  'person.reveal': { zh: '查看敏感信息', en: 'View sensitive details' },
  'person.data_exported': { zh: '导出本人数据', en: 'Export own data' },
  'person.closed': { zh: '注销账号', en: 'Close own account' },
  'account.password_change': { zh: '修改密码', en: 'Change password' },
  'account.password_reset': { zh: '重置密码', en: 'Reset password' },
  'person.unlocked': { zh: '解除登录锁定', en: 'Lift sign-in delay' },
  'district.start': { zh: '开通区级平台', en: 'Start district' },
  'settings.update': { zh: '修改志愿服务设置', en: 'Change volunteering settings' },
  'volunteer.approve': { zh: '志愿者审核通过', en: 'Approve volunteer' },
  'volunteer.reject': { zh: '驳回志愿者申请', en: 'Reject volunteer' },
  'volunteer.import': { zh: '导入志愿者名册', en: 'Import volunteer roster' },
  'volunteer.export': { zh: '导出志愿者名册', en: 'Export volunteer roster' },
  'team.create': { zh: '新建服务队', en: 'Create team' },
  'team.update': { zh: '修改服务队', en: 'Update team' },
  'team.member_approve': { zh: '批准入队', en: 'Approve team member' },
  'team.member_reject': { zh: '拒绝入队', en: 'Reject team member' },
  'activity.create': { zh: '发布活动', en: 'Create activity' },
  'activity.publish': { zh: '公开活动', en: 'Publish activity' },
  'activity.cancel': { zh: '取消活动', en: 'Cancel activity' },
  'activity.close': { zh: '结束活动考勤', en: 'Close activity attendance' },
  'signup.proxy': { zh: '代为报名', en: 'Sign up on behalf' },
  'attendance.mark': { zh: '登记考勤', en: 'Mark attendance' },
  'record.confirm': { zh: '确认服务记录', en: 'Confirm service record' },
  'record.accept': { zh: '验收服务记录', en: 'Accept service record' },
  'record.return': { zh: '退回服务记录', en: 'Return service record' },
  'record.correct': { zh: '更正服务记录', en: 'Correct service record' },
  'record.void': { zh: '作废服务记录', en: 'Void service record' },
  'record.past_service': { zh: '补录服务记录', en: 'Record past service' },
  'record.export': { zh: '导出服务台账', en: 'Export service ledger' },
  'certificate.issue': { zh: '开具服务证明', en: 'Issue certificate' },
  'certificate.revoke': { zh: '撤销服务证明', en: 'Revoke certificate' },
  'points.award': { zh: '奖励积分', en: 'Award points' },
  'points.reverse': { zh: '冲正积分记录', en: 'Reverse a journal' },
  'points.contribution': { zh: '登记共建贡献', en: 'Record a contribution' },
  'points.rules_update': { zh: '修改积分规则', en: 'Change points rules' },
  'points.summary_export': { zh: '导出年度积分汇总', en: 'Export year summary' },
  'points.opening_import': { zh: '导入期初积分', en: 'Import opening balances' },
  'merchant.approve': { zh: '商户审核通过', en: 'Approve merchant' },
  'merchant.reject': { zh: '驳回商户申请', en: 'Reject merchant' },
  'merchant.file': { zh: '商户备案', en: 'File merchant' },
  'merchant.contact_reveal': { zh: '查看商户联系人', en: 'View merchant contact' },
  'merchant.exit': { zh: '商户退出', en: 'Merchant exit' },
  'merchant.evaluate': { zh: '商户年度评议', en: 'Annual merchant review' },
  'merchant.statement_close': { zh: '商户月度关账', en: 'Close merchant month' },
  'catalog.create': { zh: '上架商品', en: 'Publish item' },
  'catalog.update': { zh: '修改商品', en: 'Update item' },
  'voucher.redeem': { zh: '核销兑换券', en: 'Redeem voucher' },
  'servicepoint.create': { zh: '新增服务点', en: 'Add service point' },
  'servicepoint.update': { zh: '修改服务点', en: 'Update service point' },
  'servicepoint.archive': { zh: '停用服务点', en: 'Archive service point' },
  'servicepoint.restore': { zh: '恢复服务点', en: 'Restore service point' },
  'need.create_proxy': { zh: '代录需求', en: 'Record a need for a resident' },
  'need.transition': { zh: '需求状态变更', en: 'Change need state' },
  'need.link_project': { zh: '需求转入项目', en: 'Link need to project' },
  'need.invite': { zh: '邀请志愿者', en: 'Invite volunteers' },
  'need.complete': { zh: '确认需求完成', en: 'Confirm need done' },
  'project.create': { zh: '新建项目', en: 'Create project' },
  'project.update': { zh: '修改项目', en: 'Update project' },
  'project.publish': { zh: '发布项目', en: 'Publish project' },
  'project.start': { zh: '项目开始实施', en: 'Start project' },
  'project.finish': { zh: '项目完成', en: 'Finish project' },
  'project.withdraw': { zh: '撤回项目', en: 'Withdraw project' },
  'project.activity': { zh: '由项目生成活动', en: 'Create activity from project' },
  'project.claim': { zh: '认领项目', en: 'Claim project' },
  'project.claim.approve': { zh: '通过项目认领', en: 'Approve project claim' },
  'project.claim.reject': { zh: '驳回项目认领', en: 'Reject project claim' },
  'project.claim.withdraw': { zh: '撤回项目认领', en: 'Withdraw project claim' },
  'resource.create': { zh: '新增资源', en: 'Add resource' },
  'resource.update': { zh: '修改资源', en: 'Update resource' },
  'resource.archive': { zh: '停用资源', en: 'Archive resource' },
  'suggestion.answer': { zh: '答复意见', en: 'Answer suggestion' },
  'suggestion.to_need': { zh: '意见转为需求', en: 'Turn suggestion into need' },
  'suggestion.to_project': { zh: '意见转为项目', en: 'Turn suggestion into project' },
  'mediation.opened': { zh: '申请调解', en: 'Open mediation case' },
  'mediation.mediators_assigned': { zh: '分派调解员', en: 'Assign mediators' },
  'mediation.message_posted': { zh: '调解咨询留言', en: 'Mediation message' },
  'mediation.session_recorded': { zh: '记录调解', en: 'Record mediation session' },
  'mediation.closed': { zh: '调解结案', en: 'Close mediation case' },
  'mediation.withdrawn': { zh: '撤回调解申请', en: 'Withdraw mediation case' },
  'mediation.case_read': { zh: '查看调解案件', en: 'Read mediation case' },
  'mediation.thread_read': { zh: '查看调解对话', en: 'Read mediation thread' },
  'mediation.case_listed': { zh: '调解案件出现在列表中', en: 'Mediation case listed' },
  'care.subject_created': { zh: '登记关爱对象', en: 'Register person in care' },
  'care.tier_updated': { zh: '调整关爱分级', en: 'Change care tier' },
  'care.visitor_assigned': { zh: '分派关爱走访人', en: 'Assign care visitor' },
  'care.visit_logged': { zh: '记录关爱走访', en: 'Log care visit' },
  'care.subject_read': { zh: '查看关爱对象', en: 'Read person in care' },
  'care.subject_listed': { zh: '关爱对象出现在列表中', en: 'Person in care listed' },
  // 随手拍: the staff steps (reports.service.ts STEP_AUDIT), the jobs' steps (report.auto_<step>) and moderation.
  'report.accepted': { zh: '受理随手拍', en: 'Accept report' },
  'report.assigned': { zh: '随手拍派单', en: 'Assign report' },
  'report.started': { zh: '开始处理随手拍', en: 'Start report' },
  'report.resolved': { zh: '随手拍处理完成', en: 'Resolve report' },
  'report.rejected': { zh: '随手拍不予受理', en: 'Reject report' },
  'report.merged': { zh: '随手拍合并为重复', en: 'Merge duplicate report' },
  'report.closed': { zh: '随手拍办结', en: 'Close report' },
  'report.auto_confirm': { zh: '随手拍超期自动确认', en: 'Report confirmed automatically' },
  'report.escalated': { zh: '随手拍超时升级', en: 'Report escalated' },
  'report.moderated': { zh: '随手拍内容审核', en: 'Moderate report' },
  // Star levels (星级): the system publicises and settles, residents object, staff decide.
  'star.publicise': { zh: '星级晋级进入公示', en: 'Star promotion publicised' },
  'star.effective': { zh: '星级公示期满生效', en: 'Star level took effect' },
  'star.object': { zh: '对星级公示提出异议', en: 'Object to star promotion' },
  'star.decide': { zh: '处理星级异议', en: 'Decide star objection' },
};

export const AUDIT_TARGET_TYPES: Record<string, Label> = {
  person: { zh: '人员', en: 'Person' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  org_node: { zh: '组织节点', en: 'Org node' },
  partner_unit: { zh: '共建单位', en: 'Partner unit' },
  partner: { zh: '共建单位', en: 'Partner unit' },
  team: { zh: '服务队', en: 'Team' },
  activity: { zh: '活动', en: 'Activity' },
  service_record: { zh: '服务记录', en: 'Service record' },
  certificate: { zh: '服务证明', en: 'Certificate' },
  journal: { zh: '积分记录', en: 'Points journal' },
  district_settings: { zh: '区级设置', en: 'District settings' },
  merchant: { zh: '商户', en: 'Merchant' },
  catalog_item: { zh: '商品', en: 'Item' },
  voucher: { zh: '兑换券', en: 'Voucher' },
  service_point: { zh: '服务点', en: 'Service point' },
  need: { zh: '需求', en: 'Need' },
  project: { zh: '项目', en: 'Project' },
  project_claim: { zh: '项目认领', en: 'Project claim' },
  resource: { zh: '资源', en: 'Resource' },
  suggestion: { zh: '意见', en: 'Suggestion' },
  mediation_case: { zh: '调解案件', en: 'Mediation case' },
  care_subject: { zh: '关爱对象', en: 'Person in care' },
  report: { zh: '随手拍', en: 'Report' },
  star_promotion: { zh: '星级晋级', en: 'Star promotion' },
};

function pick(l: Label, locale: Locale): string {
  return locale === 'en' ? l.en : l.zh;
}

/** The action's label in the locale; an action without one shows its code rather than nothing. */
export function actionLabel(action: string, locale: Locale): string {
  const l = AUDIT_ACTIONS[action];
  return l ? pick(l, locale) : action;
}

/** The target type's label in the locale, or the type itself. */
export function targetTypeLabel(type: string, locale: Locale): string {
  const l = AUDIT_TARGET_TYPES[type];
  return l ? pick(l, locale) : type;
}

/** Every known action with its label, for the filter's choices. */
export function auditActionChoices(locale: Locale): Array<{ action: string; label: string }> {
  return Object.entries(AUDIT_ACTIONS).map(([action, l]) => ({ action, label: pick(l, locale) }));
}
