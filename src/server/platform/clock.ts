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
