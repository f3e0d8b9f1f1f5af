// Service tests of the points bank on both databases: earning exactly once, double entry under random
// operations, concurrency of spends and idempotency keys, tamper detection, expiry, the public ledger.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  plainActor,
  type TestEnv,
  type TestUser,
  type Tree,
} from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { accountFor, postJournal } from '../../src/server/modules/ledger/ledger.core.js';
import { ensurePersonAccount } from '../../src/server/modules/ledger/ledger.core.js';
import { processLedgerEvents } from '../../src/server/modules/ledger/ledger.earning.js';
import * as pub from '../../src/server/modules/ledger/ledger.public.js';
import * as svc from '../../src/server/modules/ledger/ledger.service.js';
import { updatePointRules } from '../../src/server/modules/ledger/ledger.settings.js';
import { serviceRecordAccepted, serviceRecordSuperseded } from '../../src/server/modules/records/index.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('points bank on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let districtAdmin: Actor;
  let adminA: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  // Every test gets a district of its own, so rules one test changes never reach another, in any order.
  beforeEach(async () => {
    tree = await makeTree(env.deps);
    districtAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    await updatePointRules(env.deps, districtAdmin, tree.district.id, {
      allowGifts: true,
      allowDonations: true,
      monthlyGiveLimit: 1_000_000,
    });
  });
  afterAll(() => env.close());

  /** Emits an accepted-record event as the records module would (an activity row for its title). */
  async function acceptedRecord(userId: string, minutes: number, category = '助老服务', date = '2026-11-20') {
    const recordId = newId();
    await inTransaction(env.deps.db, async ({ trx }) => {
      await serviceRecordAccepted.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: recordId,
        payload: {
          recordId,
          userId,
          minutes,
          activityId: null,
          activityTitle: null,
          category,
          communityId: tree.communityA.id,
          teamId: null,
          pointsPerHour: null,
          serviceDate: date,
        },
      });
    });
    return recordId;
  }

  async function balanceOf(userId: string): Promise<number> {
    const a = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('owner_id', '=', userId)
      .where('district_id', '=', tree.district.id)
      .executeTakeFirst();
    return a ? Number(a.balance) : 0;
  }

  it('turns an accepted record into points exactly once, even with concurrent consumers', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const rec = await acceptedRecord(u.id, 120);
    await Promise.all([processLedgerEvents(env.deps), processLedgerEvents(env.deps), processLedgerEvents(env.deps)]);
    await processLedgerEvents(env.deps);
    const journals = await env.deps.db.selectFrom('journals').selectAll().where('ref_id', '=', rec).execute();
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatchObject({
      type: 'earn',
      idempotency_key: `earn:service_record:${rec}`,
      effective_date: '2026-11-20',
    });
    expect(await balanceOf(u.id)).toBe(20);
  });

  it('reverses the points of an accepted record when a correction supersedes it', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const rec = await acceptedRecord(u.id, 120);
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(20);
    await inTransaction(env.deps.db, async ({ trx }) => {
      await serviceRecordSuperseded.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: rec,
        payload: { recordId: rec, replacedBy: null, userId: u.id, minutes: 120, reason: '时长有误' },
      });
    });
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(0);
  });

  it('applies a category multiplier', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { categoryMultipliersPct: { 健康义诊: 150 } });
    const u = await makeUser(env.deps, { home: tree.communityA });
    await acceptedRecord(u.id, 120, '健康义诊', '2026-11-21'); // 20 points at 150%
    await acceptedRecord(u.id, 120, '助老服务', '2026-11-22'); // 20 points at 100%
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(50);
  });

  it('caps the points earned on one service day, not on the next', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { dailyCapPoints: 40 });
    const u = await makeUser(env.deps, { home: tree.communityA });
    await acceptedRecord(u.id, 120, '助老服务', '2026-11-21'); // 20
    await acceptedRecord(u.id, 180, '助老服务', '2026-11-21'); // 30, of which 20 fit under the cap
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(40);
    await acceptedRecord(u.id, 60, '助老服务', '2026-11-22'); // 10 on a new day
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(50);
  });

  it('stops earning at the balance ceiling', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { balanceCeiling: 60 });
    const u = await makeUser(env.deps, { home: tree.communityA });
    await acceptedRecord(u.id, 300, '助老服务', '2026-11-21'); // 50
    await acceptedRecord(u.id, 120, '助老服务', '2026-11-22'); // 20, of which 10 fit under the ceiling
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(60);
  });

  it('keeps every journal balanced and no person negative under random operations', async () => {
    const people = await Promise.all([0, 1, 2, 3, 4].map(() => makeUser(env.deps, { home: tree.communityA })));
    const actors = people.map((p) => plainActor(p.id));
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const posted: string[] = [];
    for (let i = 0; i < 120; i++) {
      const op = rand(4);
      const who = rand(people.length);
      const amount = 1 + rand(40);
      try {
        if (op === 0)
          posted.push(
            (
              await svc.awardPoints(env.deps, adminA, {
                userId: people[who]!.id,
                points: amount,
                reason: '随机奖励',
                idempotencyKey: `rand-${dialect}-${i}`,
              })
            ).id,
          );
        else if (op === 1) {
          const to = people[(who + 1) % people.length];
          posted.push(
            (
              await svc.giftPoints(env.deps, actors[who]!, {
                districtId: tree.district.id,
                toPhone: to!.phone,
                relation: 'child',
                points: amount,
                idempotencyKey: `g-${i}-xxxxxx`,
              })
            ).id,
          );
        } else if (op === 2)
          posted.push(
            (
              await svc.donatePoints(env.deps, actors[who]!, {
                communityId: tree.communityA.id,
                points: amount,
                idempotencyKey: `d-${i}-xxxxxx`,
              })
            ).id,
          );
        else if (posted.length)
          await svc.reverseJournal(env.deps, districtAdmin, posted[rand(posted.length)]!, '随机冲正');
      } catch (e) {
        expect(['INSUFFICIENT_POINTS', 'JOURNAL_NOT_REVERSIBLE']).toContain((e as { code?: string }).code);
      }
    }
    const unbalanced = await env.deps.db
      .selectFrom('postings')
      .select(['journal_id', sql<number>`sum(amount)`.as('s')])
      .where('district_id', '=', tree.district.id)
      .groupBy('journal_id')
      .having(sql`sum(amount)`, '!=', 0)
      .execute();
    expect(unbalanced).toEqual([]);
    const negative = await env.deps.db
      .selectFrom('point_accounts')
      .select('id')
      .where('kind', '=', 'person')
      .where('balance', '<', 0)
      .execute();
    expect(negative).toEqual([]);
    const report = await pub.verifyLedger(env.deps);
    expect(report.problems).toEqual([]);
  });

  it('lets exactly 50 of 100 parallel spends of 10 through a balance of 500', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await svc.awardPoints(env.deps, adminA, {
      userId: u.id,
      points: 500,
      reason: '测试',
      idempotencyKey: `five-hundred-${dialect}`,
    });
    const me = plainActor(u.id);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        svc.donatePoints(env.deps, me, {
          communityId: tree.communityA.id,
          points: 10,
          idempotencyKey: `spend-${i}-xxxxx`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => (r.reason as { code: string }).code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(await balanceOf(u.id)).toBe(0);
  });

  it('creates one journal for one idempotency key sent 20 times in parallel', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        svc.awardPoints(env.deps, adminA, {
          userId: u.id,
          points: 7,
          reason: '同一请求',
          idempotencyKey: `same-key-${dialect}`,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await balanceOf(u.id)).toBe(7);
  });

  /** A resident of community A holding 50 points. */
  async function holderOf50(): Promise<TestUser> {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await svc.awardPoints(env.deps, adminA, {
      userId: u.id,
      points: 50,
      reason: '测试',
      idempotencyKey: `base-${u.id}`,
    });
    return u;
  }

  it('refuses a gift to oneself', async () => {
    const u = await holderOf50();
    await expect(
      svc.giftPoints(env.deps, plainActor(u.id), {
        districtId: tree.district.id,
        toPhone: u.phone,
        relation: 'child',
        points: 5,
        idempotencyKey: 'self-gift-1',
      }),
    ).rejects.toMatchObject({ code: 'GIFT_SELF' });
    expect(await balanceOf(u.id)).toBe(50);
  });

  it('refuses a gift where the district does not allow gifts', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { allowGifts: false });
    const u = await holderOf50();
    const other = await makeUser(env.deps);
    await expect(
      svc.giftPoints(env.deps, plainActor(u.id), {
        districtId: tree.district.id,
        toPhone: other.phone,
        relation: 'child',
        points: 5,
        idempotencyKey: 'gift-off-1',
      }),
    ).rejects.toMatchObject({ code: 'GIFTS_DISABLED' });
    expect(await balanceOf(u.id)).toBe(50);
  });

  it('limits gifts and donations together to the monthly give limit', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { monthlyGiveLimit: 20 });
    const u = await holderOf50();
    const child = await makeUser(env.deps);
    await svc.giftPoints(env.deps, plainActor(u.id), {
      districtId: tree.district.id,
      toPhone: child.phone,
      relation: 'child',
      points: 5,
      idempotencyKey: 'limit-0-xx',
    });
    await svc.donatePoints(env.deps, plainActor(u.id), {
      communityId: tree.communityA.id,
      points: 10,
      idempotencyKey: 'limit-1-xx',
    });
    await expect(
      svc.donatePoints(env.deps, plainActor(u.id), {
        communityId: tree.communityA.id,
        points: 10,
        idempotencyKey: 'limit-2-xx',
      }),
    ).rejects.toMatchObject({ code: 'GIVE_LIMIT', params: { limit: 20, used: 15 } });
    expect(await balanceOf(u.id)).toBe(35);
  });

  it('credits organisations for co-build contributions', async () => {
    const { createPartnerUnit } = await import('../../src/server/modules/org/index.js');
    const partner = await createPartnerUnit(env.deps, adminA, {
      nodeId: tree.communityA.id,
      name: '爱心超市',
      category: 'company',
    });
    const r = await svc.recordContribution(env.deps, adminA, {
      orgType: 'partner',
      orgId: partner.id,
      kind: 'goods',
      valueFen: 120_000,
      project: '重阳节慰问',
      description: '捐赠米油',
      points: 100,
      idempotencyKey: `contrib-${dialect}-1`,
    });
    expect(r).toMatchObject({ accountName: '爱心超市', balance: 100 });
    expect(r.journal.reason).toBe('共建：重阳节慰问（捐赠物资，折合¥1200.00）');
  });

  it('expires points older than the policy at year end, oldest first, once', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await acceptedRecord(u.id, 600, '助老服务', '2023-06-01'); // 100 points in 2023
    await acceptedRecord(u.id, 300, '助老服务', '2025-06-01'); // 50 points in 2025
    await processLedgerEvents(env.deps);
    await svc.donatePoints(env.deps, plainActor(u.id), {
      communityId: tree.communityA.id,
      points: 30,
      idempotencyKey: 'spend-before-expiry',
    });
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { expiryYears: 2 });
    const r1 = await svc.expirePoints(env.deps, tree.district.id, 2025);
    expect(await balanceOf(u.id)).toBe(50); // 100 from 2023, minus the 30 spent first, expired: 70
    const r2 = await svc.expirePoints(env.deps, tree.district.id, 2025);
    expect(r2.points).toBe(0);
    expect(r1.points).toBe(70);
  });

  it('publishes masked journals and a head; a resident can verify their own', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA, realName: '张桂华' });
    await svc.awardPoints(env.deps, adminA, {
      userId: u.id,
      points: 12,
      reason: '热心公益',
      idempotencyKey: `public-${dialect}`,
    });
    const page = await pub.listPublicJournals(env.deps, {
      districtId: tree.district.id,
      communityId: tree.communityA.id,
      limit: 5,
    });
    expect(page.items[0]).toMatchObject({
      type: 'award',
      reason: '奖励：热心公益',
      points: 12,
      parties: [{ name: '张*华', amount: 12 }],
      communityName: '甲社区',
    });
    const head = await pub.getLedgerHead(env.deps, tree.district.id);
    expect([head.count, page.items[0]!.seq]).toEqual([1, 1]);
    expect(head.hash).toBe(page.items[0]!.hash);
    const mine = await pub.verifyMyJournals(env.deps, plainActor(u.id), tree.district.id);
    expect(mine).toMatchObject({ allOk: true, journals: [{ amount: 12, ok: true }] });
    const none = await pub.listPublicJournals(env.deps, { districtId: tree.district.id, month: '1999-01' });
    expect(none.items).toEqual([]);
  });

  it('detects a tampered posting and names the journal', async () => {
    // Tampering switches off the append-only guard for the whole database, so it gets a database of its own.
    const own = await createTestEnv(dialect);
    try {
      const t = await makeTree(own.deps);
      const admin = await actorOf(
        own.deps,
        await makeUser(own.deps, { role: 'community_admin', roleNode: t.communityA }),
      );
      const u = await makeUser(own.deps, { home: t.communityA });
      const j = await svc.awardPoints(own.deps, admin, {
        userId: u.id,
        points: 9,
        reason: '篡改测试',
        idempotencyKey: `tamper-${dialect}`,
      });
      expect((await pub.verifyLedger(own.deps)).ok).toBe(true);
      // Someone with database access bypasses the append-only guard and edits an amount.
      if (dialect === 'sqlite') await sql`drop trigger postings_no_update`.execute(own.deps.db);
      else await sql`alter table postings disable trigger postings_append_only`.execute(own.deps.db);
      await own.deps.db
        .updateTable('postings')
        .set({ amount: 900 })
        .where('journal_id', '=', j.id)
        .where('amount', '=', 9)
        .execute();
      const report = await pub.verifyLedger(own.deps);
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({
        journalId: j.id,
        code: 'unbalanced',
        problem: '分录借贷不平（合计不为零）',
      });
      await own.deps.db
        .updateTable('postings')
        .set({ amount: -900 })
        .where('journal_id', '=', j.id)
        .where('amount', '=', -9)
        .execute();
      const again = await pub.verifyLedger(own.deps, { locale: 'en' });
      expect(again.problems[0]).toMatchObject({
        journalId: j.id,
        code: 'hash_mismatch',
        problem: 'content does not match its hash (altered)',
      });
      expect(again.problems.some((p) => p.code === 'balance_mismatch' && p.problem.includes('balance'))).toBe(true);
      expect((await pub.verifyMyJournals(own.deps, plainActor(u.id), t.district.id)).allOk).toBe(false);
    } finally {
      await own.close();
    }
  });
});

describe('journal posting guards', () => {
  let env: TestEnv;
  let tree: Tree;
  let u: TestUser;
  beforeEach(async () => {
    env = await createTestEnv('sqlite');
    tree = await makeTree(env.deps);
    u = await makeUser(env.deps, { home: tree.communityA });
  });
  afterEach(() => env.close());

  async function accounts() {
    return inTransaction(env.deps.db, async ({ trx }) => ({
      issuance: await accountFor(env.deps, trx, tree.district.id, {
        type: 'district',
        id: tree.district.id,
        purpose: 'issuance',
      }),
      person: await ensurePersonAccount(env.deps, trx, tree.district.id, u.id),
    }));
  }
  const journalCount = async () => (await env.deps.db.selectFrom('journals').select('id').execute()).length;

  it('refuses an unbalanced journal', async () => {
    const { issuance, person } = await accounts();
    await expect(
      inTransaction(env.deps.db, ({ trx }) =>
        postJournal(env.deps, trx, {
          districtId: tree.district.id,
          type: 'award',
          reason: 'x',
          idempotencyKey: 'k1',
          postings: [
            { accountId: issuance.id, amount: -5 },
            { accountId: person.id, amount: 4 },
          ],
        }),
      ),
    ).rejects.toThrow('unbalanced journal k1');
    expect(await journalCount()).toBe(0);
  });

  it('refuses an idempotency key reused for another type of journal', async () => {
    const { issuance, person } = await accounts();
    const postings = [
      { accountId: issuance.id, amount: -5 },
      { accountId: person.id, amount: 5 },
    ];
    await inTransaction(env.deps.db, ({ trx }) =>
      postJournal(env.deps, trx, {
        districtId: tree.district.id,
        type: 'award',
        reason: 'x',
        idempotencyKey: 'k2',
        postings,
      }),
    );
    await expect(
      inTransaction(env.deps.db, ({ trx }) =>
        postJournal(env.deps, trx, {
          districtId: tree.district.id,
          type: 'gift',
          reason: 'x',
          idempotencyKey: 'k2',
          postings,
        }),
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    expect(await journalCount()).toBe(1);
  });

  it('refuses to post outside a transaction (assertTransaction)', async () => {
    const { issuance, person } = await accounts();
    await expect(
      postJournal(env.deps, env.deps.db, {
        districtId: tree.district.id,
        type: 'award',
        reason: 'x',
        idempotencyKey: 'k3',
        postings: [
          { accountId: issuance.id, amount: -5 },
          { accountId: person.id, amount: 5 },
        ],
      }),
    ).rejects.toThrow('this write must run inside a transaction');
    expect(await journalCount()).toBe(0);
  });
});
