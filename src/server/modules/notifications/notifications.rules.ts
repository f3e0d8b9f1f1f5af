// Notification kinds, their words (zh-CN first, English second), who may mute them, and the retry schedule of
// external channels. Pure: no database, no clock.
import { chinaDateTime } from '../../platform/clock.js';
import type { Locale } from '../../platform/messages.js';
import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../platform/permissions.js';

export const NOTICE_KINDS = [
  'volunteer_approved',
  'volunteer_rejected',
  'team_join_approved',
  'team_join_rejected',
  'waitlist_promoted',
  'activity_changed',
  'activity_cancelled',
  'activity_reminder',
  'record_returned',
  'record_accepted',
  'voucher_expiring',
  'merchant_approved',
  'merchant_rejected',
  'merchant_filed',
  'need_status',
  'need_invited',
  'need_task',
  // Mediation (调解): parties and mediators; nothing of the dispute is in the text (it may go out by SMS).
  'mediation_status',
  'mediation_message',
  'mediation_assigned',
  'queue_mediation',
  'project_claim_approved',
  'project_claim_rejected',
  'suggestion_answered',
  'report_status',
  'report_assigned',
  // Staff: something landed in their review queue.
  'queue_volunteer',
  'queue_record',
  'queue_merchant',
  'queue_need',
  'queue_report',
  'report_escalated',
  // Care registry (关爱台账): a person in care is due, overdue or reported in an emergency (visitors and staff).
  'care_alert',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Kinds a person cannot mute: a cancelled activity (someone would otherwise walk to an activity that is not on) and
 * the outcome of one's own volunteer application (the app promises "社区审核后会通知您").
 */
export const UNMUTABLE_KINDS: readonly NoticeKind[] = [
  'activity_cancelled',
  'volunteer_approved',
  'volunteer_rejected',
];

export const MUTABLE_KINDS = NOTICE_KINDS.filter((k) => !UNMUTABLE_KINDS.includes(k)) as [NoticeKind, ...NoticeKind[]];

/** Staff queue notices stay in the inbox; the rest may also go out by SMS / WeChat when configured. */
export function goesExternal(kind: NoticeKind): boolean {
  return !kind.startsWith('queue_');
}

export type Params = Record<string, string | number | null>;

interface Words {
  zh: { title: string; body: string };
  en: { title: string; body: string };
}

const WORDS: Record<NoticeKind, Words> = {
  volunteer_approved: {
    zh: { title: '志愿者申请已通过', body: '恭喜！您已成为志愿者，编号 {volunteerNo}。可以报名参加活动了。' },
    en: { title: 'Volunteer application approved', body: 'You are now a volunteer, number {volunteerNo}.' },
  },
  volunteer_rejected: {
    zh: { title: '志愿者申请未通过', body: '原因：{reason}。您可以修改后重新申请。' },
    en: { title: 'Volunteer application not approved', body: 'Reason: {reason}. You may apply again.' },
  },
  team_join_approved: {
    zh: { title: '已加入服务队', body: '您已加入「{team}」。' },
    en: { title: 'Joined the team', body: 'You have joined "{team}".' },
  },
  team_join_rejected: {
    zh: { title: '入队申请未通过', body: '「{team}」未通过您的申请。{reason}' },
    en: { title: 'Team request not approved', body: '"{team}" did not accept your request. {reason}' },
  },
  waitlist_promoted: {
    zh: { title: '候补成功，已为您留位', body: '「{title}」有人取消，您已报上名。时间：{startsAt}。' },
    en: { title: 'You got a place', body: 'A place in "{title}" opened up and is yours. Time: {startsAt}.' },
  },
  activity_changed: {
    zh: { title: '活动有变动', body: '「{title}」改为 {startsAt}，地点：{address}。' },
    en: { title: 'Activity changed', body: '"{title}" is now at {startsAt}, place: {address}.' },
  },
  activity_cancelled: {
    zh: { title: '活动已取消', body: '「{title}」（{startsAt}）已取消。原因：{reason}' },
    en: { title: 'Activity cancelled', body: '"{title}" ({startsAt}) is cancelled. Reason: {reason}' },
  },
  activity_reminder: {
    zh: { title: '活动提醒', body: '「{title}」将于 {startsAt} 开始，地点：{address}。别忘了签到。' },
    en: { title: 'Activity reminder', body: '"{title}" starts at {startsAt}, place: {address}. Remember to check in.' },
  },
  record_returned: {
    zh: { title: '服务记录被退回', body: '「{title}」的服务记录被退回。原因：{reason}' },
    en: { title: 'Service record returned', body: 'Your record for "{title}" was returned. Reason: {reason}' },
  },
  record_accepted: {
    zh: { title: '服务时长已验收', body: '「{title}」服务 {hours} 已验收，积分会自动到账。' },
    en: { title: 'Service hours accepted', body: '{hours} for "{title}" accepted; points follow automatically.' },
  },
  voucher_expiring: {
    zh: { title: '兑换券快到期了', body: '「{title}」将于 {expiresAt} 到期，请尽快使用。' },
    en: { title: 'Voucher expires soon', body: '"{title}" expires at {expiresAt}. Use it soon.' },
  },
  merchant_approved: {
    zh: { title: '商户申请已通过审核', body: '「{name}」已通过社区审核，等待街道备案。' },
    en: { title: 'Merchant application approved', body: '"{name}" passed the community review; filing follows.' },
  },
  merchant_rejected: {
    zh: { title: '商户申请未通过', body: '「{name}」未通过审核。原因：{reason}' },
    en: { title: 'Merchant application not approved', body: '"{name}" was not approved. Reason: {reason}' },
  },
  merchant_filed: {
    zh: { title: '商户已备案', body: '「{name}」已备案加入商户联盟，可以上架商品和核销兑换券了。' },
    en: { title: 'Merchant filed', body: '"{name}" is filed and may now list offers and redeem vouchers.' },
  },
  need_status: {
    zh: { title: '您的需求有进展', body: '「{title}」：{to}。{reason}' },
    en: { title: 'Your need moved on', body: '"{title}": {to}. {reason}' },
  },
  need_invited: {
    zh: { title: '邻居需要您帮忙', body: '「{title}」，您愿意去吗？点开回复“接受”或“婉拒”。' },
    en: { title: 'A neighbour needs your help', body: '"{title}" — will you go? Open it to accept or decline.' },
  },
  need_task: {
    zh: { title: '帮忙任务结果', body: '{outcome}' },
    en: { title: 'Your help offer', body: '{outcome}' },
  },
  mediation_status: {
    zh: { title: '调解进展', body: '您的调解申请：{mediation}。' },
    en: { title: 'Your mediation case moved on', body: 'Your mediation case: {mediation}.' },
  },
  mediation_message: {
    zh: { title: '调解咨询有新消息', body: '您的调解案件有一条新的私密消息，请打开查看。' },
    en: { title: 'A new mediation message', body: 'There is a new private message in your mediation case.' },
  },
  mediation_assigned: {
    zh: { title: '您有新的调解案件', body: '调解负责人把一件调解案件分派给了您，请尽快联系当事人。' },
    en: {
      title: 'A mediation case for you',
      body: 'The mediation lead assigned a case to you; contact the parties soon.',
    },
  },
  queue_mediation: {
    zh: { title: '有新的调解申请', body: '有居民申请调解，请分派调解员。' },
    en: { title: 'A new mediation request', body: 'A resident asked for mediation; assign mediators.' },
  },
  project_claim_approved: {
    zh: { title: '项目认领已通过', body: '「{unit}」认领的「{title}」已通过社区审核。' },
    en: { title: 'Project claim approved', body: '"{unit}" may take on "{title}".' },
  },
  project_claim_rejected: {
    zh: { title: '项目认领未通过', body: '「{unit}」认领的「{title}」未通过。{reason}' },
    en: { title: 'Project claim not approved', body: 'The claim of "{unit}" on "{title}" was not approved. {reason}' },
  },
  suggestion_answered: {
    zh: { title: '您的意见有回复了', body: '{status}：{answer}' },
    en: { title: 'Your suggestion was answered', body: '{status}: {answer}' },
  },
  queue_volunteer: {
    zh: { title: '有新的志愿者申请待审核', body: '请到「志愿者」页审核。' },
    en: { title: 'A volunteer application waits for review', body: 'Review it on the Volunteers page.' },
  },
  queue_record: {
    zh: { title: '有服务记录待验收', body: '「{title}」的服务记录已由队长确认，请验收。' },
    en: { title: 'Service records wait for acceptance', body: 'Records of "{title}" were confirmed; please accept.' },
  },
  queue_merchant: {
    zh: { title: '有新的商户申请待审核', body: '「{name}」申请加入商户联盟。' },
    en: { title: 'A merchant application waits for review', body: '"{name}" applied to join the alliance.' },
  },
  queue_need: {
    zh: { title: '有新的需求待处理', body: '「{title}」（{urgency}）' },
    en: { title: 'A new need waits for triage', body: '"{title}" ({urgency})' },
  },
  report_status: {
    zh: { title: '随手拍有新进展', body: '您反映的“{category}”：{reportStatus}。{note}{reward}' },
    en: { title: 'Your report moved on', body: 'Your "{category}" report: {reportStatus}. {note}{reward}' },
  },
  report_assigned: {
    zh: { title: '有随手拍派给您处理', body: '“{category}”已派给您，请尽快处理。{note}' },
    en: { title: 'A report is assigned to you', body: 'A "{category}" report is yours to handle. {note}' },
  },
  queue_report: {
    zh: { title: '有新的随手拍待受理', body: '“{category}”，请及时受理。' },
    en: { title: 'A new report waits', body: 'A "{category}" report waits to be accepted.' },
  },
  report_escalated: {
    zh: { title: '随手拍超时升级', body: '“{category}”超过办理时限，已升级到{level}处理。' },
    en: { title: 'An overdue report escalated', body: 'A "{category}" report is overdue and now with the {level}.' },
  },
  care_alert: {
    zh: { title: '关爱对象需要看望', body: '{name}：{careAlert}，请尽快安排看望。' },
    en: { title: 'A person in care needs a visit', body: '{name}: {careAlert}; please arrange a visit soon.' },
  },
};

const CARE_ALERTS: Record<string, { zh: string; en: string }> = {
  emergency: { zh: '走访中报告了紧急情况', en: 'an emergency was reported at a visit' },
  overdue: { zh: '已超过走访期限', en: 'the visit is overdue' },
  due_soon: { zh: '两天内到期', en: 'a visit is due within two days' },
};

const REPORT_STATES: Record<string, { zh: string; en: string }> = {
  accepted: { zh: '已受理', en: 'accepted' },
  assigned: { zh: '已派单处理', en: 'assigned' },
  in_progress: { zh: '正在处理', en: 'being handled' },
  resolved: { zh: '已处理，请确认是否解决', en: 'resolved — please confirm it is fixed' },
  confirmed: { zh: '已确认解决', en: 'confirmed' },
  closed: { zh: '已办结', en: 'closed' },
  rejected: { zh: '不予受理', en: 'not taken up' },
  duplicate: { zh: '与已有问题合并办理', en: 'merged with an earlier report' },
};

const REPORT_LEVELS: Record<string, { zh: string; en: string }> = {
  community: { zh: '社区', en: 'community' },
  street: { zh: '街道', en: 'street' },
};

const MEDIATION_STATUS: Record<string, { zh: string; en: string }> = {
  assigned: { zh: '已分派调解员，调解员会与您联系', en: 'mediators are assigned and will contact you' },
  agreement: { zh: '已达成调解协议', en: 'settled by agreement' },
  referred: { zh: '已转交有关部门处理', en: 'referred to the body that handles it' },
  failed: { zh: '调解未成功', en: 'not settled' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

const NEED_STATES: Record<string, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'submitted' },
  triaged: { zh: '已受理', en: 'triaged' },
  matched: { zh: '已匹配志愿者', en: 'matched' },
  dispatched: { zh: '已派单', en: 'dispatched' },
  in_service: { zh: '服务中', en: 'in service' },
  done: { zh: '已完成，请评价', en: 'done — please rate it' },
  evaluated: { zh: '已评价', en: 'rated' },
  linked: { zh: '已转入项目', en: 'linked to a project' },
  closed: { zh: '已关闭', en: 'closed' },
};

const OUTCOMES: Record<string, { zh: string; en: string }> = {
  got: {
    zh: '您已接下这项任务，请按约定时间前往。谢谢您！',
    en: 'The task is yours. Please go at the agreed time. Thank you!',
  },
  full: { zh: '这次已经有足够的人手了，谢谢您的热心！', en: 'Enough people have it covered this time. Thank you!' },
};

const SUGGESTION_STATUS: Record<string, { zh: string; en: string }> = {
  answered: { zh: '社区答复', en: 'Answer' },
  to_need: { zh: '已转为需求办理', en: 'Taken up as a need' },
  to_project: { zh: '已纳入项目', en: 'Taken up in a project' },
};

const URGENCY: Record<string, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'normal' },
  urgent: { zh: '紧急', en: 'urgent' },
  critical: { zh: '特急', en: 'critical' },
};

/** Minutes as "2小时30分" / "2 h 30 min". */
export function hoursText(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'en') return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
  return `${h ? `${h}小时` : ''}${m ? `${m}分` : ''}` || '0分';
}

function paramText(name: string, value: string | number | null, locale: Locale): string {
  if (value === null) return '';
  if ((name === 'startsAt' || name === 'expiresAt') && typeof value === 'string') return chinaDateTime(value);
  if (name === 'minutes' && typeof value === 'number') return hoursText(value, locale);
  if (name === 'to' && typeof value === 'string') {
    const s = NEED_STATES[value];
    return s ? (locale === 'en' ? s.en : s.zh) : value;
  }
  if (name === 'outcome' && typeof value === 'string') {
    const o = OUTCOMES[value];
    return o ? (locale === 'en' ? o.en : o.zh) : value;
  }
  if (name === 'status' && typeof value === 'string') {
    const st = SUGGESTION_STATUS[value];
    return st ? (locale === 'en' ? st.en : st.zh) : value;
  }
  if (name === 'reportStatus' && typeof value === 'string') {
    const s = REPORT_STATES[value];
    return s ? (locale === 'en' ? s.en : s.zh) : value;
  }
  if (name === 'level' && typeof value === 'string') {
    const l = REPORT_LEVELS[value];
    return l ? (locale === 'en' ? l.en : l.zh) : value;
  }
  if (name === 'reward' && typeof value === 'number') {
    return locale === 'en' ? ` You earned ${value} points.` : `获得 ${value} 积分。`;
  }
  if (name === 'mediation' && typeof value === 'string') {
    const st = MEDIATION_STATUS[value];
    return st ? (locale === 'en' ? st.en : st.zh) : value;
  }
  if (name === 'careAlert' && typeof value === 'string') {
    const c = CARE_ALERTS[value];
    return c ? (locale === 'en' ? c.en : c.zh) : value;
  }
  if (name === 'urgency' && typeof value === 'string') {
    const u = URGENCY[value];
    return u ? (locale === 'en' ? u.en : u.zh) : value;
  }
  return String(value);
}

/** The notice's title and body in a locale, from its kind and parameters. */
export function renderNotice(kind: string, params: Params, locale: Locale): { title: string; body: string } {
  const words = (WORDS as Record<string, Words | undefined>)[kind];
  if (!words) return { title: kind, body: '' };
  let w = locale === 'en' ? words.en : words.zh;
  // A need whose title could not be read (removed since) is told without it.
  if (kind === 'need_status' && (params.title ?? null) === null)
    w = { ...w, body: locale === 'en' ? 'Status: {to}. {reason}' : '需求状态：{to}。{reason}' };
  const all: Params = { ...params, hours: typeof params.minutes === 'number' ? params.minutes : null };
  const fill = (t: string) =>
    t.replace(/\{(\w+)\}/g, (_, n: string) => paramText(n === 'hours' ? 'minutes' : n, all[n] ?? null, locale)).trim();
  return { title: fill(w.title), body: fill(w.body) };
}

/** What each kind is called on the preferences page. */
export const KIND_LABELS: Record<NoticeKind, { zh: string; en: string }> = {
  volunteer_approved: { zh: '志愿者申请通过', en: 'Volunteer application approved' },
  volunteer_rejected: { zh: '志愿者申请未通过', en: 'Volunteer application not approved' },
  team_join_approved: { zh: '入队申请通过', en: 'Team request approved' },
  team_join_rejected: { zh: '入队申请未通过', en: 'Team request not approved' },
  waitlist_promoted: { zh: '候补成功', en: 'Waitlist place' },
  activity_changed: { zh: '活动变动', en: 'Activity changed' },
  activity_cancelled: { zh: '活动取消', en: 'Activity cancelled' },
  activity_reminder: { zh: '活动开始前提醒', en: 'Activity reminders' },
  record_returned: { zh: '服务记录退回', en: 'Record returned' },
  record_accepted: { zh: '服务时长验收和积分', en: 'Hours accepted and points' },
  voucher_expiring: { zh: '兑换券到期提醒', en: 'Voucher expiry' },
  merchant_approved: { zh: '商户审核通过', en: 'Merchant approved' },
  merchant_rejected: { zh: '商户审核未通过', en: 'Merchant not approved' },
  merchant_filed: { zh: '商户备案', en: 'Merchant filed' },
  need_status: { zh: '需求进展', en: 'Need progress' },
  need_invited: { zh: '帮忙邀请', en: 'Invitations to help' },
  need_task: { zh: '帮忙任务结果', en: 'Help task outcome' },
  mediation_status: { zh: '调解进展', en: 'Mediation progress' },
  mediation_message: { zh: '调解咨询消息', en: 'Mediation messages' },
  mediation_assigned: { zh: '分派给我的调解案件', en: 'Mediation cases assigned to me' },
  queue_mediation: { zh: '待分派的调解申请', en: 'Mediation requests to assign' },
  project_claim_approved: { zh: '项目认领通过', en: 'Project claim approved' },
  project_claim_rejected: { zh: '项目认领未通过', en: 'Project claim not approved' },
  suggestion_answered: { zh: '意见回复', en: 'Answers to suggestions' },
  report_status: { zh: '随手拍进展', en: 'Report progress' },
  report_assigned: { zh: '派给我的随手拍', en: 'Reports assigned to me' },
  queue_volunteer: { zh: '待审核的志愿者申请', en: 'Volunteer applications to review' },
  queue_record: { zh: '待验收的服务记录', en: 'Records to accept' },
  queue_merchant: { zh: '待审核的商户申请', en: 'Merchant applications to review' },
  queue_need: { zh: '待处理的需求', en: 'Needs to triage' },
  queue_report: { zh: '待受理的随手拍', en: 'Reports to accept' },
  report_escalated: { zh: '超时升级的随手拍', en: 'Overdue reports escalated' },
  care_alert: { zh: '关爱对象到期、逾期或紧急情况', en: 'People in care due, overdue or in an emergency' },
};

/** The roles that hold a permission (staff who work a review queue). */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/**
 * Of the staff holding a queue's permission at or above the item's node, those nearest to it (the community's own
 * staff before the street's, the street's before the district's): one notice to the people who do the work.
 */
export function nearestHolders(holders: ReadonlyArray<{ userId: string; path: string }>): string[] {
  const depth = Math.max(0, ...holders.map((h) => h.path.length));
  return [...new Set(holders.filter((h) => h.path.length === depth).map((h) => h.userId))];
}

/** Wait before the next attempt of an external delivery: base × 2^(attempt−1), at most a day. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 24 * 3600_000);
}

/** Reminder slots before an activity starts: the day before (24 h) and shortly before (2 h). */
export const REMINDER_SLOTS = [
  { slot: 'day', fromMs: 2 * 3600_000, toMs: 24 * 3600_000 },
  { slot: 'soon', fromMs: 0, toMs: 2 * 3600_000 },
] as const;

/** Vouchers get one reminder when they expire within this window. */
export const VOUCHER_WARNING_MS = 3 * 24 * 3600_000;
