// How each kind of service point looks on the map and in the list: a colour and one plain character.
import type { ServicePointCategory, Weekday } from '../../../shared/api-types';
import type { MessageKey, Translate } from '../../i18n';

export const CATEGORIES: ServicePointCategory[] = [
  'clinic',
  'canteen',
  'rider_station',
  'activity_centre',
  'points_supermarket',
  'merchant',
  'other',
];

export const CATEGORY_STYLE: Record<ServicePointCategory, { colour: string; glyph: string }> = {
  clinic: { colour: '#15803d', glyph: '医' },
  canteen: { colour: '#ea580c', glyph: '食' },
  rider_station: { colour: '#1d4ed8', glyph: '驿' },
  activity_centre: { colour: '#b91c1c', glyph: '党' },
  points_supermarket: { colour: '#a16207', glyph: '兑' },
  merchant: { colour: '#7e22ce', glyph: '商' },
  other: { colour: '#475569', glyph: '其' },
};

export const CATEGORY_LABEL: Record<ServicePointCategory, MessageKey> = {
  clinic: 'map.cat.clinic',
  canteen: 'map.cat.canteen',
  rider_station: 'map.cat.rider_station',
  activity_centre: 'map.cat.activity_centre',
  points_supermarket: 'map.cat.points_supermarket',
  merchant: 'map.cat.merchant',
  other: 'map.cat.other',
};

export const WEEKDAY_LABEL: Record<Weekday, MessageKey> = {
  mon: 'map.day.mon',
  tue: 'map.day.tue',
  wed: 'map.day.wed',
  thu: 'map.day.thu',
  fri: 'map.day.fri',
  sat: 'map.day.sat',
  sun: 'map.day.sun',
};

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "约 350 米 · 步行约 6 分钟" (kilometres from 1,000 m). */
export function distanceText(t: Translate, metres: number, minutes: number): string {
  return metres < 1000
    ? t('map.distance', { m: metres, min: minutes })
    : t('map.distanceKm', { km: (metres / 1000).toFixed(1), min: minutes });
}

/** One day's hours: "08:00-12:00、14:00-17:30", 全天, or 休息. */
export function dayText(t: Translate, intervals: string[], sep: string): string {
  if (intervals.length === 0) return t('map.closedDay');
  if (intervals.length === 1 && intervals[0] === '00:00-24:00') return t('map.allDay');
  return intervals.join(sep);
}

/** Today's weekday in China time (the hours are China time wherever the phone is). */
export function chinaWeekday(now: Date = new Date()): Weekday {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return WEEKDAYS[(local.getUTCDay() + 6) % 7] ?? 'mon';
}
