// The outbox that turns accepted service records into points: no event can be skipped (a producer that commits
// late is still handled), concurrent consumers handle each event once, and the whole path from an acceptance
// through the API to the balance the volunteer sees works on both databases. verify-ledger reconciles.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  PG_URL,
  plainActor,
  testApp,
  type TestEnv,
  type Tree,
} from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { processLedgerEvents } from '../../src/server/modules/ledger/ledger.earning.js';
import { verifyLedger } from '../../src/server/modules/ledger/ledger.public.js';
import { UNHANDLED_GRACE_MS } from '../../src/server/modules/ledger/ledger.reconcile.js';
import { serviceRecordAccepted, serviceRecordSuperseded } from '../../src/server/modules/records/index.js';
import * as records from '../../src/server/modules/records/records.service.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import { newId } from '../../src/server/platform/ids.js';
import type { Actor } from '../../src/server/platform/permissions.js';

const HOUR = 3600_000;

function accepted(tree: Tree, userId: string, recordId: string, minutes = 60) {
  return {
    districtId: tree.district.id,
    refId: recordId,
    payload: {
      recordId,
      userId,
      minutes,
      activityId: null,
      activityTitle: '上门探访',
      category: '助老服务',
      communityId: tree.communityA.id,
      teamId: null,
      pointsPerHour: null,
      serviceDate: '2026-11-20',
    },
  };
}

async function earnedRefs(env: TestEnv): Promise<string[]> {
  const rows = await env.deps.db
    .selectFrom('journals')
    .select('ref_id')
    .where('type', '=', 'earn')
    .orderBy('ref_id')
    .execute();
  return rows.map((r) => r.ref_id ?? '');
}

describe.skipIf(!PG_URL)('outbox on postgres: a producer that commits late', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('postgres');
  });
  afterAll(() => env.close());

  it('earns both records when the earlier-id event commits after a later one was handled', async () => {
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    let releaseA!: () => void;
    const gateA = new Promise<void>((r) => {
      releaseA = r;
    });
    let aEmitted!: () => void;
    const emittedA = new Promise<void>((r) => {
      aEmitted = r;
    });
    const recA = newId();
    const txA = env.deps.db.transaction().execute(async (trx) => {
      await serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, recA));
      aEmitted();
      await gateA; // A stays open: its smaller id is not visible yet
    });
    await emittedA;
    const recB = newId();
    await env.deps.db
      .transaction()
      .execute((trx) => serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, recB)));
    expect(await processLedgerEvents(env.deps)).toBe(1); // sees B only
    releaseA();
    await txA;
    expect(await processLedgerEvents(env.deps)).toBe(1); // A, although B's larger id was handled first
    expect(await earnedRefs(env)).toEqual([recA, recB].sort());
  });
});

describe.each(DIALECTS)('outbox on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.close());
  afterEach(() => env.clock.reset());

  it('handles each event exactly once when five consumers race', async () => {
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    const ids = Array.from({ length: 30 }, () => newId());
    for (const id of ids) {
      await inTransaction(env.deps.db, ({ trx }) =>
        serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, id, 30)),
      );
    }
    const counts = await Promise.all(Array.from({ length: 5 }, () => processLedgerEvents(env.deps)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    const journals = await env.deps.db
      .selectFrom('journals')
      .select('ref_id')
      .where('district_id', '=', tree.district.id)
      .where('type', '=', 'earn')
      .execute();
    expect(journals.map((j) => j.ref_id).sort()).toEqual([...ids].sort());
    const account = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('district_id', '=', tree.district.id)
      .where('owner_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(Number(account.balance)).toBe(30 * 5); // 30 minutes at 10 points an hour
    expect(await processLedgerEvents(env.deps)).toBe(0);
  });

  it('reverses nothing and earns nothing for a record superseded before its acceptance was handled', async () => {
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    const rec = newId();
    await inTransaction(env.deps.db, async ({ trx }) => {
      await serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, rec));
      await serviceRecordSuperseded.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: rec,
        payload: { recordId: rec, replacedBy: null, userId: u.id, minutes: 60, reason: '时长有误' },
      });
    });
    expect(await processLedgerEvents(env.deps)).toBe(2);
    const journals = await env.deps.db
      .selectFrom('journals')
      .select(['type', 'ref_id'])
      .where('district_id', '=', tree.district.id)
      .execute();
    expect(journals).toEqual([]);
  });

  it('verify-ledger names an accepted record that never earned, once the grace period has passed', async () => {
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    const earned = newId();
    await inTransaction(env.deps.db, ({ trx }) =>
      serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, earned)),
    );
    await processLedgerEvents(env.deps);
    const lost = newId();
    await inTransaction(env.deps.db, ({ trx }) =>
      serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, lost)),
    );
    expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true); // still in the worker's queue
    env.clock.advance(UNHANDLED_GRACE_MS + 1000);
    const report = await verifyLedger(env.deps, { districtId: tree.district.id });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.code, p.params.record, p.problem])).toEqual([
      ['earning_unhandled', lost, expect.stringContaining(`已验收的服务记录 ${lost} 没有转为积分`)],
    ]);
    await processLedgerEvents(env.deps);
    expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true);
  });

  it('verify-ledger names a superseded record whose earning was not reversed, until the reversal is posted', async () => {
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    const rec = newId();
    await inTransaction(env.deps.db, ({ trx }) =>
      serviceRecordAccepted.emit(trx, env.clock, accepted(tree, u.id, rec)),
    );
    await processLedgerEvents(env.deps);
    const earned = await env.deps.db
      .selectFrom('journals')
      .select('id')
      .where('ref_id', '=', rec)
      .where('type', '=', 'earn')
      .executeTakeFirstOrThrow();
    await inTransaction(env.deps.db, ({ trx }) =>
      serviceRecordSuperseded.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: rec,
        payload: { recordId: rec, replacedBy: null, userId: u.id, minutes: 60, reason: '时长有误' },
      }),
    );
    env.clock.advance(UNHANDLED_GRACE_MS + 1000);
    const report = await verifyLedger(env.deps, { districtId: tree.district.id });
    expect(report.problems).toEqual([
      {
        districtId: tree.district.id,
        journalId: earned.id,
        seq: null,
        code: 'earning_not_reversed',
        params: { record: rec },
        problem: `服务记录 ${rec} 已更正，但其积分未冲回`,
      },
    ]);
    expect(await processLedgerEvents(env.deps)).toBe(1);
    expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true);
  });

  it('verify-ledger names points earned for a record that was never accepted', async () => {
    const tree = await makeTree(env.deps);
    const u = await makeUser(env.deps, { home: tree.communityA });
    const { accountFor, ensurePersonAccount, postJournal } = await import('../../src/server/modules/ledger/index.js');
    const ghost = newId();
    const journalId = await inTransaction(env.deps.db, async ({ trx }) => {
      const person = await ensurePersonAccount(env.deps, trx, tree.district.id, u.id);
      const issuance = await accountFor(env.deps, trx, tree.district.id, {
        type: 'district',
        id: tree.district.id,
        purpose: 'issuance',
      });
      const { journal } = await postJournal(env.deps, trx, {
        districtId: tree.district.id,
        type: 'earn',
        reason: '伪造',
        refType: 'service_record',
        refId: ghost,
        idempotencyKey: `earn:service_record:${ghost}`,
        postings: [
          { accountId: issuance.id, amount: -10 },
          { accountId: person.id, amount: 10 },
        ],
      });
      return journal.id;
    });
    const report = await verifyLedger(env.deps, { districtId: tree.district.id, locale: 'en' });
    expect(report.problems).toEqual([
      {
        districtId: tree.district.id,
        journalId,
        seq: null,
        code: 'earning_without_acceptance',
        params: { record: ghost },
        problem: `points were earned for service record ${ghost} that was never accepted`,
      },
    ]);
    // Chinese by default (the community's language), the same problem.
    const zh = await verifyLedger(env.deps, { districtId: tree.district.id });
    expect(zh.problems.map((p) => p.problem)).toEqual([`服务记录 ${ghost} 从未验收，却获得了积分`]);
  });
});

describe.each(DIALECTS)('accepted hours become the points a volunteer sees, on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let leader: Actor;
  let teamId: string;
  let admin: { id: string; phone: string };

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    admin = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const l = await makeVolunteer(env.deps, tree.communityA);
    const team = await teams.createTeam(env.deps, await actorOf(env.deps, admin), {
      communityId: tree.communityA.id,
      name: '关照队',
      category: '邻里关照',
      leaderUserId: l.id,
    });
    teamId = team.id;
    leader = plainActor(l.id);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  afterEach(() => env.clock.reset());

  it('accept through the API → event → journal → balance and history of the volunteer', async () => {
    const start = new Date(env.clock.now().getTime() + 2 * HOUR);
    const [a] = await activities.createActivity(env.deps, leader, {
      communityId: tree.communityA.id,
      teamId,
      title: '独居老人上门探访',
      category: '助老服务',
      description: '',
      address: '甲社区',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      slots: 5,
      publish: true,
    });
    const v = await makeVolunteer(env.deps, tree.communityA, { realName: '赵小燕' });
    await signups.signUpActivity(env.deps, v.actor, a!.id);
    env.clock.advance(4 * HOUR + 5 * 60_000); // after the end
    await attendance.markAttendance(env.deps, leader, a!.id, [{ userId: v.id, present: true }]);
    const [rec] = (await records.listServiceRecords(env.deps, leader, { activityId: a!.id })).items;
    expect(rec!.minutes).toBeGreaterThan(0);
    await records.confirmServiceRecords(env.deps, leader, [rec!.id]);

    const staff = await clientFor(app, admin);
    const res = await staff.request('POST', '/api/v1/service-records/accept', { recordIds: [rec!.id] });
    expect(res.statusCode).toBe(200);
    expect(await processLedgerEvents(env.deps)).toBe(1); // what the server's worker does when nudged

    const me = await clientFor(app, v);
    const points = await me.request('GET', '/api/v1/me/points');
    const expected = Math.floor((rec!.minutes * 10) / 60);
    expect(points.json()).toMatchObject({
      items: [{ districtId: tree.district.id, balance: expected, earned: expected, spent: 0 }],
    });
    const history = await me.request('GET', `/api/v1/me/points/journals?districtId=${tree.district.id}`);
    const items = history.json<{ items: Array<{ type: string; reason: string; amount: number }> }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'earn', amount: expected });
    expect(items[0]!.reason).toContain('独居老人上门探访');
    expect((await verifyLedger(env.deps, { districtId: tree.district.id })).ok).toBe(true);
    // The account carries a masked public name only: no real name in plain text outside the encrypted fields.
    const account = await env.deps.db
      .selectFrom('point_accounts')
      .select('name')
      .where('owner_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(account.name).not.toContain('小燕');
    expect(account.name).toContain('*');
  });
});
