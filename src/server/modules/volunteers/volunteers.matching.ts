// Queries the needs module's matching asks through index.ts (the volunteers module keeps its SQL): the coarse
// candidate list for a need, read from the covering index volunteers_match_ix (migration 0014), and the profiles of
// the few hundred candidates scored in full.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

export interface MatchCandidateQuery {
  districtId: string;
  /** Communities whose approved volunteers are all in scope. */
  communityIds: readonly string[];
  /** Grids whose volunteers (by home grid) are in scope besides those communities (a grid worker's grid). */
  gridIds: readonly string[];
  /** Communities whose volunteers without a home grid are in scope too (a grid worker's own community). */
  gridlessCommunityIds?: readonly string[];
  /** The need's category skills: a volunteer with any of them ranks first. */
  skills: readonly string[];
  needCommunityId: string;
  needGridId: string | null;
  limit: number;
  /** Only these people (re-checking invitees). */
  onlyUserIds?: readonly string[];
}

export interface MatchCandidateRow {
  userId: string;
  communityId: string;
  homeGridId: string | null;
  /** Coarse score: 10 for any category skill, plus 3 same grid, 2 same community, 1 elsewhere in the street. */
  coarse: number;
}

/**
 * The approved volunteers in scope, best first by the coarse score (skill hit, then nearness), at most `limit`.
 * Mirrors coarseScore in needs/matching.rules.ts; the skill test is a LIKE on the JSON text (exact check in JS).
 *
 * Nearest tiers first: the need's grid, then its community, then the whole scope. A tier answers alone when its
 * `limit`-th row already has the tier's best score with a skill hit (nothing outside the tier can score that high),
 * so with many volunteers the usual query reads a grid's few thousand index entries, not the street's 100,000.
 */
export async function listMatchCandidates(db: Executor, q: MatchCandidateQuery): Promise<MatchCandidateRow[]> {
  if (q.communityIds.length === 0 && q.gridIds.length === 0 && !q.gridlessCommunityIds?.length) return [];
  if (q.onlyUserIds && q.onlyUserIds.length === 0) return [];
  const skillBonus = q.skills.length > 0 ? 10 : 0;
  const tiers: Array<{ floor: number; community: string; grid: string | null }> = [];
  if (!q.onlyUserIds) {
    if (q.needGridId) tiers.push({ floor: skillBonus + 3, community: q.needCommunityId, grid: q.needGridId });
    tiers.push({ floor: skillBonus + 2, community: q.needCommunityId, grid: null });
  }
  for (const tier of tiers) {
    const rows = await coarseQuery(db, q, tier);
    const last = rows.at(-1);
    if (rows.length >= q.limit && last && last.coarse >= tier.floor) return rows;
  }
  return coarseQuery(db, q, null);
}

async function coarseQuery(
  db: Executor,
  q: MatchCandidateQuery,
  tier: { community: string; grid: string | null } | null,
): Promise<MatchCandidateRow[]> {
  const skillHit =
    q.skills.length > 0
      ? sql<number>`case when ${sql.join(
          q.skills.map((s) => sql`v.skills like ${`%${JSON.stringify(s)}%`}`),
          sql` or `,
        )} then 10 else 0 end`
      : sql<number>`0`;
  const near = sql<number>`case when v.home_grid_id = ${q.needGridId} then 3 when v.community_id = ${q.needCommunityId} then 2 else 1 end`;
  let query = db
    .selectFrom('volunteers as v')
    .select(['v.user_id', 'v.community_id', 'v.home_grid_id', sql<number>`${skillHit} + ${near}`.as('coarse')])
    .where('v.district_id', '=', q.districtId)
    .where('v.status', '=', 'approved')
    .where((eb) => {
      const ors = [];
      if (q.communityIds.length > 0) ors.push(eb('v.community_id', 'in', [...q.communityIds]));
      if (q.gridIds.length > 0) ors.push(eb('v.home_grid_id', 'in', [...q.gridIds]));
      if (q.gridlessCommunityIds?.length) {
        ors.push(eb.and([eb('v.community_id', 'in', [...q.gridlessCommunityIds]), eb('v.home_grid_id', 'is', null)]));
      }
      return eb.or(ors);
    });
  if (tier) {
    query = query.where('v.community_id', '=', tier.community);
    if (tier.grid) query = query.where('v.home_grid_id', '=', tier.grid);
  }
  if (q.onlyUserIds) query = query.where('v.user_id', 'in', [...q.onlyUserIds]);
  const rows = await query.orderBy('coarse', 'desc').orderBy('v.user_id').limit(q.limit).execute();
  return rows.map((r) => ({
    userId: r.user_id,
    communityId: r.community_id,
    homeGridId: r.home_grid_id,
    coarse: Number(r.coarse),
  }));
}

export interface MatchProfile {
  userId: string;
  volunteerId: string;
  volunteerNo: string | null;
  /** The masked real name (public name); never the phone. */
  nameMasked: string;
  communityId: string;
  homeGridId: string | null;
  skills: string[];
  /** Weekday "1".."7" → bands. */
  availability: Record<string, string[]>;
}

/** The matching profiles of approved volunteers of a district, by user ids. */
export async function listMatchProfiles(
  db: Executor,
  districtId: string,
  userIds: readonly string[],
): Promise<MatchProfile[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('volunteers')
    .select([
      'user_id',
      'id',
      'volunteer_no',
      'real_name_masked',
      'community_id',
      'home_grid_id',
      'skills',
      'availability',
    ])
    .where('district_id', '=', districtId)
    .where('user_id', 'in', [...new Set(userIds)])
    .where('status', '=', 'approved')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    volunteerId: r.id,
    volunteerNo: r.volunteer_no,
    nameMasked: r.real_name_masked,
    communityId: r.community_id,
    homeGridId: r.home_grid_id,
    skills: JSON.parse(r.skills) as string[],
    availability: JSON.parse(r.availability) as Record<string, string[]>,
  }));
}
