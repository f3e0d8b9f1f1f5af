// Time comes from a clock object so tests can pin it; timestamps are ISO-8601 UTC strings everywhere.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class FixedClock implements Clock {
  constructor(private t: Date = new Date('2026-11-25T02:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t.getTime());
  }
  set(t: Date | string): void {
    this.t = new Date(t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** The one timestamp format stored in the database: ISO-8601 UTC with milliseconds. */
export function iso(d: Date): string {
  return d.toISOString();
}

// China time (UTC+8, no daylight saving): the calendar communities live by. Stored timestamps stay UTC.
const CHINA_OFFSET_MS = 8 * 3600_000;

function chinaShifted(t: Date | string): string {
  return new Date(new Date(t).getTime() + CHINA_OFFSET_MS).toISOString();
}

/** YYYY-MM-DD in China time. */
export function chinaDate(t: Date | string): string {
  return chinaShifted(t).slice(0, 10);
}

/** YYYY-MM in China time. */
export function chinaMonth(t: Date | string): string {
  return chinaShifted(t).slice(0, 7);
}

/** "YYYY-MM-DD HH:MM" in China time, for spreadsheets and messages. */
export function chinaDateTime(t: Date | string): string {
  return chinaShifted(t).slice(0, 16).replace('T', ' ');
}

/** HH:MM in China time. */
export function chinaTime(t: Date | string): string {
  return chinaShifted(t).slice(11, 16);
}

/** The UTC instant at which a China-time date (YYYY-MM-DD) begins. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
