// Service records: written from attendance, confirmed by the leader, accepted (验收) or returned by the community,
// corrected only by new records. Acceptance emits the event the points ledger consumes, exactly once per record.
import { recordAudit } from '../../platform/audit.js';
import { chinaDateTime, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import { type Actor, can, reachesOf } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { homeNodeOf } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { getVolunteering, starLevel } from '../settings/index.js';
import { listVolunteershipsOf, lockVolunteerOf } from '../volunteers/index.js';
import { activityFacts } from './records.ports.js';
import * as repo from './records.repository.js';
import {
  serviceRecordAccepted,
  serviceRecordConfirmed,
  serviceRecordReturned,
  serviceRecordSuperseded,
} from './records.events.js';
import { canSettleRecord, nextRecordState, type RecordAction, type RecordState } from './records.rules.js';
import type { MyHours } from './records.schemas.js';

export interface ServiceRecord {
  id: string;
  districtId: string;
  /** Null for service recorded after the fact (no activity). */
  activityId: string | null;
  activityTitle: string;
  category: string;
  userId: string;
  displayName: string;
  volunteerNo: string | null;
  communityId: string;
  communityName: string;
  teamId: string | null;
  teamName: string | null;
  serviceDate: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  status: RecordState;
  isBackfill: boolean;
  note: string | null;
  correctsId: string | null;
  correctionReason: string | null;
  returnedReason: string | null;
  confirmedAt: string | null;
  acceptedAt: string | null;
  createdAt: string;
  beneficiaries: string | null;
  canConfirm: boolean;
  canAccept: boolean;
  /** Recorded by staff after the fact (补记), with the place and who can vouch. */
  afterTheFact: boolean;
  place: string | null;
  vouchedBy: string | null;
}

/** The leader of the activity's team, or community staff, may confirm; community staff accept. */
function canConfirm(
  actor: Actor,
  r: { leader_user_id: string | null; district_id: string; community_path: string },
): boolean {
  return (
    r.leader_user_id === actor.userId ||
    can(actor, 'activity.manage', { districtId: r.district_id, path: r.community_path })
  );
}

function canAccept(actor: Actor, r: { district_id: string; community_path: string }): boolean {
  return can(actor, 'record.accept', { districtId: r.district_id, path: r.community_path });
}

export function toRecord(actor: Actor, r: repo.RecordRow): ServiceRecord {
  return {
    id: r.id,
    districtId: r.district_id,
    activityId: r.activity_id,
    activityTitle: r.title,
    category: r.category,
    userId: r.user_id,
    displayName: r.display_name,
    volunteerNo: r.volunteer_no,
    communityId: r.community_id,
    communityName: r.community_name,
    teamId: r.team_id,
    teamName: r.team_name,
    serviceDate: r.service_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    minutes: r.minutes,
    status: r.status as RecordState,
    isBackfill: r.is_backfill === 1,
    note: r.note,
    correctsId: r.corrects_id,
    correctionReason: r.correction_reason,
    returnedReason: r.returned_reason,
    confirmedAt: r.confirmed_at,
    acceptedAt: r.accepted_at,
    createdAt: r.created_at,
    beneficiaries: r.beneficiaries,
    canConfirm: canConfirm(actor, r),
    canAccept: canAccept(actor, r),
    afterTheFact: r.after_the_fact === 1,
    place: r.place,
    vouchedBy: r.vouched_by,
  };
}

export interface ActivityFacts {
  district_id: string;
  id: string;
  community_id: string;
  team_id: string | null;
  starts_at: string;
  ends_at: string;
}

/**
 * Writes (or refreshes, while still pending) a person's record for an activity from attendance, inside the
 * caller's transaction, applying the district's daily cap. Confirmed or accepted records are never touched.
 */
export async function writeAttendanceRecord(
  deps: Deps,
  trx: Executor,
  a: ActivityFacts,
  userId: string,
  minutes: number,
  opts: { isBackfill: boolean; note: string | null; createdBy: string; serviceDate: string },
): Promise<string | null> {
  const settings = await getVolunteering(trx, a.district_id);
  // The same per-volunteer lock as service recorded after the fact: the day's minutes are read and written by one
  // transaction at a time, so an attendance record and a 补记 entry for the same day cannot both pass the cap.
  await lockVolunteerOf(trx, a.district_id, userId);
  const used = await repo.minutesOnDay(trx, a.district_id, userId, opts.serviceDate, a.id);
  const capped = Math.max(0, Math.min(minutes, settings.dailyCapMinutes - used));
  const now = iso(deps.clock.now());
  const live = await repo.findLiveRecord(trx, a.district_id, a.id, userId);
  // A stay under the 15-minute minimum (or a day already at its cap) leaves no 0-minute record for one-tap
  // confirmation; a pending record it replaces is voided.
  if (capped <= 0) {
    if (live?.status === 'pending')
      await repo.updateRecordIf(trx, a.district_id, live.id, 'pending', { status: 'voided', updated_at: now });
    return live && live.status !== 'pending' ? live.id : null;
  }
  if (live) {
    if (live.status !== 'pending') return live.id;
    await repo.updateRecord(trx, a.district_id, live.id, {
      minutes: capped,
      is_backfill: opts.isBackfill ? 1 : 0,
      note: opts.note,
      updated_at: now,
    });
    return live.id;
  }
  const id = newId();
  await repo.insertRecord(trx, {
    district_id: a.district_id,
    id,
    activity_id: a.id,
    user_id: userId,
    community_id: a.community_id,
    team_id: a.team_id,
    service_date: opts.serviceDate,
    minutes: capped,
    status: 'pending',
    is_backfill: opts.isBackfill ? 1 : 0,
    note: opts.note,
    corrects_id: null,
    correction_reason: null,
    confirmed_by: null,
    confirmed_at: null,
    accepted_by: null,
    accepted_at: null,
    returned_reason: null,
    created_by: opts.createdBy,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** A record row by id (for other modules presenting a record they caused). */
export function findRecord(db: Executor, id: string) {
  return repo.findRecordById(db, id);
}

/** Whether a person already has a live record for an activity. */
export function findLiveRecord(db: Executor, districtId: string, activityId: string, userId: string) {
  return repo.findLiveRecord(db, districtId, activityId, userId);
}

async function transition(
  deps: Deps,
  actor: Actor,
  ids: string[],
  action: Exclude<RecordAction, 'correct' | 'void'>,
  reason: string | null,
): Promise<ServiceRecord[]> {
  const unique = [...new Set(ids)];
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const rows = await repo.findRecordsByIds(trx, unique);
    const now = iso(deps.clock.now());
    for (const id of unique) {
      const r = rows.find((x) => x.id === id);
      const allowed =
        r &&
        (action === 'accept'
          ? canAccept(actor, r)
          : action === 'confirm'
            ? canConfirm(actor, r)
            : r.status === 'confirmed'
              ? canAccept(actor, r)
              : canConfirm(actor, r));
      if (!r || !allowed) throw notFound('service_record');
      // Re-accepting (or re-confirming) what is already there is a no-op, so retries are safe.
      if ((action === 'accept' && r.status === 'accepted') || (action === 'confirm' && r.status === 'confirmed'))
        continue;
      const next = nextRecordState(r.status as RecordState, action);
      if (!next) throw new AppError('RECORD_STATE', { status: r.status, action });
      if (action !== 'return' && !canSettleRecord({ endsAt: r.ends_at }, deps.clock.now())) {
        throw new AppError('ACTIVITY_NOT_ENDED', { time: chinaDateTime(r.ends_at), action });
      }
      const patch: Parameters<typeof repo.updateRecord>[3] = { status: next, updated_at: now };
      if (action === 'confirm') Object.assign(patch, { confirmed_by: actor.userId, confirmed_at: now });
      if (action === 'accept') Object.assign(patch, { accepted_by: actor.userId, accepted_at: now });
      if (action === 'return') patch.returned_reason = reason;
      if (!(await repo.updateRecordIf(trx, r.district_id, r.id, r.status, patch))) {
        // Another transaction moved it first (a retry that raced, or the person was marked absent meanwhile).
        const now2 = await repo.findRecordById(trx, r.id);
        if (now2?.status === next && action !== 'return') continue;
        throw new AppError('RECORD_STATE', { status: now2?.status ?? r.status, action });
      }
      if (action === 'accept') {
        await serviceRecordAccepted.emit(trx, deps.clock, {
          districtId: r.district_id,
          refId: r.id,
          payload: {
            recordId: r.id,
            userId: r.user_id,
            minutes: r.minutes,
            activityId: r.activity_id,
            activityTitle: r.title,
            category: r.category,
            communityId: r.community_id,
            teamId: r.team_id,
            pointsPerHour: r.points_per_hour,
            serviceDate: r.service_date,
          },
        });
      }
      if (action === 'confirm')
        await serviceRecordConfirmed.emit(trx, deps.clock, {
          districtId: r.district_id,
          refId: r.id,
          payload: { recordId: r.id, activityId: r.activity_id, activityTitle: r.title, communityId: r.community_id },
        });
      if (action === 'return')
        await serviceRecordReturned.emit(trx, deps.clock, {
          districtId: r.district_id,
          refId: newId(),
          payload: {
            recordId: r.id,
            userId: r.user_id,
            activityTitle: r.title,
            minutes: r.minutes,
            reason: reason ?? '',
          },
        });
      await recordAudit(trx, deps.clock, actor, {
        districtId: r.district_id,
        action: `record.${action}`,
        targetType: 'service_record',
        targetId: r.id,
        scopeNodeId: r.community_id,
        scopePath: r.community_path,
        details: {
          userId: r.user_id,
          minutes: r.minutes,
          activityId: r.activity_id,
          reason,
          ...(r.after_the_fact === 1 ? { afterTheFact: true } : {}),
        },
      });
    }
    return (await repo.findRecordsByIds(trx, unique)).map((r) => toRecord(actor, r));
  });
}

/** The leader confirms the hours of records. */
export function confirmServiceRecords(deps: Deps, actor: Actor, ids: string[]) {
  return transition(deps, actor, ids, 'confirm', null);
}

/** The community accepts the quality of confirmed records; only accepted hours count and earn points. */
export function acceptServiceRecords(deps: Deps, actor: Actor, ids: string[]) {
  return transition(deps, actor, ids, 'accept', null);
}

/** The leader (pending) or community (confirmed) returns records with a reason. */
export async function returnServiceRecords(deps: Deps, actor: Actor, ids: string[], reason: string) {
  if (!reason.trim()) throw new AppError('REASON_REQUIRED');
  return transition(deps, actor, ids, 'return', reason.trim());
}

/** A correction: a new pending record referencing the old one, which becomes superseded. */
export async function correctServiceRecord(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { minutes: number; reason: string },
): Promise<ServiceRecord> {
  if (!input.reason.trim()) throw new AppError('REASON_REQUIRED');
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const r = await repo.findRecordById(trx, id);
    // Accepted records are corrected by the community; returned ones by whoever may confirm.
    const allowed = r && (r.status === 'accepted' ? canAccept(actor, r) : canConfirm(actor, r));
    if (!r || !allowed) throw notFound('service_record');
    const next = nextRecordState(r.status as RecordState, 'correct');
    if (!next) throw new AppError('RECORD_STATE', { status: r.status, action: 'correct' });
    const duration = Math.floor((new Date(r.ends_at).getTime() - new Date(r.starts_at).getTime()) / 60000);
    if (input.minutes > duration) throw new AppError('BACKFILL_TOO_LONG', { max: duration });
    const now = iso(deps.clock.now());
    if (!(await repo.updateRecordIf(trx, r.district_id, r.id, r.status, { status: next, updated_at: now }))) {
      throw new AppError('RECORD_STATE', {
        status: (await repo.findRecordById(trx, r.id))?.status ?? r.status,
        action: 'correct',
      });
    }
    const newIdValue = newId();
    await repo.insertRecord(trx, {
      district_id: r.district_id,
      id: newIdValue,
      activity_id: r.activity_id,
      user_id: r.user_id,
      community_id: r.community_id,
      team_id: r.team_id,
      service_date: r.service_date,
      minutes: input.minutes,
      status: 'pending',
      is_backfill: r.is_backfill,
      note: r.note,
      corrects_id: r.id,
      correction_reason: input.reason.trim(),
      confirmed_by: null,
      confirmed_at: null,
      accepted_by: null,
      accepted_at: null,
      returned_reason: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      // Service recorded after the fact keeps what it was (no activity to say it).
      after_the_fact: r.after_the_fact,
      category: r.activity_id ? null : r.category,
      place: r.place,
      content: r.content,
      vouched_by: r.vouched_by,
    });
    if (r.status === 'accepted') {
      await serviceRecordSuperseded.emit(trx, deps.clock, {
        districtId: r.district_id,
        refId: r.id,
        payload: {
          recordId: r.id,
          replacedBy: newIdValue,
          userId: r.user_id,
          minutes: r.minutes,
          reason: input.reason.trim(),
        },
      });
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: r.district_id,
      action: 'record.correct',
      targetType: 'service_record',
      targetId: r.id,
      scopeNodeId: r.community_id,
      scopePath: r.community_path,
      details: {
        newRecordId: newIdValue,
        fromMinutes: r.minutes,
        toMinutes: input.minutes,
        reason: input.reason.trim(),
      },
    });
    return toRecord(actor, (await repo.findRecordById(trx, newIdValue))!);
  });
}

/**
 * A person marked absent keeps no record of the activity: pending, confirmed and returned records are voided; an
 * accepted one is superseded by a voided 0-minute replacement, which emits the event the ledger reverses points on.
 * Runs in the caller's transaction; each move is conditional, so an acceptance racing the mark is caught and
 * superseded instead. Returns the records voided or superseded.
 */
export async function voidRecordsOf(
  deps: Deps,
  trx: Executor,
  actor: Actor,
  a: { districtId: string; activityId: string; userId: string; reason: string },
): Promise<string[]> {
  const done: string[] = [];
  for (let round = 0; round < 3; round++) {
    const open = await repo.findOpenRecordsOf(trx, a.districtId, a.activityId, a.userId);
    if (open.length === 0) return done;
    for (const r of open) {
      const now = iso(deps.clock.now());
      if (r.status !== 'accepted') {
        if (!(await repo.updateRecordIf(trx, r.district_id, r.id, r.status, { status: 'voided', updated_at: now })))
          continue;
        await recordAudit(trx, deps.clock, actor, {
          districtId: r.district_id,
          action: 'record.void',
          targetType: 'service_record',
          targetId: r.id,
          scopeNodeId: r.community_id,
          scopePath: r.community_path,
          details: {
            userId: r.user_id,
            minutes: r.minutes,
            activityId: r.activity_id,
            fromStatus: r.status,
            reason: a.reason,
          },
        });
      } else {
        if (
          !(await repo.updateRecordIf(trx, r.district_id, r.id, 'accepted', { status: 'superseded', updated_at: now }))
        )
          continue;
        const replacement = newId();
        await repo.insertRecord(trx, {
          district_id: r.district_id,
          id: replacement,
          activity_id: r.activity_id,
          user_id: r.user_id,
          community_id: r.community_id,
          team_id: r.team_id,
          service_date: r.service_date,
          minutes: 0,
          status: 'voided',
          is_backfill: r.is_backfill,
          note: r.note,
          corrects_id: r.id,
          correction_reason: a.reason,
          confirmed_by: null,
          confirmed_at: null,
          accepted_by: null,
          accepted_at: null,
          returned_reason: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await serviceRecordSuperseded.emit(trx, deps.clock, {
          districtId: r.district_id,
          refId: r.id,
          payload: { recordId: r.id, replacedBy: replacement, userId: r.user_id, minutes: r.minutes, reason: a.reason },
        });
        await recordAudit(trx, deps.clock, actor, {
          districtId: r.district_id,
          action: 'record.correct',
          targetType: 'service_record',
          targetId: r.id,
          scopeNodeId: r.community_id,
          scopePath: r.community_path,
          details: { newRecordId: replacement, fromMinutes: r.minutes, toMinutes: 0, reason: a.reason },
        });
      }
      done.push(r.id);
    }
  }
  return done;
}

export interface RecordQuery {
  mine?: boolean;
  status?: RecordState;
  activityId?: string;
  teamId?: string;
  communityId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Records the actor may see: their own (mine), their teams' (leaders), their communities' (staff). */
export async function listServiceRecords(
  deps: Deps,
  actor: Actor,
  q: RecordQuery,
): Promise<CountedPage<ServiceRecord>> {
  const limit = q.limit ?? 20;
  let communityPath: string | undefined;
  if (q.communityId) {
    const c = await findNode(deps.db, q.communityId);
    if (!c) throw notFound('org_node');
    communityPath = c.path;
  }
  const staff = reachesOf(actor, 'activity.manage');
  const filter = {
    reaches: q.mine ? [] : staff,
    leaderOf: q.mine ? null : actor.userId,
    userId: q.mine ? actor.userId : undefined,
    status: q.status,
    activityId: q.activityId,
    teamId: q.teamId,
    communityPath,
    from: q.from,
    to: q.to,
  };
  const rows = await repo.listRecords(deps.db, { ...filter, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const total = await countRows(repo.recordsFiltered(deps.db, filter));
  return withTotal(
    toPage(
      rows,
      limit,
      (r) => r.id,
      (r) => toRecord(actor, r),
    ),
    total,
  );
}

/** Accepted and pending hours, star level and distance to the next level, per district the person volunteers in. */
export async function getMyHours(deps: Deps, actor: Actor): Promise<MyHours> {
  const vols = await listVolunteershipsOf(deps.db, actor.userId);
  const items: MyHours['items'] = [];
  for (const v of vols) {
    const m = await repo.minutesByState(deps.db, v.district_id, actor.userId);
    const accepted = m.get('accepted') ?? 0;
    const thresholds = (await getVolunteering(deps.db, v.district_id)).starThresholdsHours;
    const level = starLevel(accepted, thresholds);
    items.push({
      districtId: v.district_id,
      volunteerId: v.id,
      volunteerNo: v.volunteer_no,
      acceptedMinutes: accepted,
      pendingMinutes: (m.get('pending') ?? 0) + (m.get('confirmed') ?? 0),
      starLevel: level,
      nextLevelHours: thresholds[level] ?? null,
    });
  }
  return { items };
}

/** Rates an activity (participants) or its service (residents of its community, beneficiaries). */
export async function rateService(
  deps: Deps,
  actor: Actor,
  activityId: string,
  input: { target: 'service' | 'activity'; score: number; comment?: string | null },
) {
  return inTransaction(deps.db, async ({ trx }) => {
    const a = await activityFacts.get().find(trx, activityId);
    if (!a || a.status !== 'published') throw notFound('activity');
    if (iso(deps.clock.now()) < a.starts_at) throw new AppError('RATING_NOT_ALLOWED');
    const took = await repo.participated(trx, a.district_id, a.id, actor.userId);
    if (input.target === 'activity' && !took) throw new AppError('RATING_NOT_ALLOWED');
    if (input.target === 'service') {
      const me = await homeNodeOf(trx, actor.userId);
      const lives = !!me?.path && me.path.startsWith(a.community_path);
      if (took || !lives) throw new AppError('RATING_NOT_ALLOWED');
    }
    if (await repo.findRating(trx, a.district_id, a.id, actor.userId, input.target))
      throw new AppError('RATING_DUPLICATE');
    await repo.insertRating(trx, {
      district_id: a.district_id,
      id: newId(),
      activity_id: a.id,
      team_id: a.team_id,
      rater_user_id: actor.userId,
      target: input.target,
      score: input.score,
      comment: input.comment ?? null,
      created_at: iso(deps.clock.now()),
    });
    return { summary: await repo.ratingSummary(trx, a.district_id, a.id) };
  });
}

/** Rating averages of an activity and which targets the viewer has rated. */
export async function getActivityRatings(deps: Deps, actor: Actor, activityId: string) {
  const a = await activityFacts.get().find(deps.db, activityId);
  if (!a || a.status !== 'published') throw notFound('activity');
  const mine = await deps.db
    .selectFrom('ratings')
    .select('target')
    .where('district_id', '=', a.district_id)
    .where('activity_id', '=', a.id)
    .where('rater_user_id', '=', actor.userId)
    .execute();
  return { summary: await repo.ratingSummary(deps.db, a.district_id, a.id), mine: mine.map((m) => m.target) };
}
