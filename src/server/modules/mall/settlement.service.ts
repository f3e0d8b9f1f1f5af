// Monthly settlement statements per merchant: vouchers redeemed, points, the agreed cash value per point and the
// amount to pay from which fund; closing freezes a month; statements export to Excel.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Actor, can, reachesOf } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { isStaffOf, merchantRefusal } from './mall.policy.js';
import * as repo from './mall.repository.js';
import { chinaMonth, monthRange, settlementFen, supermarketName } from './mall.rules.js';
import type { RedemptionStats } from './mall.schemas.js';
import { statementWorkbook } from './statement.excel.js';

export interface StatementLine {
  orderId: string;
  redeemedAt: string;
  title: string;
  points: number;
}

export interface Statement {
  merchantId: string;
  merchantName: string;
  month: string;
  closed: boolean;
  closedAt: string | null;
  vouchers: number;
  points: number;
  fenPerPoint: number;
  amountFen: number;
  fundName: string | null;
  lines: StatementLine[];
}

/** The merchant, when the actor is its community's staff (staff = true) or its own staff; else the refusal. */
async function allowed(db: Executor, actor: Actor, merchantId: string) {
  const m = await repo.findMerchant(db, merchantId);
  if (!m) throw notFound('merchant');
  const staff = can(actor, 'mall.manage', { districtId: m.district_id, path: m.community_path });
  if (!staff && !(await isStaffOf(db, actor, m))) throw merchantRefusal(actor, m);
  return { m, staff };
}

async function liveLines(
  db: Executor,
  districtId: string,
  merchantId: string,
  month: string,
): Promise<StatementLine[]> {
  const { from, to } = monthRange(month);
  const rows = await repo.redeemedBetween(db, districtId, merchantId, from, to);
  return rows.map((r) => ({ orderId: r.id, redeemedAt: r.redeemed_at!, title: r.title, points: Number(r.points) }));
}

/** A month's statement: frozen if closed, live otherwise. */
export async function getMerchantStatement(
  deps: Deps,
  actor: Actor,
  merchantId: string,
  month: string,
): Promise<Statement> {
  const { m } = await allowed(deps.db, actor, merchantId);
  const closed = await repo.findStatement(deps.db, m.district_id, m.id, month);
  if (closed) {
    return {
      merchantId: m.id,
      merchantName: m.name,
      month,
      closed: true,
      closedAt: closed.closed_at,
      vouchers: Number(closed.vouchers),
      points: Number(closed.points),
      fenPerPoint: Number(closed.fen_per_point),
      amountFen: Number(closed.amount_fen),
      fundName: closed.fund_name,
      lines: JSON.parse(closed.lines) as StatementLine[],
    };
  }
  const lines = await liveLines(deps.db, m.district_id, m.id, month);
  const points = lines.reduce((s, l) => s + l.points, 0);
  return {
    merchantId: m.id,
    merchantName: m.name,
    month,
    closed: false,
    closedAt: null,
    vouchers: lines.length,
    points,
    fenPerPoint: Number(m.fen_per_point),
    amountFen: settlementFen(points, Number(m.fen_per_point)),
    fundName: m.fund_name,
    lines,
  };
}

/** Closes a finished month: the statement is stored and never changes again. */
export async function closeMerchantStatement(
  deps: Deps,
  actor: Actor,
  merchantId: string,
  month: string,
): Promise<Statement> {
  await inTransaction(deps.db, async ({ trx }) => {
    const { m, staff } = await allowed(trx, actor, merchantId);
    if (!staff) throw notFound('merchant');
    if (month >= chinaMonth(deps.clock.now())) throw new AppError('MONTH_NOT_OVER', { month });
    const lines = await liveLines(trx, m.district_id, m.id, month);
    const points = lines.reduce((s, l) => s + l.points, 0);
    const stored = await repo.insertStatement(trx, {
      district_id: m.district_id,
      id: newId(),
      merchant_id: m.id,
      month,
      vouchers: lines.length,
      points,
      fen_per_point: m.fen_per_point,
      amount_fen: settlementFen(points, Number(m.fen_per_point)),
      fund_name: m.fund_name,
      lines: JSON.stringify(lines),
      closed_by: actor.userId,
      closed_at: iso(deps.clock.now()),
    });
    if (!stored) throw new AppError('STATEMENT_CLOSED', { month });
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id,
      action: 'merchant.statement_close',
      targetType: 'merchant',
      targetId: m.id,
      scopeNodeId: m.community_id,
      scopePath: m.community_path,
      details: { month, vouchers: lines.length, points },
    });
  });
  return getMerchantStatement(deps, actor, merchantId, month);
}

/** The statement as a spreadsheet. */
export async function exportMerchantStatement(
  deps: Deps,
  actor: Actor,
  merchantId: string,
  month: string,
): Promise<{ file: Buffer; name: string }> {
  return statementWorkbook(await getMerchantStatement(deps, actor, merchantId, month));
}

/** District-wide redemption statistics for staff: per merchant and month. */
export async function getRedemptionStats(deps: Deps, actor: Actor, q: RedemptionStats) {
  const reaches = reachesOf(actor, 'mall.manage');
  if (reaches.length === 0) return { items: [] };
  const rows = await repo.redemptionStats(deps.db, reaches, q);
  return {
    items: rows.map((r) => ({
      merchantId: r.merchant_id,
      merchantName: r.name ?? supermarketName(r.community_name),
      vouchers: Number(r.n),
      points: Number(r.points),
    })),
  };
}
