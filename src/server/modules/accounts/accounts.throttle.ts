// Progressive sign-in delays in the database (login_throttle), shared by every server process. The rules are pure
// (accounts.rules.ts); here each failure is counted with a compare-and-set, so concurrent attempts lose no count.
import { randomInt } from 'node:crypto';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Executor } from '../../db/transaction.js';
import * as repo from './accounts.repository.js';
import {
  afterFailure,
  delayMinutes,
  lockMinutesLeft,
  type ThrottleKind,
  type ThrottleState,
} from './accounts.rules.js';

const EPOCH = '1970-01-01T00:00:00.000Z';
const MAX_TRIES = 50;
/** One attempt in this many also purges quiet rows. */
const PURGE_ONE_IN = 200;

/** The throttle key of a phone number's blind index (the same for a registered number and an unknown one). */
export const phoneKey = (phoneIndex: string) => `phone:${phoneIndex}`;
const ipKey = (ip: string) => `ip:${ip}`;

const stateOf = (r: repo.ThrottleRow): ThrottleState => ({
  failures: r.failures,
  lastFailureAt: r.last_failure_at,
  blockedUntil: r.blocked_until,
});

async function read(db: Executor, key: string): Promise<repo.ThrottleRow> {
  await repo.ensureThrottle(db, key, EPOCH);
  const [row] = await repo.findThrottles(db, [key]);
  if (!row) throw new Error(`login_throttle row ${key} vanished`);
  return row;
}

/** Counts one failure against a key; returns the new state. Retries when another process counted in between. */
async function countFailure(deps: Deps, key: string, kind: ThrottleKind, now: Date): Promise<ThrottleState> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await read(deps.db, key);
    const next = afterFailure(kind, stateOf(row), now);
    const changed = await repo.compareAndSetThrottle(deps.db, row, {
      failures: next.failures,
      last_failure_at: next.lastFailureAt,
      blocked_until: next.blockedUntil,
    });
    if (changed) return next;
  }
  throw new Error(`login_throttle ${key}: too much contention`);
}

export type Attempt =
  | { allowed: false; minutes: number }
  /** The attempt is counted in advance as a failure; `minutes` is the delay it set should the password be wrong. */
  | { allowed: true; minutes: number };

/**
 * Admits one sign-in attempt or refuses it. A phone number or address under a delay: refused without looking at the
 * password, counted against the address only. Otherwise the attempt is counted against both before the password is
 * checked (so a burst of parallel guesses cannot slip past the free count); a success takes it back (succeeded).
 */
export async function admitAttempt(
  deps: Deps,
  phoneIndex: string,
  ip: string | undefined,
  now: Date,
): Promise<Attempt> {
  const pKey = phoneKey(phoneIndex);
  // Now and then, rows quiet for a day go: by then every count has decayed to nothing (rules: maxFailures).
  if (randomInt(PURGE_ONE_IN) === 0) await repo.purgeQuietThrottles(deps.db, iso(new Date(now.getTime() - 86_400_000)));
  for (let i = 0; i < MAX_TRIES; i++) {
    const phone = await read(deps.db, pKey);
    const addr = ip ? await read(deps.db, ipKey(ip)) : undefined;
    const waitPhone = lockMinutesLeft(phone.blocked_until, now);
    const waitIp = lockMinutesLeft(addr?.blocked_until, now);
    if (waitPhone > 0 || waitIp > 0) {
      const ipState = ip ? await countFailure(deps, ipKey(ip), 'ip', now) : undefined;
      return { allowed: false, minutes: Math.max(waitPhone, lockMinutesLeft(ipState?.blockedUntil, now)) };
    }
    const next = afterFailure('phone', stateOf(phone), now);
    const reserved = await repo.compareAndSetThrottle(deps.db, phone, {
      failures: next.failures,
      last_failure_at: next.lastFailureAt,
      blocked_until: next.blockedUntil,
    });
    if (!reserved) continue; // another attempt on this number counted first: look again
    const ipState = ip ? await countFailure(deps, ipKey(ip), 'ip', now) : undefined;
    return {
      allowed: true,
      minutes: Math.max(lockMinutesLeft(next.blockedUntil, now), lockMinutesLeft(ipState?.blockedUntil, now)),
    };
  }
  throw new Error('login_throttle: too much contention');
}

/** The password was right: the number's failures are forgotten and the address's advance count taken back. */
export async function attemptSucceeded(deps: Deps, phoneIndex: string, ip: string | undefined): Promise<void> {
  await repo.deleteThrottle(deps.db, phoneKey(phoneIndex));
  if (!ip) return;
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await read(deps.db, ipKey(ip));
    if (row.failures === 0) return;
    const failures = row.failures - 1;
    const changed = await repo.compareAndSetThrottle(deps.db, row, {
      failures,
      last_failure_at: row.last_failure_at,
      blocked_until: delayMinutes('ip', failures) > 0 ? row.blocked_until : null,
    });
    if (changed) return;
  }
}

/** When each of these phone numbers' delay ends (blind index → ISO time), for the people list; running delays only. */
export async function delaysOf(db: Executor, phoneIndexes: string[], now: Date): Promise<Map<string, string>> {
  const rows = await repo.findThrottles(db, phoneIndexes.map(phoneKey));
  const out = new Map<string, string>();
  for (const r of rows)
    if (r.blocked_until && r.blocked_until > iso(now)) out.set(r.key.slice('phone:'.length), r.blocked_until);
  return out;
}
