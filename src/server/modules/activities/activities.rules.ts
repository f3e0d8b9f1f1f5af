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

const MINUTE = 60_000;

/**
 * Service minutes = overlap of attendance with the activity window, where arriving within the grace after the
 * start (or leaving within the grace before the end) counts from the start (to the end), rounded down to 15 min.
 */
export function serviceMinutes(a: { checkIn: Date; checkOut: Date; start: Date; end: Date; graceMinutes: number }): number {
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
  return [QR_PREFIX, activityId, window, mac(secret, activityId, window).subarray(0, 16).toString('base64url')].join('.');
}

/** Splits a QR payload; null when it is not one of ours. */
export function parseQr(payload: string): { activityId: string; window: number; signature: string } | null {
  const parts = payload.trim().split('.');
  if (parts.length !== 4 || parts[0] !== QR_PREFIX || !/^\d+$/.test(parts[2])) return null;
  return { activityId: parts[1], window: Number(parts[2]), signature: parts[3] };
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
