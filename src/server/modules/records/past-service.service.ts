// Service that was never planned in the system — an elder helped at night, a rider's 15-minute errand, history from
// the paper 台账 — recorded by community staff after the fact. It becomes an ordinary pending service record without
// an activity, marked `after_the_fact`, under the same daily cap, and goes through the same confirm → accept flow
// (records.service.ts), whose acceptance emits the same 'service_record.accepted' event the ledger earns from
// (with activityId null and the description as activityTitle).
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { getVolunteering } from '../settings/index.js';
import { communityInScope, findApprovedVolunteer, lockVolunteerOf } from '../volunteers/index.js';
import * as repo from './records.repository.js';
import { type ServiceRecord, toRecord } from './records.service.js';

export interface PastServiceInput {
  userId: string;
  communityId: string;
  /** YYYY-MM-DD, China time; today or earlier. */
  serviceDate: string;
  minutes: number;
  category: string;
  place: string;
  /** What was done. */
  content: string;
  /** Who can vouch for it (name and how to reach them). */
  vouchedBy: string;
}

type Community = Awaited<ReturnType<typeof communityInScope>>;

/** Why a past-service entry cannot be written (checked before anything is written), or null. */
export async function checkPastService(
  deps: Deps,
  db: Executor,
  community: Community,
  input: Pick<PastServiceInput, 'userId' | 'serviceDate' | 'category'>,
): Promise<'not_volunteer' | 'future' | 'category' | null> {
  if (input.serviceDate > chinaDate(deps.clock.now())) return 'future';
  const settings = await getVolunteering(db, community.district_id);
  if (!settings.activityCategories.includes(input.category)) return 'category';
  if (!(await findApprovedVolunteer(db, community.district_id, input.userId))) return 'not_volunteer';
  return null;
}

/**
 * Writes a pending after-the-fact record inside the caller's transaction, capped like every record: minutes already
 * counted that day (any record, with or without an activity) leave what the district's daily cap allows.
 * Returns null when the day is already full.
 */
export async function writePastService(
  deps: Deps,
  trx: Executor,
  actor: Actor,
  community: Community,
  input: PastServiceInput,
  via: 'form' | 'import',
): Promise<{ id: string; minutes: number } | { full: { used: number; cap: number } }> {
  const settings = await getVolunteering(trx, community.district_id);
  // Two entries for one person at once (PostgreSQL) must not both fit under the cap: the second waits here.
  await lockVolunteerOf(trx, community.district_id, input.userId);
  // The same cap rule as writeAttendanceRecord; no activity to leave out, so every record of the day counts.
  const used = await repo.minutesOnDay(trx, community.district_id, input.userId, input.serviceDate, '');
  const minutes = Math.max(0, Math.min(input.minutes, settings.dailyCapMinutes - used));
  if (minutes === 0) return { full: { used, cap: settings.dailyCapMinutes } };
  const id = newId();
  const now = iso(deps.clock.now());
  await repo.insertRecord(trx, {
    district_id: community.district_id,
    id,
    activity_id: null,
    user_id: input.userId,
    community_id: community.id,
    team_id: null,
    service_date: input.serviceDate,
    minutes,
    status: 'pending',
    is_backfill: 0,
    note: null,
    corrects_id: null,
    correction_reason: null,
    confirmed_by: null,
    confirmed_at: null,
    accepted_by: null,
    accepted_at: null,
    returned_reason: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    after_the_fact: 1,
    category: input.category,
    place: input.place,
    content: input.content,
    vouched_by: input.vouchedBy,
  });
  await recordAudit(trx, deps.clock, actor, {
    districtId: community.district_id,
    action: 'record.past_service',
    targetType: 'service_record',
    targetId: id,
    scopeNodeId: community.id,
    scopePath: community.path,
    details: {
      afterTheFact: true,
      userId: input.userId,
      serviceDate: input.serviceDate,
      minutes,
      requestedMinutes: input.minutes,
      category: input.category,
      place: input.place,
      content: input.content,
      vouchedBy: input.vouchedBy,
      via,
    },
  });
  return { id, minutes };
}

/** Community staff record service for a volunteer after the fact (补记); it then waits for confirmation. */
export async function recordPastService(deps: Deps, actor: Actor, input: PastServiceInput): Promise<ServiceRecord> {
  const community = await communityInScope(deps, actor, 'activity.manage', input.communityId);
  return inTransaction(deps.db, async ({ trx }) => {
    const problem = await checkPastService(deps, trx, community, input);
    if (problem === 'future') throw new AppError('SERVICE_DATE_FUTURE');
    if (problem === 'category') {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'category', message: `未知服务类别：${input.category}` }]);
    }
    if (problem === 'not_volunteer') throw notFound('volunteer');
    const written = await writePastService(deps, trx, actor, community, input, 'form');
    if ('full' in written) {
      throw new AppError('DAILY_CAP_REACHED', {
        date: input.serviceDate,
        used: written.full.used,
        cap: written.full.cap,
      });
    }
    return toRecord(actor, (await repo.findRecordById(trx, written.id))!);
  });
}
