// Claims (认领): a partner unit's contact claims a published project with a plan; the community approves one claim
// (the project becomes claimed, the unit named, the other pending claims rejected) or rejects with a reason. One
// live claim per unit and project, kept by the unique key on (project, live_unit_id) even when identical claims race.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { must } from '../../platform/must.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction } from '../../db/transaction.js';
import * as repo from './projects.repository.js';
import { managesProjects, representedUnits, unitReachesCommunity } from './projects.policy.js';
import { type ClaimState, nextClaimState, TAKEN_BY_OTHER_REASON } from './projects.rules.js';
import type { ClaimProject, MyPartnerUnit, ProjectClaim, ReviewClaim } from './projects.schemas.js';
import { presentClaims, projectStep } from './projects.service.js';
import { projectClaimReviewed } from './projects.events.js';
import { locateOne } from './projects.scope.js';

/** The partner units the actor acts for (a partner contact whose phone is the unit's contact phone). */
export async function listMyPartnerUnits(deps: Deps, actor: Actor): Promise<MyPartnerUnit[]> {
  return (await representedUnits(deps, deps.db, actor)).map((u) => ({
    id: u.id,
    name: u.name,
    nodeName: u.nodeName,
    category: u.category,
  }));
}

async function presentOne(deps: Deps, id: string): Promise<ProjectClaim> {
  const row = must(await repo.findClaim(deps.db, id), `claim ${id}`);
  return must((await presentClaims(deps.db, [row], null))[0], `claim ${id}`);
}

/** Raised inside the transaction when the unit already holds a live claim: answered after the rollback. */
class LiveClaimExists extends Error {
  constructor(readonly claim: repo.ClaimRow) {
    super('live claim exists');
  }
}

/**
 * A partner contact claims a published project for their unit. The same claim sent twice (or eight times at once)
 * answers the one live claim; a different plan while one is live is CLAIM_DUPLICATE.
 */
export async function claimProject(
  deps: Deps,
  actor: Actor,
  projectId: string,
  input: ClaimProject,
): Promise<ProjectClaim> {
  const unit = (await representedUnits(deps, deps.db, actor)).find((u) => u.id === input.partnerUnitId);
  if (!unit) throw notFound('partner_unit');
  let existing: repo.ClaimRow | undefined;
  try {
    const id = await inTransaction(deps.db, async ({ trx }) => {
      const p = await locateOne(trx, await repo.findProject(trx, projectId));
      if (!p || p.district_id !== unit.districtId || !unitReachesCommunity(unit.nodePath, p.community_path))
        throw notFound('project');
      const live = await repo.findLiveClaim(trx, p.district_id, p.id, unit.id);
      if (live) throw new LiveClaimExists(live);
      if (p.status !== 'published')
        throw new AppError('PROJECT_STATE', { status: `project_${p.status}`, action: 'project_claim' });
      const claimId = newId();
      const now = iso(deps.clock.now());
      await repo.insertClaim(trx, {
        district_id: p.district_id,
        id: claimId,
        project_id: p.id,
        partner_unit_id: unit.id,
        partner_unit_name: unit.name,
        claimant_user_id: actor.userId,
        plan: input.plan,
        status: 'pending',
        live_unit_id: unit.id,
        reviewed_by: null,
        reviewed_at: null,
        reject_reason: null,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, deps.clock, actor, {
        districtId: p.district_id,
        action: 'project.claim',
        targetType: 'project_claim',
        targetId: claimId,
        scopeNodeId: p.community_id,
        scopePath: p.community_path,
        details: { projectId: p.id, partnerUnitId: unit.id, unit: unit.name },
      });
      return claimId;
    });
    return await presentOne(deps, id);
  } catch (e) {
    if (e instanceof LiveClaimExists) existing = e.claim;
    // Identical claims racing on PostgreSQL both pass the look-up; the unique key stops all but one.
    else if (repo.isLiveClaimClash(e)) {
      const p = await repo.findProject(deps.db, projectId);
      existing = p ? await repo.findLiveClaim(deps.db, p.district_id, p.id, unit.id) : undefined;
    }
    if (!existing) throw e;
  }
  if (existing.plan !== input.plan || existing.status !== 'pending')
    throw new AppError('CLAIM_DUPLICATE', { unit: unit.name, status: `claim_${existing.status}` });
  return presentOne(deps, existing.id);
}

/**
 * The community reviews a claim. Approving moves the project to claimed with the unit named and rejects the other
 * pending claims; the project row is locked first, so two approvals of rival claims run in turn and the second is
 * refused. Rejecting needs a reason (the schema asks for it).
 */
export async function reviewClaim(
  deps: Deps,
  actor: Actor,
  claimId: string,
  input: ReviewClaim,
): Promise<ProjectClaim> {
  await inTransaction(deps.db, async ({ trx }) => {
    const first = await repo.findClaim(trx, claimId);
    if (!first) throw notFound('project_claim');
    const before = await locateOne(trx, await repo.findProject(trx, first.project_id));
    if (!before || !managesProjects(actor, { districtId: before.district_id, path: before.community_path }))
      throw notFound('project_claim');
    await repo.lockProject(trx, before.district_id, before.id);
    const p = {
      ...must(await repo.findProject(trx, before.id), `project ${before.id}`),
      community_path: before.community_path,
    };
    const c = must(await repo.findClaim(trx, claimId), `claim ${claimId}`);
    const to = nextClaimState(c.status as ClaimState, input.decision);
    if (!to) throw new AppError('CLAIM_STATE', { status: `claim_${c.status}` });
    const now = iso(deps.clock.now());
    const reviewed = { reviewed_by: actor.userId, reviewed_at: now, updated_at: now };
    if (input.decision === 'approve') {
      const next = projectStep(p, 'approve_claim');
      await repo.decideClaim(trx, c.district_id, c.id, { status: 'approved', ...reviewed });
      await repo.moveProject(trx, p.district_id, p.id, p.status, {
        status: next,
        claimed_unit_id: c.partner_unit_id,
        claimed_unit_name: c.partner_unit_name,
        claim_id: c.id,
        updated_at: now,
      });
      const others = await repo.rejectOtherPending(trx, p.district_id, p.id, c.id, {
        status: 'rejected',
        live_unit_id: null,
        reject_reason: TAKEN_BY_OTHER_REASON,
        ...reviewed,
      });
      await recordAudit(trx, deps.clock, actor, {
        districtId: p.district_id,
        action: 'project.claim.approve',
        targetType: 'project_claim',
        targetId: c.id,
        scopeNodeId: p.community_id,
        scopePath: p.community_path,
        details: { projectId: p.id, unit: c.partner_unit_name, rejectedClaimIds: others },
      });
    } else {
      await repo.decideClaim(trx, c.district_id, c.id, {
        status: 'rejected',
        live_unit_id: null,
        reject_reason: input.reason ?? null,
        ...reviewed,
      });
      await recordAudit(trx, deps.clock, actor, {
        districtId: p.district_id,
        action: 'project.claim.reject',
        targetType: 'project_claim',
        targetId: c.id,
        scopeNodeId: p.community_id,
        scopePath: p.community_path,
        details: { projectId: p.id, unit: c.partner_unit_name, reason: input.reason ?? null },
      });
    }
    await projectClaimReviewed.emit(trx, deps.clock, {
      districtId: c.district_id,
      refId: c.id,
      payload: {
        claimId: c.id,
        projectId: p.id,
        projectTitle: p.title,
        partnerUnitName: c.partner_unit_name,
        claimantUserId: c.claimant_user_id,
        approved: input.decision === 'approve',
        reason: input.decision === 'approve' ? null : (input.reason ?? null),
      },
    });
  });
  return presentOne(deps, claimId);
}

/** The claimer's unit withdraws its pending claim. */
export async function withdrawClaim(deps: Deps, actor: Actor, claimId: string): Promise<ProjectClaim> {
  const units = new Set((await representedUnits(deps, deps.db, actor)).map((u) => u.id));
  await inTransaction(deps.db, async ({ trx }) => {
    const c = await repo.findClaim(trx, claimId);
    if (!c || !units.has(c.partner_unit_id)) throw notFound('project_claim');
    const to = nextClaimState(c.status as ClaimState, 'withdraw');
    const now = iso(deps.clock.now());
    if (!to || !(await repo.decideClaim(trx, c.district_id, c.id, { status: to, live_unit_id: null, updated_at: now })))
      throw new AppError('CLAIM_STATE', { status: `claim_${c.status}` });
    const p = must(await locateOne(trx, await repo.findProject(trx, c.project_id)), `project ${c.project_id}`);
    await recordAudit(trx, deps.clock, actor, {
      districtId: c.district_id,
      action: 'project.claim.withdraw',
      targetType: 'project_claim',
      targetId: c.id,
      scopeNodeId: p.community_id,
      scopePath: p.community_path,
      details: { projectId: c.project_id, unit: c.partner_unit_name },
    });
  });
  return presentOne(deps, claimId);
}
