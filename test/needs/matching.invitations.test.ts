// Invitations and quick tasks on both databases: inviting dispatches the need; the first to accept up to the places
// get the task (raced on PostgreSQL: 8 invited, 2 places, all accept at once → exactly 2), later ones are told
// 名额已满，谢谢您; start and finish; completeNeed writes one confirmed record per volunteer once (retried and raced),
// and accepting it in the community's queue earns points through the ledger.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processLedgerEvents } from '../../src/server/modules/ledger/index.js';
import {
  completeNeed,
  finishNeedTask,
  inviteVolunteers,
  respondInvitation,
  startNeedTask,
  taskMinutes,
} from '../../src/server/modules/needs/invitations.service.js';
import { triageNeed, withdrawNeed } from '../../src/server/modules/needs/needs.service.js';
import { acceptServiceRecords } from '../../src/server/modules/records/index.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import {
  actorOf,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  testApp,
  type TestEnv,
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import { raise, residentOf } from './needs.fixtures.js';

describe.each(DIALECTS)('need invitations on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: TestUser;
  let adminActor: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps, '邀请区');
    admin = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    adminActor = await actorOf(env.deps, admin);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  /** A triaged need of a resident of grid A and `n` approved volunteers of community A. */
  async function dispatchable(n: number, peopleNeeded: number) {
    const resident = await residentOf(env.deps, tree.gridA);
    const need = await raise(env.deps, resident, { category: 'errand', peopleNeeded });
    await triageNeed(env.deps, adminActor, need.id, { decision: 'dispatch' });
    const volunteers = [];
    for (let i = 0; i < n; i += 1) volunteers.push(await makeVolunteer(env.deps, tree.communityA, { skills: [] }));
    return { resident, need, volunteers };
  }

  const needStatus = async (id: string) =>
    (await env.deps.db.selectFrom('needs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('inviting dispatches the need, keeps each invitee’s score and reasons, and emits one event per invitation', async () => {
    const { need, volunteers } = await dispatchable(2, 1);
    const res = await inviteVolunteers(
      env.deps,
      adminActor,
      need.id,
      { userIds: volunteers.map((v) => v.id), quick: true },
      'zh-CN',
    );
    expect(res).toMatchObject({ needStatus: 'dispatched', quick: true, peopleNeeded: 1, acceptedCount: 0 });
    expect(res.items).toHaveLength(2);
    expect(res.items[0]).toMatchObject({ status: 'pending', volunteerName: '测***者' });
    expect(res.items[0]!.because).toContain('同一社区');
    expect(await needStatus(need.id)).toBe('dispatched');
    // Inviting the same people again changes nothing.
    const again = await inviteVolunteers(env.deps, adminActor, need.id, { userIds: [volunteers[0]!.id] }, 'zh-CN');
    expect(again.items).toHaveLength(2);
    const events = await env.deps.db
      .selectFrom('domain_events')
      .select('type')
      .where('type', '=', 'need.invited')
      .where(
        'ref_id',
        'in',
        res.items.map((i) => i.id),
      )
      .execute();
    expect(events).toHaveLength(2);
  });

  it('refuses to invite someone who is not an approved volunteer in scope (404), writing nothing', async () => {
    const { need } = await dispatchable(0, 1);
    const outsider = await makeVolunteer(env.deps, tree.communityB, { skills: [] });
    await expect(
      inviteVolunteers(env.deps, adminActor, need.id, { userIds: [outsider.id] }, 'zh-CN'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await needStatus(need.id)).toBe('triaged');
  });

  it('gives the places to the first to accept; later ones hear 名额已满，谢谢您; the need is matched when full', async () => {
    const { need, volunteers } = await dispatchable(3, 2);
    const invited = await inviteVolunteers(
      env.deps,
      adminActor,
      need.id,
      { userIds: volunteers.map((v) => v.id) },
      'zh-CN',
    );
    const invitationOf = (userId: string) => invited.items.find((i) => i.userId === userId)!.id;
    const [a, b, c] = volunteers;
    const first = await respondInvitation(env.deps, plainActor(a!.id), invitationOf(a!.id), true, 'zh-CN');
    expect(first).toMatchObject({ gotTask: true, message: '任务是您的了，谢谢您！' });
    expect(await needStatus(need.id)).toBe('dispatched');
    const declined = await respondInvitation(env.deps, plainActor(b!.id), invitationOf(b!.id), false, 'zh-CN');
    expect(declined).toMatchObject({ gotTask: false, message: '已婉拒，谢谢您告知' });
    const second = await respondInvitation(env.deps, plainActor(c!.id), invitationOf(c!.id), true, 'zh-CN');
    expect(second.gotTask).toBe(true);
    expect(second.invitation.place).not.toBeNull();
    expect(await needStatus(need.id)).toBe('matched');
    // The same answer again is answered the same; changing one's mind is refused.
    expect((await respondInvitation(env.deps, plainActor(a!.id), invitationOf(a!.id), true, 'zh-CN')).gotTask).toBe(
      true,
    );
    await expect(
      respondInvitation(env.deps, plainActor(b!.id), invitationOf(b!.id), true, 'zh-CN'),
    ).rejects.toMatchObject({ code: 'INVITATION_STATE' });
    // Someone else's invitation is "not found".
    await expect(
      respondInvitation(env.deps, plainActor(b!.id), invitationOf(a!.id), false, 'zh-CN'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a need withdrawn by its requester takes back the unanswered invitations; answering one then is refused', async () => {
    const { resident, need, volunteers } = await dispatchable(2, 2);
    const invited = await inviteVolunteers(
      env.deps,
      adminActor,
      need.id,
      { userIds: volunteers.map((v) => v.id) },
      'zh-CN',
    );
    const [a, b] = volunteers;
    const idOf = (userId: string) => invited.items.find((i) => i.userId === userId)!.id;
    await respondInvitation(env.deps, plainActor(a!.id), idOf(a!.id), true, 'zh-CN');
    await withdrawNeed(env.deps, plainActor(resident.id), need.id, { reason: '家人已经帮忙买好了' });
    const rows = await env.deps.db
      .selectFrom('need_invitations')
      .select(['user_id', 'status'])
      .where('need_id', '=', need.id)
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.user_id, r.status]))).toEqual({
      [a!.id]: 'accepted',
      [b!.id]: 'withdrawn',
    });
    await expect(respondInvitation(env.deps, plainActor(b!.id), idOf(b!.id), true, 'zh-CN')).rejects.toMatchObject({
      code: 'INVITATION_STATE',
    });
  });

  it('8 invited, 2 places, all accept at once: exactly 2 get the task', async () => {
    const { need, volunteers } = await dispatchable(8, 2);
    const invited = await inviteVolunteers(
      env.deps,
      adminActor,
      need.id,
      { userIds: volunteers.map((v) => v.id) },
      'zh-CN',
    );
    const answers = await Promise.all(
      invited.items.map((i) => respondInvitation(env.deps, plainActor(i.userId), i.id, true, 'zh-CN')),
    );
    expect(answers.filter((a) => a.gotTask)).toHaveLength(2);
    const full = answers.filter((a) => !a.gotTask);
    expect(full).toHaveLength(6);
    for (const a of full) expect(a).toMatchObject({ message: '名额已满，谢谢您', invitation: { status: 'full' } });
    const task = await env.deps.db
      .selectFrom('need_tasks')
      .select('accepted_count')
      .where('need_id', '=', need.id)
      .executeTakeFirstOrThrow();
    expect(task.accepted_count).toBe(2);
    expect(await needStatus(need.id)).toBe('matched');
    const accepted = await env.deps.db
      .selectFrom('need_invitations')
      .select('id')
      .where('need_id', '=', need.id)
      .where('status', '=', 'accepted')
      .execute();
    expect(accepted).toHaveLength(2);
  });

  it('start, finish, complete: one confirmed record per volunteer, written once; accepted it earns points', async () => {
    const { resident, need, volunteers } = await dispatchable(2, 2);
    const invited = await inviteVolunteers(
      env.deps,
      adminActor,
      need.id,
      { userIds: volunteers.map((v) => v.id), quick: true },
      'zh-CN',
    );
    for (const i of invited.items) await respondInvitation(env.deps, plainActor(i.userId), i.id, true, 'zh-CN');
    const [one, two] = invited.items;
    // Finishing before starting is refused with a plain message.
    await expect(finishNeedTask(env.deps, plainActor(one!.userId), one!.id, 'zh-CN')).rejects.toMatchObject({
      code: 'TASK_NOT_STARTED',
    });
    expect((await startNeedTask(env.deps, plainActor(one!.userId), one!.id, 'zh-CN')).canFinish).toBe(true);
    expect(await needStatus(need.id)).toBe('in_service');
    await startNeedTask(env.deps, plainActor(two!.userId), two!.id, 'zh-CN');
    env.clock.advance(20 * 60_000);
    await finishNeedTask(env.deps, plainActor(one!.userId), one!.id, 'zh-CN');
    env.clock.advance(25 * 60_000);
    // Two never tapped 完成: counted until the requester confirms (45 minutes), capped at 30 for a quick task.
    const done = await completeNeed(env.deps, plainActor(resident.id), need.id);
    expect(done.status).toBe('done');
    expect(done.records.map((r) => [r.userId, r.minutes])).toEqual([
      [one!.userId, 20],
      [two!.userId, 30],
    ]);
    // A retry (or staff confirming too) answers the same records and writes nothing more.
    const again = await completeNeed(env.deps, adminActor, need.id);
    expect(again.records).toEqual(done.records);
    const records = await env.deps.db
      .selectFrom('service_records')
      .selectAll()
      .where('content', '=', need.title)
      .where('district_id', '=', tree.district.id)
      // Other tests raise needs with the same title (in any order): this need's volunteers only.
      .where(
        'user_id',
        'in',
        volunteers.map((v) => v.id),
      )
      .execute();
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.status === 'confirmed' && r.activity_id === null)).toBe(true);
    expect(await needStatus(need.id)).toBe('done');
    // The community accepts it in the usual queue; the ledger earns points from the acceptance event.
    await acceptServiceRecords(
      env.deps,
      adminActor,
      records.map((r) => r.id),
    );
    await processLedgerEvents(env.deps);
    const balance = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('owner_id', '=', one!.userId)
      .where('district_id', '=', tree.district.id)
      .executeTakeFirstOrThrow();
    expect(Number(balance.balance)).toBeGreaterThan(0);
  });

  it('two confirmations at once write the records once', async () => {
    const { resident, need, volunteers } = await dispatchable(1, 1);
    const invited = await inviteVolunteers(env.deps, adminActor, need.id, { userIds: [volunteers[0]!.id] }, 'zh-CN');
    const inv = invited.items[0]!;
    await respondInvitation(env.deps, plainActor(inv.userId), inv.id, true, 'zh-CN');
    await startNeedTask(env.deps, plainActor(inv.userId), inv.id, 'zh-CN');
    env.clock.advance(40 * 60_000);
    const [x, y] = await Promise.all([
      completeNeed(env.deps, plainActor(resident.id), need.id),
      completeNeed(env.deps, adminActor, need.id),
    ]);
    expect(x.records).toEqual(y.records);
    expect(x.records[0]!.minutes).toBe(40);
    const records = await env.deps.db
      .selectFrom('service_records')
      .select('id')
      .where('user_id', '=', inv.userId)
      .execute();
    expect(records).toHaveLength(1);
  });

  it('completing before anyone started is refused; a stranger cannot complete', async () => {
    const { resident, need, volunteers } = await dispatchable(1, 1);
    const invited = await inviteVolunteers(env.deps, adminActor, need.id, { userIds: [volunteers[0]!.id] }, 'zh-CN');
    await respondInvitation(env.deps, plainActor(volunteers[0]!.id), invited.items[0]!.id, true, 'zh-CN');
    await expect(completeNeed(env.deps, plainActor(resident.id), need.id)).rejects.toMatchObject({
      code: 'NEED_STATE',
    });
    await expect(completeNeed(env.deps, plainActor(volunteers[0]!.id), need.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('minutes of a task: rounded, at least 1, a quick task at most 30', () => {
    expect(taskMinutes('2026-12-01T00:00:00.000Z', '2026-12-01T00:12:29.000Z', true)).toBe(12);
    expect(taskMinutes('2026-12-01T00:00:00.000Z', '2026-12-01T00:00:10.000Z', false)).toBe(1);
    expect(taskMinutes('2026-12-01T00:00:00.000Z', '2026-12-01T02:00:00.000Z', true)).toBe(30);
    expect(taskMinutes('2026-12-01T00:00:00.000Z', '2026-12-01T02:00:00.000Z', false)).toBe(120);
  });

  it('over HTTP: the volunteer’s inbox, one-tap answer, 400 for a bad body, 401 without login', async () => {
    const { need, volunteers } = await dispatchable(1, 1);
    const staff = await clientFor(app, admin);
    const inviteRes = await staff.request('POST', `/api/v1/needs/${need.id}/invitations`, {
      userIds: [volunteers[0]!.id],
      quick: true,
    });
    expect(inviteRes.statusCode).toBe(201);
    const empty = await staff.request('POST', `/api/v1/needs/${need.id}/invitations`, { userIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请至少选择 1 位志愿者');
    const me = await clientFor(app, volunteers[0]!);
    const inbox = await me.request('GET', '/api/v1/me/need-invitations');
    expect(inbox.statusCode).toBe(200);
    const item = inbox.json().items.find((i: { needId: string }) => i.needId === need.id);
    expect(item).toMatchObject({ status: 'pending', quick: true, canAnswer: true, place: null });
    expect(item.because).toMatch(/^因为：/);
    const bad = await me.request('POST', `/api/v1/need-invitations/${item.id}/respond`, { accept: 'yes' });
    expect(bad.statusCode).toBe(400);
    const ok = await me.request('POST', `/api/v1/need-invitations/${item.id}/respond`, { accept: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ gotTask: true, invitation: { status: 'accepted', canStart: true } });
    const list = await staff.request('GET', `/api/v1/needs/${need.id}/invitations`);
    expect(list.json()).toMatchObject({ needStatus: 'matched', acceptedCount: 1, items: [{ status: 'accepted' }] });
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/me/need-invitations' });
    expect(anonymous.statusCode).toBe(401);
  });
});
