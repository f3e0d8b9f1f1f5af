// China time (UTC+8, no daylight saving) for the volunteering pages: the API speaks UTC ISO strings, people
// read and type China wall-clock time whatever their computer's time zone.
import dayjs, { type Dayjs } from 'dayjs';

const OFFSET_MS = 8 * 3600_000;

/** The China wall-clock of an instant as "YYYY-MM-DDTHH:mm:ss". */
function wallClock(iso: string | Date): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 19);
}

/** A dayjs whose fields (date, hour…) are the China wall-clock of the instant — for pickers and calendars. */
export function chinaDayjs(iso: string | Date): Dayjs {
  return dayjs(wallClock(iso));
}

/** The instant meant by a picker value read as China wall-clock time, as an ISO string. */
export function chinaIso(value: Dayjs): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

/** The China calendar date of an instant, YYYY-MM-DD. */
export function chinaDate(iso: string | Date): string {
  return wallClock(iso).slice(0, 10);
}

/** Formats an instant in China time with a dayjs pattern; "—" when empty. */
export function formatChina(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return iso ?? '—';
  return chinaDayjs(iso).format(pattern);
}

/** "YYYY-MM-DD HH:mm–HH:mm" for a window on one day, both dates when it spans days. */
export function formatWindow(startIso: string, endIso: string): string {
  const s = chinaDayjs(startIso);
  const e = chinaDayjs(endIso);
  return s.isSame(e, 'day')
    ? `${s.format('YYYY-MM-DD HH:mm')}–${e.format('HH:mm')}`
    : `${s.format('YYYY-MM-DD HH:mm')} – ${e.format('YYYY-MM-DD HH:mm')}`;
}

/** Now as China wall-clock. */
export function chinaNow(): Dayjs {
  return chinaDayjs(new Date());
}
