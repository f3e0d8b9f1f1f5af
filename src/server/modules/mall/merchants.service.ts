// The merchant alliance (商企合伙人): apply → community review → street filing; staff; annual evaluation and exit.
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { countRows, type CountedPage, decodeCursor, toPage } from '../../platform/pagination.js';
import { type Actor, can, canAbove, reachesOf } from '../../platform/permissions.js';
import { maskName, maskPhone } from '../../platform/privacy.js';
import { must, onlyRow } from '../../platform/must.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { ensureRole } from '../accounts/index.js';
import type { Contributor } from '../ledger/index.js';
import { findNode } from '../org/index.js';
import type { MerchantTable } from './mall.tables.js';
import { notifyEventsCommitted } from '../../platform/events.js';
import { merchantApplied, merchantReviewed } from './mall.events.js';
import * as repo from './mall.repository.js';
import { DEFAULT_EXIT_REASON, type MerchantState, nextMerchantState } from './mall.rules.js';
import type { ApplyMerchant, EvaluateMerchant, FileMerchant, ListMerchants, ReviewMerchant } from './mall.schemas.js';
import { refundOrders } from './refunds.service.js';

export type { MerchantRow } from './mall.repository.js';

/**
 * A filed merchant as the ledger's contribution resolver takes it, or undefined. app.ts passes this to the ledger's
 * routes: the mall imports the ledger, so the ledger may not import the mall.
 */
export async function findFiledMerchant(db: Executor, id: string): Promise<Contributor | undefined> {
  const m = await repo.findMerchant(db, id);
  return m?.status === 'filed'
    ? { districtId: m.district_id, id: m.id, name: m.name, nodeId: m.community_id }
    : undefined;
}

export interface Merchant {
  id: string;
  districtId: string;
  communityId: string;
  communityName: string;
  name: string;
  licenceNo: string;
  address: string;
  lat: number | null;
  lng: number | null;
  category: string;
  offerSummary: string;
  /** The contact's masked name and phone: staff with mall.manage in the merchant's scope and the applicant only. */
  contactNameMasked: string | null;
  contactPhoneMasked: string | null;
  status: MerchantState;
  fenPerPoint: number;
  fundName: string | null;
  rejectReason: string | null;
  filedAt: string | null;
  exitedAt: string | null;
  exitReason: string | null;
  createdAt: string;
  isMine: boolean;
}

async function present(deps: Deps, db: Executor, actor: Actor | null, rows: repo.MerchantRow[]): Promise<Merchant[]> {
  const mine = actor ? new Set((await repo.shopsOf(db, actor.userId)).map((r) => r.merchant_id)) : new Set<string>();
  return rows.map((m) => {
    // The contact is personal data: staff in scope and the applicant who gave it; everyone else sees public fields.
    const seesContact =
      m.applicant_user_id === actor?.userId ||
      (actor !== null && can(actor, 'mall.manage', { districtId: m.district_id, path: m.community_path }));
    return {
      id: m.id,
      districtId: m.district_id,
      communityId: m.community_id,
      communityName: m.community_name,
      name: m.name,
      licenceNo: m.licence_no,
      address: m.address,
      lat: m.lat,
      lng: m.lng,
      category: m.category,
      offerSummary: m.offer_summary,
      contactNameMasked: seesContact ? m.contact_name_masked : null,
      contactPhoneMasked: seesContact ? maskPhone(deps.cipher.decrypt(m.contact_phone_enc)) : null,
      status: m.status,
      fenPerPoint: Number(m.fen_per_point),
      fundName: m.fund_name,
      rejectReason: m.reject_reason,
      filedAt: m.filed_at,
      exitedAt: m.exited_at,
      exitReason: m.exit_reason,
      createdAt: m.created_at,
      isMine: mine.has(m.id),
    };
  });
}

async function presentOne(deps: Deps, db: Executor, actor: Actor | null, id: string): Promise<Merchant> {
  const m = must(await repo.findMerchant(db, id), `merchant ${id}`);
  return onlyRow(await present(deps, db, actor, [m]), 'presented merchant');
}

/** A shop applies to join the alliance in its community. */
export async function applyMerchant(deps: Deps, actor: Actor, input: ApplyMerchant): Promise<Merchant> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const c = await findNode(trx, input.communityId);
    if (!c || c.kind !== 'community' || c.archived_at) throw notFound('org_node');
    if (await repo.findMerchantByLicence(trx, c.district_id, input.licenceNo)) throw new AppError('LICENCE_TAKEN');
    const id = newId();
    const now = iso(deps.clock.now());
    await repo.insertMerchant(trx, {
      district_id: c.district_id,
      id,
      community_id: c.id,
      name: input.name,
      licence_no: input.licenceNo,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      category: input.category,
      offer_summary: input.offerSummary,
      contact_name: '',
      contact_name_enc: deps.cipher.encrypt(input.contactName),
      contact_name_masked: maskName(input.contactName),
      contact_phone_enc: deps.cipher.encrypt(input.contactPhone),
      applicant_user_id: actor.userId,
      status: 'applied',
      fen_per_point: 0,
      fund_name: null,
      reviewed_by: null,
      reviewed_at: null,
      reject_reason: null,
      filed_by: null,
      filed_at: null,
      exited_at: null,
      exit_reason: null,
      created_at: now,
      updated_at: now,
    });
    await merchantApplied.emit(trx, deps.clock, {
      districtId: c.district_id,
      refId: id,
      payload: { merchantId: id, name: input.name, communityId: c.id },
    });
    return presentOne(deps, trx, actor, id);
  });
}

async function transition(
  deps: Deps,
  actor: Actor,
  id: string,
  action: 'approve' | 'reject' | 'file',
  patch: Updateable<MerchantTable>,
  details: Record<string, unknown>,
): Promise<Merchant> {
  return inTransaction(deps.db, async ({ trx, afterCommit }) => {
    afterCommit(() => notifyEventsCommitted(deps.db));
    const m = await repo.findMerchant(trx, id);
    const target = m && { districtId: m.district_id, path: m.community_path };
    // Reviewing is the community's; filing is the street's (authority above the community).
    const allowed =
      target && (action === 'file' ? canAbove(actor, 'mall.manage', target) : can(actor, 'mall.manage', target));
    if (!m || !allowed) throw notFound('merchant');
    const next = nextMerchantState(m.status, action);
    if (!next)
      throw new AppError('MERCHANT_STATE', { status: m.status, action: action === 'file' ? 'file' : 'review' });
    const now = iso(deps.clock.now());
    await repo.updateMerchant(trx, m.district_id, id, { ...patch, status: next, updated_at: now });
    if (action === 'file') {
      // The applicant becomes the merchant's first staff account.
      await repo.addMerchantStaff(trx, {
        district_id: m.district_id,
        merchant_id: id,
        user_id: m.applicant_user_id,
        created_at: now,
      });
      await ensureRole(deps, trx, {
        userId: m.applicant_user_id,
        role: 'merchant_staff',
        districtId: m.district_id,
        nodeId: m.community_id,
        grantedBy: actor.userId,
      });
    }
    await merchantReviewed.emit(trx, deps.clock, {
      districtId: m.district_id,
      refId: newId(),
      payload: {
        merchantId: id,
        name: m.name,
        applicantUserId: m.applicant_user_id,
        action,
        reason: typeof patch.reject_reason === 'string' ? patch.reject_reason : null,
      },
    });
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id,
      action: `merchant.${action}`,
      targetType: 'merchant',
      targetId: id,
      scopeNodeId: m.community_id,
      scopePath: m.community_path,
      details: { name: m.name, ...details },
    });
    return presentOne(deps, trx, actor, id);
  });
}

/** The community approves or rejects (with a reason) an application. */
export async function reviewMerchant(deps: Deps, actor: Actor, id: string, input: ReviewMerchant): Promise<Merchant> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'reject' && !reason) throw new AppError('REASON_REQUIRED');
  return transition(
    deps,
    actor,
    id,
    input.decision,
    {
      reviewed_by: actor.userId,
      reviewed_at: iso(deps.clock.now()),
      reject_reason: input.decision === 'reject' ? reason : null,
    },
    { decision: input.decision, reason: input.reason ?? null },
  );
}

/** The street files (备案) a reviewed merchant with the agreed settlement terms; only filed merchants are active. */
export async function fileMerchant(deps: Deps, actor: Actor, id: string, input: FileMerchant): Promise<Merchant> {
  return transition(
    deps,
    actor,
    id,
    'file',
    {
      filed_by: actor.userId,
      filed_at: iso(deps.clock.now()),
      fen_per_point: input.fenPerPoint,
      fund_name: input.fundName ?? null,
    },
    { fenPerPoint: input.fenPerPoint, fundName: input.fundName ?? null },
  );
}

/** Annual evaluation: ratings, complaints, redemptions and the reviewer's decision; "exit" removes offers and refunds open vouchers. */
export async function evaluateMerchant(deps: Deps, actor: Actor, id: string, input: EvaluateMerchant) {
  const result = await inTransaction(deps.db, async ({ trx }) => {
    const m = await repo.findMerchant(trx, id);
    if (!m || !can(actor, 'mall.manage', { districtId: m.district_id, path: m.community_path }))
      throw notFound('merchant');
    // Only a filed merchant is evaluated; the exit decision takes the state machine's one way out of 'filed'.
    const exited = nextMerchantState(m.status, 'exit');
    if (!exited) throw new AppError('MERCHANT_STATE', { status: m.status, action: 'evaluate' });
    if (await repo.findEvaluation(trx, m.district_id, id, input.year))
      throw new AppError('EVALUATION_EXISTS', { year: input.year });
    const stats = await repo.merchantYearStats(trx, m.district_id, id, input.year);
    const now = iso(deps.clock.now());
    await repo.insertEvaluation(trx, {
      district_id: m.district_id,
      id: newId(),
      merchant_id: id,
      year: input.year,
      rating_x10: stats.ratingX10,
      ratings: stats.ratings,
      complaints: stats.complaints,
      redemptions: stats.redemptions,
      decision: input.decision,
      note: input.note ?? null,
      decided_by: actor.userId,
      decided_at: now,
    });
    if (input.decision === 'exit') {
      await repo.updateMerchant(trx, m.district_id, id, {
        status: exited,
        exited_at: now,
        exit_reason: input.note || DEFAULT_EXIT_REASON,
        updated_at: now,
      });
      await repo.removeMerchantItems(trx, m.district_id, id, now);
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id,
      action: 'merchant.evaluate',
      targetType: 'merchant',
      targetId: id,
      scopeNodeId: m.community_id,
      scopePath: m.community_path,
      details: { year: input.year, decision: input.decision, ...stats },
    });
    return { districtId: m.district_id, stats };
  });
  // Refunds run after the exit commits, one voucher per transaction; rerunning refunds nothing twice.
  const refunded =
    input.decision === 'exit' ? await refundOrders(deps, { districtId: result.districtId, merchantId: id }) : 0;
  return { merchant: await presentOne(deps, deps.db, actor, id), ...result.stats, refunded };
}

/** Merchants: staff see their scope (all states); everyone else sees filed merchants of a district; mine = my shops and applications. */
export async function listMerchants(deps: Deps, actor: Actor, q: ListMerchants): Promise<CountedPage<Merchant>> {
  const reaches = reachesOf(actor, 'mall.manage');
  const filter = { userId: actor.userId, reaches, mine: !!q.mine, status: q.status, districtId: q.districtId };
  const rows = await repo.listMerchants(deps.db, { ...filter, before: decodeCursor(q.cursor), limit: q.limit });
  const total = await countRows(repo.merchantsFiltered(deps.db, filter));
  const page = toPage(
    rows,
    q.limit,
    (r) => r.id,
    (r) => r,
  );
  return { items: await present(deps, deps.db, actor, page.items), nextCursor: page.nextCursor, total };
}

/**
 * A merchant's contact name and phone in full, for staff with mall.manage in the merchant's community (to call the
 * shop); anyone else gets NOT_FOUND. A sensitive read: every call lands in the audit log (merchant.contact_reveal).
 */
export async function revealMerchantContact(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ contactName: string | null; contactPhone: string }> {
  return inTransaction(deps.db, async ({ trx }) => {
    const m = await repo.findMerchant(trx, id);
    if (!m || !can(actor, 'mall.manage', { districtId: m.district_id, path: m.community_path }))
      throw notFound('merchant');
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id,
      action: 'merchant.contact_reveal',
      targetType: 'merchant',
      targetId: m.id,
      scopeNodeId: m.community_id,
      scopePath: m.community_path,
      details: { name: m.name, fields: ['contactName', 'contactPhone'] },
    });
    return {
      contactName: deps.cipher.decryptNullable(m.contact_name_enc),
      contactPhone: deps.cipher.decrypt(m.contact_phone_enc),
    };
  });
}
