// China time (UTC+8, no daylight saving) for display and for the date filters: the API speaks UTC ISO strings,
// people read 北京时间 wherever their phone happens to be set.
import type { Locale } from '../i18n';

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface ChinaParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

/** The China-time calendar parts of an instant. */
export function chinaParts(value: string | Date): ChinaParts {
  const d = new Date(new Date(value).getTime() + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 09:02 */
export function formatTime(value: string | Date): string {
  const p = chinaParts(value);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** 12月5日 周六 (zh) / Sat 5 Dec (en) */
export function formatDay(value: string | Date, locale: Locale): string {
  const p = chinaParts(value);
  return locale === 'en'
    ? `${WEEKDAYS_EN[p.weekday]} ${p.day} ${MONTHS_EN[p.month - 1]}`
    : `${p.month}月${p.day}日 ${WEEKDAYS_ZH[p.weekday]}`;
}

/** 12月5日 周六 09:00 */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return `${formatDay(value, locale)} ${formatTime(value)}`;
}

/** 2026年12月5日 09:00 (zh) / 5 Dec 2026 09:00 (en): with the year, for dates that may fall in another year (expiry). */
export function formatDateTimeWithYear(value: string | Date, locale: Locale): string {
  const p = chinaParts(value);
  const day = locale === 'en' ? `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}` : `${p.year}年${p.month}月${p.day}日`;
  return `${day} ${formatTime(value)}`;
}

/** 2025-12-05 */
export function formatDate(value: string | Date): string {
  const p = chinaParts(value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 12月5日 周六 09:00–11:00, or both full ends when the range spans days. */
export function formatRange(start: string, end: string, locale: Locale): string {
  if (formatDate(start) === formatDate(end)) return `${formatDateTime(start, locale)}–${formatTime(end)}`;
  return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}

/** The UTC instant of China midnight, `offsetDays` days from today. */
export function chinaMidnight(offsetDays = 0, now: Date = new Date()): Date {
  const shifted = now.getTime() + OFFSET_MS;
  const midnight = shifted - (shifted % DAY_MS);
  return new Date(midnight - OFFSET_MS + offsetDays * DAY_MS);
}

/** China midnight after this week's Sunday (weeks run Monday to Sunday). */
export function chinaWeekEnd(now: Date = new Date()): Date {
  const weekday = chinaParts(now).weekday; // 0 = Sunday
  const daysLeft = weekday === 0 ? 1 : 8 - weekday;
  return chinaMidnight(daysLeft, now);
}

/** True when the instant falls on today's China date. */
export function isChinaToday(value: string | Date, now: Date = new Date()): boolean {
  return formatDate(value) === formatDate(now);
}

/**
 * Date pickers hand back a Date whose *local* fields are what the person chose; those fields are China time.
 * Converts to the UTC ISO string the API wants.
 */
export function pickerToIso(picked: Date): string {
  const utc = Date.UTC(
    picked.getFullYear(),
    picked.getMonth(),
    picked.getDate(),
    picked.getHours(),
    picked.getMinutes(),
  );
  return new Date(utc - OFFSET_MS).toISOString();
}

/** The inverse of pickerToIso: a Date whose local fields show the instant's China time. */
export function isoToPicker(value: string): Date {
  const p = chinaParts(value);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute);
}

/** "2 小时 30 分钟" style duration from minutes. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'en') return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
  return h && m ? `${h} 小时 ${m} 分钟` : h ? `${h} 小时` : `${m} 分钟`;
}

/** Hours with at most one decimal, e.g. 12.5 */
export function hoursOf(minutes: number): string {
  return String(Math.round((minutes / 60) * 10) / 10);
}
