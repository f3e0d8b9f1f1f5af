// Pure rules of accounts and sessions.

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Sessions expire after 7 idle days; activity slides the expiry, refreshed at most hourly. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
export const SESSION_REFRESH_MS = 3600 * 1000;
/** However active, a session ends 30 days after sign-in (then one signs in again). */
export const SESSION_MAX_MS = 30 * 24 * 3600 * 1000;

/** Minutes left on a lock, rounded up; 0 when not locked. */
export function lockMinutesLeft(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = new Date(lockedUntil).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 60000) : 0;
}
