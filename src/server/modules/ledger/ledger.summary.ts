// Year-end review (年终评比): per community, people ranked by points earned and hours served, organisations
// ranked by points earned in the year (a merchant's redemption income shown apart: it is trade, not merit),
// every team with its members' hours and points, and the community's totals — on screen and in Excel.
// The year is China time: a journal posted at 2026-12-31T17:00Z (01:00 on 1 January in China) belongs to 2027.
import type { Deps } from '../../platform/context.js';
import { chinaDayStart } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { must } from '../../platform/must.js';
import { addSheet, newWorkbook, toBuffer } from '../../platform/excel.js';
import { type Actor, can } from '../../platform/permissions.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction } from '../../db/transaction.js';
import { findNode, listCommunitiesWithin } from '../org/index.js';
import { acceptedMinutesByCommunity, acceptedMinutesOfPeople } from '../records/index.js';
import { listTeamsWithMembers } from '../volunteers/index.js';
import { publicNamesOf } from './ledger.names.js';
import type { YearFilter } from './ledger.schemas.js';
import * as q from './ledger.summary.queries.js';

export interface YearSummaryPerson {
  rank: number;
  userId: string;
  /** By the public naming rule: masked real name when on file, else masked nickname. */
  name: string;
  points: number;
  minutes: number;
}

export interface YearSummaryOrganisation {
  rank: number;
  accountId: string;
  name: string;
  /** team | partner | merchant */
  kind: string;
  /** Points earned in the year (awards, contributions, earnings, less reversals) — what the ranking is by. */
  points: number;
  /** Points a merchant took in from residents' redemptions (net of refunds) in the year: trade, not merit. */
  redemptionIncome: number;
  /** Co-build contributions recorded in the year, in fen. */
  contributionsFen: number;
}

export interface YearSummaryTeam {
  teamId: string;
  name: string;
  members: number;
  /** Accepted service minutes of the team's active members in the year. */
  memberMinutes: number;
  /** Points the team's active members earned in the year. */
  memberPoints: number;
  /** Points the team's own account earned in the year (0 when the team holds no account). */
  teamPoints: number;
}

export interface YearSummaryCommunity {
  communityId: string;
  communityName: string;
  /** Points issued in the year: earnings, awards and contributions, less their reversals. */
  pointsIssued: number;
  /** Points residents spent at the mall in the year, net of refunds (counted once: the resident's side). */
  pointsRedeemed: number;
  /** Points residents donated to community funds in the year. */
  pointsDonated: number;
  acceptedMinutes: number;
  leveragedFen: number;
  people: YearSummaryPerson[];
  organisations: YearSummaryOrganisation[];
  teams: YearSummaryTeam[];
}

export interface YearSummary {
  year: number;
  nodeId: string;
  nodeName: string;
  communities: YearSummaryCommunity[];
}

/** The China-time year as day strings (journals, service records) and UTC instants (stored timestamps). */
export function yearBounds(year: number): q.YearBounds {
  return {
    firstDay: `${year}-01-01`,
    lastDay: `${year}-12-31`,
    fromTs: chinaDayStart(`${year}-01-01`).toISOString(),
    toTs: chinaDayStart(`${year + 1}-01-01`).toISOString(),
  };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
/** A (negative) sum of postings as points going out; never -0. */
const outflow = (x: number) => (x === 0 ? 0 : -x);
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The year's summary for a community, street or district the actor manages points in. */
export async function getYearSummary(
  deps: Deps,
  actor: Actor,
  query: YearFilter & { top?: number },
): Promise<YearSummary> {
  const node = await findNode(deps.db, query.nodeId);
  if (!node || !can(actor, 'points.manage', { districtId: node.district_id, path: node.path }))
    throw notFound('org_node');
  const d = node.district_id;
  const b = yearBounds(query.year);
  const communities = await listCommunitiesWithin(deps.db, node);
  const ids = communities.map((c) => c.id);
  const [flows, earnings, minutes, orgs, leveraged, teams] = await Promise.all([
    q.flowsByCommunity(deps.db, d, ids, b),
    q.personEarnings(deps.db, d, ids, b),
    acceptedMinutesByCommunity(deps.db, d, ids, b),
    q.organisationFlows(deps.db, d, ids, b),
    q.leveragedByCommunity(deps.db, d, ids, b),
    listTeamsWithMembers(deps.db, d, ids, b),
  ]);
  const memberIds = [...new Set(teams.flatMap((t) => t.memberIds))];
  const [memberPoints, memberMinutes] = await Promise.all([
    q.earningsOfPeople(deps.db, d, memberIds, b),
    acceptedMinutesOfPeople(deps.db, d, memberIds, b),
  ]);
  const names = await publicNamesOf(deps, deps.db, d, [
    ...earnings.map((e) => e.userId),
    ...minutes.map((m) => m.userId),
  ]);

  const out: YearSummaryCommunity[] = communities.map((c) => {
    const f = flows.filter((x) => x.communityId === c.id);
    const flow = (kinds: string[], accountKinds: string[]) =>
      sum(f.filter((x) => kinds.includes(x.kind) && accountKinds.includes(x.accountKind)).map((x) => x.sum));
    // One entry per person with points or hours here this year.
    const people = new Map<string, { points: number; minutes: number }>();
    for (const e of earnings.filter((x) => x.communityId === c.id))
      people.set(e.userId, { points: e.points, minutes: 0 });
    for (const m of minutes.filter((x) => x.communityId === c.id)) {
      people.set(m.userId, { points: people.get(m.userId)?.points ?? 0, minutes: m.minutes });
    }
    const ranked = [...people.entries()]
      .map(([userId, v]) => ({ userId, name: names.get(userId) ?? '*', ...v }))
      .filter((p) => p.points > 0 || p.minutes > 0)
      .sort((x, y) => y.points - x.points || y.minutes - x.minutes || x.userId.localeCompare(y.userId))
      .slice(0, query.top ?? 100)
      .map((p, i) => ({ rank: i + 1, ...p }));
    const organisations = orgs
      .filter((o) => o.communityId === c.id)
      .sort(
        (x, y) =>
          y.earned - x.earned || y.contributionsFen - x.contributionsFen || x.name.localeCompare(y.name, 'zh-CN'),
      )
      .map((o, i) => ({
        rank: i + 1,
        accountId: o.accountId,
        name: o.name,
        kind: o.ownerType,
        points: o.earned,
        redemptionIncome: o.redemptionIncome,
        contributionsFen: o.contributionsFen,
      }));
    const teamRows = teams
      .filter((t) => t.communityId === c.id)
      .map((t) => ({
        teamId: t.id,
        name: t.name,
        members: t.memberIds.length,
        memberMinutes: sum(t.memberIds.map((u) => memberMinutes.get(u) ?? 0)),
        memberPoints: sum(t.memberIds.map((u) => memberPoints.get(u) ?? 0)),
        teamPoints: orgs.find((o) => o.ownerType === 'team' && o.ownerId === t.id)?.earned ?? 0,
      }))
      .sort(
        (x, y) =>
          y.memberPoints - x.memberPoints || y.memberMinutes - x.memberMinutes || x.name.localeCompare(y.name, 'zh-CN'),
      );
    return {
      communityId: c.id,
      communityName: c.name,
      pointsIssued: flow(['earn', 'award', 'contribute'], ['person', 'org']),
      // Only the resident's side: the merchant's or supermarket's side is the same points arriving, not more spent.
      pointsRedeemed: outflow(flow(['redeem', 'refund'], ['person'])),
      pointsDonated: outflow(flow(['donate'], ['person'])),
      acceptedMinutes: sum(minutes.filter((m) => m.communityId === c.id).map((m) => m.minutes)),
      leveragedFen: leveraged.get(c.id) ?? 0,
      people: ranked,
      organisations,
      teams: teamRows,
    };
  });
  return { year: query.year, nodeId: node.id, nodeName: node.name, communities: out };
}

/** The same summary as a workbook: one ranking sheet per community plus an overview. */
export async function exportYearSummary(
  deps: Deps,
  actor: Actor,
  query: YearFilter,
): Promise<{ file: Buffer; name: string }> {
  const s = await getYearSummary(deps, actor, { ...query, top: 100_000 });
  const wb = newWorkbook();
  addSheet(
    wb,
    '总览',
    [
      { header: '社区', key: 'c', width: 14 },
      { header: '发放积分', key: 'i', width: 10 },
      { header: '兑换积分', key: 'r', width: 10 },
      { header: '捐赠积分', key: 'd', width: 10 },
      { header: '验收服务时长（小时）', key: 'h', width: 18 },
      { header: '撬动社会资源（元）', key: 'f', width: 18 },
    ],
    s.communities.map((c) => ({
      c: c.communityName,
      i: c.pointsIssued,
      r: c.pointsRedeemed,
      d: c.pointsDonated,
      h: hoursOf(c.acceptedMinutes),
      f: c.leveragedFen / 100,
    })),
  );
  for (const c of s.communities) {
    addSheet(
      wb,
      `${c.communityName}`.slice(0, 28),
      [
        { header: '排名', key: 'rank', width: 6 },
        { header: '姓名/名称', key: 'name', width: 16 },
        { header: '年度积分', key: 'points', width: 10 },
        { header: '服务时长（小时）', key: 'hours', width: 14 },
        { header: '备注', key: 'note', width: 30 },
      ],
      [
        ...c.people.map((p) => ({ rank: p.rank, name: p.name, points: p.points, hours: hoursOf(p.minutes) })),
        {},
        ...c.organisations.map((o) => ({
          rank: `单位${o.rank}`,
          name: o.name,
          points: o.points,
          note: [
            o.contributionsFen ? `共建折合¥${(o.contributionsFen / 100).toFixed(2)}` : '',
            o.redemptionIncome ? `兑换收入 ${o.redemptionIncome} 分（不计入评比）` : '',
          ]
            .filter(Boolean)
            .join('；'),
        })),
        {},
        ...c.teams.map((t) => ({
          rank: '服务队',
          name: t.name,
          points: t.memberPoints,
          hours: hoursOf(t.memberMinutes),
          note: `队员 ${t.members} 人${t.teamPoints ? `；队伍账户 ${t.teamPoints} 分` : ''}`,
        })),
      ],
    );
  }
  const node = must(await findNode(deps.db, query.nodeId), `org node ${query.nodeId}`);
  await inTransaction(deps.db, async ({ trx }) => {
    await recordAudit(trx, deps.clock, actor, {
      districtId: node.district_id,
      action: 'points.summary_export',
      targetType: 'org_node',
      targetId: node.id,
      scopeNodeId: node.id,
      scopePath: node.path,
      details: { year: query.year },
    });
  });
  return { file: await toBuffer(wb), name: `${s.nodeName}${s.year}年度积分汇总.xlsx` };
}
