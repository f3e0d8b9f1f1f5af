// Opening hours in China time: "open now", intervals past midnight, unknown hours; the coordinate integers.
import { describe, expect, it } from 'vitest';
import { emptyHours, everyDay, fromE7, isOpenAt, parseInterval, toE7, type WeeklyHours } from './servicemap.rules.js';

/** A UTC instant for a China wall-clock time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);

describe('parseInterval', () => {
  it('reads HH:MM-HH:MM and 24:00 as the end of the day', () => {
    expect(parseInterval('08:00-17:30')).toEqual({ start: 480, end: 1050 });
    expect(parseInterval('00:00-24:00')).toEqual({ start: 0, end: 1440 });
    expect(parseInterval('22:00-02:00')).toEqual({ start: 1320, end: 120 });
  });
  it('refuses malformed and empty intervals', () => {
    for (const bad of ['8:00-17:00', '08:00-25:00', '24:00-08:00', '08:00-08:00', '08:00 - 17:00', '']) {
      expect(parseInterval(bad)).toBeNull();
    }
  });
});

describe('isOpenAt (Asia/Shanghai)', () => {
  const canteen: WeeklyHours = { ...emptyHours(), mon: ['10:30-13:00', '16:30-18:30'], sat: ['10:30-13:00'] };

  it('is open inside an interval and closed between them (2026-11-30 is a Monday)', () => {
    expect(isOpenAt(canteen, china('2026-11-30T10:30:00'))).toBe(true);
    expect(isOpenAt(canteen, china('2026-11-30T12:59:00'))).toBe(true);
    expect(isOpenAt(canteen, china('2026-11-30T13:00:00'))).toBe(false);
    expect(isOpenAt(canteen, china('2026-11-30T17:00:00'))).toBe(true);
  });

  it('uses the China date, not the UTC date (Monday 07:00 in China is Sunday 23:00 UTC)', () => {
    const mornings: WeeklyHours = { ...emptyHours(), mon: ['06:00-09:00'] };
    expect(isOpenAt(mornings, new Date('2026-11-29T23:00:00Z'))).toBe(true);
  });

  it('is closed on a day without hours', () => {
    expect(isOpenAt(canteen, china('2026-12-01T11:00:00'))).toBe(false); // Tuesday
  });

  it('carries an interval past midnight into the next morning', () => {
    const late: WeeklyHours = { ...emptyHours(), fri: ['22:00-02:00'] };
    expect(isOpenAt(late, china('2026-12-04T23:30:00'))).toBe(true); // Friday night
    expect(isOpenAt(late, china('2026-12-05T01:59:00'))).toBe(true); // Saturday small hours
    expect(isOpenAt(late, china('2026-12-05T02:00:00'))).toBe(false);
    expect(isOpenAt(late, china('2026-12-04T01:00:00'))).toBe(false); // Friday small hours: Thursday has none
  });

  it('is open all day for 00:00-24:00 and unknown (null) without any hours', () => {
    expect(isOpenAt(everyDay('00:00-24:00'), china('2026-12-06T03:00:00'))).toBe(true);
    expect(isOpenAt(emptyHours(), china('2026-12-06T03:00:00'))).toBeNull();
  });
});

describe('coordinates in 1e-7 degrees', () => {
  it('round-trips to 7 decimal places', () => {
    expect(toE7(114.1401234)).toBe(1141401234);
    expect(fromE7(toE7(30.6205))).toBe(30.6205);
    expect(toE7(-33.8688197)).toBe(-338688197);
  });
});
