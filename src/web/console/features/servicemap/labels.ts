// Names and tag colours of service-point kinds and weekdays in the console.
import type { ServicePointCategory, Weekday } from '../../../shared/api-types';
import type { MessageKey } from '../../i18n';

export const CATEGORIES: ServicePointCategory[] = [
  'clinic',
  'canteen',
  'rider_station',
  'activity_centre',
  'points_supermarket',
  'merchant',
  'other',
];

export const CATEGORY_LABEL: Record<ServicePointCategory, MessageKey> = {
  clinic: 'sp.cat.clinic',
  canteen: 'sp.cat.canteen',
  rider_station: 'sp.cat.rider_station',
  activity_centre: 'sp.cat.activity_centre',
  points_supermarket: 'sp.cat.points_supermarket',
  merchant: 'sp.cat.merchant',
  other: 'sp.cat.other',
};

export const CATEGORY_COLOR: Record<ServicePointCategory, string> = {
  clinic: 'green',
  canteen: 'orange',
  rider_station: 'blue',
  activity_centre: 'red',
  points_supermarket: 'gold',
  merchant: 'purple',
  other: 'default',
};

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const WEEKDAY_LABEL: Record<Weekday, MessageKey> = {
  mon: 'sp.day.mon',
  tue: 'sp.day.tue',
  wed: 'sp.day.wed',
  thu: 'sp.day.thu',
  fri: 'sp.day.fri',
  sat: 'sp.day.sat',
  sun: 'sp.day.sun',
};

/** "lng,lat" or "lat,lng" as pasted from a map picker; in China the longitude (73–136) is the larger number. */
export function parsePastedCoordinates(text: string): { lat: number; lng: number } | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [lat, lng] = Math.abs(a) > 90 || (Math.abs(a) > Math.abs(b) && Math.abs(b) <= 90) ? [b, a] : [a, b];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/** "08:30-12:00, 14:00-17:30" → ['08:30-12:00', '14:00-17:30'] (commas, 、, ; or spaces between). */
export function splitIntervals(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.replace(/[–—~～至到]/g, '-').trim())
    .filter(Boolean);
}

export const INTERVAL_RE = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
