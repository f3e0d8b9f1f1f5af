import { describe, expect, it } from 'vitest';
import {
  attendanceWindow,
  capForDay,
  chinaDate,
  closingCheckOut,
  distanceMetres,
  earnsServiceHours,
  markedSpan,
  nextActivityState,
  parseQr,
  qrPayload,
  serviceMinutes,
  sixDigitCode,
  verifyQrSignature,
  windowAccepted,
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

// The attendance → minutes rule (docs/ATTENDANCE.md): a leader's mark credits only recorded time.
describe('markedSpan', () => {
  const win = { start: at('09:00'), end: at('11:00') };
  it('during the activity starts at the mark and leaves the check-out open (never the full length in advance)', () => {
    expect(markedSpan({ ...win, markAt: at('09:40'), recorded: null, given: {} })).toEqual({
      checkIn: at('09:40'),
      checkOut: null,
    });
  });
  it("during the activity keeps the person's own check-in", () => {
    expect(
      markedSpan({ ...win, markAt: at('09:40'), recorded: { checkIn: at('09:05'), checkOut: null }, given: {} }),
    ).toEqual({ checkIn: at('09:05'), checkOut: null });
  });
  it("during the activity keeps the person's own check-out", () => {
    expect(
      markedSpan({ ...win, markAt: at('10:40'), recorded: { checkIn: at('09:05'), checkOut: at('10:00') }, given: {} }),
    ).toEqual({ checkIn: at('09:05'), checkOut: at('10:00') });
  });
  it('exactly at the end counts as after the end: the whole activity, attested afterwards', () => {
    expect(markedSpan({ ...win, markAt: at('11:00'), recorded: null, given: {} })).toEqual({
      checkIn: at('09:00'),
      checkOut: at('11:00'),
    });
  });
  it('after the end without times credits the activity window', () => {
    expect(markedSpan({ ...win, markAt: at('15:00'), recorded: null, given: {} })).toEqual({
      checkIn: at('09:00'),
      checkOut: at('11:00'),
    });
  });
  it('after the end closes an open check-in at the end', () => {
    expect(
      markedSpan({ ...win, markAt: at('15:00'), recorded: { checkIn: at('09:50'), checkOut: null }, given: {} }),
    ).toEqual({ checkIn: at('09:50'), checkOut: at('11:00') });
  });
  it('takes the times the leader gives over recorded ones', () => {
    expect(
      markedSpan({
        ...win,
        markAt: at('15:00'),
        recorded: { checkIn: at('09:05'), checkOut: null },
        given: { checkIn: at('09:30'), checkOut: at('10:30') },
      }),
    ).toEqual({ checkIn: at('09:30'), checkOut: at('10:30') });
  });
  it('refuses a check-out later than the mark (credit in advance)', () => {
    expect(markedSpan({ ...win, markAt: at('09:40'), recorded: null, given: { checkOut: at('11:00') } })).toEqual({
      problem: 'attendance_in_future',
    });
  });
  it('refuses a check-in later than the mark', () => {
    expect(markedSpan({ ...win, markAt: at('09:40'), recorded: null, given: { checkIn: at('09:41') } })).toEqual({
      problem: 'attendance_in_future',
    });
  });
  it('accepts a given time equal to the mark', () => {
    expect(
      markedSpan({
        ...win,
        markAt: at('10:00'),
        recorded: null,
        given: { checkIn: at('09:00'), checkOut: at('10:00') },
      }),
    ).toEqual({ checkIn: at('09:00'), checkOut: at('10:00') });
  });
  it('refuses a check-out not after the check-in', () => {
    expect(
      markedSpan({
        ...win,
        markAt: at('15:00'),
        recorded: null,
        given: { checkIn: at('10:00'), checkOut: at('10:00') },
      }),
    ).toEqual({ problem: 'end_before_start' });
  });
});

describe('closingCheckOut', () => {
  it('checks an open stay out at the end', () => {
    expect(closingCheckOut(at('09:20'), at('11:00'))).toEqual(at('11:00'));
  });
  it('gives a check-in after the end no time at all', () => {
    expect(closingCheckOut(at('11:30'), at('11:00'))).toEqual(at('11:30'));
  });
});

describe('attendanceWindow', () => {
  const w = { start: at('09:00'), end: at('11:00'), closedAt: null };
  it('opens check-in 30 minutes before the start', () => {
    expect(attendanceWindow('check_in', { ...w, now: at('08:29') })).toEqual({ open: false, opensAt: at('08:30') });
    expect(attendanceWindow('check_in', { ...w, now: at('08:30') })).toEqual({ open: true });
  });
  it('opens check-out at the start', () => {
    expect(attendanceWindow('check_out', { ...w, now: at('08:59') })).toEqual({ open: false, opensAt: at('09:00') });
    expect(attendanceWindow('check_out', { ...w, now: at('09:00') })).toEqual({ open: true });
  });
  it('closes both 2 hours after the end', () => {
    expect(attendanceWindow('check_out', { ...w, now: at('13:00') })).toEqual({ open: true });
    expect(attendanceWindow('check_out', { ...w, now: new Date(at('13:00').getTime() + 1) })).toEqual({
      open: false,
      closedAt: at('13:00'),
    });
  });
  it('closes both when the leader closes the activity', () => {
    expect(attendanceWindow('check_in', { ...w, closedAt: at('11:30'), now: at('11:30') })).toEqual({
      open: false,
      closedAt: at('11:30'),
    });
    expect(attendanceWindow('check_out', { ...w, closedAt: at('11:30'), now: at('11:29') })).toEqual({ open: true });
  });
});

describe('audiences', () => {
  it('only volunteer service earns service hours', () => {
    expect(earnsServiceHours('volunteer')).toBe(true);
    expect(earnsServiceHours('resident')).toBe(false);
  });
});
