// The year summary on both databases, over a dataset with activity in 2025, 2026 and on the China-time new year
// boundary, built through the services: ranking by points earned in the year, merchant income apart, every team,
// China-time year bounds, redemptions counted once (equal to the mall's stats and the public ledger), public names.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  type TestEnv,
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { processLedgerEvents } from '../../src/server/modules/ledger/ledger.earning.js';
import { listPublicJournals } from '../../src/server/modules/ledger/ledger.public.js';
import * as ledger from '../../src/server/modules/ledger/ledger.service.js';
import { updatePointRules } from '../../src/server/modules/ledger/ledger.settings.js';
import { getYearSummary } from '../../src/server/modules/ledger/ledger.summary.js';
import * as catalog from '../../src/server/modules/mall/catalog.service.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import * as orders from '../../src/server/modules/mall/orders.service.js';
import { getRedemptionStats } from '../../src/server/modules/mall/settlement.service.js';
import { createPartnerUnit } from '../../src/server/modules/org/index.js';
import * as records from '../../src/server/modules/records/records.service.js';
import { activateVolunteer } from '../../src/server/modules/volunteers/index.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import { applyVolunteer } from '../../src/server/modules/volunteers/volunteers.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import { must } from '../../src/server/platform/must.js';

const HOUR = 3600_000;

describe.each(DIALECTS)('year summary on %s', (dialect) => {
  let env: TestEnv;
  let n = 0;
  let tree: Tree;
  let adminA: Actor;
  let wu: TestUser;
  let hong: TestUser;
  let vol: TestUser;
  let team1: string;
  let team2: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.close());
  useClock(() => env);

  /** A volunteer who registered with a real name on the account (吴小明) and a nickname. */
  async function volunteerWithRealName(): Promise<TestUser> {
    const u = await makeUser(env.deps, { home: tree.communityA, realName: '吴小明', displayName: '小明' });
    const v = await applyVolunteer(env.deps, plainActor(u.id), {
      communityId: tree.communityA.id,
      realName: '吴小明',
      skills: [],
      availability: {},
    });
    await inTransaction(env.deps.db, (s) =>
      activateVolunteer(
        env.deps,
        s.trx,
        { district_id: v.districtId, id: v.id, user_id: u.id, community_id: tree.communityA.id },
        null,
      ),
    );
    return u;
  }

  /** `who` serves `hours` at `startIso` in an activity of community A; the record is accepted and earns points. */
  async function serve(who: TestUser, startIso: string, hours: number, teamId: string | null) {
    const start = new Date(startIso);
    env.clock.set(new Date(start.getTime() - 48 * HOUR));
    const [a] = await activities.createActivity(env.deps, adminA, {
      communityId: tree.communityA.id,
      teamId,
      title: `服务${startIso.slice(0, 10)}`,
      category: '助老服务',
      description: '',
      address: '活动室',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + hours * HOUR).toISOString(),
      slots: 5,
      publish: true,
    });
    await signups.signUpActivity(env.deps, plainActor(who.id), a!.id);
    env.clock.set(new Date(start.getTime() + (hours + 1) * HOUR));
    await attendance.markAttendance(env.deps, adminA, a!.id, [{ userId: who.id, present: true }]);
    const [rec] = (await records.listServiceRecords(env.deps, adminA, { activityId: a!.id })).items;
    await records.confirmServiceRecords(env.deps, adminA, [rec!.id]);
    await records.acceptServiceRecords(env.deps, adminA, [rec!.id]);
    await processLedgerEvents(env.deps);
  }

  function contribute(orgType: 'partner' | 'team', orgId: string, points: number, valueFen: number) {
    n += 1;
    return ledger.recordContribution(env.deps, adminA, {
      orgType,
      orgId,
      kind: 'money',
      valueFen,
      project: '楼道改造',
      description: '',
      points,
      idempotencyKey: `contrib-${n}-xxxx`,
    });
  }

  // A fresh district per test, built in time order (2025, 2026, the China-time new year); the clock is reset after.
  beforeEach(async () => {
    n += 1;
    env.clock.set(new Date('2025-01-05T02:00:00Z'));
    tree = await makeTree(env.deps, `年度区${n}`);
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    const districtAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
    const streetAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }),
    );
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { allowDonations: true });
    wu = await volunteerWithRealName();
    hong = await makeUser(env.deps, { home: tree.communityA, displayName: '小红帽' });
    vol = await makeVolunteer(env.deps, tree.communityA, { realName: '赵小燕' });
    const leader = await makeVolunteer(env.deps, tree.communityA, { realName: '钱队长' });
    team1 = (
      await teams.createTeam(env.deps, adminA, {
        communityId: tree.communityA.id,
        name: '关照队',
        category: '邻里关照',
        leaderUserId: leader.id,
      })
    ).id;
    team2 = (
      await teams.createTeam(env.deps, adminA, {
        communityId: tree.communityA.id,
        name: '夜巡队',
        category: '文明劝导',
        leaderUserId: leader.id,
      })
    ).id;
    for (const m of [wu, vol]) {
      await teams.requestJoinTeam(env.deps, plainActor(m.id), team1);
      await teams.reviewJoinRequest(env.deps, adminA, team1, m.id, { decision: 'approve' });
    }
    const estate = await createPartnerUnit(env.deps, adminA, {
      nodeId: tree.communityA.id,
      name: '物业公司',
      category: 'company',
    });
    const shop = await createPartnerUnit(env.deps, adminA, {
      nodeId: tree.communityA.id,
      name: '便民超市',
      category: 'company',
    });

    // 2025: 吴小明 serves 2 hours (20 points); the estate company contributes (900 points, ¥3,000).
    await serve(wu, '2025-06-14T01:00:00Z', 2, null);
    env.clock.set(new Date('2025-07-01T02:00:00Z'));
    await contribute('partner', estate.id, 900, 300_000);

    // 2026: 赵小燕 serves 3 hours with 关照队 (30 points); 小红帽 is awarded 50; the shop (200, ¥5,000) and 关照队
    // (50, ¥100) contribute (the teams' leader 钱队长 is a member of both); 小红帽 spends 20 at a barber who redeems the voucher, and donates 5.
    await serve(vol, '2026-06-13T01:00:00Z', 3, team1);
    env.clock.set(new Date('2026-07-01T02:00:00Z'));
    await ledger.awardPoints(env.deps, adminA, {
      userId: hong.id,
      points: 50,
      reason: '热心公益',
      idempotencyKey: `award-hong-${n}`,
    });
    await contribute('partner', shop.id, 200, 500_000);
    await contribute('team', team1, 50, 10_000);
    const owner = await makeUser(env.deps, { home: tree.communityA });
    const m = await merchants.applyMerchant(env.deps, plainActor(owner.id), {
      communityId: tree.communityA.id,
      name: '王师傅理发',
      licenceNo: `9142010${String(n).padStart(4, '0')}MA4K0001`,
      address: '商业街 1 号',
      category: '理发',
      offerSummary: '老人免费理发',
      contactName: '王师傅',
      contactPhone: '13912340000',
    });
    await merchants.reviewMerchant(env.deps, adminA, m.id, { decision: 'approve' });
    await merchants.fileMerchant(env.deps, streetAdmin, m.id, { fenPerPoint: 10 });
    const offer = await catalog.createCatalogItem(env.deps, plainActor(owner.id), {
      kind: 'offer',
      merchantId: m.id,
      title: '理发',
      description: '',
      category: '生活服务',
      pricePoints: 20,
    });
    env.clock.set(new Date('2026-09-01T02:00:00Z'));
    const v = await orders.placeOrder(env.deps, plainActor(hong.id), {
      itemId: offer.id,
      idempotencyKey: `haircut-${n}-xxxx`,
    });
    await orders.redeemVoucher(env.deps, plainActor(owner.id), { code: v.shortCode, redeemKey: `scan-${n}-xxxxx` });
    await ledger.donatePoints(env.deps, plainActor(hong.id), {
      communityId: tree.communityA.id,
      points: 5,
      idempotencyKey: `donate-${n}-xxxx`,
    });

    // 2026-12-31T17:00Z is 01:00 on 1 January 2027 in China: these belong to 2027.
    env.clock.set(new Date('2026-12-31T17:00:00Z'));
    await ledger.awardPoints(env.deps, adminA, {
      userId: wu.id,
      points: 7,
      reason: '新年服务',
      idempotencyKey: `award-wu-${n}`,
    });
    await contribute('partner', estate.id, 5, 1_000);
  }, 60_000);

  const community = async (year: number) =>
    must((await getYearSummary(env.deps, adminA, { nodeId: tree.communityA.id, year })).communities[0], 'community A');

  it('ranks organisations by points earned in the year, not by balance', async () => {
    const orgs2026 = (await community(2026)).organisations.map((o) => [o.rank, o.name, o.points]);
    expect(orgs2026).toEqual([
      [1, '便民超市', 200],
      [2, '关照队', 50],
      [3, '王师傅理发', 0],
      [4, '物业公司', 0],
    ]);
    const orgs2025 = (await community(2025)).organisations.map((o) => [o.rank, o.name, o.points]);
    expect(orgs2025[0]).toEqual([1, '物业公司', 900]);
  });

  it('shows a merchant’s redemption income apart from its merit points', async () => {
    const barber = (await community(2026)).organisations.find((o) => o.name === '王师傅理发')!;
    expect(barber).toMatchObject({ kind: 'merchant', points: 0, redemptionIncome: 20, contributionsFen: 0 });
  });

  it('lists every team with its members’ hours and points for the year, with or without an account', async () => {
    expect((await community(2026)).teams).toEqual([
      { teamId: team1, name: '关照队', members: 3, memberMinutes: 180, memberPoints: 30, teamPoints: 50 },
      { teamId: team2, name: '夜巡队', members: 1, memberMinutes: 0, memberPoints: 0, teamPoints: 0 },
    ]);
    expect((await community(2025)).teams[0]).toEqual({
      teamId: team1,
      name: '关照队',
      members: 3,
      memberMinutes: 120,
      memberPoints: 20,
      teamPoints: 0,
    });
  });

  it('bounds the year by China time: 2026-12-31T17:00Z belongs to 2027', async () => {
    const y2026 = await community(2026);
    expect(y2026).toMatchObject({ pointsIssued: 330, acceptedMinutes: 180, leveragedFen: 510_000 });
    expect(y2026.organisations.find((o) => o.name === '物业公司')!.contributionsFen).toBe(0);
    const y2027 = await community(2027);
    expect(y2027).toMatchObject({ pointsIssued: 12, pointsRedeemed: 0, acceptedMinutes: 0, leveragedFen: 1_000 });
    expect(y2027.people).toEqual([{ rank: 1, userId: wu.id, name: '吴*明', points: 7, minutes: 0 }]);
    expect(await community(2025)).toMatchObject({ pointsIssued: 920, acceptedMinutes: 120, leveragedFen: 300_000 });
  });

  it('counts redemptions once, equal to the mall’s redemption stats and the public ledger', async () => {
    const y = await community(2026);
    expect(y).toMatchObject({ pointsRedeemed: 20, pointsDonated: 5 });
    const stats = await getRedemptionStats(env.deps, adminA, {
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(stats.items.reduce((s, i) => s + i.points, 0)).toBe(20);
    const page = await listPublicJournals(env.deps, {
      districtId: tree.district.id,
      communityId: tree.communityA.id,
      limit: 100,
    });
    const redeemed = page.items
      .filter((j) => j.type === 'redeem' && j.date.startsWith('2026'))
      .reduce((s, j) => s + j.points, 0);
    expect(redeemed).toBe(20);
  });

  it('ranks people by the public naming rule: masked real name when on file, else masked nickname', async () => {
    expect((await community(2026)).people).toEqual([
      { rank: 1, userId: hong.id, name: '小*帽', points: 50, minutes: 0 },
      { rank: 2, userId: vol.id, name: '赵*燕', points: 30, minutes: 180 },
    ]);
    expect((await community(2025)).people).toEqual([
      { rank: 1, userId: wu.id, name: '吴*明', points: 20, minutes: 120 },
    ]);
  });
});
