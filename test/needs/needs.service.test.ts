// Service tests of the needs list on both databases: raising (self and proxy), scope, triage and the state graph
// through the services, withdraw and rating, linking to a project, configurable categories, and two triages at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/server/db/transaction.js';
import * as needs from '../../src/server/modules/needs/needs.service.js';
import { updateNeedSettings } from '../../src/server/modules/settings/index.js';
import { AppError } from '../../src/server/platform/errors.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  plainActor,
  type TestEnv,
  type Tree,
  useClock,
} from '../support.js';
import { raise, residentOf, walk } from './needs.fixtures.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'OK';
}

describe.each(DIALECTS)('needs on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let gridWorkerA: Actor;
  let gridWorkerB: Actor;
  let adminA: Actor;
  let adminB: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    gridWorkerA = await actorOf(env.deps, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    gridWorkerB = await actorOf(env.deps, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridB }));
    adminA = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
  });
  afterAll(() => env.close());
  useClock(() => env);

  const auditOf = (needId: string) =>
    env.deps.db.selectFrom('audit_events').selectAll().where('target_id', '=', needId).orderBy('id').execute();
  const eventsOf = (needId: string) =>
    env.deps.db
      .selectFrom('domain_events')
      .select(['type', 'ref_id', 'payload'])
      .where((eb) => eb.or([eb('ref_id', '=', needId), eb('ref_id', 'like', `${needId}:%`)]))
      .orderBy('id')
      .execute();

  it('lets a resident raise a need at home: submitted, placed in their grid, announced once', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    expect(n).toMatchObject({
      status: 'submitted',
      version: 1,
      communityId: tree.communityA.id,
      gridId: tree.gridA.id,
      requesterUserId: me.id,
      recordedByUserId: null,
      category: 'errand',
      categoryName: '代买代办',
      title: '代买代办：帮忙去药店买降压药',
      urgency: 'urgent',
      privacy: 'community',
      peopleNeeded: 1,
      place: '甲社区 甲一网格',
      requesterPhoneMasked: null,
      canWithdraw: true,
      canRate: false,
      canManage: false,
    });
    const events = await eventsOf(n.id);
    expect(events.map((e) => e.type)).toEqual(['need.submitted']);
    expect(JSON.parse(events[0]!.payload)).toEqual({
      needId: n.id,
      communityId: tree.communityA.id,
      category: 'errand',
      urgency: 'urgent',
      title: n.title,
    });
    expect(await auditOf(n.id)).toEqual([]);
  });

  it('asks a resident without a home community to set it first, writing nothing', async () => {
    const homeless = await makeUser(env.deps);
    expect(await codeOf(raise(env.deps, homeless))).toBe('NEED_NO_HOME');
    const rows = await env.deps.db
      .selectFrom('needs')
      .select('id')
      .where('requester_user_id', '=', homeless.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses an unknown category and a window that ends before it starts (400), writing nothing', async () => {
    const me = await residentOf(env.deps, tree.communityA);
    expect(await codeOf(raise(env.deps, me, { category: 'nope' }))).toBe('VALIDATION_FAILED');
    expect(
      await codeOf(
        raise(env.deps, me, { windowStart: '2026-11-26T02:00:00.000Z', windowEnd: '2026-11-26T01:00:00.000Z' }),
      ),
    ).toBe('VALIDATION_FAILED');
    const rows = await env.deps.db.selectFrom('needs').select('id').where('requester_user_id', '=', me.id).execute();
    expect(rows).toEqual([]);
  });

  it('records a need on a resident’s behalf (代录): recorded_by set, audited naming both people', async () => {
    const elder = await residentOf(env.deps, tree.gridA);
    const n = await needs.createNeed(env.deps, gridWorkerA, {
      requesterPhone: elder.phone,
      category: 'bath_haircut',
      description: '独居老人需要助浴',
      beneficiaryGroup: 'elderly',
    });
    expect(n).toMatchObject({
      requesterUserId: elder.id,
      recordedByUserId: gridWorkerA.userId,
      gridId: tree.gridA.id,
      canManage: true,
    });
    expect(n.requesterPhoneMasked).toBe(`${elder.phone.slice(0, 3)}****${elder.phone.slice(7)}`);
    const audit = await auditOf(n.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'need.create_proxy',
      actor_id: gridWorkerA.userId,
      on_behalf_of_id: elder.id,
    });
  });

  it('refuses a proxy need by staff of another grid or community (NOT_FOUND), and for an unknown phone', async () => {
    const elder = await residentOf(env.deps, tree.gridA);
    const input = { requesterPhone: elder.phone, category: 'visit', description: '上门看看' };
    expect(await codeOf(needs.createNeed(env.deps, gridWorkerB, input))).toBe('NOT_FOUND');
    expect(await codeOf(needs.createNeed(env.deps, adminB, input))).toBe('NOT_FOUND');
    expect(await codeOf(needs.createNeed(env.deps, adminA, { ...input, requesterPhone: '13000000000' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('shows a need to its requester and staff in scope only; everyone else gets NOT_FOUND', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    const mine = await needs.getNeed(env.deps, plainActor(me.id), n.id);
    expect(mine.place).toBe('甲社区 甲一网格');
    expect(mine.requesterPhoneMasked).toBeNull();
    expect((await needs.getNeed(env.deps, gridWorkerA, n.id)).requesterPhoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await needs.getNeed(env.deps, adminA, n.id)).canManage).toBe(true);
    const other = await residentOf(env.deps, tree.gridA);
    for (const actor of [gridWorkerB, adminB, plainActor(other.id)]) {
      expect(await codeOf(needs.getNeed(env.deps, actor, n.id))).toBe('NOT_FOUND');
    }
    expect(await codeOf(needs.getNeed(env.deps, adminA, 'no-such-need'))).toBe('NOT_FOUND');
  });

  it('lets a grid worker handle the grid-less needs of their own community, not of another', async () => {
    const atCommunity = await residentOf(env.deps, tree.communityA);
    const n = await raise(env.deps, atCommunity);
    expect(n.gridId).toBeNull();
    expect((await needs.getNeed(env.deps, gridWorkerA, n.id)).canManage).toBe(true);
    expect(await codeOf(needs.getNeed(env.deps, gridWorkerB, n.id))).toBe('NOT_FOUND');
    const listA = await needs.listNeeds(env.deps, gridWorkerA, { limit: 200 });
    expect(listA.items.map((x) => x.id)).toContain(n.id);
    const listB = await needs.listNeeds(env.deps, gridWorkerB, { limit: 200 });
    expect(listB.items.map((x) => x.id)).not.toContain(n.id);
    const proxied = await needs.createNeed(env.deps, gridWorkerA, {
      requesterUserId: atCommunity.id,
      category: 'meal',
      description: '腿脚不便，需要送餐',
    });
    expect(proxied.recordedByUserId).toBe(gridWorkerA.userId);
    const elsewhere = await residentOf(env.deps, tree.communityB);
    expect(
      await codeOf(
        needs.createNeed(env.deps, gridWorkerA, {
          requesterUserId: elsewhere.id,
          category: 'meal',
          description: '送餐',
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('lists the resident’s own needs, and staff the needs in their scope with totals per state', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const a = await raise(env.deps, me);
    const b = await raise(env.deps, me, { category: 'repair', description: '灯坏了' });
    const other = await residentOf(env.deps, tree.communityB);
    const c = await raise(env.deps, other);

    const own = await needs.listNeeds(env.deps, plainActor(me.id), { limit: 20 });
    expect(own.items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(own.total).toBe(2);

    const gridA = await needs.listNeeds(env.deps, gridWorkerA, { limit: 200 });
    const ids = gridA.items.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(c.id);
    expect(gridA.items.every((x) => x.gridId === tree.gridA.id || x.gridId === null)).toBe(true);
    expect(gridA.items.every((x) => x.communityId === tree.communityA.id)).toBe(true);
    expect(gridA.total).toBe(gridA.items.length);
    expect(gridA.byStatus.submitted).toBeGreaterThanOrEqual(2);

    const adminBList = await needs.listNeeds(env.deps, adminB, { limit: 200 });
    expect(adminBList.items.map((x) => x.id)).toContain(c.id);
    expect(adminBList.items.every((x) => x.communityId === tree.communityB.id)).toBe(true);

    const repairs = await needs.listNeeds(env.deps, adminA, { limit: 200, category: 'repair' });
    expect(repairs.items.map((x) => x.id)).toContain(b.id);
    expect(repairs.items.every((x) => x.category === 'repair')).toBe(true);

    // Pages with a cursor add up to the total.
    const p1 = await needs.listNeeds(env.deps, adminA, { limit: 1 });
    const p2 = await needs.listNeeds(env.deps, adminA, { limit: 1, cursor: p1.nextCursor! });
    expect(p1.items[0]!.id).not.toBe(p2.items[0]!.id);
    expect(p1.total).toBe(p2.total);
  });

  it('triages: dispatch sets category, urgency, people and note, emits the change and audits it', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    const t = await needs.triageNeed(env.deps, gridWorkerA, n.id, {
      decision: 'dispatch',
      category: 'escort',
      urgency: 'critical',
      peopleNeeded: 2,
      note: '老人腿脚不便',
      version: 1,
    });
    expect(t).toMatchObject({
      status: 'triaged',
      category: 'escort',
      urgency: 'critical',
      peopleNeeded: 2,
      triageNote: '老人腿脚不便',
      version: 2,
    });
    const events = await eventsOf(n.id);
    expect(events.map((e) => [e.type, e.ref_id])).toEqual([
      ['need.submitted', n.id],
      ['need.status_changed', `${n.id}:2`],
    ]);
    expect(JSON.parse(events[1]!.payload)).toEqual({
      needId: n.id,
      requesterUserId: me.id,
      from: 'submitted',
      to: 'triaged',
      reason: null,
    });
    const audit = await auditOf(n.id);
    expect(audit.map((a) => a.action)).toEqual(['need.transition']);
    expect(audit[0]!.actor_id).toBe(gridWorkerA.userId);
  });

  it('refuses triage out of order (409 NEED_STATE), a stale version (409 NEED_CHANGED), a close without reason', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    expect(await codeOf(needs.triageNeed(env.deps, adminA, n.id, { decision: 'close' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(needs.triageNeed(env.deps, adminA, n.id, { decision: 'dispatch', version: 7 }))).toBe(
      'NEED_CHANGED',
    );
    await needs.triageNeed(env.deps, adminA, n.id, { decision: 'dispatch' });
    expect(await codeOf(needs.triageNeed(env.deps, adminA, n.id, { decision: 'dispatch' }))).toBe('NEED_STATE');
    expect(await codeOf(needs.triageNeed(env.deps, gridWorkerB, n.id, { decision: 'link' }))).toBe('NOT_FOUND');
    expect(await codeOf(needs.triageNeed(env.deps, plainActor(me.id), n.id, { decision: 'link' }))).toBe('NOT_FOUND');
    const closed = await needs.triageNeed(env.deps, adminA, n.id, { decision: 'close', reason: '已由家属解决' });
    expect(closed).toMatchObject({ status: 'closed', statusReason: '已由家属解决' });
    expect(await codeOf(needs.triageNeed(env.deps, adminA, n.id, { decision: 'link' }))).toBe('NEED_STATE');
  });

  it('refuses every transition the graph does not allow, through transitionNeed', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    for (const to of ['dispatched', 'matched', 'in_service', 'done', 'evaluated'] as const) {
      const code = await codeOf(
        inTransaction(env.deps.db, async ({ trx }) => {
          const row = await needs.findManagedNeed(trx, adminA, n.id);
          await needs.transitionNeed(trx, env.deps.clock, row, to, { actorId: adminA.userId });
        }),
      );
      expect(code, `submitted → ${to}`).toBe('NEED_STATE');
    }
    expect((await needs.getNeed(env.deps, adminA, n.id)).version).toBe(1);
  });

  it('lets the requester withdraw before matching, not after', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const a = await raise(env.deps, me);
    await walk(env.deps, a.id, ['triaged', 'dispatched']);
    const w = await needs.withdrawNeed(env.deps, plainActor(me.id), a.id, {});
    expect(w).toMatchObject({ status: 'closed', statusReason: '本人撤回', canWithdraw: false });

    const b = await raise(env.deps, me);
    await walk(env.deps, b.id, ['triaged', 'dispatched', 'matched']);
    expect(await codeOf(needs.withdrawNeed(env.deps, plainActor(me.id), b.id, {}))).toBe('NEED_STATE');
    const other = await residentOf(env.deps, tree.gridA);
    expect(await codeOf(needs.withdrawNeed(env.deps, plainActor(other.id), b.id, {}))).toBe('NOT_FOUND');
  });

  it('lets the requester rate once the help is done, and shows the whole timeline', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    expect(await codeOf(needs.rateNeed(env.deps, plainActor(me.id), n.id, { rating: 5 }))).toBe('NEED_STATE');
    await walk(env.deps, n.id, ['triaged', 'dispatched', 'matched', 'in_service', 'done']);
    expect(await codeOf(needs.rateNeed(env.deps, adminA, n.id, { rating: 5 }))).toBe('NOT_FOUND');
    const r = await needs.rateNeed(env.deps, plainActor(me.id), n.id, { rating: 5, comment: '小伙子很耐心' });
    expect(r).toMatchObject({ status: 'evaluated', rating: 5, ratingComment: '小伙子很耐心', canRate: false });
    expect(r.doneAt).not.toBeNull();
    expect(await codeOf(needs.rateNeed(env.deps, plainActor(me.id), n.id, { rating: 4 }))).toBe('NEED_STATE');
    const d = await needs.getNeed(env.deps, plainActor(me.id), n.id);
    expect(d.timeline.map((s) => s.to)).toEqual([
      'submitted',
      'triaged',
      'dispatched',
      'matched',
      'in_service',
      'done',
      'evaluated',
    ]);
  });

  it('links needs to a project: triaged as "link" or still open; refuses one in service', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const a = await raise(env.deps, me);
    await needs.triageNeed(env.deps, adminA, a.id, { decision: 'link', note: '需要共建单位' });
    const b = await raise(env.deps, me);
    const linked = await inTransaction(env.deps.db, ({ trx }) =>
      needs.linkNeedsToProject(trx, env.deps.clock, {
        districtId: tree.district.id,
        needIds: [a.id, b.id],
        projectId: 'P1',
        actorId: adminA.userId,
      }),
    );
    expect(linked.map((x) => [x.status, x.project_id])).toEqual([
      ['linked', 'P1'],
      ['linked', 'P1'],
    ]);
    const summaries = await needs.listNeedsByIds(env.deps.db, tree.district.id, [a.id, b.id]);
    expect(summaries.map((s) => s.projectId)).toEqual(['P1', 'P1']);

    const c = await raise(env.deps, me);
    await walk(env.deps, c.id, ['triaged', 'dispatched', 'matched', 'in_service']);
    const code = await codeOf(
      inTransaction(env.deps.db, ({ trx }) =>
        needs.linkNeedsToProject(trx, env.deps.clock, {
          districtId: tree.district.id,
          needIds: [c.id],
          projectId: 'P1',
          actorId: adminA.userId,
        }),
      ),
    );
    expect(code).toBe('NEED_STATE');
  });

  it('takes categories from the district’s settings: a new one works, a removed one is refused', async () => {
    const districtAdmin = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
    const me = await residentOf(env.deps, tree.gridA);
    try {
      await updateNeedSettings(env.deps, districtAdmin, tree.district.id, {
        categories: [
          { key: 'errand', name: '代买代办', skills: [] },
          { key: 'dog_walk', name: '遛狗', skills: [] },
        ],
      });
      const n = await raise(env.deps, me, { category: 'dog_walk', description: '住院期间帮忙遛狗' });
      expect(n.categoryName).toBe('遛狗');
      expect(await codeOf(raise(env.deps, me, { category: 'repair' }))).toBe('VALIDATION_FAILED');
      expect(
        await codeOf(
          updateNeedSettings(env.deps, districtAdmin, tree.district.id, {
            categories: [
              { key: 'a', name: '同名', skills: [] },
              { key: 'b', name: '同名', skills: [] },
            ],
          }),
        ),
      ).toBe('SETTINGS_INVALID');
      expect(await codeOf(updateNeedSettings(env.deps, adminA, tree.district.id, { categories: [] }))).toBe(
        'NOT_FOUND',
      );
    } finally {
      await env.deps.db.deleteFrom('district_settings').where('key', '=', 'needs').execute();
    }
  });

  it('lets only one of four triages sent at once win; the others answer 409 and nothing is written twice', async () => {
    const me = await residentOf(env.deps, tree.gridA);
    const n = await raise(env.deps, me);
    const triagers = [gridWorkerA, adminA, gridWorkerA, adminA];
    const urgencies = ['critical', 'normal', 'urgent', 'critical'] as const;
    const results = await Promise.allSettled(
      triagers.map((a, i) => needs.triageNeed(env.deps, a, n.id, { decision: 'dispatch', urgency: urgencies[i] })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(3);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(AppError);
      expect((l.reason as AppError).status).toBe(409);
      // PostgreSQL: the loser read version 1 and found it changed; SQLite (one writer): it read the triaged need.
      expect(['NEED_CHANGED', 'NEED_STATE']).toContain((l.reason as AppError).code);
    }
    const after = await needs.getNeed(env.deps, adminA, n.id);
    expect(after.version).toBe(2);
    expect(after.timeline).toHaveLength(2);
    expect((await auditOf(n.id)).filter((a) => a.action === 'need.transition')).toHaveLength(1);
    expect((await eventsOf(n.id)).filter((e) => e.type === 'need.status_changed')).toHaveLength(1);
  });
});
