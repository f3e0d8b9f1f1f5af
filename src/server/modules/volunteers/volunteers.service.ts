// Volunteer registration: apply on the phone, community review, volunteer number and card, profiles.
import { recordAudit } from '../../platform/audit.js';
import { chinaDayStart, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { onlyRow } from '../../platform/must.js';
import { nextCounter } from '../../platform/counters.js';
import { countRows, type CountedPage, decodeCursor, toPage } from '../../platform/pagination.js';
import { type Actor, authorize, can, reachesOf, type Permission } from '../../platform/permissions.js';
import { maskIdNumber, maskName, maskPhone } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { ensureRole } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { getVolunteering, starLevel } from '../settings/index.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { volunteerApplied, volunteerReviewed } from './volunteers.events.js';
import { serviceFacts } from './volunteers.ports.js';
import * as repo from './volunteers.repository.js';
import { type Availability, formatVolunteerNo, nextVolunteerState, type VolunteerState } from './volunteers.rules.js';

export interface Volunteer {
  id: string;
  districtId: string;
  userId: string;
  communityId: string;
  communityName: string;
  volunteerNo: string | null;
  status: VolunteerState;
  realNameMasked: string;
  idNumberMasked: string | null;
  phoneMasked: string;
  skills: string[];
  availability: Availability;
  homeGridId: string | null;
  homeGridName: string | null;
  bio: string | null;
  source: string;
  appliedAt: string;
  reviewedAt: string | null;
  rejectReason: string | null;
  acceptedMinutes: number;
  starLevel: number;
  ratingAverage: number | null;
}

/** Presents volunteer rows with their accepted minutes and star level. */
export async function presentVolunteers(deps: Deps, db: Executor, rows: repo.VolunteerRow[]): Promise<Volunteer[]> {
  const out: Volunteer[] = [];
  const byDistrict = new Map<string, repo.VolunteerRow[]>();
  for (const r of rows) byDistrict.set(r.district_id, [...(byDistrict.get(r.district_id) ?? []), r]);
  const minutes = new Map<string, number>();
  const thresholds = new Map<string, number[]>();
  for (const [districtId, list] of byDistrict) {
    const m = await serviceFacts.get().acceptedMinutes(
      db,
      districtId,
      list.map((r) => r.user_id),
    );
    for (const r of list) minutes.set(r.id, m.get(r.user_id) ?? 0);
    thresholds.set(districtId, (await getVolunteering(db, districtId)).starThresholdsHours);
  }
  for (const r of rows) {
    const accepted = minutes.get(r.id) ?? 0;
    out.push({
      id: r.id,
      districtId: r.district_id,
      userId: r.user_id,
      communityId: r.community_id,
      communityName: r.community_name,
      volunteerNo: r.volunteer_no,
      status: r.status as VolunteerState,
      realNameMasked: r.real_name_masked,
      idNumberMasked: r.id_number_masked,
      phoneMasked: maskPhone(deps.cipher.decrypt(r.phone_enc)),
      skills: JSON.parse(r.skills) as string[],
      availability: JSON.parse(r.availability) as Availability,
      homeGridId: r.home_grid_id,
      homeGridName: r.grid_name,
      bio: r.bio,
      source: r.source,
      appliedAt: r.applied_at,
      reviewedAt: r.reviewed_at,
      rejectReason: r.reject_reason,
      acceptedMinutes: accepted,
      starLevel: starLevel(accepted, thresholds.get(r.district_id)!),
      ratingAverage: null,
    });
  }
  return out;
}

/** Finds a community the actor may act on with a permission; NOT_FOUND otherwise. */
export async function communityInScope(
  deps: Deps | { db: Executor },
  actor: Actor,
  permission: Permission,
  communityId: string,
) {
  const node = await findNode(deps.db, communityId);
  if (!node || node.kind !== 'community' || node.archived_at) throw notFound('org_node');
  authorize(actor, permission, { districtId: node.district_id, path: node.path }, 'org_node');
  return node;
}

async function loadInScope(deps: Deps, actor: Actor, id: string, permission: Permission) {
  const row = await repo.findVolunteerById(deps.db, id);
  if (!row) throw notFound('volunteer');
  const community = await findNode(deps.db, row.community_id);
  if (
    row.user_id !== actor.userId &&
    !(community && can(actor, permission, { districtId: row.district_id, path: community.path }))
  ) {
    throw notFound('volunteer');
  }
  return { row, community: community! };
}

export interface ApplyInput {
  communityId: string;
  realName: string;
  idNumber?: string | null;
  skills: string[];
  availability: Availability;
  homeGridId?: string | null;
  bio?: string | null;
}

async function checkGrid(db: Executor, communityPath: string, gridId: string | null | undefined) {
  if (!gridId) return null;
  const grid = await findNode(db, gridId);
  if (!grid || grid.kind !== 'grid' || grid.archived_at || !grid.path.startsWith(communityPath))
    throw notFound('org_node');
  return grid.id;
}

/** A resident applies to volunteer in a community (again, after a rejection). */
export async function applyVolunteer(deps: Deps, actor: Actor, input: ApplyInput): Promise<Volunteer> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const community = await findNode(trx, input.communityId);
    if (!community || community.kind !== 'community' || community.archived_at) throw notFound('org_node');
    const settings = await getVolunteering(trx, community.district_id);
    const unknown = input.skills.filter((s) => !settings.skills.includes(s));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'skills', message: `未知技能：${unknown.join('、')}` }]);
    }
    const gridId = await checkGrid(trx, community.path, input.homeGridId);
    const now = iso(deps.clock.now());
    const fields = {
      community_id: community.id,
      real_name_enc: deps.cipher.encrypt(input.realName),
      real_name_masked: maskName(input.realName),
      id_number_enc: deps.cipher.encryptNullable(input.idNumber),
      id_number_masked: input.idNumber ? maskIdNumber(input.idNumber) : null,
      skills: JSON.stringify([...new Set(input.skills)]),
      availability: JSON.stringify(input.availability),
      home_grid_id: gridId,
      bio: input.bio ?? null,
      updated_at: now,
    };
    const existing = await repo.findVolunteerByUser(trx, community.district_id, actor.userId);
    let id: string;
    if (existing) {
      const next = nextVolunteerState(existing.status as VolunteerState, 'reapply');
      if (!next) throw new AppError('VOLUNTEER_ALREADY_APPLIED', { status: existing.status });
      id = existing.id;
      await repo.updateVolunteer(trx, existing.district_id, id, {
        ...fields,
        status: next,
        applied_at: now,
        reviewed_at: null,
        reviewed_by: null,
        reject_reason: null,
      });
    } else {
      id = newId();
      await repo.insertVolunteer(trx, {
        district_id: community.district_id,
        id,
        user_id: actor.userId,
        volunteer_no: null,
        status: 'pending',
        source: 'self',
        applied_at: now,
        reviewed_by: null,
        reviewed_at: null,
        reject_reason: null,
        ...fields,
      });
    }
    await volunteerApplied.emit(trx, deps.clock, {
      districtId: community.district_id,
      refId: newId(),
      payload: { volunteerId: id, userId: actor.userId, communityId: community.id },
    });
    return onlyRow(await presentVolunteers(deps, trx, [(await repo.findVolunteerById(trx, id))!]), 'volunteer');
  });
}

/** Issues the next volunteer number of the district (inside the approving transaction). */
export async function nextVolunteerNo(deps: Deps, trx: Executor, districtId: string): Promise<string> {
  const year = Number(iso(deps.clock.now()).slice(0, 4));
  return formatVolunteerNo(year, await nextCounter(trx, districtId, `volunteer_no:${year}`));
}

/** Makes an approved volunteer: number, role on the community. */
export async function activateVolunteer(
  deps: Deps,
  trx: Executor,
  row: { district_id: string; id: string; user_id: string; community_id: string },
  by: string | null,
) {
  const no = await nextVolunteerNo(deps, trx, row.district_id);
  const now = iso(deps.clock.now());
  await repo.updateVolunteer(trx, row.district_id, row.id, {
    status: 'approved',
    volunteer_no: no,
    reviewed_by: by,
    reviewed_at: now,
    reject_reason: null,
    updated_at: now,
  });
  await ensureRole(deps, trx, {
    userId: row.user_id,
    role: 'volunteer',
    districtId: row.district_id,
    nodeId: row.community_id,
    grantedBy: by,
  });
  return no;
}

/** Decides one application inside the caller's transaction, with its own audit entry. */
async function decideApplication(
  deps: Deps,
  trx: Executor,
  actor: Actor,
  id: string,
  input: { decision: 'approve' | 'reject'; reason?: string | null },
): Promise<void> {
  const row = await repo.findVolunteerById(trx, id);
  if (!row) throw notFound('volunteer');
  const community = await communityInScope({ db: trx }, actor, 'volunteer.review', row.community_id).catch(() => {
    throw notFound('volunteer');
  });
  const next = nextVolunteerState(row.status as VolunteerState, input.decision);
  if (!next) throw new AppError('VOLUNTEER_NOT_PENDING', { status: row.status });
  if (!(await repo.claimVolunteer(trx, row.district_id, id, row.status, iso(deps.clock.now())))) {
    // Another reviewer decided it while we were reading.
    const now = await repo.findVolunteerById(trx, id);
    throw new AppError('VOLUNTEER_NOT_PENDING', { status: now?.status ?? row.status });
  }
  let volunteerNo: string | null = null;
  if (input.decision === 'approve') {
    volunteerNo = await activateVolunteer(deps, trx, row, actor.userId);
  } else {
    if (!input.reason?.trim()) throw new AppError('REASON_REQUIRED');
    const now = iso(deps.clock.now());
    await repo.updateVolunteer(trx, row.district_id, id, {
      status: 'rejected',
      reviewed_by: actor.userId,
      reviewed_at: now,
      reject_reason: input.reason.trim(),
      updated_at: now,
    });
  }
  await volunteerReviewed.emit(trx, deps.clock, {
    districtId: row.district_id,
    refId: newId(),
    payload: {
      volunteerId: id,
      userId: row.user_id,
      communityId: row.community_id,
      decision: input.decision,
      reason: input.decision === 'reject' ? (input.reason?.trim() ?? null) : null,
      volunteerNo,
    },
  });
  await recordAudit(trx, deps.clock, actor, {
    districtId: row.district_id,
    action: `volunteer.${input.decision}`,
    targetType: 'volunteer',
    targetId: id,
    scopeNodeId: community.id,
    scopePath: community.path,
    details: { volunteerNo, reason: input.reason ?? null, userId: row.user_id },
  });
}

/** The community approves (number, card, volunteer role) or rejects (with a reason) an application. */
export async function reviewVolunteer(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { decision: 'approve' | 'reject'; reason?: string | null },
): Promise<Volunteer> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    await decideApplication(deps, trx, actor, id, input);
    return onlyRow(await presentVolunteers(deps, trx, [(await repo.findVolunteerById(trx, id))!]), 'volunteer');
  });
}

/**
 * Approves or rejects a selected list of applications in one call: all or nothing (one out of scope or already
 * decided refuses the whole list, naming it), each audited on its own as if reviewed one by one.
 */
export async function reviewVolunteers(
  deps: Deps,
  actor: Actor,
  input: { volunteerIds: string[]; decision: 'approve' | 'reject'; reason?: string | null },
): Promise<Volunteer[]> {
  if (input.decision === 'reject' && !input.reason?.trim()) throw new AppError('REASON_REQUIRED');
  const ids = [...new Set(input.volunteerIds)];
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    for (const id of ids) await decideApplication(deps, trx, actor, id, input);
    const rows = await Promise.all(ids.map(async (id) => (await repo.findVolunteerById(trx, id))!));
    return presentVolunteers(deps, trx, rows);
  });
}

/** One volunteer: oneself, or staff of the community. */
export async function getVolunteer(deps: Deps, actor: Actor, id: string): Promise<Volunteer> {
  const { row } = await loadInScope(deps, actor, id, 'volunteer.read');
  const v = onlyRow(await presentVolunteers(deps, deps.db, [row]), 'volunteer');
  v.ratingAverage = (await serviceFacts.get().volunteerRating(deps.db, row.district_id, row.user_id)).avg;
  return v;
}

/** The logged-in person's volunteer registrations (one per district). */
export async function listMyVolunteerships(deps: Deps, actor: Actor): Promise<Volunteer[]> {
  return presentVolunteers(deps, deps.db, await repo.listVolunteersOfUser(deps.db, actor.userId));
}

/** Volunteers of the communities in the actor's scope. */
export async function listVolunteers(
  deps: Deps,
  actor: Actor,
  q: {
    status?: VolunteerState;
    communityId?: string;
    teamId?: string;
    from?: string;
    to?: string;
    skill?: string;
    q?: string;
    cursor?: string;
    limit?: number;
  },
): Promise<CountedPage<Volunteer>> {
  const limit = q.limit ?? 20;
  let reaches = reachesOf(actor, 'volunteer.read');
  if (q.communityId) {
    const c = await communityInScope(deps, actor, 'volunteer.read', q.communityId);
    reaches = [{ districtId: c.district_id, path: c.path }];
  }
  if (reaches.length === 0) return { items: [], nextCursor: null, total: 0 };
  const filter = {
    reaches,
    status: q.status,
    skill: q.skill,
    nameLike: q.q,
    teamId: q.teamId,
    // Application dates are China dates: from its midnight up to the midnight after `to`.
    appliedFrom: q.from ? iso(chinaDayStart(q.from)) : undefined,
    appliedBefore: q.to ? iso(new Date(chinaDayStart(q.to).getTime() + 86_400_000)) : undefined,
  };
  const rows = await repo.listVolunteers(deps.db, { ...filter, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const total = await countRows(repo.volunteersFiltered(deps.db, filter));
  const page = toPage(
    rows,
    limit,
    (r) => r.id,
    (r) => r,
  );
  return { items: await presentVolunteers(deps, deps.db, page.items), nextCursor: page.nextCursor, total };
}

export interface VolunteerCard {
  id: string;
  volunteerNo: string | null;
  nameMasked: string;
  communityName: string;
  status: VolunteerState;
  starLevel: number;
  acceptedMinutes: number;
}

/** What anyone scanning a volunteer card (志愿者证) may see: masked name, number, community, status, star level. */
export async function getVolunteerCard(deps: Deps, id: string): Promise<VolunteerCard> {
  const row = await repo.findVolunteerById(deps.db, id);
  if (!row || row.status === 'pending' || row.status === 'rejected') throw notFound('volunteer');
  const v = onlyRow(await presentVolunteers(deps, deps.db, [row]), 'volunteer');
  return {
    id: v.id,
    volunteerNo: v.volunteerNo,
    nameMasked: v.realNameMasked,
    communityName: v.communityName,
    status: v.status,
    starLevel: v.starLevel,
    acceptedMinutes: v.acceptedMinutes,
  };
}

/** Serialises writes about one person's service in a district (the day cap of service recorded after the fact). */
export function lockVolunteerOf(db: Executor, districtId: string, userId: string): Promise<void> {
  return repo.lockVolunteerOf(db, districtId, userId);
}

/** The approved volunteer record of a person in a district, or null. */
export async function findApprovedVolunteer(db: Executor, districtId: string, userId: string) {
  const row = await repo.findVolunteerByUser(db, districtId, userId);
  return row && row.status === 'approved' ? row : null;
}

/** Full real name of a volunteer (for certificates and exports, which are audited by their callers). */
export function realNameOf(deps: Deps, row: { real_name_enc: string }): string {
  return deps.cipher.decrypt(row.real_name_enc);
}
