// Sending queued deliveries through the external channels, with retries: each attempt is claimed first (so two
// workers never send the same attempt), a failure waits base × 2^(n−1) and is logged, and after the configured number
// of attempts the delivery is logged as failed. Only a provider's 2xx marks a delivery sent.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { findPhoneForSms } from '../accounts/index.js';
import { channelsFromConfig, type NotificationChannel } from './notifications.channels.js';
import * as repo from './notifications.repository.js';
import { type Params, renderNotice, retryDelayMs } from './notifications.rules.js';

/** How long an attempt holds its delivery before another worker may try it again (a crashed sender). */
const LEASE_MS = 5 * 60_000;

/** Sends every due delivery once; returns how many were sent. */
export async function deliverDue(
  deps: Deps,
  channels: NotificationChannel[] = channelsFromConfig(deps.config.notify),
): Promise<number> {
  const byName = new Map(channels.map((c) => [c.name, c]));
  let sent = 0;
  const due = await repo.listDueDeliveries(deps.db, iso(deps.clock.now()), 100);
  for (const d of due) {
    const now = deps.clock.now();
    if (!(await repo.claimAttempt(deps.db, d, iso(new Date(now.getTime() + LEASE_MS)), iso(now)))) continue;
    const attempt = d.attempts + 1;
    const channel = byName.get(d.channel);
    const notice = await repo.findNotice(deps.db, d.district_id, d.notice_id);
    const result =
      !channel || !notice
        ? {
            ok: false as const,
            error: channel ? 'notice missing' : `channel ${d.channel} is not configured`,
            permanent: true,
          }
        : await channel.send(
            {
              noticeId: notice.id,
              userId: notice.user_id,
              kind: notice.kind,
              link: notice.link,
              ...renderNotice(notice.kind, JSON.parse(notice.params) as Params, 'zh-CN'),
            },
            { phone: d.channel === 'sms' ? await findPhoneForSms(deps.db, deps.cipher, d.user_id) : null },
          );
    const at = iso(deps.clock.now());
    if (result.ok) {
      sent += 1;
      await repo.finishAttempt(
        deps.db,
        d,
        { status: 'sent', last_error: null, next_attempt_at: null, provider_id: result.providerId },
        at,
      );
    } else if (result.permanent || attempt >= deps.config.notify.maxAttempts) {
      await repo.finishAttempt(
        deps.db,
        d,
        { status: 'failed', last_error: result.error, next_attempt_at: null, provider_id: null },
        at,
      );
    } else {
      const next = new Date(deps.clock.now().getTime() + retryDelayMs(attempt, deps.config.notify.retryBaseMs));
      await repo.finishAttempt(
        deps.db,
        d,
        { status: 'pending', last_error: result.error, next_attempt_at: iso(next), provider_id: null },
        at,
      );
    }
  }
  return sent;
}
