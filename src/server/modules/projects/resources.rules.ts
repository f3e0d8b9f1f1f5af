// Pure rules of matching resources to a need (资源匹配, issue 10): four factor scores (0–100, integers) per resource,
// a weighted total, and one reason in words per factor that counted. No database, no clock: the service passes what
// it read (the need's category, community and window as China dates; the resources in the actor's scope).
import type { ResourceKind } from './projects.rules.js';

export const RESOURCE_MATCH_FACTORS = ['category', 'distance', 'availability', 'quantity'] as const;
export type ResourceMatchFactor = (typeof RESOURCE_MATCH_FACTORS)[number];

/** Weights of the factors (fixed; they sum to 100): what the resource is for matters most, then where it is. */
export const RESOURCE_MATCH_WEIGHTS: Record<ResourceMatchFactor, number> = {
  category: 50,
  distance: 25,
  availability: 15,
  quantity: 10,
};

/**
 * Kind-level fit, when the resource does not name the need's category: which default need categories a kind of
 * resource usually serves.
 *
 *   venue (场地)          — activities held in a room: 儿童托管 childcare, 手机教学 phone_help, 助餐 meal
 *   professionals (专业人才) — escort, legal, counselling, visit, repair, bath_haircut (a trained person goes along)
 *   goods (物资)          — meal, errand, environment (things handed over or used up)
 *   courses (课程)        — phone_help, childcare
 *   funds (资金)          — none (money is bundled through a project, not matched by kind)
 *
 * Categories a district adds itself fit by the resource's own list only.
 */
export const KIND_FIT: Record<ResourceKind, readonly string[]> = {
  venue: ['childcare', 'phone_help', 'meal'],
  professionals: ['escort', 'legal', 'counselling', 'visit', 'repair', 'bath_haircut'],
  goods: ['meal', 'errand', 'environment'],
  courses: ['phone_help', 'childcare'],
  funds: [],
};

/** Category fit: named by the resource (full), fits by kind (half), or none. */
export type CategoryFit = 'named' | 'kind' | 'none';
export const CATEGORY_FIT_SCORE: Record<CategoryFit, number> = { named: 100, kind: 50, none: 0 };

/** Where the resource is relative to the need (resources are matched within the need's street at most). */
export type ResourceDistance = 'community' | 'street';
export const DISTANCE_SCORE: Record<ResourceDistance, number> = { community: 100, street: 50 };

/** What the scoring needs to know about one resource. */
export interface ResourceCandidate {
  id: string;
  kind: ResourceKind;
  communityId: string;
  needCategories: readonly string[];
  /** YYYY-MM-DD (or a longer ISO string; its date is used), null when open on that side. */
  availableFrom: string | null;
  availableTo: string | null;
  quantity: number | null;
  unit: string | null;
  amountFen: number | null;
}

/** Need-side facts: category key and name, community, the window as China dates (today when the need has none). */
export interface NeedResourceFacts {
  category: string;
  categoryName: string;
  communityId: string;
  peopleNeeded: number;
  /** China dates the help is wanted on; `hasWindow` false when the need gave no window (then both are today). */
  from: string;
  to: string;
  hasWindow: boolean;
}

/** A reason in words: a message key (RESOURCE_MATCH_TEXTS in platform/messages.ts) and its parameters. */
export interface ResourceMatchReason {
  factor: ResourceMatchFactor;
  key: string;
  params: Record<string, string | number>;
}

export interface ResourceMatchScore {
  resourceId: string;
  /** Weighted total, 0–100. */
  total: number;
  fit: CategoryFit;
  distance: ResourceDistance;
  factors: Record<ResourceMatchFactor, number>;
  reasons: ResourceMatchReason[];
}

/** How the resource fits the need's category. */
export function categoryFit(category: string, kind: ResourceKind, named: readonly string[]): CategoryFit {
  if (named.includes(category)) return 'named';
  if (KIND_FIT[kind].includes(category)) return 'kind';
  return 'none';
}

/** Whether the resource's dates overlap the need's dates (open-ended sides always do). */
export function datesOverlap(
  resource: { from: string | null; to: string | null },
  need: { from: string; to: string },
): boolean {
  const from = resource.from?.slice(0, 10) ?? null;
  const to = resource.to?.slice(0, 10) ?? null;
  return (from === null || from <= need.to) && (to === null || to >= need.from);
}

/**
 * Availability: open-ended (no dates) 100, dates overlapping the need's window (or today) 100, else 0 — a resource
 * that has ended or starts after the need is shown last, not hidden.
 */
export function availabilityScore(
  r: Pick<ResourceCandidate, 'availableFrom' | 'availableTo'>,
  need: Pick<NeedResourceFacts, 'from' | 'to' | 'hasWindow'>,
): { score: number; key: string | null } {
  if (r.availableFrom === null && r.availableTo === null) return { score: 100, key: 'availability.open' };
  if (datesOverlap({ from: r.availableFrom, to: r.availableTo }, need))
    return { score: 100, key: need.hasWindow ? 'availability.window' : 'availability.now' };
  return { score: 0, key: null };
}

/**
 * Quantity, when known: funds with an amount 100; a quantity at least the people the need asks for 100, fewer 50;
 * unknown 0 (no reason).
 */
export function quantityScore(
  r: Pick<ResourceCandidate, 'kind' | 'quantity' | 'unit' | 'amountFen'>,
  peopleNeeded: number,
): { score: number; reason: Omit<ResourceMatchReason, 'factor'> | null } {
  if (r.kind === 'funds') {
    if (r.amountFen === null || r.amountFen <= 0) return { score: 0, reason: null };
    return { score: 100, reason: { key: 'quantity.funds', params: { yuan: (r.amountFen / 100).toFixed(2) } } };
  }
  if (r.quantity === null) return { score: 0, reason: null };
  const params = { quantity: r.quantity, unit: r.unit ?? '' };
  return r.quantity >= Math.max(1, peopleNeeded)
    ? { score: 100, reason: { key: 'quantity.enough', params } }
    : { score: 50, reason: { key: 'quantity.some', params } };
}

/** The weighted total (0–100, rounded) of factor scores. */
export function resourceTotal(factors: Record<ResourceMatchFactor, number>): number {
  let sum = 0;
  let weights = 0;
  for (const f of RESOURCE_MATCH_FACTORS) {
    sum += RESOURCE_MATCH_WEIGHTS[f] * factors[f];
    weights += RESOURCE_MATCH_WEIGHTS[f];
  }
  return Math.round(sum / weights);
}

/** Scores one resource for a need, with a reason per factor that counted. */
export function scoreResource(need: NeedResourceFacts, r: ResourceCandidate): ResourceMatchScore {
  const fit = categoryFit(need.category, r.kind, r.needCategories);
  const distance: ResourceDistance = r.communityId === need.communityId ? 'community' : 'street';
  const availability = availabilityScore(r, need);
  const quantity = quantityScore(r, need.peopleNeeded);
  const factors: Record<ResourceMatchFactor, number> = {
    category: CATEGORY_FIT_SCORE[fit],
    distance: DISTANCE_SCORE[distance],
    availability: availability.score,
    quantity: quantity.score,
  };
  const reasons: ResourceMatchReason[] = [];
  if (fit === 'named')
    reasons.push({ factor: 'category', key: 'category.named', params: { category: need.categoryName } });
  if (fit === 'kind') reasons.push({ factor: 'category', key: `category.kind.${r.kind}`, params: {} });
  reasons.push({ factor: 'distance', key: `distance.${distance}`, params: {} });
  if (availability.key) reasons.push({ factor: 'availability', key: availability.key, params: {} });
  if (quantity.reason) reasons.push({ factor: 'quantity', ...quantity.reason });
  return { resourceId: r.id, total: resourceTotal(factors), fit, distance, factors, reasons };
}

/**
 * Ranks the resources that fit the need's category at all (named or by kind), best first: by total, then the named
 * fit, then nearer, then id (stable). At most `top`.
 */
export function rankResources(
  need: NeedResourceFacts,
  resources: readonly ResourceCandidate[],
  top: number,
): ResourceMatchScore[] {
  return resources
    .map((r) => scoreResource(need, r))
    .filter((s) => s.fit !== 'none')
    .sort(
      (a, b) =>
        b.total - a.total ||
        b.factors.category - a.factors.category ||
        b.factors.distance - a.factors.distance ||
        (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0),
    )
    .slice(0, top);
}
