// Service tests of the points bank on both databases: earning exactly once, double entry under random
// operations, concurrency of spends and idempotency keys, tamper detection, expiry, the public ledger.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, plainActor, type TestEnv, type Tree } from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { accountFor, postJournal } from '../../src/server/modules/ledger/ledger.core.js';
import { personAccount, processLedgerEvents } from '../../src/server/modules/ledger/ledger.earning.js';
import * as pub from '../../src/server/modules/ledger/ledger.public.js';
import * as svc from '../../src/server/modules/ledger/ledger.service.js';
import { updatePointRules } from '../../src/server/modules/ledger/ledger.settings.js';
import { emitEvent } from '../../src/server/platform/events.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('points bank on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let districtAdmin: Actor;
  let adminA: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    districtAdmin = await actorOf(env.deps, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { allowGifts: true, allowDonations: true, monthlyGiveLimit: 1_000_000 });
  });
  afterAll(() => env.close());

  /** Emits an accepted-record event as the records module would (an activity row for its title). */
  async function acceptedRecord(userId: string, minutes: number, category = '助老服务', date = '2026-11-20') {
    const recordId = newId();
    await inTransaction(env.deps.db, async ({ trx }) => {
      await emitEvent(trx, env.clock, {
        districtId: tree.district.id, type: 'service_record.accepted', refId: recordId,
        payload: { recordId, userId, minutes, activityId: 'none', category, communityId: tree.communityA.id, teamId: null, pointsPerHour: null, serviceDate: date },
      });
    });
    return recordId;
  }

  async function balanceOf(userId: string): Promise<number> {
    const a = await env.deps.db.selectFrom('point_accounts').select('balance').where('owner_id', '=', userId).where('district_id', '=', tree.district.id).executeTakeFirst();
    return a ? Number(a.balance) : 0;
  }

  it('turns an accepted record into points exactly once, even with concurrent consumers', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const rec = await acceptedRecord(u.id, 120);
    await Promise.all([processLedgerEvents(env.deps), processLedgerEvents(env.deps), processLedgerEvents(env.deps)]);
    await processLedgerEvents(env.deps);
    const journals = await env.deps.db.selectFrom('journals').selectAll().where('ref_id', '=', rec).execute();
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatchObject({ type: 'earn', idempotency_key: `earn:service_record:${rec}`, effective_date: '2026-11-20' });
    expect(await balanceOf(u.id)).toBe(20);
    // A correction of an accepted record reverses its points.
    await inTransaction(env.deps.db, async ({ trx }) => {
      await emitEvent(trx, env.clock, { districtId: tree.district.id, type: 'service_record.superseded', refId: rec, payload: { recordId: rec, reason: '时长有误' } });
    });
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(0);
  });

  it('applies category multipliers, the daily cap and the balance ceiling', async () => {
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { categoryMultipliersPct: { 健康义诊: 150 }, dailyCapPoints: 40, balanceCeiling: 60 });
    const u = await makeUser(env.deps, { home: tree.communityA });
    await acceptedRecord(u.id, 120, '健康义诊', '2026-11-21');
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(30);
    await acceptedRecord(u.id, 120, '助老服务', '2026-11-21');
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(40);
    await acceptedRecord(u.id, 300, '助老服务', '2026-11-22');
    await processLedgerEvents(env.deps);
    expect(await balanceOf(u.id)).toBe(60);
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { categoryMultipliersPct: {}, dailyCapPoints: null, balanceCeiling: null });
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
        if (op === 0) posted.push((await svc.awardPoints(env.deps, adminA, { userId: people[who].id, points: amount, reason: '随机奖励', idempotencyKey: `rand-${dialect}-${i}` })).id);
        else if (op === 1) {
          const to = people[(who + 1) % people.length];
          posted.push((await svc.giftPoints(env.deps, actors[who], { districtId: tree.district.id, toPhone: to.phone, relation: 'child', points: amount, idempotencyKey: `g-${i}-xxxxxx` })).id);
        } else if (op === 2) posted.push((await svc.donatePoints(env.deps, actors[who], { communityId: tree.communityA.id, points: amount, idempotencyKey: `d-${i}-xxxxxx` })).id);
        else if (posted.length) await svc.reverseJournal(env.deps, districtAdmin, posted[rand(posted.length)], '随机冲正');
      } catch (e) {
        expect(['INSUFFICIENT_POINTS', 'JOURNAL_NOT_REVERSIBLE']).toContain((e as { code?: string }).code);
      }
    }
    const unbalanced = await env.deps.db.selectFrom('postings').select(['journal_id', sql<number>`sum(amount)`.as('s')])
      .where('district_id', '=', tree.district.id).groupBy('journal_id').having(sql`sum(amount)`, '!=', 0).execute();
    expect(unbalanced).toEqual([]);
    const negative = await env.deps.db.selectFrom('point_accounts').select('id').where('kind', '=', 'person').where('balance', '<', 0).execute();
    expect(negative).toEqual([]);
    const report = await pub.verifyLedger(env.deps);
    expect(report.problems).toEqual([]);
  });

  it('lets exactly 50 of 100 parallel spends of 10 through a balance of 500', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await svc.awardPoints(env.deps, adminA, { userId: u.id, points: 500, reason: '测试', idempotencyKey: `five-hundred-${dialect}` });
    const me = plainActor(u.id);
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) =>
      svc.donatePoints(env.deps, me, { communityId: tree.communityA.id, points: 10, idempotencyKey: `spend-${i}-xxxxx` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => (r.reason as { code: string }).code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(await balanceOf(u.id)).toBe(0);
  });

  it('creates one journal for one idempotency key sent 20 times in parallel', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      svc.awardPoints(env.deps, adminA, { userId: u.id, points: 7, reason: '同一请求', idempotencyKey: `same-key-${dialect}` })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await balanceOf(u.id)).toBe(7);
  });

  it('refuses a gift or donation where the district does not allow it, and gifts to oneself', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    await svc.awardPoints(env.deps, adminA, { userId: u.id, points: 50, reason: '测试', idempotencyKey: `gift-base-${dialect}` });
    await expect(svc.giftPoints(env.deps, plainActor(u.id), { districtId: tree.district.id, toPhone: u.phone, relation: 'child', points: 5, idempotencyKey: 'self-gift-1' }))
      .rejects.toMatchObject({ code: 'GIFT_SELF' });
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { allowGifts: false, monthlyGiveLimit: 20 });
    const other = await makeUser(env.deps);
    await expect(svc.giftPoints(env.deps, plainActor(u.id), { districtId: tree.district.id, toPhone: other.phone, relation: 'child', points: 5, idempotencyKey: 'gift-off-1' }))
      .rejects.toMatchObject({ code: 'GIFTS_DISABLED' });
    await svc.donatePoints(env.deps, plainActor(u.id), { communityId: tree.communityA.id, points: 15, idempotencyKey: 'limit-1-xx' });
    await expect(svc.donatePoints(env.deps, plainActor(u.id), { communityId: tree.communityA.id, points: 10, idempotencyKey: 'limit-2-xx' }))
      .rejects.toMatchObject({ code: 'GIVE_LIMIT', params: { limit: 20, used: 15 } });
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { allowGifts: true, monthlyGiveLimit: 1_000_000 });
  });

  it('credits organisations for co-build contributions', async () => {
    const { createPartnerUnit } = await import('../../src/server/modules/org/index.js');
    const partner = await createPartnerUnit(env.deps, adminA, { nodeId: tree.communityA.id, name: '爱心超市', category: 'company' });
    const r = await svc.recordContribution(env.deps, adminA, {
      orgType: 'partner', orgId: partner.id, kind: 'goods', valueFen: 120_000, project: '重阳节慰问', description: '捐赠米油', points: 100,
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
    await svc.donatePoints(env.deps, plainActor(u.id), { communityId: tree.communityA.id, points: 30, idempotencyKey: 'spend-before-expiry' });
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { expiryYears: 2 });
    const r1 = await svc.expirePoints(env.deps, tree.district.id, 2025);
    expect(await balanceOf(u.id)).toBe(50); // 100 from 2023, minus the 30 spent first, expired: 70
    const r2 = await svc.expirePoints(env.deps, tree.district.id, 2025);
    expect(r2.points).toBe(0);
    expect(r1.points).toBeGreaterThanOrEqual(70);
    await updatePointRules(env.deps, districtAdmin, tree.district.id, { expiryYears: null });
  });

  it('publishes masked journals and a head; a resident can verify their own', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA, realName: '张桂华' });
    await svc.awardPoints(env.deps, adminA, { userId: u.id, points: 12, reason: '热心公益', idempotencyKey: `public-${dialect}` });
    const page = await pub.listPublicJournals(env.deps, { districtId: tree.district.id, communityId: tree.communityA.id, limit: 5 });
    expect(page.items[0]).toMatchObject({ type: 'award', reason: '奖励：热心公益', points: 12, parties: [{ name: '张*华', amount: 12 }], communityName: '甲社区' });
    const head = await pub.getLedgerHead(env.deps, tree.district.id);
    expect(head.count).toBe(page.items[0].seq);
    expect(head.hash).toBe(page.items[0].hash);
    const mine = await pub.verifyMyJournals(env.deps, plainActor(u.id), tree.district.id);
    expect(mine).toMatchObject({ allOk: true, journals: [{ amount: 12, ok: true }] });
    const none = await pub.listPublicJournals(env.deps, { districtId: tree.district.id, month: '1999-01' });
    expect(none.items).toEqual([]);
  });

  it('detects a tampered posting and names the journal', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const j = await svc.awardPoints(env.deps, adminA, { userId: u.id, points: 9, reason: '篡改测试', idempotencyKey: `tamper-${dialect}` });
    expect((await pub.verifyLedger(env.deps)).ok).toBe(true);
    // Someone with database access bypasses the append-only guard and edits an amount.
    if (dialect === 'sqlite') await sql`drop trigger postings_no_update`.execute(env.deps.db);
    else await sql`alter table postings disable trigger postings_append_only`.execute(env.deps.db);
    await env.deps.db.updateTable('postings').set({ amount: 900 }).where('journal_id', '=', j.id).where('amount', '=', 9).execute();
    const report = await pub.verifyLedger(env.deps);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ journalId: j.id, problem: 'postings do not sum to zero' });
    await env.deps.db.updateTable('postings').set({ amount: -900 }).where('journal_id', '=', j.id).where('amount', '=', -9).execute();
    const again = await pub.verifyLedger(env.deps);
    expect(again.problems[0]).toMatchObject({ journalId: j.id, problem: 'content does not match its hash (altered)' });
    expect(again.problems.some((p) => p.problem.includes('balance'))).toBe(true);
    expect((await pub.verifyMyJournals(env.deps, plainActor(u.id), tree.district.id)).allOk).toBe(false);
  });
});

describe('journal posting guards', () => {
  it('refuses an unbalanced journal and a key reused for another type', async () => {
    const env = await createTestEnv('sqlite');
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    await inTransaction(env.deps.db, async ({ trx }) => {
      const issuance = await accountFor(env.deps, trx, tree.district.id, { type: 'district', id: tree.district.id, purpose: 'issuance' });
      const person = await personAccount(env.deps, trx, tree.district.id, u.id);
      await expect(postJournal(env.deps, trx, {
        districtId: tree.district.id, type: 'award', reason: 'x', idempotencyKey: 'k1', postings: [{ accountId: issuance.id, amount: -5 }, { accountId: person.id, amount: 4 }],
      })).rejects.toThrow(/unbalanced/);
      await postJournal(env.deps, trx, {
        districtId: tree.district.id, type: 'award', reason: 'x', idempotencyKey: 'k2', postings: [{ accountId: issuance.id, amount: -5 }, { accountId: person.id, amount: 5 }],
      });
      await expect(postJournal(env.deps, trx, {
        districtId: tree.district.id, type: 'gift', reason: 'x', idempotencyKey: 'k2', postings: [{ accountId: issuance.id, amount: -5 }, { accountId: person.id, amount: 5 }],
      })).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
    });
    await expect(inTransaction(env.deps.db, async () => {
      throw new Error('outside');
    })).rejects.toThrow();
    await env.close();
  });
});
