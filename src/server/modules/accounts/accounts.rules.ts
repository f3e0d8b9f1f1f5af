// Pure rules of accounts and sessions.

/** Sessions expire after 7 idle days; activity slides the expiry, refreshed at most hourly. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_REFRESH_MS = 3600 * 1000;
/** However active, a session ends 30 days after sign-in (then one signs in again). */
export const SESSION_MAX_MS = 30 * 24 * 3600 * 1000;

/**
 * Progressive sign-in delays, counted per phone number and per client address (login_throttle):
 * - a phone number has FREE_PHONE_FAILURES free failures, then each further failure delays the next attempt by
 *   1, 2, 4, 8, 16 and at most 30 minutes; an address has FREE_IP_FAILURES (a community centre's shared address
 *   serves many residents);
 * - attempts during a delay are refused without checking the password; they count against the address only, never
 *   against the phone number, so hammering blocks the attacker's address while the owner, from another address,
 *   waits at most the cap;
 * - counts decay by one per DECAY_MINUTES of quiet after a delay ends (or the last failure); a successful sign-in clears the phone number's count;
 *   staff (people.reset) and the staff password reset clear it too. No delay is ever longer than the cap.
 */
export const FREE_PHONE_FAILURES = 5;
export const FREE_IP_FAILURES = 10;
export const MAX_DELAY_MINUTES = 30;
export const DECAY_MINUTES = 10;

export type ThrottleKind = 'phone' | 'ip';

export interface ThrottleState {
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

/** The delay in minutes after `failures` failures: 0 while free, then doubling from 1, capped. */
export function delayMinutes(kind: ThrottleKind, failures: number): number {
  const free = kind === 'phone' ? FREE_PHONE_FAILURES : FREE_IP_FAILURES;
  const over = failures - free;
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MINUTES, 2 ** Math.min(over - 1, 10));
}

/**
 * The failure count left after quiet time: one forgiven per DECAY_MINUTES since the later of the last failure and the
 * end of its delay (waiting out a delay and trying again at once forgives nothing, so the delays still grow).
 */
export function decayedFailures(state: ThrottleState | undefined, now: Date): number {
  if (!state) return 0;
  const from = Math.max(
    new Date(state.lastFailureAt).getTime(),
    state.blockedUntil ? new Date(state.blockedUntil).getTime() : 0,
  );
  const quietMinutes = (now.getTime() - from) / 60000;
  const forgiven = quietMinutes > 0 ? Math.floor(quietMinutes / DECAY_MINUTES) : 0;
  return Math.max(0, state.failures - forgiven);
}

/**
 * The most failures a key keeps: enough to reach the cap (free + 6 doublings ≥ 30 minutes). Counting further would
 * only make the count take longer to decay, keeping a shared address on a hair trigger long after an attack.
 */
export function maxFailures(kind: ThrottleKind): number {
  return (kind === 'phone' ? FREE_PHONE_FAILURES : FREE_IP_FAILURES) + 6;
}

/** The state after one more failure at `now`: the decayed count plus one (at most maxFailures), and its delay. */
export function afterFailure(kind: ThrottleKind, state: ThrottleState | undefined, now: Date): ThrottleState {
  const failures = Math.min(decayedFailures(state, now) + 1, maxFailures(kind));
  const delay = delayMinutes(kind, failures);
  const until = delay > 0 ? new Date(now.getTime() + delay * 60000).toISOString() : null;
  // A refused attempt never shortens a block already running.
  const blockedUntil = state?.blockedUntil && (!until || state.blockedUntil > until) ? state.blockedUntil : until;
  return { failures, lastFailureAt: now.toISOString(), blockedUntil };
}

/** Minutes left on a lock, rounded up; 0 when not locked. */
export function lockMinutesLeft(lockedUntil: string | null | undefined, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = new Date(lockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 60000) : 0;
}
