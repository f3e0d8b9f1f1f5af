// Star-level promotions (星级评定): detected when accepted hours cross the district's next threshold, publicised (公示)
// for the configured working days, objected to by residents, decided by staff, effective after the period.
// The state graph is in stars.rules.ts.
import { recordAudit } from '../../platform/audit.js';
import { chinaDate, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Actor, can, reachesOf } from '../../platform/permissions.js';
import { maskName } from '../../platform/privacy.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { acceptedMinutesAllTime } from '../records/index.js';
import { getVolunteering, starLevel } from '../settings/index.js';
import { findApprovedVolunteer, listVolunteershipsOf } from '../volunteers/index.js';
import * as repo from './stars.repository.js';
import {
  blockedUntil,
  decisionTarget,
  nextPromotionLevel,
  publicityOver,
  publicityUntil,
  STAR_STATUS_TEXT,
  type StarDecision,
  type StarFinding,
  type StarStatus,
} from './stars.rules.js';

const LIVE: readonly string[] = ['in_publicity', 'objected'];

export interface StarPromotion {
  id: string;
  districtId: string;
  level: number;
  status: StarStatus;
  publicityFrom: string;
  publicityUntil: string;
  effectiveAt: string | null;
  decision: StarDecision | null;
  finding: StarFinding | null;
  decisionNote: string | null;
  blockedUntil: string | null;
}

function toPromotion(p: repo.PromotionRow): StarPromotion {
  return {
    id: p.id,
    districtId: p.district_id,
    level: Number(p.level),
    status: p.status as StarStatus,
    publicityFrom: p.publicity_from,
    publicityUntil: p.publicity_until,
    effectiveAt: p.effective_at,
    decision: p.decision as StarDecision | null,
    finding: p.finding as StarFinding | null,
    decisionNote: p.decision_note,
    blockedUntil: p.blocked_until,
  };
}

/** What a person's promotions say: the effective level, the live promotion, an active block. */
function standing(rows: repo.PromotionRow[], now: string) {
  const effective = rows.filter((r) => r.status === 'effective').reduce((m, r) => Math.max(m, Number(r.level)), 0);
  const live = rows.find((r) => LIVE.includes(r.status)) ?? null;
  const block = rows
    .map((r) => r.blocked_until)
    .filter((b): b is string => !!b && b > now)
    .sort()
    .at(-1);
  return { effective, live, blockedUntil: block ?? null };
}

/**
 * Publicises the person's next level when their accepted hours reach it (one level at a time, never skipping), unless
 * a promotion is already live or a falsified-hours block holds. Runs in the caller's transaction (the event consumer,
 * the daily job, a decision); a twin run finds the unique (person, level) key taken and makes nothing.
 */
export async function detectPromotion(
  deps: Pick<Deps, 'clock' | 'cipher'>,
  trx: Executor,
  districtId: string,
  userId: string,
  teamId: string | null,
): Promise<StarPromotion | null> {
  const v = await findApprovedVolunteer(trx, districtId, userId);
  if (!v) return null;
  const settings = await getVolunteering(trx, districtId);
  const minutes = (await acceptedMinutesAllTime(trx, districtId, [userId])).get(userId) ?? 0;
  const now = deps.clock.now();
  const at = iso(now);
  const rows = await repo.promotionsOf(trx, districtId, userId);
  const s = standing(rows, at);
  const level = nextPromotionLevel({
    computedLevel: starLevel(minutes, settings.starThresholdsHours),
    effectiveLevel: s.effective,
    hasLivePromotion: !!s.live,
    blocked: !!s.blockedUntil,
  });
  if (level === null) return null;
  const from = chinaDate(now);
  const row: repo.PromotionRow = {
    district_id: districtId,
    id: newId(),
    user_id: userId,
    volunteer_id: v.id,
    community_id: v.community_id,
    team_id: teamId ?? rows.find((r) => r.team_id)?.team_id ?? null,
    name_masked: maskName(deps.cipher.decrypt(v.real_name_enc)),
    level,
    accepted_minutes: minutes,
    status: 'in_publicity',
    publicity_from: from,
    publicity_until: publicityUntil(from, settings.starPublicityWorkingDays, {
      nonWorkingDates: settings.nonWorkingDates,
      makeUpWorkingDates: settings.makeUpWorkingDates,
    }),
    effective_at: null,
    decision: null,
    finding: null,
    decision_note: null,
    decided_by: null,
    decided_at: null,
    blocked_until: null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  if (!(await repo.insertPromotion(trx, row))) return null;
  const community = await findNode(trx, v.community_id);
  await recordAudit(trx, deps.clock, null, {
    districtId,
    action: 'star.publicise',
    targetType: 'star_promotion',
    targetId: row.id,
    scopeNodeId: v.community_id,
    scopePath: community?.path ?? '/',
    details: { userId, level, minutes, publicityUntil: row.publicity_until },
  });
  return toPromotion(row);
}

/** Moves one promotion whose publicity ended without objection to effective; false when nothing changed. */
export async function takeEffect(deps: Deps, id: string): Promise<boolean> {
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await repo.findPromotion(trx, id);
    const now = deps.clock.now();
    if (!p || p.status !== 'in_publicity' || !publicityOver(p.publicity_until, chinaDate(now))) return false;
    const at = iso(now);
    const moved = await repo.updatePromotionAt(trx, p, { status: 'effective', effective_at: at, updated_at: at });
    if (!moved) return false;
    const community = await findNode(trx, p.community_id);
    await recordAudit(trx, deps.clock, null, {
      districtId: p.district_id,
      action: 'star.effective',
      targetType: 'star_promotion',
      targetId: p.id,
      scopeNodeId: p.community_id,
      scopePath: community?.path ?? '/',
      details: { userId: p.user_id, level: Number(p.level) },
    });
    // The next level follows once this one has taken effect.
    await detectPromotion(deps, trx, p.district_id, p.user_id, p.team_id);
    return true;
  });
}

/** Moves every promotion whose publicity period is over to effective; safe to run twice or at once. */
export async function settleEndedPublicity(deps: Deps): Promise<number> {
  let done = 0;
  const seen = new Set<string>();
  for (;;) {
    const rows = (await repo.publicityEnded(deps.db, chinaDate(deps.clock.now()), 200)).filter((r) => !seen.has(r.id));
    if (rows.length === 0) return done;
    for (const r of rows) {
      seen.add(r.id);
      if (await takeEffect(deps, r.id)) done += 1;
    }
  }
}

export interface StarLevelsItem {
  districtId: string;
  volunteerId: string;
  acceptedMinutes: number;
  /** The level the accepted hours reach today. */
  computedLevel: number;
  /** The level held: the highest promotion that took effect (what the card and certificate show). */
  effectiveLevel: number;
  thresholdsHours: number[];
  current: StarPromotion | null;
  blockedUntil: string | null;
  history: StarPromotion[];
}

/** The signed-in person's star levels in each district they volunteer in. */
export async function getStarLevels(deps: Deps, actor: Actor): Promise<{ items: StarLevelsItem[] }> {
  const items: StarLevelsItem[] = [];
  const now = iso(deps.clock.now());
  for (const v of await listVolunteershipsOf(deps.db, actor.userId)) {
    if (v.status !== 'approved') continue;
    const settings = await getVolunteering(deps.db, v.district_id);
    const minutes = (await acceptedMinutesAllTime(deps.db, v.district_id, [actor.userId])).get(actor.userId) ?? 0;
    const rows = await repo.promotionsOf(deps.db, v.district_id, actor.userId);
    const s = standing(rows, now);
    items.push({
      districtId: v.district_id,
      volunteerId: v.id,
      acceptedMinutes: minutes,
      computedLevel: starLevel(minutes, settings.starThresholdsHours),
      effectiveLevel: s.effective,
      thresholdsHours: settings.starThresholdsHours,
      current: s.live ? toPromotion(s.live) : null,
      blockedUntil: s.blockedUntil,
      history: rows.map(toPromotion),
    });
  }
  return { items };
}

/** The level a person holds in a district (0 when none): for the certificate (records' port). */
export function effectiveStarLevel(db: Executor, districtId: string, userId: string): Promise<number> {
  return repo.effectiveLevelOf(db, districtId, userId);
}

export interface PublicityItem {
  id: string;
  nameMasked: string;
  level: number;
  status: 'in_publicity' | 'objected';
  communityName: string | null;
  teamName: string | null;
  publicityFrom: string;
  publicityUntil: string;
  /** Whether the signed-in caller has objected (false without a session). */
  objectedByMe: boolean;
}

/** The public publicity list (公示): masked names, level, team, community and dates; no phone, no ID. */
export async function listStarPublicity(
  deps: Deps,
  actor: Actor | null,
  q: { districtId: string; communityId?: string },
): Promise<{ items: PublicityItem[] }> {
  const rows = await repo.listPublicity(deps.db, q.districtId, q.communityId, 200);
  const mine = actor
    ? new Set(
        (
          await repo.hasObjected(
            deps.db,
            q.districtId,
            actor.userId,
            rows.map((r) => r.id),
          )
        ).map((r) => r.promotion_id),
      )
    : new Set<string>();
  return {
    items: rows.map((r) => ({
      id: r.id,
      nameMasked: r.name_masked,
      level: Number(r.level),
      status: r.status as 'in_publicity' | 'objected',
      communityName: r.community_name,
      teamName: r.team_name,
      publicityFrom: r.publicity_from,
      publicityUntil: r.publicity_until,
      objectedByMe: mine.has(r.id),
    })),
  };
}

/** A signed-in resident objects to a promotion in publicity, with a reason; one objection per person. */
export async function objectStarPublicity(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<{ id: string; status: StarStatus }> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('REASON_REQUIRED');
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await repo.findPromotion(trx, id);
    if (!p) throw notFound('star_promotion');
    const now = deps.clock.now();
    if (!LIVE.includes(p.status) || publicityOver(p.publicity_until, chinaDate(now)))
      throw new AppError('STAR_STATE', {
        status: STAR_STATUS_TEXT[p.status as StarStatus] ?? p.status,
        action: '提出异议',
      });
    if (p.user_id === actor.userId) throw new AppError('STAR_OBJECTION_SELF');
    const at = iso(now);
    const inserted = await repo.insertObjection(trx, {
      district_id: p.district_id,
      id: newId(),
      promotion_id: p.id,
      user_id: actor.userId,
      reason,
      created_at: at,
    });
    if (!inserted) throw new AppError('STAR_OBJECTION_TWICE');
    // Another objection may have moved it already: the version check then changes nothing, which is what we want.
    if (p.status === 'in_publicity') await repo.updatePromotionAt(trx, p, { status: 'objected', updated_at: at });
    const community = await findNode(trx, p.community_id);
    await recordAudit(trx, deps.clock, actor, {
      districtId: p.district_id,
      action: 'star.object',
      targetType: 'star_promotion',
      targetId: p.id,
      scopeNodeId: p.community_id,
      scopePath: community?.path ?? '/',
      details: { level: Number(p.level), reason },
    });
    return { id: p.id, status: 'objected' as const };
  });
}

export interface StaffPromotion extends StarPromotion {
  userId: string;
  volunteerId: string;
  nameMasked: string;
  communityName: string | null;
  teamName: string | null;
  acceptedMinutes: number;
  objections: Array<{ id: string; reason: string; createdAt: string }>;
}

/** Promotions in the staff member's scope (volunteer.review): in publicity, objected, or any status asked for. */
export async function listStarPromotions(
  deps: Deps,
  actor: Actor,
  q: { status?: StarStatus },
): Promise<{ items: StaffPromotion[] }> {
  const reaches = reachesOf(actor, 'volunteer.review');
  if (reaches.length === 0) return { items: [] };
  const statuses = q.status ? [q.status] : LIVE;
  const rows = await repo.listInScope(deps.db, reaches, statuses, 200);
  const items: StaffPromotion[] = [];
  for (const r of rows) {
    const objections = r.status === 'objected' ? await repo.objectionsOf(deps.db, r.district_id, r.id) : [];
    items.push({
      ...toPromotion(r),
      userId: r.user_id,
      volunteerId: r.volunteer_id,
      nameMasked: r.name_masked,
      communityName: r.community_name,
      teamName: r.team_name,
      acceptedMinutes: Number(r.accepted_minutes),
      objections: objections.map((o) => ({ id: o.id, reason: o.reason, createdAt: o.created_at })),
    });
  }
  return { items };
}

/**
 * Staff with volunteer.review in the community decide an objected promotion: uphold (effective when the period is
 * over, else back in publicity) or reject with a finding; falsified hours block promotion for starBlockMonths.
 */
export async function decideStarPromotion(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { decision: StarDecision; finding?: StarFinding | null; note?: string | null },
): Promise<StarPromotion> {
  const note = input.note?.trim() || null;
  if (input.decision === 'reject' && (!input.finding || !note)) throw new AppError('REASON_REQUIRED');
  return inTransaction(deps.db, async ({ trx }) => {
    const p = await repo.findPromotion(trx, id);
    const community = p ? await findNode(trx, p.community_id) : undefined;
    if (!p || !community || !can(actor, 'volunteer.review', { districtId: p.district_id, path: community.path }))
      throw notFound('star_promotion');
    if (p.status !== 'objected')
      throw new AppError('STAR_STATE', {
        status: STAR_STATUS_TEXT[p.status as StarStatus] ?? p.status,
        action: '处理异议',
      });
    const now = deps.clock.now();
    const at = iso(now);
    const to = decisionTarget(input.decision, publicityOver(p.publicity_until, chinaDate(now)));
    const settings = await getVolunteering(trx, p.district_id);
    const finding = input.decision === 'reject' ? (input.finding ?? 'other') : null;
    const patch = {
      status: to,
      decision: input.decision,
      finding,
      decision_note: note,
      decided_by: actor.userId,
      decided_at: at,
      effective_at: to === 'effective' ? at : null,
      blocked_until: finding === 'falsified' ? blockedUntil(at, settings.starBlockMonths) : null,
      updated_at: at,
    };
    if (!(await repo.updatePromotionAt(trx, p, patch)))
      throw new AppError('STAR_STATE', { status: STAR_STATUS_TEXT.objected, action: '处理异议' });
    await recordAudit(trx, deps.clock, actor, {
      districtId: p.district_id,
      action: 'star.decide',
      targetType: 'star_promotion',
      targetId: p.id,
      scopeNodeId: community.id,
      scopePath: community.path,
      details: {
        level: Number(p.level),
        decision: input.decision,
        to,
        finding,
        note,
        blockedUntil: patch.blocked_until,
      },
    });
    if (to === 'effective') await detectPromotion(deps, trx, p.district_id, p.user_id, p.team_id);
    return toPromotion({ ...p, ...patch, version: Number(p.version) + 1 });
  });
}
