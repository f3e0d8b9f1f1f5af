// Volunteer teams (志愿服务队): creation, join requests approved by the leader, leaving, social-worker pairing.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import { type Actor, can } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { ensureRole, findPersonHome } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { getVolunteering } from '../settings/index.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { teamJoinReviewed } from './volunteers.events.js';
import { serviceFacts } from './volunteers.ports.js';
import * as repo from './volunteers.repository.js';
import type { MemberState } from './volunteers.rules.js';
import { communityInScope, findApprovedVolunteer } from './volunteers.service.js';

export interface Team {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  name: string;
  category: string;
  description: string | null;
  leaderUserId: string;
  leaderName: string;
  socialWorkerUserId: string | null;
  socialWorkerName: string | null;
  createdAt: string;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  volunteerNo: string | null;
  status: MemberState;
  requestedAt: string;
  decidedAt: string | null;
}

export interface TeamDetail extends Team {
  members: TeamMember[];
  pendingRequests: TeamMember[];
  myStatus: MemberState | null;
  canManage: boolean;
  rosterVisible: boolean;
  totals: {
    memberCount: number;
    acceptedMinutes: number;
    activityCount: number;
    ratingAverage: number | null;
    ratingCount: number;
  };
}

function toTeam(r: repo.TeamRow): Team {
  return {
    id: r.id,
    districtId: r.district_id,
    communityId: r.community_id,
    communityName: r.community_name,
    name: r.name,
    category: r.category,
    description: r.description,
    leaderUserId: r.leader_user_id,
    leaderName: r.leader_name,
    socialWorkerUserId: r.social_worker_user_id,
    socialWorkerName: r.social_worker_name,
    createdAt: r.created_at,
  };
}

function toMember(m: repo.MemberRow): TeamMember {
  return {
    userId: m.user_id,
    displayName: m.display_name,
    volunteerNo: m.volunteer_no,
    status: m.status as MemberState,
    requestedAt: m.requested_at,
    decidedAt: m.decided_at,
  };
}

/** True when the actor leads the team or administers its community. */
export function canManageTeam(
  actor: Actor,
  team: { leader_user_id: string; district_id: string; community_path: string },
): boolean {
  return (
    team.leader_user_id === actor.userId ||
    can(actor, 'activity.manage', { districtId: team.district_id, path: team.community_path })
  );
}

/** The community creates a team with a leader (who becomes its first member and gets the team-leader role). */
export async function createTeam(
  deps: Deps,
  actor: Actor,
  input: {
    communityId: string;
    name: string;
    category: string;
    leaderUserId: string;
    socialWorkerUserId?: string | null;
    description?: string | null;
  },
): Promise<Team> {
  return inTransaction(deps.db, async ({ trx }) => {
    const community = await communityInScope({ db: trx }, actor, 'activity.manage', input.communityId);
    const settings = await getVolunteering(trx, community.district_id);
    if (!settings.teamCategories.includes(input.category)) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { field: 'category', message: `类别须为：${settings.teamCategories.join('、')}` },
      ]);
    }
    const leaderHome = await findPersonHome(trx, input.leaderUserId);
    if (!leaderHome) throw notFound('person');
    const leader = { id: leaderHome.userId, display_name: leaderHome.displayName };
    if (input.socialWorkerUserId && !(await findPersonHome(trx, input.socialWorkerUserId))) throw notFound('person');
    if (await repo.findTeamByName(trx, community.district_id, community.id, input.name)) {
      throw new AppError('ORG_NAME_TAKEN', { name: input.name });
    }
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertTeam(trx, {
      district_id: community.district_id,
      id,
      community_id: community.id,
      name: input.name,
      category: input.category,
      description: input.description ?? null,
      leader_user_id: leader.id,
      social_worker_user_id: input.socialWorkerUserId ?? null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    });
    await repo.upsertMember(trx, {
      district_id: community.district_id,
      team_id: id,
      user_id: leader.id,
      status: 'active',
      requested_at: now,
      decided_at: now,
      decided_by: actor.userId,
      reason: null,
    });
    await ensureRole(deps, trx, {
      userId: leader.id,
      role: 'team_leader',
      districtId: community.district_id,
      nodeId: community.id,
      grantedBy: actor.userId,
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: community.district_id,
      action: 'team.create',
      targetType: 'team',
      targetId: id,
      scopeNodeId: community.id,
      scopePath: community.path,
      details: { name: input.name, leaderUserId: leader.id },
    });
    return toTeam((await repo.findTeamById(trx, id))!);
  });
}

/** Changes a team's leader, social worker (1+N pairing), description or category. */
export async function updateTeam(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { leaderUserId?: string; socialWorkerUserId?: string | null; description?: string | null; category?: string },
): Promise<Team> {
  return inTransaction(deps.db, async ({ trx }) => {
    const team = await repo.findTeamById(trx, id);
    if (!team || !can(actor, 'activity.manage', { districtId: team.district_id, path: team.community_path }))
      throw notFound('team');
    const now = iso(deps.clock.now());
    const patch: Parameters<typeof repo.updateTeam>[3] = { updated_at: now };
    if (input.leaderUserId && input.leaderUserId !== team.leader_user_id) {
      const leaderHome = await findPersonHome(trx, input.leaderUserId);
      if (!leaderHome) throw notFound('person');
      const leader = { id: leaderHome.userId };
      patch.leader_user_id = leader.id;
      await repo.upsertMember(trx, {
        district_id: team.district_id,
        team_id: id,
        user_id: leader.id,
        status: 'active',
        requested_at: now,
        decided_at: now,
        decided_by: actor.userId,
        reason: null,
      });
      await ensureRole(deps, trx, {
        userId: leader.id,
        role: 'team_leader',
        districtId: team.district_id,
        nodeId: team.community_id,
        grantedBy: actor.userId,
      });
    }
    if (input.socialWorkerUserId !== undefined) patch.social_worker_user_id = input.socialWorkerUserId;
    if (input.description !== undefined) patch.description = input.description;
    if (input.category !== undefined) patch.category = input.category;
    await repo.updateTeam(trx, team.district_id, id, patch);
    await recordAudit(trx, deps.clock, actor, {
      districtId: team.district_id,
      action: 'team.update',
      targetType: 'team',
      targetId: id,
      scopeNodeId: team.community_id,
      scopePath: team.community_path,
      details: { changed: Object.keys(input) },
    });
    return toTeam((await repo.findTeamById(trx, id))!);
  });
}

/** Teams of a district or community (visible to every logged-in person: residents pick teams to join). */
export async function listTeams(
  deps: Deps,
  actor: Actor,
  q: { districtId?: string; communityId?: string; mine?: boolean; leading?: boolean; cursor?: string; limit?: number },
): Promise<CountedPage<Team>> {
  const limit = q.limit ?? 20;
  let communityPath: string | undefined;
  if (q.communityId) {
    const c = await findNode(deps.db, q.communityId);
    if (!c) throw notFound('org_node');
    communityPath = c.path;
  }
  const filter = {
    districtId: q.districtId,
    communityPath,
    memberUserId: q.mine ? actor.userId : undefined,
    leaderUserId: q.leading ? actor.userId : undefined,
  };
  const rows = await repo.listTeams(deps.db, { ...filter, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const total = await countRows(repo.teamsFiltered(deps.db, filter));
  return withTotal(
    toPage(rows, limit, (r) => r.id, toTeam),
    total,
  );
}

/** A team page: members, totals, pending requests (for its managers), and the viewer's own status. */
/** Team totals: active members (here), accepted minutes and rating (records), published activities (activities). */
async function teamTotals(db: Executor, districtId: string, teamId: string): Promise<TeamDetail['totals']> {
  const facts = serviceFacts.get();
  const service = await facts.teamServiceTotals(db, districtId, teamId);
  return {
    memberCount: await repo.countActiveMembers(db, districtId, teamId),
    acceptedMinutes: service.acceptedMinutes,
    activityCount: await facts.teamActivityCount(db, districtId, teamId),
    ratingAverage: service.ratingAverage,
    ratingCount: service.ratingCount,
  };
}

export async function getTeam(deps: Deps, actor: Actor, id: string): Promise<TeamDetail> {
  const team = await repo.findTeamById(deps.db, id);
  if (!team) throw notFound('team');
  const manage = canManageTeam(actor, team);
  // The roster (names, volunteer numbers) is for the leader and staff in scope; everyone else sees the count.
  const rosterVisible =
    manage || can(actor, 'volunteer.read', { districtId: team.district_id, path: team.community_path });
  const members = rosterVisible ? await repo.listMembers(deps.db, team.district_id, id, ['active']) : [];
  const pending = manage ? await repo.listMembers(deps.db, team.district_id, id, ['pending']) : [];
  const mine = await repo.findMember(deps.db, team.district_id, id, actor.userId);
  return {
    ...toTeam(team),
    members: members.map(toMember),
    pendingRequests: pending.map(toMember),
    myStatus: (mine?.status as MemberState | undefined) ?? null,
    canManage: manage,
    rosterVisible,
    totals: await teamTotals(deps.db, team.district_id, id),
  };
}

/** An approved volunteer asks to join a team. */
export async function requestJoinTeam(deps: Deps, actor: Actor, teamId: string): Promise<{ status: 'pending' }> {
  return inTransaction(deps.db, async ({ trx }) => {
    const team = await repo.findTeamById(trx, teamId);
    if (!team || team.archived_at) throw notFound('team');
    if (!(await findApprovedVolunteer(trx, team.district_id, actor.userId))) throw new AppError('NOT_A_VOLUNTEER');
    const existing = await repo.findMember(trx, team.district_id, teamId, actor.userId);
    if (existing && (existing.status === 'active' || existing.status === 'pending'))
      throw new AppError('TEAM_ALREADY_MEMBER');
    await repo.upsertMember(trx, {
      district_id: team.district_id,
      team_id: teamId,
      user_id: actor.userId,
      status: 'pending',
      requested_at: iso(deps.clock.now()),
      decided_at: null,
      decided_by: null,
      reason: null,
    });
    return { status: 'pending' as const };
  });
}

/** The leader (or community) approves or rejects a join request. */
export async function reviewJoinRequest(
  deps: Deps,
  actor: Actor,
  teamId: string,
  userId: string,
  input: { decision: 'approve' | 'reject'; reason?: string | null },
): Promise<TeamMember> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const team = await repo.findTeamById(trx, teamId);
    if (!team || !canManageTeam(actor, team)) throw notFound('team');
    const m = await repo.findMember(trx, team.district_id, teamId, userId);
    if (!m) throw notFound('join_request');
    if (m.status !== 'pending') throw new AppError('TEAM_REQUEST_NOT_PENDING');
    const now = iso(deps.clock.now());
    await repo.upsertMember(trx, {
      ...m,
      status: input.decision === 'approve' ? 'active' : 'rejected',
      decided_at: now,
      decided_by: actor.userId,
      reason: input.reason ?? null,
    });
    await teamJoinReviewed.emit(trx, deps.clock, {
      districtId: team.district_id,
      refId: newId(),
      payload: { teamId, teamName: team.name, userId, decision: input.decision, reason: input.reason ?? null },
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: team.district_id,
      action: `team.member_${input.decision}`,
      targetType: 'team',
      targetId: teamId,
      scopeNodeId: team.community_id,
      scopePath: team.community_path,
      details: { userId, reason: input.reason ?? null },
    });
    const rows = await repo.listMembers(trx, team.district_id, teamId, ['active', 'rejected']);
    return toMember(rows.find((r) => r.user_id === userId)!);
  });
}

/** A member leaves a team (the leader cannot, until replaced). */
export async function leaveTeam(deps: Deps, actor: Actor, teamId: string): Promise<void> {
  await inTransaction(deps.db, async ({ trx }) => {
    const team = await repo.findTeamById(trx, teamId);
    if (!team) throw notFound('team');
    const m = await repo.findMember(trx, team.district_id, teamId, actor.userId);
    if (!m || (m.status !== 'active' && m.status !== 'pending')) throw new AppError('TEAM_NOT_MEMBER');
    if (team.leader_user_id === actor.userId) throw new AppError('TEAM_LEADER_LEAVE');
    await repo.upsertMember(trx, { ...m, status: 'left', decided_at: iso(deps.clock.now()), decided_by: actor.userId });
  });
}

/** A team row for other modules (activities). */
export function findTeam(db: Executor, id: string) {
  return repo.findTeamById(db, id);
}
