// Year-end review (年终评比): per community, people ranked by points earned and hours served, teams and
// organisations with their contributions, and the community's totals — on screen and in Excel.
import { sql } from 'kysely';
import type { Deps } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { addSheet, newWorkbook, toBuffer } from '../../platform/excel.js';
import { type Actor, can } from '../../platform/permissions.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction } from '../../db/transaction.js';
import { findNode } from '../org/index.js';

export interface YearSummary {
  year: number;
  nodeId: string;
  nodeName: string;
  communities: Array<{
    communityId: string;
    communityName: string;
    pointsIssued: number;
    pointsRedeemed: number;
    pointsDonated: number;
    acceptedMinutes: number;
    leveragedFen: number;
    people: Array<{ rank: number; userId: string; name: string; points: number; minutes: number }>;
    organisations: Array<{ accountId: string; name: string; kind: string; points: number; contributionsFen: number }>;
  }>;
}

/** The year's summary for a community, street or district the actor manages points in. */
export async function getYearSummary(deps: Deps, actor: Actor, q: { nodeId: string; year: number; top?: number }): Promise<YearSummary> {
  const node = await findNode(deps.db, q.nodeId);
  if (!node || !can(actor, 'points.manage', { districtId: node.district_id, path: node.path })) throw notFound('org_node');
  const d = node.district_id;
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const communities = await deps.db.selectFrom('org_nodes').select(['id', 'name', 'path'])
    .where('district_id', '=', d).where('kind', '=', 'community').where('path', 'like', `${node.path}%`).orderBy('path').execute();
  const out: YearSummary['communities'] = [];
  for (const c of communities) {
    const flows = await deps.db.selectFrom('journals as j')
      .innerJoin('postings as p', (jn) => jn.onRef('p.district_id', '=', 'j.district_id').onRef('p.journal_id', '=', 'j.id'))
      .innerJoin('point_accounts as a', (jn) => jn.onRef('a.district_id', '=', 'p.district_id').onRef('a.id', '=', 'p.account_id'))
      .select(['j.type', sql<number>`coalesce(sum(p.amount), 0)`.as('s')])
      .where('j.district_id', '=', d).where('j.community_id', '=', c.id).where('a.kind', '!=', 'system')
      .where('j.effective_date', '>=', from).where('j.effective_date', '<=', to).groupBy('j.type').execute();
    const by = new Map(flows.map((f) => [f.type, Number(f.s)]));
    const minutes = await deps.db.selectFrom('service_records').select(sql<number>`coalesce(sum(minutes), 0)`.as('m'))
      .where('district_id', '=', d).where('community_id', '=', c.id).where('status', '=', 'accepted')
      .where('service_date', '>=', from).where('service_date', '<=', to).executeTakeFirstOrThrow();
    const leveraged = await deps.db.selectFrom('contributions').select(sql<number>`coalesce(sum(value_fen), 0)`.as('f'))
      .where('district_id', '=', d).where('community_id', '=', c.id).where('created_at', '>=', `${from}T00:00:00`).where('created_at', '<=', `${to}T23:59:59.999Z`)
      .executeTakeFirstOrThrow();
    const earners = await deps.db.selectFrom('journals as j')
      .innerJoin('postings as p', (jn) => jn.onRef('p.district_id', '=', 'j.district_id').onRef('p.journal_id', '=', 'j.id'))
      .innerJoin('point_accounts as a', (jn) => jn.onRef('a.district_id', '=', 'p.district_id').onRef('a.id', '=', 'p.account_id'))
      .select(['a.owner_id', 'a.name', sql<number>`sum(p.amount)`.as('points')])
      .where('j.district_id', '=', d).where('j.community_id', '=', c.id).where('a.kind', '=', 'person')
      .where('j.type', 'in', ['earn', 'award', 'reverse']).where('j.effective_date', '>=', from).where('j.effective_date', '<=', to)
      .groupBy(['a.owner_id', 'a.name']).execute();
    const hours = await deps.db.selectFrom('service_records').select(['user_id', sql<number>`sum(minutes)`.as('m')])
      .where('district_id', '=', d).where('community_id', '=', c.id).where('status', '=', 'accepted')
      .where('service_date', '>=', from).where('service_date', '<=', to).groupBy('user_id').execute();
    const hoursBy = new Map(hours.map((h) => [h.user_id, Number(h.m)]));
    const people = earners
      .map((e) => ({ userId: e.owner_id, name: e.name, points: Number(e.points), minutes: hoursBy.get(e.owner_id) ?? 0 }))
      .filter((p) => p.points > 0 || p.minutes > 0)
      .sort((a, b) => b.points - a.points || b.minutes - a.minutes)
      .slice(0, q.top ?? 100)
      .map((p, i) => ({ rank: i + 1, ...p }));
    const orgs = await deps.db.selectFrom('point_accounts as a')
      .select(['a.id', 'a.name', 'a.owner_type', 'a.balance'])
      .select((eb) => eb.selectFrom('contributions as k').select(sql<number>`coalesce(sum(k.value_fen), 0)`.as('f'))
        .whereRef('k.district_id', '=', 'a.district_id').whereRef('k.account_id', '=', 'a.id').as('fen'))
      .where('a.district_id', '=', d).where('a.kind', '=', 'org').where('a.community_id', '=', c.id).execute();
    out.push({
      communityId: c.id, communityName: c.name,
      // Reversals net out what they undo (their non-system postings carry the opposite sign).
      pointsIssued: (by.get('earn') ?? 0) + (by.get('award') ?? 0) + (by.get('contribute') ?? 0) + (by.get('reverse') ?? 0),
      pointsRedeemed: -(by.get('redeem') ?? 0) - (by.get('refund') ?? 0),
      pointsDonated: Math.abs(by.get('donate') ?? 0) / 2,
      acceptedMinutes: Number(minutes.m), leveragedFen: Number(leveraged.f), people,
      organisations: orgs.map((o) => ({ accountId: o.id, name: o.name, kind: o.owner_type, points: Number(o.balance), contributionsFen: Number(o.fen ?? 0) })),
    });
  }
  return { year: q.year, nodeId: node.id, nodeName: node.name, communities: out };
}

/** The same summary as a workbook: one ranking sheet per community plus an overview. */
export async function exportYearSummary(deps: Deps, actor: Actor, q: { nodeId: string; year: number }): Promise<{ file: Buffer; name: string }> {
  const s = await getYearSummary(deps, actor, { ...q, top: 100_000 });
  const wb = newWorkbook();
  addSheet(wb, '总览', [
    { header: '社区', key: 'c', width: 14 }, { header: '发放积分', key: 'i', width: 10 }, { header: '兑换积分', key: 'r', width: 10 },
    { header: '捐赠积分', key: 'd', width: 10 }, { header: '验收服务时长（小时）', key: 'h', width: 18 }, { header: '撬动社会资源（元）', key: 'f', width: 18 },
  ], s.communities.map((c) => ({
    c: c.communityName, i: c.pointsIssued, r: c.pointsRedeemed, d: c.pointsDonated,
    h: Math.round((c.acceptedMinutes / 60) * 100) / 100, f: c.leveragedFen / 100,
  })));
  for (const c of s.communities) {
    addSheet(wb, `${c.communityName}`.slice(0, 28), [
      { header: '排名', key: 'rank', width: 6 }, { header: '姓名', key: 'name', width: 10 }, { header: '年度积分', key: 'points', width: 10 },
      { header: '服务时长（小时）', key: 'hours', width: 14 },
    ], [
      ...c.people.map((p) => ({ rank: p.rank, name: p.name, points: p.points, hours: Math.round((p.minutes / 60) * 100) / 100 })),
      {},
      ...c.organisations.map((o) => ({ rank: '单位', name: o.name, points: o.points, hours: `共建折合¥${(o.contributionsFen / 100).toFixed(2)}` })),
    ]);
  }
  const node = (await findNode(deps.db, q.nodeId))!;
  await inTransaction(deps.db, async ({ trx }) => {
    await recordAudit(trx, deps.clock, actor, {
      districtId: node.district_id, action: 'points.summary_export', targetType: 'org_node', targetId: node.id,
      scopeNodeId: node.id, scopePath: node.path, details: { year: q.year },
    });
  });
  return { file: await toBuffer(wb), name: `${s.nodeName}${s.year}年度积分汇总.xlsx` };
}
