// Service given for a need (a quick task or any dispatched need), written when the requester or staff confirm it was
// done: an ordinary service record without an activity, already confirmed (the confirmation is the requester's or
// staff's), under the same daily cap as every record, waiting in the community's acceptance queue. Acceptance emits
// the same 'service_record.accepted' event the ledger earns from, so hours and points follow the usual rules.
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../../db/transaction.js';
import { getVolunteering } from '../settings/index.js';
import { lockVolunteerOf } from '../volunteers/index.js';
import * as repo from './records.repository.js';

export interface NeedServiceInput {
  districtId: string;
  communityId: string;
  userId: string;
  /** YYYY-MM-DD, China time: the day the service was given. */
  serviceDate: string;
  minutes: number;
  /** An activity category (the ledger's category multipliers apply to it). */
  category: string;
  place: string;
  /** What was done (the need's title): the record's title in lists and the journal's reason. */
  content: string;
  /** Who confirmed it was done (the requester or staff). */
  confirmedBy: string;
}

/**
 * Writes a confirmed record for service given for a need inside the caller's transaction, capped by what the day
 * still allows (every record of the day counts). Returns null when the day is already full or minutes are zero.
 */
export async function writeNeedServiceRecord(
  deps: Deps,
  trx: Executor,
  input: NeedServiceInput,
): Promise<{ id: string; minutes: number } | null> {
  const settings = await getVolunteering(trx, input.districtId);
  // The same lock as attendance and 补记, so two writes for one person cannot pass the daily cap together.
  await lockVolunteerOf(trx, input.districtId, input.userId);
  const used = await repo.minutesOnDay(trx, input.districtId, input.userId, input.serviceDate, '');
  const minutes = Math.max(0, Math.min(input.minutes, settings.dailyCapMinutes - used));
  if (minutes === 0) return null;
  const id = newId();
  const now = iso(deps.clock.now());
  await repo.insertRecord(trx, {
    district_id: input.districtId,
    id,
    activity_id: null,
    user_id: input.userId,
    community_id: input.communityId,
    team_id: null,
    service_date: input.serviceDate,
    minutes,
    status: 'confirmed',
    is_backfill: 0,
    note: null,
    corrects_id: null,
    correction_reason: null,
    confirmed_by: input.confirmedBy,
    confirmed_at: now,
    accepted_by: null,
    accepted_at: null,
    returned_reason: null,
    created_by: input.confirmedBy,
    created_at: now,
    updated_at: now,
    after_the_fact: 0,
    category: input.category,
    place: input.place,
    content: input.content,
    vouched_by: null,
  });
  return { id, minutes };
}
