// Pure rules of explainable matching (seed 004, 鄂志愿): five factor scores (0–100, integers) per volunteer, a weighted
// total, and one reason in words per factor that contributed. No database, no clock: the service passes what it read.

/** Weights of the five factors (non-negative integers; per district in settings, these are the defaults). */
export interface MatchWeights {
  skill: number;
  proximity: number;
  availability: number;
  reliability: number;
  fairness: number;
}

export const MATCH_FACTORS = ['skill', 'proximity', 'availability', 'reliability', 'fairness'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  skill: 35,
  proximity: 25,
  availability: 15,
  reliability: 10,
  fairness: 15,
};

/** A problem key when weights are unusable (negative, fractional, too large, or all zero), else null. */
export function checkMatchWeights(w: MatchWeights): string | null {
  const values = MATCH_FACTORS.map((f) => w[f]);
  if (values.some((v) => !Number.isInteger(v) || v < 0 || v > 100)) return 'match_weights';
  if (values.every((v) => v === 0)) return 'match_weights';
  return null;
}

/** Where a volunteer lives relative to the need, nearest first. */
export type Proximity = 'building' | 'grid' | 'community' | 'street' | 'far';
export const PROXIMITY_SCORE: Record<Proximity, number> = {
  building: 100,
  grid: 75,
  community: 50,
  street: 25,
  far: 0,
};

/** The proximity tier from node ids of the need and the volunteer's home (nulls never match). */
export function proximityOf(
  need: { buildingId: string | null; gridId: string | null; communityId: string; streetId: string | null },
  home: { buildingId: string | null; gridId: string | null; communityId: string; streetId: string | null },
): Proximity {
  if (need.buildingId && need.buildingId === home.buildingId) return 'building';
  if (need.gridId && need.gridId === home.gridId) return 'grid';
  if (need.communityId === home.communityId) return 'community';
  if (need.streetId && need.streetId === home.streetId) return 'street';
  return 'far';
}

export const TIME_BANDS = ['morning', 'afternoon', 'evening'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];
/** Weekday "1" (Monday) … "7" (Sunday) → bands the volunteer is usually free (as volunteers store it). */
export type Availability = Partial<Record<string, string[]>>;

/** China-time hours of each band: morning 06–12, afternoon 12–18, evening 18–22; night hours belong to none. */
export function bandOfHour(hour: number): TimeBand | null {
  if (hour >= 6 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 22) return 'evening';
  return null;
}

/** A weekday ("1" Monday … "7" Sunday) and band the need's window touches. */
export interface Slot {
  weekday: string;
  band: TimeBand;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * The (weekday, band) slots a time window covers in China time, in order, without repeats. A window longer than a
 * week covers every slot. Null when there is no window (any time suits the requester).
 */
export function windowSlots(start: string | null, end: string | null): Slot[] | null {
  if (!start) return null;
  const from = new Date(start).getTime();
  const to = end ? new Date(end).getTime() : from + 3600_000;
  const slots: Slot[] = [];
  const seen = new Set<string>();
  const stop = Math.min(to, from + 7 * 86_400_000);
  // Step through the window by the hour (and look at its very start), reading each instant in China time.
  for (let t = from; t < Math.max(stop, from + 1); t += 3600_000) {
    const china = new Date(t + CHINA_OFFSET_MS);
    const band = bandOfHour(china.getUTCHours());
    if (!band) continue;
    const weekday = String(china.getUTCDay() === 0 ? 7 : china.getUTCDay());
    const key = `${weekday}:${band}`;
    if (!seen.has(key)) {
      seen.add(key);
      slots.push({ weekday, band });
    }
  }
  return slots;
}

/** What the scoring needs to know about one volunteer (read by the service; stats counted over the last 30 days). */
export interface Candidate {
  userId: string;
  skills: string[];
  availability: Availability;
  proximity: Proximity;
  /** Activities signed up for that have ended, and how many of them the volunteer attended. */
  attendanceExpected: number;
  attendanceKept: number;
  /** Average rating (1–5) of the help the volunteer gave, and how many ratings. */
  ratingAverage: number | null;
  ratingCount: number;
  /** Services (records and need tasks) in the last 30 days. */
  recentServices: number;
}

/** A reason in words: a message key (MATCH_REASON_TEXTS in platform/messages.ts) and its parameters. */
export interface MatchReason {
  factor: MatchFactor;
  key: string;
  params: Record<string, string | number>;
}

export interface MatchScore {
  userId: string;
  /** Weighted total, 0–100. */
  total: number;
  factors: Record<MatchFactor, number>;
  reasons: MatchReason[];
}

/** Need-side facts for scoring: the category's skills and the window's slots. */
export interface NeedFacts {
  skills: string[];
  slots: Slot[] | null;
}

/** Skill fit: the share of the category's skills the volunteer has (neutral 50 when the category names none). */
export function skillScore(needed: string[], has: string[]): { score: number; matched: string[] } {
  if (needed.length === 0) return { score: 50, matched: [] };
  const matched = needed.filter((s) => has.includes(s));
  return { score: Math.round((100 * matched.length) / needed.length), matched };
}

/** Availability overlap: the share of the window's slots the volunteer is usually free in (neutral 50 without window). */
export function availabilityScore(slots: Slot[] | null, availability: Availability): { score: number; free: Slot[] } {
  if (slots === null || slots.length === 0) return { score: 50, free: [] };
  const free = slots.filter((s) => (availability[s.weekday] ?? []).includes(s.band));
  return { score: Math.round((100 * free.length) / slots.length), free };
}

/**
 * Reliability: 70 % attendance rate, 30 % rating ((avg − 1) / 4). Without any history the score is a neutral 50;
 * with one half known, the other half counts as neutral.
 */
export function reliabilityScore(c: Pick<Candidate, 'attendanceExpected' | 'attendanceKept' | 'ratingAverage'>): {
  score: number;
  attendancePercent: number | null;
} {
  const attendance = c.attendanceExpected > 0 ? Math.min(1, c.attendanceKept / c.attendanceExpected) : null;
  const rating = c.ratingAverage !== null ? (Math.min(5, Math.max(1, c.ratingAverage)) - 1) / 4 : null;
  if (attendance === null && rating === null) return { score: 50, attendancePercent: null };
  const score = 70 * (attendance ?? 0.5) + 30 * (rating ?? 0.5);
  return {
    score: Math.round(score),
    attendancePercent: attendance === null ? null : Math.round(attendance * 100),
  };
}

/** Fairness: fewer services in the last 30 days rank higher (100 for none, −20 per service, never below 0). */
export function fairnessScore(recentServices: number): number {
  return Math.max(0, 100 - 20 * Math.max(0, recentServices));
}

const WEEKDAY_KEYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Scores one volunteer for a need with the weights, with a reason for each factor that counted in their favour. */
export function scoreCandidate(need: NeedFacts, c: Candidate, w: MatchWeights): MatchScore {
  const reasons: MatchReason[] = [];
  const skill = skillScore(need.skills, c.skills);
  if (skill.matched.length > 0) {
    reasons.push({ factor: 'skill', key: 'skill', params: { skills: skill.matched.join('、') } });
  }
  const proximity = PROXIMITY_SCORE[c.proximity];
  if (c.proximity !== 'far') reasons.push({ factor: 'proximity', key: `proximity.${c.proximity}`, params: {} });
  const avail = availabilityScore(need.slots, c.availability);
  const first = avail.free[0];
  if (first) {
    reasons.push({
      factor: 'availability',
      key: 'availability',
      params: { weekday: WEEKDAY_KEYS[Number(first.weekday)] ?? '', band: first.band },
    });
  }
  const rel = reliabilityScore(c);
  if (rel.attendancePercent !== null && rel.attendancePercent >= 80) {
    reasons.push({ factor: 'reliability', key: 'reliability.attendance', params: { percent: rel.attendancePercent } });
  } else if (c.ratingAverage !== null && c.ratingAverage >= 4) {
    reasons.push({ factor: 'reliability', key: 'reliability.rating', params: { rating: c.ratingAverage.toFixed(1) } });
  }
  const fairness = fairnessScore(c.recentServices);
  if (c.recentServices <= 1) {
    reasons.push({ factor: 'fairness', key: 'fairness', params: { count: c.recentServices } });
  }
  const factors: Record<MatchFactor, number> = {
    skill: skill.score,
    proximity,
    availability: avail.score,
    reliability: rel.score,
    fairness,
  };
  return { userId: c.userId, total: weightedTotal(factors, w), factors, reasons };
}

/** The weighted average of factor scores, rounded to an integer 0–100. */
export function weightedTotal(factors: Record<MatchFactor, number>, w: MatchWeights): number {
  const sum = MATCH_FACTORS.reduce((s, f) => s + w[f], 0);
  if (sum === 0) return 0;
  return Math.round(MATCH_FACTORS.reduce((s, f) => s + w[f] * factors[f], 0) / sum);
}

/** Best first: higher total, then fewer recent services, then the user id (stable). */
export function rankCandidates(need: NeedFacts, candidates: Candidate[], w: MatchWeights, top: number): MatchScore[] {
  const recent = new Map(candidates.map((c) => [c.userId, c.recentServices]));
  return candidates
    .map((c) => scoreCandidate(need, c, w))
    .sort(
      (a, b) =>
        b.total - a.total ||
        (recent.get(a.userId) ?? 0) - (recent.get(b.userId) ?? 0) ||
        (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    )
    .slice(0, top);
}

/**
 * The coarse score the database orders by before the full scoring (skill hit and proximity tier only), so the few
 * hundred best by these two dominant factors are the ones scored in full. Mirrors the SQL in matching.repository.ts.
 */
export function coarseScore(skillHit: boolean, proximity: Proximity): number {
  return (skillHit ? 10 : 0) + { building: 4, grid: 3, community: 2, street: 1, far: 0 }[proximity];
}

/** A 62-bit-safe mask of skill names (FNV-1a hash → bit 0–30), for the coarse skill filter in SQL; JS checks exactly. */
export function skillMask(skills: readonly string[]): number {
  let mask = 0;
  for (const s of skills) mask |= 1 << skillBit(s);
  return mask >>> 0;
}

/** The bit (0–30) a skill name sets in skillMask. */
export function skillBit(skill: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < skill.length; i += 1) {
    h ^= skill.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 31;
}
