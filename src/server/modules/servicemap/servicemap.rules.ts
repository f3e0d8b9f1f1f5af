// Pure rules of the service map: categories, states, weekly opening hours and "open now" in China time, the
// integer storage of coordinates.

/** What a service point is (the map's legend). */
export const SERVICE_POINT_CATEGORIES = [
  'clinic', // 卫生服务站
  'canteen', // 幸福食堂 / 助餐点
  'rider_station', // 骑手驿站 / 暖蜂驿站
  'merchant', // 商户
  'activity_centre', // 党群服务中心 / 活动中心
  'points_supermarket', // 积分超市
  'other',
] as const;
export type ServicePointCategory = (typeof SERVICE_POINT_CATEGORIES)[number];

/**
 * A point is active (on the public map) or archived (kept for history, staff only):
 *   active ──archive──▶ archived ──restore──▶ active
 */
export const SERVICE_POINT_STATES = ['active', 'archived'] as const;
export type ServicePointState = (typeof SERVICE_POINT_STATES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday: intervals "HH:MM-HH:MM" in China time; an end before its start runs past midnight. */
export type WeeklyHours = Record<Weekday, string[]>;

/** One interval: 00:00–23:59 starts, 00:00–24:00 ends. */
export const INTERVAL_RE = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** An interval's start and end in minutes of the day, or null when it is malformed or empty. */
export function parseInterval(text: string): { start: number; end: number } | null {
  const m = INTERVAL_RE.exec(text);
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = m[3] === '24:00' ? 1440 : Number(m[4]) * 60 + Number(m[5]);
  return start === end ? null : { start, end };
}

/** Hours with nothing open on any day. */
export function emptyHours(): WeeklyHours {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** The same intervals every day. */
export function everyDay(...intervals: string[]): WeeklyHours {
  return {
    mon: intervals,
    tue: intervals,
    wed: intervals,
    thu: intervals,
    fri: intervals,
    sat: intervals,
    sun: intervals,
  };
}

const CHINA_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai: UTC+8 all year, no daylight saving

/**
 * Whether the hours say open at `now` (China time), or null when no hours are given at all (unknown, not closed).
 * An interval ending before it starts (22:00-02:00) also covers the next morning.
 */
export function isOpenAt(hours: WeeklyHours, now: Date): boolean | null {
  if (WEEKDAYS.every((d) => hours[d].length === 0)) return null;
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const today = WEEKDAYS[(local.getUTCDay() + 6) % 7] ?? 'mon'; // getUTCDay: 0 = Sunday
  const yesterday = WEEKDAYS[(local.getUTCDay() + 5) % 7] ?? 'sun';
  for (const text of hours[today]) {
    const iv = parseInterval(text);
    if (!iv) continue;
    if (iv.start < iv.end ? minute >= iv.start && minute < iv.end : minute >= iv.start) return true;
  }
  for (const text of hours[yesterday]) {
    const iv = parseInterval(text);
    if (iv && iv.end < iv.start && minute < iv.end) return true;
  }
  return false;
}

/** Degrees as the stored integer (1e-7 degree, about 1 cm). */
export function toE7(degrees: number): number {
  return Math.round(degrees * 1e7);
}

/** The stored integer as degrees. */
export function fromE7(e7: number): number {
  return Number(e7) / 1e7;
}

/** Rounds degrees to 7 places for replies (what is stored; no float noise in JSON). */
export function round7(degrees: number): number {
  return Math.round(degrees * 1e7) / 1e7;
}
