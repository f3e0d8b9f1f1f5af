// Monthly settlement statements per merchant: vouchers redeemed, points, the agreed cash value per point and the
// amount to pay from which fund; closing freezes a month; statements export to Excel.
import { recordAudit } from '../../platform/audit.js';
import { chinaDateTime, iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { addSheet, newWorkbook, toBuffer } from '../../platform/excel.js';
import { newId } from '../../platform/ids.js';
import { type Actor, can, grantsFor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { chinaMonth, monthRange, settlementFen } from './mall.rules.js';
import { findMerchant, isMerchantStaff } from './merchants.service.js';

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

async function allowed(db: Executor, actor: Actor, merchantId: string) {
  const m = await findMerchant(db, merchantId);
  if (!m) throw notFound('merchant');
  const staff = can(actor, 'mall.manage', { districtId: m.district_id, path: m.community_path });
  if (!staff && !(await isMerchantStaff(db, m.district_id, m.id, actor.userId))) throw notFound('merchant');
  return { m, staff };
}

async function liveLines(db: Executor, districtId: string, merchantId: string, month: string): Promise<StatementLine[]> {
  const { from, to } = monthRange(month);
  const rows = await db.selectFrom('orders as o')
    .innerJoin('catalog_items as i', (j) => j.onRef('i.district_id', '=', 'o.district_id').onRef('i.id', '=', 'o.item_id'))
    .select(['o.id', 'o.redeemed_at', 'i.title', 'o.points'])
    .where('o.district_id', '=', districtId).where('o.merchant_id', '=', merchantId).where('o.status', '=', 'redeemed')
    .where('o.redeemed_at', '>=', from).where('o.redeemed_at', '<', to).orderBy('o.redeemed_at').execute();
  return rows.map((r) => ({ orderId: r.id, redeemedAt: r.redeemed_at!, title: r.title, points: Number(r.points) }));
}

/** A month's statement: frozen if closed, live otherwise. */
export async function getMerchantStatement(deps: Deps, actor: Actor, merchantId: string, month: string): Promise<Statement> {
  const { m } = await allowed(deps.db, actor, merchantId);
  const closed = await deps.db.selectFrom('merchant_statements').selectAll().where('district_id', '=', m.district_id)
    .where('merchant_id', '=', m.id).where('month', '=', month).executeTakeFirst();
  if (closed) {
    return {
      merchantId: m.id, merchantName: m.name, month, closed: true, closedAt: closed.closed_at, vouchers: Number(closed.vouchers),
      points: Number(closed.points), fenPerPoint: Number(closed.fen_per_point), amountFen: Number(closed.amount_fen), fundName: closed.fund_name,
      lines: JSON.parse(closed.lines) as StatementLine[],
    };
  }
  const lines = await liveLines(deps.db, m.district_id, m.id, month);
  const points = lines.reduce((s, l) => s + l.points, 0);
  return {
    merchantId: m.id, merchantName: m.name, month, closed: false, closedAt: null, vouchers: lines.length, points,
    fenPerPoint: Number(m.fen_per_point), amountFen: settlementFen(points, Number(m.fen_per_point)), fundName: m.fund_name, lines,
  };
}

/** Closes a finished month: the statement is stored and never changes again. */
export async function closeMerchantStatement(deps: Deps, actor: Actor, merchantId: string, month: string): Promise<Statement> {
  await inTransaction(deps.db, async ({ trx }) => {
    const { m, staff } = await allowed(trx, actor, merchantId);
    if (!staff) throw notFound('merchant');
    if (month >= chinaMonth(deps.clock.now())) throw new AppError('MONTH_NOT_OVER', { month });
    const lines = await liveLines(trx, m.district_id, m.id, month);
    const points = lines.reduce((s, l) => s + l.points, 0);
    const res = await trx.insertInto('merchant_statements').values({
      district_id: m.district_id, id: newId(), merchant_id: m.id, month, vouchers: lines.length, points, fen_per_point: m.fen_per_point,
      amount_fen: settlementFen(points, Number(m.fen_per_point)), fund_name: m.fund_name, lines: JSON.stringify(lines),
      closed_by: actor.userId, closed_at: iso(deps.clock.now()),
    }).onConflict((oc) => oc.columns(['district_id', 'merchant_id', 'month']).doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 1) === 0) throw new AppError('STATEMENT_CLOSED', { month });
    await recordAudit(trx, deps.clock, actor, {
      districtId: m.district_id, action: 'merchant.statement_close', targetType: 'merchant', targetId: m.id, scopeNodeId: m.community_id,
      scopePath: m.community_path, details: { month, vouchers: lines.length, points },
    });
  });
  return getMerchantStatement(deps, actor, merchantId, month);
}

/** The statement as a spreadsheet. */
export async function exportMerchantStatement(deps: Deps, actor: Actor, merchantId: string, month: string): Promise<{ file: Buffer; name: string }> {
  const s = await getMerchantStatement(deps, actor, merchantId, month);
  const wb = newWorkbook();
  const ws = addSheet(wb, '结算明细', [
    { header: '核销时间', key: 't', width: 18 }, { header: '兑换内容', key: 'title', width: 28 }, { header: '积分', key: 'p', width: 8 },
    { header: '结算金额（元）', key: 'yuan', width: 14 },
  ], s.lines.map((l) => ({
    t: chinaDateTime(l.redeemedAt), title: l.title, p: l.points,
    yuan: (settlementFen(l.points, s.fenPerPoint) / 100).toFixed(2),
  })));
  ws.addRow({});
  ws.addRow({ title: `${s.merchantName} ${s.month} 结算单${s.closed ? '（已关账）' : '（未关账）'}` }).font = { bold: true };
  ws.addRow({ title: `核销 ${s.vouchers} 张，合计 ${s.points} 积分，每积分 ${(s.fenPerPoint / 100).toFixed(2)} 元，应付 ${(s.amountFen / 100).toFixed(2)} 元${s.fundName ? `，由${s.fundName}支付` : ''}` });
  return { file: await toBuffer(wb), name: `${s.merchantName}-${s.month}-结算单.xlsx` };
}

/** District-wide redemption statistics for staff: per merchant and month. */
export async function getRedemptionStats(deps: Deps, actor: Actor, q: { from?: string; to?: string }) {
  const reaches = grantsFor(actor, 'mall.manage').map((g) => ({ districtId: g.districtId, path: g.path }));
  if (reaches.length === 0) return { items: [] };
  const rows = await deps.db.selectFrom('orders as o')
    .innerJoin('org_nodes as c', (j) => j.onRef('c.district_id', '=', 'o.district_id').onRef('c.id', '=', 'o.community_id'))
    .leftJoin('merchants as m', (j) => j.onRef('m.district_id', '=', 'o.district_id').onRef('m.id', '=', 'o.merchant_id'))
    .select(['o.merchant_id', 'm.name', 'c.name as community_name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('o.points').as('points')])
    .where('o.status', '=', 'redeemed')
    .where((eb) => eb.or(reaches.map((r) => eb.and([eb('o.district_id', '=', r.districtId), eb('c.path', 'like', `${r.path}%`)]))))
    .$if(!!q.from, (qb) => qb.where('o.redeemed_at', '>=', q.from!))
    .$if(!!q.to, (qb) => qb.where('o.redeemed_at', '<', q.to!))
    .groupBy(['o.merchant_id', 'm.name', 'c.name']).execute();
  return {
    items: rows.map((r) => ({ merchantId: r.merchant_id, merchantName: r.name ?? `${r.community_name}积分超市`, vouchers: Number(r.n), points: Number(r.points) })),
  };
}
