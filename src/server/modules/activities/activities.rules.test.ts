import { describe, expect, it } from 'vitest';
import {
  capForDay, chinaDate, distanceMetres, nextActivityState, parseQr, qrPayload, serviceMinutes, sixDigitCode,
  verifyQrSignature, windowAccepted,
} from './activities.rules.js';

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00+08:00`);
const base = { start: at('09:00'), end: at('11:00'), graceMinutes: 10 };

describe('serviceMinutes', () => {
  it('counts the full window when arriving and leaving within the grace', () => {
    expect(serviceMinutes({ ...base, checkIn: at('09:10'), checkOut: at('10:50') })).toBe(120);
    expect(serviceMinutes({ ...base, checkIn: at('08:30'), checkOut: at('11:40') })).toBe(120);
  });
  it('counts only the overlap when arriving late or leaving early beyond the grace', () => {
    expect(serviceMinutes({ ...base, checkIn: at('09:11'), checkOut: at('11:00') })).toBe(105);
    expect(serviceMinutes({ ...base, checkIn: at('09:00'), checkOut: at('10:49') })).toBe(105);
  });
  it('rounds down to 15 minutes at the boundaries', () => {
    expect(serviceMinutes({ ...base, checkIn: at('09:30'), checkOut: at('09:44') })).toBe(0);
    expect(serviceMinutes({ ...base, checkIn: at('09:30'), checkOut: at('09:45') })).toBe(15);
    expect(serviceMinutes({ ...base, checkIn: at('09:30'), checkOut: at('10:14') })).toBe(30);
  });
  it('is zero without overlap', () => {
    expect(serviceMinutes({ ...base, checkIn: at('12:00'), checkOut: at('13:00') })).toBe(0);
  });
});

describe('capForDay', () => {
  it('never lets a day exceed the cap', () => {
    expect(capForDay(120, 0, 480)).toBe(120);
    expect(capForDay(120, 400, 480)).toBe(80);
    expect(capForDay(120, 480, 480)).toBe(0);
    expect(capForDay(120, 500, 480)).toBe(0);
  });
});

describe('attendance codes', () => {
  it('signs QR payloads so another activity or window does not verify', () => {
    const p = qrPayload('s1', 'A1', 42);
    const parsed = parseQr(p)!;
    expect(parsed).toMatchObject({ activityId: 'A1', window: 42 });
    expect(verifyQrSignature('s1', 'A1', 42, parsed.signature)).toBe(true);
    expect(verifyQrSignature('s1', 'A2', 42, parsed.signature)).toBe(false);
    expect(verifyQrSignature('s1', 'A1', 43, parsed.signature)).toBe(false);
    expect(verifyQrSignature('s2', 'A1', 42, parsed.signature)).toBe(false);
    expect(parseQr('hello')).toBeNull();
  });
  it('gives six digits that differ between activities and windows', () => {
    expect(sixDigitCode('s', 'A1', 1)).toMatch(/^\d{6}$/);
    expect(new Set([sixDigitCode('s', 'A1', 1), sixDigitCode('s', 'A1', 2), sixDigitCode('s', 'A2', 1)]).size).toBe(3);
  });
  it('accepts a code in its window and the next only', () => {
    expect(windowAccepted(10, 10)).toBe(true);
    expect(windowAccepted(10, 11)).toBe(true);
    expect(windowAccepted(10, 12)).toBe(false);
    expect(windowAccepted(11, 10)).toBe(false);
  });
});

describe('misc rules', () => {
  it('dates in China time', () => {
    expect(chinaDate(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
  });
  it('measures distance', () => {
    expect(distanceMetres({ lat: 30.5, lng: 114.3 }, { lat: 30.5, lng: 114.301 })).toBeGreaterThan(90);
    expect(distanceMetres({ lat: 30.5, lng: 114.3 }, { lat: 30.5, lng: 114.301 })).toBeLessThan(100);
  });
  it('allows only the drawn state transitions', () => {
    expect(nextActivityState('draft', 'publish')).toBe('published');
    expect(nextActivityState('published', 'publish')).toBeNull();
    expect(nextActivityState('published', 'cancel')).toBe('cancelled');
    expect(nextActivityState('cancelled', 'cancel')).toBeNull();
  });
});
