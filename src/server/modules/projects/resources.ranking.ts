// Resources for a need (matchNeedResources, issue 10): ranks the active resources the actor may see within the need's
// street by category fit, distance, availability and quantity (resources.rules.ts), each with its reasons in words.
//
// Scope: the need must be one the actor manages (needs/index.ts findManagedNeed; NOT_FOUND otherwise). The resources
// come from the communities of the need's street that the actor reaches with need.manage or project.manage — a
// grant at or above the community, or inside it (a grid worker sees their community's resources) — and never from
// another street or district. Archived resources never appear.
import { chinaDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type Locale, MATCH_REASON_TEXTS, RESOURCE_MATCH_TEXTS, translate } from '../../platform/messages.js';
import { type Actor, grantsFor } from '../../platform/permissions.js';
import type { Executor } from '../../db/transaction.js';
import { findManagedNeed, type NeedRow } from '../needs/index.js';
import { getNeedSettings } from '../settings/index.js';
import * as repo from './projects.repository.js';
import type { ResourceKind } from './projects.rules.js';
import type { MatchedResource, ResourceMatch } from './projects.schemas.js';
import { type CommunityInfo, communitiesWithin, locate } from './projects.scope.js';
import {
  type NeedResourceFacts,
  rankResources,
  type ResourceCandidate,
  type ResourceMatchReason,
} from './resources.rules.js';
import { parseNeedCategories, toResource } from './resources.service.js';

/** How many resources the ranking returns. */
export const RESOURCE_MATCH_TOP = 10;

/** A reason in the request's language. */
function reasonText(r: ResourceMatchReason, locale: Locale): string {
  return translate(RESOURCE_MATCH_TEXTS, r.key, locale, r.params);
}

/** The reasons as one sentence ("因为：…；…"), or empty when none counted. */
function becauseText(reasons: readonly ResourceMatchReason[], locale: Locale): string {
  if (reasons.length === 0) return '';
  const sep = translate(MATCH_REASON_TEXTS, 'separator', locale);
  return translate(MATCH_REASON_TEXTS, 'because', locale, {
    reasons: reasons.map((r) => reasonText(r, locale)).join(sep),
  });
}

/** The communities of the need's street that the actor reaches (need.manage or project.manage in its district). */
async function communitiesInScope(db: Executor, actor: Actor, need: NeedRow): Promise<CommunityInfo[]> {
  // The community's path is /district/street/community/: the street is read from it.
  const [districtSeg, streetId] = need.community_path.split('/').filter(Boolean);
  if (!districtSeg || !streetId) throw notFound('need');
  const street = `/${districtSeg}/${streetId}/`;
  const inStreet = await communitiesWithin(db, [{ districtId: need.district_id, path: street }]);
  const grants = [...grantsFor(actor, 'need.manage'), ...grantsFor(actor, 'project.manage')].filter(
    (g) => g.districtId === need.district_id,
  );
  return inStreet.filter((c) => grants.some((g) => c.path.startsWith(g.path) || g.path.startsWith(c.path)));
}

/** The need's dates in China time: its window, or today when it has none. */
function needDates(need: NeedRow, now: Date): Pick<NeedResourceFacts, 'from' | 'to' | 'hasWindow'> {
  if (!need.window_start) {
    const today = chinaDate(now);
    return { from: today, to: today, hasWindow: false };
  }
  const from = chinaDate(need.window_start);
  const to = need.window_end ? chinaDate(need.window_end) : from;
  return { from, to: to < from ? from : to, hasWindow: true };
}

/** The best resources for a need (at most RESOURCE_MATCH_TOP), with factor scores and reasons in words. */
export async function matchNeedResources(
  deps: Deps,
  actor: Actor,
  needId: string,
  locale: Locale,
): Promise<ResourceMatch> {
  const need = await findManagedNeed(deps.db, actor, needId);
  const [communities, settings] = await Promise.all([
    communitiesInScope(deps.db, actor, need),
    getNeedSettings(deps.db, need.district_id),
  ]);
  const rows = await repo.listActiveResourcesIn(
    deps.db,
    need.district_id,
    communities.map((c) => c.id),
  );
  const facts: NeedResourceFacts = {
    category: need.category,
    categoryName: settings.categories.find((c) => c.key === need.category)?.name ?? need.category,
    communityId: need.community_id,
    peopleNeeded: Number(need.people_needed),
    ...needDates(need, deps.clock.now()),
  };
  const candidates: ResourceCandidate[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as ResourceKind,
    communityId: r.community_id,
    needCategories: parseNeedCategories(r.need_categories),
    availableFrom: r.available_from,
    availableTo: r.available_to,
    quantity: r.quantity === null ? null : Number(r.quantity),
    unit: r.unit,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
  }));
  const ranked = rankResources(facts, candidates, RESOURCE_MATCH_TOP);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const located = new Map(
    (
      await locate(
        deps.db,
        ranked.flatMap((s) => byId.get(s.resourceId) ?? []),
      )
    ).map((r) => [r.id, r]),
  );
  const items: MatchedResource[] = [];
  for (const s of ranked) {
    const r = located.get(s.resourceId);
    if (!r || s.fit === 'none') continue;
    items.push({
      resource: toResource(r),
      total: s.total,
      fit: s.fit,
      distance: s.distance,
      factors: s.factors,
      reasons: s.reasons.map((x) => ({ factor: x.factor, key: x.key, text: reasonText(x, locale) })),
      because: becauseText(s.reasons, locale),
    });
  }
  return { needId: need.id, considered: rows.length, items };
}
