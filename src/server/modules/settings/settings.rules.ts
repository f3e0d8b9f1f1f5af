// Per-district volunteering settings and their defaults (PRODUCT §3, §5).

export interface VolunteeringSettings {
  /** Skills a volunteer can declare (configurable list). */
  skills: string[];
  teamCategories: string[];
  activityCategories: string[];
  /** Accepted hours for ★1…★5; national default 100/300/600/1000/1500 h (民政部 2012). */
  starThresholdsHours: number[];
  /** Cancelling is allowed until this many hours before the start. */
  cancelDeadlineHours: number;
  /** Sign-up pauses after this many no-shows within noShowWindowDays. */
  noShowLimit: number;
  noShowWindowDays: number;
  /** Service minutes counted per person per day at most. */
  dailyCapMinutes: number;
  /** Arriving this late / leaving this early still counts the full window. */
  graceMinutes: number;
  /** How long one rotating attendance code lasts (a code is accepted in its window and the next). */
  attendanceWindowSeconds: number;
  /** Working days a new star level stays in publicity (公示期) before it takes effect (weekends skipped). */
  starPublicityWorkingDays: number;
  /** Months a falsified-hours finding blocks star promotion. */
  starBlockMonths: number;
  /** Extra non-working dates (public holidays, YYYY-MM-DD) the publicity period skips. */
  nonWorkingDates: string[];
  /** Weekend dates that are working days (调休 make-up days, YYYY-MM-DD). */
  makeUpWorkingDates: string[];
}

export const DEFAULT_VOLUNTEERING: VolunteeringSettings = {
  skills: ['医护', '法律', '维修', '教育', '文艺', '心理', '驾驶', '电脑手机', '理发', '家政', '外语', '摄影'],
  teamCategories: [
    '纠纷调解',
    '环保宣传',
    '健康医疗',
    '邻里关照',
    '文明劝导',
    '银龄教育',
    '童伴成长',
    '红骑侠',
    '其他',
  ],
  activityCategories: [
    '助老服务',
    '环境保护',
    '健康义诊',
    '文明劝导',
    '教育辅导',
    '文体活动',
    '便民服务',
    '应急救助',
    '其他',
  ],
  starThresholdsHours: [100, 300, 600, 1000, 1500],
  cancelDeadlineHours: 3,
  noShowLimit: 2,
  noShowWindowDays: 90,
  dailyCapMinutes: 480,
  graceMinutes: 10,
  attendanceWindowSeconds: 60,
  starPublicityWorkingDays: 5,
  starBlockMonths: 12,
  nonWorkingDates: [],
  makeUpWorkingDates: [],
};

/** Returns a problem key when the settings are inconsistent, else null. */
export function checkVolunteering(s: VolunteeringSettings): string | null {
  const t = s.starThresholdsHours;
  if (t.length !== 5 || t.some((h, i) => !Number.isInteger(h) || h <= 0 || (i > 0 && h <= (t[i - 1] ?? 0))))
    return 'thresholds';
  if (s.skills.length === 0 || new Set(s.skills).size !== s.skills.length) return 'skills';
  return null;
}

/** The star level (0–5) reached with the given accepted minutes. Levels are never skipped: each needs the previous. */
export function starLevel(acceptedMinutes: number, thresholdsHours: number[]): number {
  let level = 0;
  for (const h of thresholdsHours) {
    if (acceptedMinutes >= h * 60) level += 1;
    else break;
  }
  return level;
}

/** One category of the needs list (需求清单): a stable key, its name, and the volunteer skills that fit it. */
export interface NeedCategory {
  key: string;
  name: string;
  /** Volunteer skills (from the skills list) that fit the category; matching ranks volunteers by them. */
  skills: string[];
}

/** Per-district settings of the needs list (PRODUCT §4): the categories residents and staff choose from. */
export interface NeedSettings {
  categories: NeedCategory[];
}

/** The 12 default need categories (configurable per district). */
export const DEFAULT_NEED_SETTINGS: NeedSettings = {
  categories: [
    { key: 'meal', name: '助餐送餐', skills: ['家政'] },
    { key: 'escort', name: '就医陪护', skills: ['医护', '驾驶'] },
    { key: 'errand', name: '代买代办', skills: [] },
    { key: 'visit', name: '上门探访', skills: ['心理'] },
    { key: 'repair', name: '家电维修', skills: ['维修'] },
    { key: 'bath_haircut', name: '助浴理发', skills: ['理发', '家政'] },
    { key: 'phone_help', name: '手机教学', skills: ['电脑手机', '教育'] },
    { key: 'counselling', name: '心理疏导', skills: ['心理'] },
    { key: 'legal', name: '法律咨询', skills: ['法律'] },
    { key: 'childcare', name: '儿童托管', skills: ['教育'] },
    { key: 'environment', name: '环境整治', skills: [] },
    { key: 'other', name: '其他', skills: [] },
  ],
};

/** One category of grid reports (随手拍): a stable key, its name, and the reward points a confirmed report earns. */
export interface ReportCategory {
  key: string;
  name: string;
  points: number;
}

/** Per-district settings of grid reports (PRODUCT §8): categories with points, the daily cap, time limits. */
export interface ReportSettings {
  categories: ReportCategory[];
  /** Report reward points a person may receive per China day. */
  dailyCapPoints: number;
  /** Hours a report may stay open at each level before it escalates (grid → community → street) or is overdue. */
  gridHours: number;
  communityHours: number;
  streetHours: number;
  /** A resolved report the reporter does not answer is confirmed after this many days. */
  autoConfirmDays: number;
  /** Flags by this many people hide a report from the public board until a moderator decides. */
  flagThreshold: number;
}

/** The default report categories (seed 004): 市长热线 relays pay nothing unless a district configures it. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  categories: [
    { key: 'hazard', name: '安全隐患', points: 5 },
    { key: 'flying_wire', name: '飞线充电', points: 5 },
    { key: 'sanitation', name: '环境卫生', points: 2 },
    { key: 'facility', name: '设施损坏', points: 3 },
    { key: 'parking', name: '占道停车', points: 2 },
    { key: 'dispute', name: '邻里纠纷', points: 3 },
    { key: 'hotline', name: '市长热线', points: 0 },
    { key: 'assistance', name: '帮扶救助', points: 3 },
    { key: 'other', name: '其他', points: 1 },
  ],
  dailyCapPoints: 20,
  gridHours: 24,
  communityHours: 72,
  streetHours: 168,
  autoConfirmDays: 7,
  flagThreshold: 3,
};

/** Returns a problem key when the report settings are inconsistent (no categories, a key or name twice), else null. */
export function checkReportSettings(s: ReportSettings): string | null {
  const keys = s.categories.map((c) => c.key);
  const names = s.categories.map((c) => c.name);
  if (keys.length === 0 || new Set(keys).size !== keys.length || new Set(names).size !== names.length)
    return 'report_categories';
  return null;
}

/** Returns a problem key when the need categories are inconsistent (empty, or a key or name twice), else null. */
export function checkNeedSettings(s: NeedSettings): string | null {
  const keys = s.categories.map((c) => c.key);
  const names = s.categories.map((c) => c.name);
  if (keys.length === 0 || new Set(keys).size !== keys.length || new Set(names).size !== names.length)
    return 'need_categories';
  return null;
}
