// Explainable matching (matchNeed): ranks the approved volunteers of the need's street that the actor may see, by skill
// fit, proximity, availability, reliability and fairness (matching.rules.ts), each result with its reasons in words.
//
// Speed (100,000 volunteers in a street, p99 < 100 ms): the volunteers module's coarse query reads only a covering
// index (scope, status, home, skills) and returns the POOL best by skill hit and nearness; only those are scored in
// full here (the coarse query starts with the need's grid and community, see listMatchCandidates), with their recent services, attendance and ratings asked from records, activities and this module in a
// handful of batched queries. Nothing is cached, so every ranking reads live data (no profile table to keep fresh).
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Locale, MATCH_REASON_TEXTS, translate } from '../../platform/messages.js';
import { type Actor, grantsFor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { listPersonHomes } from '../accounts/index.js';
import { attendanceStatsOf } from '../activities/index.js';
import { getNode, listCommunitiesWithin, nodeNamesOf } from '../org/index.js';
import { serviceStatsOf } from '../records/index.js';
import { getNeedSettings } from '../settings/index.js';
import { listMatchCandidates, listMatchProfiles, type MatchProfile } from '../volunteers/index.js';
import * as repo from './matching.repository.js';
import {
  type Candidate,
  checkMatchWeights,
  DEFAULT_MATCH_WEIGHTS,
  type MatchFactor,
  type MatchReason,
  type MatchScore,
  type MatchWeights,
  type Proximity,
  proximityOf,
  rankCandidates,
  windowSlots,
} from './matching.rules.js';
import type { NeedRow } from './needs.repository.js';
import { findManagedNeed } from './needs.service.js';

/** How many volunteers the coarse query hands over for full scoring. */
export const MATCH_POOL = 200;
const DAY_MS = 86_400_000;

export interface MatchReasonText {
  factor: MatchFactor;
  key: string;
  text: string;
}

export interface MatchedVolunteer {
  userId: string;
  volunteerId: string;
  volunteerNo: string | null;
  /** The masked real name (public name); never a phone. */
  name: string;
  communityName: string;
  skills: string[];
  proximity: Proximity;
  total: number;
  factors: Record<MatchFactor, number>;
  reasons: MatchReasonText[];
  /** The reasons as one sentence: 因为：技能匹配 医护；同一网格；周六上午有空；近30天服务较少 */
  because: string;
  /** This volunteer's invitation to the need, when already invited. */
  invitation: { id: string; status: string } | null;
}

export interface MatchResult {
  needId: string;
  weights: MatchWeights;
  /** Volunteers scored in full (the coarse query's best, at most MATCH_POOL). */
  considered: number;
  items: MatchedVolunteer[];
}

/** The district's matching weights (defaults where unset). */
export async function getMatchWeights(db: Executor, districtId: string): Promise<MatchWeights> {
  const raw = await repo.findWeights(db, districtId);
  return raw ? { ...DEFAULT_MATCH_WEIGHTS, ...(JSON.parse(raw) as Partial<MatchWeights>) } : DEFAULT_MATCH_WEIGHTS;
}

/** Changes a district's matching weights (district admins only), audited. */
export async function updateMatchWeights(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: Partial<MatchWeights>,
): Promise<MatchWeights> {
  return inTransaction(deps.db, async ({ trx }) => {
    const district = await getNode(trx, districtId);
    if (district.kind !== 'district') throw notFound('org_node');
    if (!actor.roles.some((r) => r.role === 'district_admin' && r.districtId === districtId)) {
      throw notFound('org_node');
    }
    const next = { ...(await getMatchWeights(trx, districtId)), ...patch };
    const problem = checkMatchWeights(next);
    if (problem) throw new AppError('SETTINGS_INVALID', { problem });
    await repo.saveWeights(trx, districtId, JSON.stringify(next), iso(deps.clock.now()), actor.userId);
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'settings.update',
      targetType: 'district_settings',
      targetId: 'match_weights',
      scopeNodeId: districtId,
      scopePath: district.path,
      details: { changed: Object.keys(patch), weights: next },
    });
    return next;
  });
}

/** A reason in the request's language. */
export function reasonText(r: MatchReason, locale: Locale): string {
  const params: Record<string, string | number> = { ...r.params };
  if (r.key === 'availability') {
    params.weekday = translate(MATCH_REASON_TEXTS, `weekday.${String(r.params.weekday)}`, locale);
    params.band = translate(MATCH_REASON_TEXTS, `band.${String(r.params.band)}`, locale);
  }
  return translate(MATCH_REASON_TEXTS, r.key, locale, params);
}

/** The reasons as one sentence ("因为：…；…"), or empty when none counted. */
export function becauseText(reasons: readonly MatchReason[], locale: Locale): string {
  if (reasons.length === 0) return '';
  const sep = translate(MATCH_REASON_TEXTS, 'separator', locale);
  return translate(MATCH_REASON_TEXTS, 'because', locale, {
    reasons: reasons.map((r) => reasonText(r, locale)).join(sep),
  });
}

interface Place {
  streetId: string;
  communityIds: string[];
  gridIds: string[];
  /** A grid worker's community: its volunteers without a home grid (as they handle its grid-less needs). */
  gridlessCommunityIds: string[];
}

/**
 * The need's street and, within it, the communities (all their volunteers) and grids (volunteers homed there) where
 * the actor manages needs. A grid worker sees the volunteers homed in their grid and those of their community with no
 * home grid (like the grid-less needs they handle); a community admin their community's; a street or district admin
 * the whole street. Never beyond the need's street.
 */
async function placeInScope(db: Executor, actor: Actor, need: NeedRow): Promise<Place> {
  // The community's path is /district/street/community/: the street is read from it, not looked up.
  const [districtSeg, streetId] = need.community_path.split('/').filter(Boolean);
  if (!districtSeg || !streetId) throw notFound('need');
  const street = { id: streetId, district_id: need.district_id, path: `/${districtSeg}/${streetId}/` };
  const communities = await listCommunitiesWithin(db, street);
  const known = new Set(communities.map((c) => c.id));
  const grants = grantsFor(actor, 'need.manage').filter((g) => g.districtId === need.district_id);
  if (grants.some((g) => street.path.startsWith(g.path))) {
    return { streetId: street.id, communityIds: [...known], gridIds: [], gridlessCommunityIds: [] };
  }
  const communityIds = new Set<string>();
  const gridIds = new Set<string>();
  const gridless = new Set<string>();
  for (const g of grants) {
    if (!g.path.startsWith(street.path)) continue;
    const segments = g.path.split('/').filter(Boolean);
    const communityId = segments[2];
    if (segments.length === 3 && communityId && known.has(communityId)) communityIds.add(communityId);
    const gridId = segments[3];
    if (segments.length >= 4 && gridId) gridIds.add(gridId);
    if (segments.length === 4 && communityId && known.has(communityId)) gridless.add(communityId);
  }
  return {
    streetId: street.id,
    communityIds: [...communityIds],
    gridIds: [...gridIds],
    gridlessCommunityIds: [...gridless].filter((c) => !communityIds.has(c)),
  };
}

export interface ScoredVolunteer extends MatchScore {
  profile: MatchProfile;
  proximity: Proximity;
}

/**
 * Scores the volunteers in the actor's scope for a need (all of them up to the pool, or only `onlyUserIds`), best
 * first. Used by matchNeed and by inviteVolunteers (which re-checks and snapshots the invitees' scores).
 */
export async function scoreVolunteersFor(
  deps: Deps,
  db: Executor,
  actor: Actor,
  need: NeedRow,
  opts: { top: number; onlyUserIds?: readonly string[] },
): Promise<{ scored: ScoredVolunteer[]; considered: number; weights: MatchWeights }> {
  const [place, settings, weights] = await Promise.all([
    placeInScope(db, actor, need),
    getNeedSettings(db, need.district_id),
    getMatchWeights(db, need.district_id),
  ]);
  const skills = settings.categories.find((c) => c.key === need.category)?.skills ?? [];
  const coarse = await listMatchCandidates(db, {
    districtId: need.district_id,
    communityIds: place.communityIds,
    gridIds: place.gridIds,
    gridlessCommunityIds: place.gridlessCommunityIds,
    skills,
    needCommunityId: need.community_id,
    needGridId: need.grid_id,
    limit: opts.onlyUserIds ? opts.onlyUserIds.length : MATCH_POOL,
    onlyUserIds: opts.onlyUserIds,
  });
  const ids = coarse.map((c) => c.userId);
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const [profiles, homes, services, attendance, tasks, needRatings] = await Promise.all([
    listMatchProfiles(db, need.district_id, ids),
    listPersonHomes(db, ids),
    serviceStatsOf(db, need.district_id, ids, chinaDate(since)),
    attendanceStatsOf(db, need.district_id, ids, iso(now)),
    repo.recentTasksOf(db, need.district_id, ids, iso(since)),
    repo.needRatingsOf(db, need.district_id, ids),
  ]);
  const homeOf = new Map(homes.map((h) => [h.userId, h.homeNodeId]));
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const candidates: Candidate[] = [];
  const proximityOfUser = new Map<string, Proximity>();
  for (const id of ids) {
    const p = profileOf.get(id);
    if (!p) continue;
    const proximity = proximityOf(
      { buildingId: need.building_id, gridId: need.grid_id, communityId: need.community_id, streetId: place.streetId },
      {
        buildingId: homeOf.get(id) ?? null,
        gridId: p.homeGridId,
        communityId: p.communityId,
        streetId: place.streetId,
      },
    );
    proximityOfUser.set(id, proximity);
    const s = services.get(id);
    const nr = needRatings.get(id);
    const ratingCount = (s?.ratingCount ?? 0) + (nr?.n ?? 0);
    const ratingSum = (s?.ratingSum ?? 0) + (nr?.sum ?? 0);
    const a = attendance.get(id);
    candidates.push({
      userId: id,
      skills: p.skills,
      availability: p.availability,
      proximity,
      attendanceExpected: a?.expected ?? 0,
      attendanceKept: a?.kept ?? 0,
      ratingAverage: ratingCount > 0 ? Math.round((ratingSum / ratingCount) * 10) / 10 : null,
      ratingCount,
      recentServices: (s?.recentServices ?? 0) + (tasks.get(id) ?? 0),
    });
  }
  const ranked = rankCandidates(
    { skills, slots: windowSlots(need.window_start, need.window_end) },
    candidates,
    weights,
    opts.top,
  );
  const scored: ScoredVolunteer[] = [];
  for (const r of ranked) {
    const profile = profileOf.get(r.userId);
    const proximity = proximityOfUser.get(r.userId);
    if (profile && proximity) scored.push({ ...r, profile, proximity });
  }
  return { scored, considered: candidates.length, weights };
}

/** The ranked volunteers for a need, with factor scores and reasons in the request's language (staff in scope). */
export async function matchNeed(
  deps: Deps,
  actor: Actor,
  needId: string,
  q: { limit?: number },
  locale: Locale,
): Promise<MatchResult> {
  const need = await findManagedNeed(deps.db, actor, needId);
  const { scored, considered, weights } = await scoreVolunteersFor(deps, deps.db, actor, need, { top: q.limit ?? 20 });
  const [names, invited] = await Promise.all([
    nodeNamesOf(
      deps.db,
      need.district_id,
      scored.map((s) => s.profile.communityId),
    ),
    repo.invitationsByUser(deps.db, need.district_id, need.id),
  ]);
  return {
    needId: need.id,
    weights,
    considered,
    items: scored.map((s) => ({
      userId: s.userId,
      volunteerId: s.profile.volunteerId,
      volunteerNo: s.profile.volunteerNo,
      name: s.profile.nameMasked,
      communityName: names.get(s.profile.communityId) ?? '',
      skills: s.profile.skills,
      proximity: s.proximity,
      total: s.total,
      factors: s.factors,
      reasons: s.reasons.map((r) => ({ factor: r.factor, key: r.key, text: reasonText(r, locale) })),
      because: becauseText(s.reasons, locale),
      invitation: invited.get(s.userId) ?? null,
    })),
  };
}
