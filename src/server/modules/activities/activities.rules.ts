// Pure rules of activities: states, service minutes, rotating attendance codes, geofence distance.
import { createHmac, timingSafeEqual } from 'node:crypto';

export { chinaDate } from '../../platform/clock.js';
export { distanceMetres } from '../../platform/geo.js';

/**
 * Activity states. "Finished" is not stored: a published activity whose end has passed is finished.
 *
 *   draft ──publish──→ published ──cancel──→ cancelled
 *     └──────────────cancel──────────────────↗
 */
export const ACTIVITY_STATES = ['draft', 'published', 'cancelled'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export function nextActivityState(from: ActivityState, action: 'publish' | 'cancel'): ActivityState | null {
  if (action === 'publish') return from === 'draft' ? 'published' : null;
  return from === 'cancelled' ? null : 'cancelled';
}

/**
 * Sign-up states.
 *
 *   (sign up) → confirmed ──cancel──→ cancelled
 *        │          └──(absent at the end)──→ no_show
 *        └→ waitlisted ──(a confirmed place frees)──→ confirmed
 *                └──cancel──→ cancelled
 */
export const SIGNUP_STATES = ['confirmed', 'waitlisted', 'cancelled', 'no_show'] as const;
export type SignupState = (typeof SIGNUP_STATES)[number];

/** Who an activity is for: volunteer service (approved volunteers, earns hours) or a resident event (attendance only). */
export const AUDIENCES = ['volunteer', 'resident'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Kinds of resident events (免费理发日 is a 便民服务, a class a 课程…); volunteer activities use the district's categories. */
export const RESIDENT_EVENT_CATEGORIES = ['便民服务', '课程', '议事会', '文体活动', '其他'] as const;

/** Whether attending an activity of this audience earns service hours (resident events record attendance only). */
export function earnsServiceHours(audience: string): boolean {
  return audience === 'volunteer';
}

const MINUTE = 60_000;

/**
 * Service minutes = overlap of attendance with the activity window, where arriving within the grace after the
 * start (or leaving within the grace before the end) counts from the start (to the end), rounded down to 15 min.
 */
export function serviceMinutes(a: {
  checkIn: Date;
  checkOut: Date;
  start: Date;
  end: Date;
  graceMinutes: number;
}): number {
  const grace = a.graceMinutes * MINUTE;
  const from = a.checkIn.getTime() <= a.start.getTime() + grace ? a.start.getTime() : a.checkIn.getTime();
  const to = a.checkOut.getTime() >= a.end.getTime() - grace ? a.end.getTime() : a.checkOut.getTime();
  const raw = Math.max(0, Math.min(to, a.end.getTime()) - Math.max(from, a.start.getTime()));
  return Math.floor(raw / (15 * MINUTE)) * 15;
}

/** Caps minutes so a person's day never exceeds the daily cap (minutes already counted that day given). */
export function capForDay(minutes: number, alreadyThatDay: number, dailyCap: number): number {
  return Math.max(0, Math.min(minutes, dailyCap - alreadyThatDay));
}

/** The activity's length in whole minutes. */
export function durationMinutes(start: Date, end: Date): number {
  return Math.floor((end.getTime() - start.getTime()) / MINUTE);
}

/** The code window an instant falls in. */
export function codeWindow(now: Date, windowSeconds: number): number {
  return Math.floor(now.getTime() / (windowSeconds * 1000));
}

function mac(secret: string, activityId: string, window: number): Buffer {
  return createHmac('sha256', secret).update(`${activityId}:${window}`).digest();
}

/** The 6-digit code of an activity for a window. */
export function sixDigitCode(secret: string, activityId: string, window: number): string {
  return String(mac(secret, activityId, window).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export const QR_PREFIX = 'LINLI-ATT';

/** The signed QR payload of an activity for a window: LINLI-ATT.<activityId>.<window>.<signature>. */
export function qrPayload(secret: string, activityId: string, window: number): string {
  return [QR_PREFIX, activityId, window, mac(secret, activityId, window).subarray(0, 16).toString('base64url')].join(
    '.',
  );
}

/** Splits a QR payload; null when it is not one of ours. */
export function parseQr(payload: string): { activityId: string; window: number; signature: string } | null {
  const parts = payload.trim().split('.');
  if (parts.length !== 4) return null;
  const [prefix, activityId, window, signature] = parts;
  if (prefix !== QR_PREFIX || activityId === undefined || window === undefined || signature === undefined) return null;
  if (!/^\d+$/.test(window)) return null;
  return { activityId, window: Number(window), signature };
}

/** True when a QR signature is genuine for the activity and window. */
export function verifyQrSignature(secret: string, activityId: string, window: number, signature: string): boolean {
  const expected = mac(secret, activityId, window).subarray(0, 16);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A code is accepted in its own window and the next one, so it lasts between one and two windows. */
export function windowAccepted(codeWindowNo: number, nowWindow: number): boolean {
  return codeWindowNo === nowWindow || codeWindowNo === nowWindow - 1;
}

/** Check-in opens 30 minutes before the start; check-in and check-out close 2 hours after the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * MINUTE;
export const ATTENDANCE_CLOSES_AFTER_MS = 120 * MINUTE;

/**
 * Whether self check-in or check-out by code is open now. Check-in opens 30 min before the start, check-out at the
 * start; both close 2 h after the end, or when the leader closes the activity. The answer names the moment so the
 * message can say when it opens (or when it closed).
 */
export function attendanceWindow(
  kind: 'check_in' | 'check_out',
  a: { now: Date; start: Date; end: Date; closedAt: Date | null },
): { open: true } | { open: false; opensAt: Date } | { open: false; closedAt: Date } {
  const opensAt = new Date(a.start.getTime() - (kind === 'check_in' ? CHECKIN_OPENS_BEFORE_MS : 0));
  if (a.now < opensAt) return { open: false, opensAt };
  const closesAt = new Date(a.end.getTime() + ATTENDANCE_CLOSES_AFTER_MS);
  if (a.closedAt && a.closedAt < closesAt)
    return a.now >= a.closedAt ? { open: false, closedAt: a.closedAt } : { open: true };
  return a.now > closesAt ? { open: false, closedAt: closesAt } : { open: true };
}

/**
 * What a leader's "present" mark records (see docs/ATTENDANCE.md). Minutes come only from recorded time:
 * - check-in: the time the leader gives, else the person's own check-in, else the mark itself — or the start when
 *   the mark is made after the end (the leader attests the whole activity afterwards);
 * - check-out: the time given, else the person's own check-out, else the end when the mark is made after the end;
 *   during the activity it stays open (null) until the person checks out or the leader closes the activity.
 * Times after the mark are refused ("in advance"), as is a check-out not after the check-in.
 */
export function markedSpan(a: {
  markAt: Date;
  start: Date;
  end: Date;
  recorded: { checkIn: Date | null; checkOut: Date | null } | null;
  given: { checkIn?: Date; checkOut?: Date };
}): { checkIn: Date; checkOut: Date | null } | { problem: 'attendance_in_future' | 'end_before_start' } {
  const afterEnd = a.markAt >= a.end;
  if ((a.given.checkIn && a.given.checkIn > a.markAt) || (a.given.checkOut && a.given.checkOut > a.markAt)) {
    return { problem: 'attendance_in_future' };
  }
  const checkIn = a.given.checkIn ?? a.recorded?.checkIn ?? (afterEnd ? a.start : a.markAt);
  const checkOut = a.given.checkOut ?? a.recorded?.checkOut ?? (afterEnd ? a.end : null);
  if (checkOut && checkOut <= checkIn) return { problem: 'end_before_start' };
  return { checkIn, checkOut };
}

/** When the leader closes an activity, an open attendance (checked in, never out) is checked out at the end. */
export function closingCheckOut(checkIn: Date, end: Date): Date {
  return checkIn < end ? end : checkIn;
}
