// Writing notices, inside the caller's transaction: one per (recipient, kind, source key) — a consumer that runs
// twice or two that race write one — skipping people who muted the kind, and queueing one delivery per configured
// external channel for each notice actually written.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import type { Tx } from '../../db/transaction.js';
import { channelsFromConfig } from './notifications.channels.js';
import * as repo from './notifications.repository.js';
import { goesExternal, type NoticeKind, type Params, UNMUTABLE_KINDS } from './notifications.rules.js';

export interface NewNotice {
  districtId: string;
  userIds: string[];
  kind: NoticeKind;
  params: Params;
  link: string | null;
  refType: string | null;
  refId: string | null;
  /** The event id, or a scan key (e.g. "reminder:day:<activity>") for scheduled notices. */
  sourceKey: string;
  eventId: string | null;
}

/** Writes the notice for each recipient who has not muted its kind; returns how many were new. */
export async function addNotices(deps: Pick<Deps, 'clock' | 'config'>, trx: Tx, n: NewNotice): Promise<number> {
  const recipients = [...new Set(n.userIds)];
  const muted = UNMUTABLE_KINDS.includes(n.kind) ? new Set<string>() : await repo.listMuted(trx, recipients, n.kind);
  const now = iso(deps.clock.now());
  const channels = goesExternal(n.kind) ? channelsFromConfig(deps.config.notify) : [];
  let added = 0;
  for (const userId of recipients) {
    if (muted.has(userId)) continue;
    const id = newId();
    const inserted = await repo.insertNoticeOnce(trx, {
      district_id: n.districtId,
      id,
      user_id: userId,
      kind: n.kind,
      params: JSON.stringify(n.params),
      link: n.link,
      ref_type: n.refType,
      ref_id: n.refId,
      source_key: n.sourceKey,
      event_id: n.eventId,
      created_at: now,
      read_at: null,
    });
    if (!inserted) continue;
    added += 1;
    for (const c of channels) {
      await repo.insertDelivery(trx, {
        district_id: n.districtId,
        id: newId(),
        notice_id: id,
        user_id: userId,
        channel: c.name,
        status: 'pending',
        attempts: 0,
        last_error: null,
        next_attempt_at: now,
        provider_id: null,
        created_at: now,
        updated_at: now,
      });
    }
  }
  return added;
}
