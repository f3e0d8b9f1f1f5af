// Invitations and tasks: staff invite volunteers from the ranked list (the need → dispatched); volunteers accept or
// decline on the phone and the first to accept, up to the places, get the task (the need → matched when full; later
// ones are told 名额已满，谢谢您); the volunteer taps 开始 / 完成 (the need → in service); the requester or staff confirm
// it done (completeNeed), which writes one confirmed service record per volunteer who served, through the records
// module, to be accepted in the community's usual queue (hours and points then follow the usual rules).
//
// Concurrency: every change to a need's task takes the need_tasks row first (claimPlace's conditional UPDATE, or
// lockTask), so acceptances, starts and completion of one need run one at a time on PostgreSQL and read the need's
// current version after the lock.
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { type Locale, MATCH_REASON_TEXTS, translate } from '../../platform/messages.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor, type Tx } from '../../db/transaction.js';
import { writeNeedServiceRecord } from '../records/index.js';
import { getNeedSettings, getVolunteering } from '../settings/index.js';
import { invitationAnswered, needInvited } from './invitations.events.js';
import * as repo from './invitations.repository.js';
import type { MatchFactor, MatchReason } from './matching.rules.js';
import { becauseText, scoreVolunteersFor } from './matching.service.js';
import { canManageNeed, scopePathOf } from './needs.policy.js';
import { findNeedById, type NeedRow } from './needs.repository.js';
import type { NeedState } from './needs.rules.js';
import { findManagedNeed, findNeedInScope, transitionNeed } from './needs.service.js';

/** Minutes credited for a quick task at most (15-minute micro-services; the flag allows up to 30). */
export const QUICK_TASK_MAX_MINUTES = 30;

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'full' | 'withdrawn';

export interface NeedInvitation {
  id: string;
  needId: string;
  userId: string;
  volunteerName: string;
  status: InvitationStatus;
  score: number;
  factors: Record<MatchFactor, number>;
  because: string;
  invitedAt: string;
  answeredAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  minutes: number | null;
  recordId: string | null;
}

export interface NeedInvitations {
  needId: string;
  needStatus: NeedState;
  quick: boolean;
  peopleNeeded: number;
  acceptedCount: number;
  completedAt: string | null;
  items: NeedInvitation[];
}

export interface MyInvitation {
  id: string;
  needId: string;
  title: string;
  description: string;
  categoryName: string;
  communityName: string;
  urgency: string;
  /** Where to go: only once the task is yours, or when the need is public. */
  place: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  quick: boolean;
  peopleNeeded: number;
  acceptedCount: number;
  status: InvitationStatus;
  needStatus: NeedState;
  because: string;
  invitedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  minutes: number | null;
  canAnswer: boolean;
  canStart: boolean;
  canFinish: boolean;
}

export interface RespondResult {
  gotTask: boolean;
  message: string;
  invitation: MyInvitation;
}

function parseReasons(json: string): MatchReason[] {
  return JSON.parse(json) as MatchReason[];
}

function toNeedInvitation(r: repo.InvitationRow, locale: Locale): NeedInvitation {
  return {
    id: r.id,
    needId: r.need_id,
    userId: r.user_id,
    volunteerName: r.volunteer_name,
    status: r.status as InvitationStatus,
    score: r.score,
    factors: JSON.parse(r.factors) as Record<MatchFactor, number>,
    because: becauseText(parseReasons(r.reasons), locale),
    invitedAt: r.invited_at,
    answeredAt: r.answered_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    minutes: r.minutes,
    recordId: r.record_id,
  };
}

async function toMyInvitations(db: Executor, rows: repo.InvitationView[], locale: Locale): Promise<MyInvitation[]> {
  const names = new Map<string, Map<string, string>>();
  for (const d of new Set(rows.map((r) => r.district_id))) {
    const s = await getNeedSettings(db, d);
    names.set(d, new Map(s.categories.map((c) => [c.key, c.name])));
  }
  return rows.map((r) => {
    const status = r.status as InvitationStatus;
    const needStatus = r.need_status as NeedState;
    const mine = status === 'accepted';
    const open = needStatus === 'dispatched' || needStatus === 'matched' || needStatus === 'in_service';
    return {
      id: r.id,
      needId: r.need_id,
      title: r.need_title,
      description: r.need_description,
      categoryName: names.get(r.district_id)?.get(r.need_category) ?? r.need_category,
      communityName: r.community_name,
      urgency: r.need_urgency,
      place: mine || r.need_privacy === 'public' ? r.need_place : null,
      windowStart: r.need_window_start,
      windowEnd: r.need_window_end,
      quick: r.quick === 1,
      peopleNeeded: r.need_people_needed,
      acceptedCount: r.accepted_count ?? 0,
      status,
      needStatus,
      because: becauseText(parseReasons(r.reasons), locale),
      invitedAt: r.invited_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      minutes: r.minutes,
      canAnswer: status === 'pending' && (needStatus === 'dispatched' || needStatus === 'matched'),
      canStart: mine && open && !r.started_at,
      canFinish: mine && open && !!r.started_at && !r.finished_at,
    };
  });
}

async function myInvitation(db: Executor, id: string, locale: Locale): Promise<MyInvitation> {
  const row = await repo.findInvitationView(db, id);
  if (!row) throw notFound('need_invitation');
  const [one] = await toMyInvitations(db, [row], locale);
  if (!one) throw notFound('need_invitation');
  return one;
}

/** The need with its current version, read after the task lock. */
async function freshNeed(trx: Tx, id: string): Promise<NeedRow> {
  const need = await findNeedById(trx, id);
  if (!need) throw notFound('need');
  return need;
}

export interface InviteInput {
  userIds: string[];
  /** A quick task (15-minute micro-service): one tap to accept, at most 30 minutes credited. */
  quick?: boolean;
}

/**
 * Staff invite volunteers from the ranked list: each invitee is re-checked (approved, in the actor's scope, in the
 * need's street) and their score and reasons are kept on the invitation. The need moves triaged → dispatched.
 * Inviting someone already invited is a no-op for them.
 */
export async function inviteVolunteers(
  deps: Deps,
  actor: Actor,
  needId: string,
  input: InviteInput,
  locale: Locale,
): Promise<NeedInvitations> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    let need = await findManagedNeed(trx, actor, needId);
    if (need.status !== 'triaged' && need.status !== 'dispatched') {
      throw new AppError('NEED_STATE', { status: `need_${need.status}`, action: 'need_to_dispatched' });
    }
    const wanted = [...new Set(input.userIds)];
    const { scored } = await scoreVolunteersFor(deps, trx, actor, need, { top: wanted.length, onlyUserIds: wanted });
    if (scored.length !== wanted.length) throw notFound('volunteer');
    const now = iso(deps.clock.now());
    const task = await repo.lockTask(trx, need.district_id, need.id);
    const quick = input.quick ? 1 : 0;
    if (!task) {
      await repo.insertTask(trx, {
        district_id: need.district_id,
        need_id: need.id,
        community_id: need.community_id,
        quick,
        people_needed: need.people_needed,
        accepted_count: 0,
        dispatched_by: actor.userId,
        dispatched_at: now,
        completed_by: null,
        completed_at: null,
        updated_at: now,
      });
    } else {
      await repo.updateTask(trx, need.district_id, need.id, { quick, updated_at: now });
    }
    const already = new Set((await repo.listInvitationsOfNeed(trx, need.district_id, need.id)).map((i) => i.user_id));
    const fresh = scored.filter((s) => !already.has(s.userId));
    const rows = fresh.map((s) => ({
      district_id: need.district_id,
      id: newId(),
      need_id: need.id,
      user_id: s.userId,
      volunteer_name: s.profile.nameMasked,
      status: 'pending',
      score: s.total,
      factors: JSON.stringify(s.factors),
      reasons: JSON.stringify(s.reasons),
      invited_by: actor.userId,
      invited_at: now,
      answered_at: null,
      started_at: null,
      finished_at: null,
      minutes: null,
      record_id: null,
      updated_at: now,
    }));
    await repo.insertInvitations(trx, rows);
    for (const r of rows) {
      await needInvited.emit(trx, deps.clock, {
        districtId: need.district_id,
        refId: r.id,
        payload: { invitationId: r.id, needId: need.id, userId: r.user_id, title: need.title },
      });
    }
    if (need.status === 'triaged') {
      need = await transitionNeed(trx, deps.clock, need, 'dispatched', { actorId: actor.userId, actor });
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: need.district_id,
      action: 'need.invite',
      targetType: 'need',
      targetId: need.id,
      scopeNodeId: need.grid_id ?? need.community_id,
      scopePath: scopePathOf(need),
      details: { invited: rows.map((r) => r.user_id), skipped: wanted.length - rows.length, quick: quick === 1 },
    });
    return needInvitationsOf(trx, need, locale);
  });
}

async function needInvitationsOf(db: Executor, need: NeedRow, locale: Locale): Promise<NeedInvitations> {
  const task = await repo.findTask(db, need.district_id, need.id);
  const rows = await repo.listInvitationsOfNeed(db, need.district_id, need.id);
  return {
    needId: need.id,
    needStatus: need.status as NeedState,
    quick: task?.quick === 1,
    peopleNeeded: task?.people_needed ?? need.people_needed,
    acceptedCount: task?.accepted_count ?? 0,
    completedAt: task?.completed_at ?? null,
    items: rows.map((r) => toNeedInvitation(r, locale)),
  };
}

/** A need's invitations and their answers (staff in scope). */
export async function listNeedInvitations(
  deps: Deps,
  actor: Actor,
  needId: string,
  locale: Locale,
): Promise<NeedInvitations> {
  const need = await findManagedNeed(deps.db, actor, needId);
  return needInvitationsOf(deps.db, need, locale);
}

/** The actor's invitations: pending ones to answer, tasks they took, and recent answers. */
export async function listMyInvitations(
  deps: Deps,
  actor: Actor,
  q: { limit?: number },
  locale: Locale,
): Promise<{ items: MyInvitation[] }> {
  const rows = await repo.listInvitationsOfUser(
    deps.db,
    actor.userId,
    ['pending', 'accepted', 'full', 'declined'],
    q.limit ?? 50,
  );
  return { items: await toMyInvitations(deps.db, rows, locale) };
}

/**
 * A volunteer answers an invitation. Accepting takes a place if one is left (conditional UPDATE on the task's
 * counter, race-safe on PostgreSQL); the acceptance that fills the last place moves the need to matched. Accepting
 * after the places are gone answers gotTask false with 名额已满，谢谢您. Repeating the same answer returns it again.
 */
export async function respondInvitation(
  deps: Deps,
  actor: Actor,
  invitationId: string,
  accept: boolean,
  locale: Locale,
): Promise<RespondResult> {
  const outcome = await inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const inv = await repo.findInvitationView(trx, invitationId);
    if (!inv || inv.user_id !== actor.userId) throw notFound('need_invitation');
    const now = iso(deps.clock.now());
    const answered = async (gotTask: boolean) =>
      invitationAnswered.emit(trx, deps.clock, {
        districtId: inv.district_id,
        refId: inv.id,
        payload: { invitationId: inv.id, needId: inv.need_id, userId: inv.user_id, accepted: accept, gotTask },
      });
    if (inv.status !== 'pending') return repeatAnswer(inv.status, accept);
    if (inv.need_status !== 'dispatched' && inv.need_status !== 'matched') {
      throw new AppError('NEED_STATE', { status: `need_${inv.need_status}`, action: 'need_to_matched' });
    }
    if (!accept) {
      if (!(await repo.updateInvitationIf(trx, inv.district_id, inv.id, 'pending', declined(now))))
        return repeatAnswer(await currentStatus(trx, inv.id), accept);
      await answered(false);
      return 'declined' as const;
    }
    // The invitation first (a twin request of the same person waits here and then sees it answered), then the place.
    if (!(await repo.updateInvitationIf(trx, inv.district_id, inv.id, 'pending', accepted(now))))
      return repeatAnswer(await currentStatus(trx, inv.id), accept);
    if (!(await repo.claimPlace(trx, inv.district_id, inv.need_id, now))) {
      await repo.updateInvitation(trx, inv.district_id, inv.id, { status: 'full', updated_at: now });
      await answered(false);
      return 'full' as const;
    }
    await answered(true);
    const task = await repo.findTask(trx, inv.district_id, inv.need_id);
    const need = await freshNeed(trx, inv.need_id);
    if (task && task.accepted_count >= task.people_needed && need.status === 'dispatched') {
      await transitionNeed(trx, deps.clock, need, 'matched', { actorId: actor.userId, actor });
    }
    return 'accepted' as const;
  });
  const invitation = await myInvitation(deps.db, invitationId, locale);
  const key = outcome === 'accepted' ? 'got_task' : outcome;
  return { gotTask: outcome === 'accepted', message: translate(MATCH_REASON_TEXTS, key, locale), invitation };
}

function declined(now: string) {
  return { status: 'declined', answered_at: now, updated_at: now };
}

function accepted(now: string) {
  return { status: 'accepted', answered_at: now, updated_at: now };
}

async function currentStatus(trx: Tx, id: string): Promise<string> {
  return (await repo.findInvitationView(trx, id))?.status ?? 'withdrawn';
}

/** The same answer again returns what it got the first time; a different one is refused. */
function repeatAnswer(status: string, accept: boolean): 'accepted' | 'full' | 'declined' {
  if (accept && (status === 'accepted' || status === 'full')) return status;
  if (!accept && status === 'declined') return 'declined';
  throw new AppError('INVITATION_STATE', { status: `invitation_${status}` });
}

async function takenTask(trx: Tx, actor: Actor, invitationId: string): Promise<repo.InvitationView> {
  const inv = await repo.findInvitationView(trx, invitationId);
  if (!inv || inv.user_id !== actor.userId || inv.status !== 'accepted') throw notFound('need_invitation');
  await repo.lockTask(trx, inv.district_id, inv.need_id);
  return (await repo.findInvitationView(trx, invitationId)) ?? inv;
}

/** The volunteer taps 开始: the task's clock starts and the need is in service (a repeat changes nothing). */
export async function startNeedTask(
  deps: Deps,
  actor: Actor,
  invitationId: string,
  locale: Locale,
): Promise<MyInvitation> {
  await inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const inv = await takenTask(trx, actor, invitationId);
    if (inv.started_at) return;
    let need = await freshNeed(trx, inv.need_id);
    const now = iso(deps.clock.now());
    // Starting before every place is taken is fine: those who came are matched enough to begin.
    if (need.status === 'dispatched') {
      need = await transitionNeed(trx, deps.clock, need, 'matched', { actorId: actor.userId, actor });
    }
    if (need.status === 'matched') {
      need = await transitionNeed(trx, deps.clock, need, 'in_service', { actorId: actor.userId, actor });
    }
    if (need.status !== 'in_service') throw new AppError('TASK_STATE', { action: 'task_start' });
    await repo.updateInvitation(trx, inv.district_id, inv.id, { started_at: now, updated_at: now });
  });
  return myInvitation(deps.db, invitationId, locale);
}

/** The volunteer taps 完成: the task's clock stops; the need waits for the requester's (or staff's) confirmation. */
export async function finishNeedTask(
  deps: Deps,
  actor: Actor,
  invitationId: string,
  locale: Locale,
): Promise<MyInvitation> {
  await inTransaction(deps.db, async ({ trx }) => {
    const inv = await takenTask(trx, actor, invitationId);
    if (inv.finished_at) return;
    if (!inv.started_at) throw new AppError('TASK_NOT_STARTED');
    if (inv.need_status !== 'in_service') throw new AppError('TASK_STATE', { action: 'task_finish' });
    const now = iso(deps.clock.now());
    await repo.updateInvitation(trx, inv.district_id, inv.id, { finished_at: now, updated_at: now });
  });
  return myInvitation(deps.db, invitationId, locale);
}

export interface CompletedNeed {
  needId: string;
  status: NeedState;
  completedAt: string;
  /** The service records written, one per volunteer who served (minutes after the daily cap). */
  records: Array<{ userId: string; recordId: string | null; minutes: number }>;
}

/** The activity category a need's service record is filed under (便民服务 when the district has it). */
function recordCategory(activityCategories: readonly string[]): string {
  return activityCategories.find((c) => c === '便民服务') ?? activityCategories.at(-1) ?? '其他';
}

/** Minutes between start and finish (at least 1), at most QUICK_TASK_MAX_MINUTES for a quick task. */
export function taskMinutes(startedAt: string, finishedAt: string, quick: boolean): number {
  const m = Math.max(1, Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 60_000));
  return quick ? Math.min(m, QUICK_TASK_MAX_MINUTES) : m;
}

/**
 * The requester (on the phone) or staff confirm the need was done: the need → done, and one confirmed service record
 * per volunteer who started (minutes from 开始 to 完成, or to now if they never tapped 完成), capped by the district's
 * daily cap, waiting for the community's acceptance. Retry-safe: once completed, the same result is answered again.
 */
export async function completeNeed(deps: Deps, actor: Actor, needId: string): Promise<CompletedNeed> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const seen = await findNeedInScope(trx, actor, needId);
    const staff = canManageNeed(actor, seen);
    if (!staff && seen.requester_user_id !== actor.userId) throw notFound('need');
    const task = await repo.lockTask(trx, seen.district_id, seen.id);
    if (!task) throw new AppError('NEED_STATE', { status: `need_${seen.status}`, action: 'need_to_done' });
    const invitations = (await repo.listInvitationsOfNeed(trx, seen.district_id, seen.id)).filter(
      (i) => i.status === 'accepted',
    );
    const need = await freshNeed(trx, seen.id);
    if (task.completed_at) {
      return {
        needId: need.id,
        status: need.status as NeedState,
        completedAt: task.completed_at,
        records: invitations
          .filter((i) => i.started_at)
          .map((i) => ({ userId: i.user_id, recordId: i.record_id, minutes: i.minutes ?? 0 })),
      };
    }
    if (need.status !== 'in_service') {
      throw new AppError('NEED_STATE', { status: `need_${need.status}`, action: 'need_to_done' });
    }
    const served = invitations.filter((i) => i.started_at);
    if (served.length === 0) throw new AppError('NEED_NOTHING_SERVED');
    const now = iso(deps.clock.now());
    const settings = await getVolunteering(trx, need.district_id);
    const category = recordCategory(settings.activityCategories);
    const records: CompletedNeed['records'] = [];
    for (const i of served) {
      const startedAt = i.started_at ?? now;
      const finishedAt = i.finished_at ?? now;
      const minutes = taskMinutes(startedAt, finishedAt, task.quick === 1);
      const written = await writeNeedServiceRecord(deps, trx, {
        districtId: need.district_id,
        communityId: need.community_id,
        userId: i.user_id,
        serviceDate: chinaDate(startedAt),
        minutes,
        category,
        place: need.place,
        content: need.title,
        confirmedBy: actor.userId,
      });
      await repo.updateInvitation(trx, need.district_id, i.id, {
        finished_at: finishedAt,
        minutes: written?.minutes ?? 0,
        record_id: written?.id ?? null,
        updated_at: now,
      });
      records.push({ userId: i.user_id, recordId: written?.id ?? null, minutes: written?.minutes ?? 0 });
    }
    if (!(await repo.completeTask(trx, need.district_id, need.id, actor.userId, now)))
      throw new AppError('NEED_CHANGED');
    await transitionNeed(trx, deps.clock, need, 'done', { actorId: actor.userId, actor });
    await recordAudit(trx, deps.clock, actor, {
      districtId: need.district_id,
      action: 'need.complete',
      targetType: 'need',
      targetId: need.id,
      scopeNodeId: need.grid_id ?? need.community_id,
      scopePath: scopePathOf(need),
      details: { records, by: staff ? 'staff' : 'requester' },
      onBehalfOfId: staff && actor.userId !== need.requester_user_id ? need.requester_user_id : null,
    });
    return { needId: need.id, status: 'done', completedAt: now, records };
  });
}
