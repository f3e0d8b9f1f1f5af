import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDateTime,
  chinaDayStart,
  chinaMonth,
  chinaTime,
  FixedClock,
  iso,
  systemClock,
} from './clock.js';

describe('FixedClock', () => {
  it('starts at 2026-11-25 02:00 UTC unless told otherwise', () => {
    expect(new FixedClock().now().toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(new FixedClock(new Date('2030-01-01T00:00:00Z')).now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
  it('stands still until moved', () => {
    const c = new FixedClock();
    expect(c.now().getTime()).toBe(c.now().getTime());
  });
  it('advances by milliseconds, forwards and back', () => {
    const c = new FixedClock();
    c.advance(90 * 60_000);
    expect(c.now().toISOString()).toBe('2026-11-25T03:30:00.000Z');
    c.advance(-1);
    expect(c.now().toISOString()).toBe('2026-11-25T03:29:59.999Z');
  });
  it('is set from a string or a Date', () => {
    const c = new FixedClock();
    c.set('2027-02-01T08:00:00+08:00');
    expect(c.now().toISOString()).toBe('2027-02-01T00:00:00.000Z');
    c.set(new Date(0));
    expect(c.now().toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });
  it('hands out copies: changing a returned Date does not move the clock', () => {
    const c = new FixedClock();
    c.now().setUTCFullYear(1999);
    const d = new Date('2026-06-01T00:00:00Z');
    c.set(d);
    d.setUTCFullYear(1999);
    expect(c.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });
});

describe('systemClock', () => {
  it('reads the real time', () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});

describe('iso', () => {
  it('is ISO-8601 UTC with milliseconds', () => {
    expect(iso(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
  });
});

describe('China time (UTC+8)', () => {
  it('turns the date over at 16:00 UTC', () => {
    expect(chinaDate('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
    expect(chinaDate('2026-11-24T16:00:00.000Z')).toBe('2026-11-25');
  });
  it('accepts a Date as well as a string', () => {
    expect(chinaDate(new Date('2026-11-24T16:00:00.000Z'))).toBe('2026-11-25');
  });
  it('turns the month and the year over in China time', () => {
    expect(chinaMonth('2026-11-30T15:59:59.999Z')).toBe('2026-11');
    expect(chinaMonth('2026-11-30T16:00:00.000Z')).toBe('2026-12');
    expect(chinaDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });
  it('formats date-time and time to the minute', () => {
    expect(chinaDateTime('2026-11-25T02:05:59.999Z')).toBe('2026-11-25 10:05');
    expect(chinaTime('2026-11-25T02:05:59.999Z')).toBe('10:05');
    expect(chinaTime('2026-11-24T16:00:00.000Z')).toBe('00:00');
  });
  it('starts a China day at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-11-25').toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(chinaDayStart('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('round-trips: the start of a China day is on that day', () => {
    expect(chinaDate(chinaDayStart('2028-02-29'))).toBe('2028-02-29');
  });
});
