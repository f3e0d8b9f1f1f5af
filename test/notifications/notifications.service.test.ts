// Notifications from events: each event a person waits on becomes exactly one notice for them (also when the
// consumer runs twice or several race), staff get one notice per item landing in their review queue, muted kinds
// make nothing, and the scheduled scans (reminders, expiring vouchers) are idempotent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  type TestEnv,
  type Tree,
} from '../support.js';
import { staffOf, appliedMerchant, filedMerchant, offerOf } from '../mall/mall.fixtures.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { accountFor, ensurePersonAccount, postJournal } from '../../src/server/modules/ledger/index.js';
import * as merchants from '../../src/server/modules/mall/merchants.service.js';
import * as orders from '../../src/server/modules/mall/orders.service.js';
import {
  invitationAnswered,
  needInvited,
  needStatusChanged,
  needSubmitted,
} from '../../src/server/modules/needs/index.js';
import {
  processNotificationEvents,
  scanScheduledNotices,
} from '../../src/server/modules/notifications/notifications.consumer.js';
import * as svc from '../../src/server/modules/notifications/notifications.service.js';
import { projectClaimReviewed } from '../../src/server/modules/projects/index.js';
import { suggestionAnswered } from '../../src/server/modules/suggestions/index.js';
import * as records from '../../src/server/modules/records/records.service.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import * as volunteers from '../../src/server/modules/volunteers/volunteers.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';

const HOUR = 3600_000;

async function noticesOf(env: TestEnv, userId: string, kind?: string) {
  let q = env.deps.db.selectFrom('notices').selectAll().where('user_id', '=', userId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('id').execute();
}

/** Runs the consumer twice (the second finds nothing left), as a retried worker would. */
async function consumeTwice(env: TestEnv) {
  const first = await processNotificationEvents(env.deps);
  const second = await processNotificationEvents(env.deps, { fullScan: true });
  expect(second).toBe(0);
  return first;
}

describe.each(DIALECTS)('notifications from events on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let adminUser: { id: string; phone: string };
  let admin: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    adminUser = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    admin = await actorOf(env.deps, adminUser);
  });
  afterAll(() => env.close());
  afterEach(() => env.clock.reset());

  it('a volunteer application: one queue notice to the community staff (not the street), one decision notice', async () => {
    const street = await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA });
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const v = await volunteers.applyVolunteer(env.deps, plainActor(resident.id), {
      communityId: tree.communityA.id,
      realName: '李秀英',
      skills: [],
      availability: {},
    });
    await consumeTwice(env);
    const queue = await noticesOf(env, adminUser.id, 'queue_volunteer');
    expect(queue.filter((n) => n.ref_id === v.id)).toHaveLength(1);
    expect(queue[0]!.link).toBe('/admin/volunteers');
    expect(await noticesOf(env, street.id)).toHaveLength(0); // the nearest staff do the work

    await volunteers.reviewVolunteer(env.deps, admin, v.id, { decision: 'reject', reason: '请补充身份证号' });
    await consumeTwice(env);
    const rejected = await noticesOf(env, resident.id, 'volunteer_rejected');
    expect(rejected).toHaveLength(1);
    // Decided: the staff's queue notice about it is done (read), so the bell counts only what still waits.
    const resolved = (await noticesOf(env, adminUser.id, 'queue_volunteer')).find((n) => n.ref_id === v.id);
    expect(resolved!.read_at).not.toBeNull();
    const page = await svc.listNotifications(env.deps, plainActor(resident.id), { limit: 20 }, 'zh-CN');
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'volunteer_rejected',
      title: '志愿者申请未通过',
      body: '原因：请补充身份证号。您可以修改后重新申请。',
      link: '/volunteer/apply',
      readAt: null,
    });

    await volunteers.applyVolunteer(env.deps, plainActor(resident.id), {
      communityId: tree.communityA.id,
      realName: '李秀英',
      skills: [],
      availability: {},
    });
    await volunteers.reviewVolunteer(env.deps, admin, v.id, { decision: 'approve' });
    await consumeTwice(env);
    const approved = await noticesOf(env, resident.id, 'volunteer_approved');
    expect(approved).toHaveLength(1);
    const en = await svc.listNotifications(env.deps, plainActor(resident.id), { limit: 1 }, 'en');
    expect(en.items[0]!.title).toBe('Volunteer application approved');
    expect(en.items[0]!.body).toMatch(/^You are now a volunteer, number ZY\d+\.$/);
    expect(en.nextCursor).not.toBeNull();
  });

  it('team join approved and rejected: one notice each, with the team and the reason', async () => {
    const l = await makeVolunteer(env.deps, tree.communityA);
    const team = await teams.createTeam(env.deps, admin, {
      communityId: tree.communityA.id,
      name: '助老队',
      category: '邻里关照',
      leaderUserId: l.id,
    });
    const a = await makeVolunteer(env.deps, tree.communityA);
    const b = await makeVolunteer(env.deps, tree.communityA);
    await teams.requestJoinTeam(env.deps, a.actor, team.id);
    await teams.requestJoinTeam(env.deps, b.actor, team.id);
    await teams.reviewJoinRequest(env.deps, plainActor(l.id), team.id, a.id, { decision: 'approve' });
    await teams.reviewJoinRequest(env.deps, plainActor(l.id), team.id, b.id, {
      decision: 'reject',
      reason: '名额已满',
    });
    await consumeTwice(env);
    expect(await noticesOf(env, a.id, 'team_join_approved')).toHaveLength(1);
    const rej = await noticesOf(env, b.id, 'team_join_rejected');
    expect(rej).toHaveLength(1);
    expect(JSON.parse(rej[0]!.params)).toEqual({ team: '助老队', reason: '名额已满' });
  });

  it('promoted from the waitlist, then the activity cancelled: each person told once', async () => {
    const start = new Date(env.clock.now().getTime() + 72 * HOUR);
    const [act] = await activities.createActivity(env.deps, admin, {
      communityId: tree.communityA.id,
      title: '社区大扫除',
      category: '环境保护',
      description: '',
      address: '甲社区广场',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      slots: 1,
      publish: true,
    });
    const first = await makeVolunteer(env.deps, tree.communityA);
    const second = await makeVolunteer(env.deps, tree.communityA);
    await signups.signUpActivity(env.deps, first.actor, act!.id);
    await signups.signUpActivity(env.deps, second.actor, act!.id);
    await signups.cancelSignUp(env.deps, first.actor, act!.id);
    await consumeTwice(env);
    const promoted = await noticesOf(env, second.id, 'waitlist_promoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.link).toBe(`/activities/${act!.id}`);

    await activities.cancelActivity(env.deps, admin, act!.id, '暴雨预警');
    await consumeTwice(env);
    expect(await noticesOf(env, second.id, 'activity_cancelled')).toHaveLength(1);
    expect(await noticesOf(env, first.id, 'activity_cancelled')).toHaveLength(0); // had cancelled already
  });

  it('records: the staff get one queue notice per activity, the volunteer hears of return and acceptance', async () => {
    const start = new Date(env.clock.now().getTime() + 2 * HOUR);
    const [act] = await activities.createActivity(env.deps, admin, {
      communityId: tree.communityA.id,
      title: '独居老人探访',
      category: '助老服务',
      description: '',
      address: '甲社区',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      slots: 5,
      publish: true,
    });
    const v1 = await makeVolunteer(env.deps, tree.communityA);
    const v2 = await makeVolunteer(env.deps, tree.communityA);
    await signups.signUpActivity(env.deps, v1.actor, act!.id);
    await signups.signUpActivity(env.deps, v2.actor, act!.id);
    env.clock.advance(4 * HOUR + 5 * 60_000);
    await attendance.markAttendance(env.deps, admin, act!.id, [
      { userId: v1.id, present: true },
      { userId: v2.id, present: true },
    ]);
    const recs = (await records.listServiceRecords(env.deps, admin, { activityId: act!.id })).items;
    await records.confirmServiceRecords(
      env.deps,
      admin,
      recs.map((r) => r.id),
    );
    await consumeTwice(env);
    expect((await noticesOf(env, adminUser.id, 'queue_record')).filter((n) => n.ref_id === act!.id)).toHaveLength(1);

    const r1 = recs.find((r) => r.userId === v1.id)!;
    const r2 = recs.find((r) => r.userId === v2.id)!;
    await records.acceptServiceRecords(env.deps, admin, [r1.id]);
    await records.returnServiceRecords(env.deps, admin, [r2.id], '签到时间不符');
    await consumeTwice(env);
    const acc = await noticesOf(env, v1.id, 'record_accepted');
    expect(acc).toHaveLength(1);
    const [shown] = (await svc.listNotifications(env.deps, v1.actor, { limit: 5 }, 'zh-CN')).items;
    expect(shown!.body).toBe(
      `「独居老人探访」服务 ${Math.floor(r1.minutes / 60)}小时${r1.minutes % 60 ? `${r1.minutes % 60}分` : ''} 已验收，积分会自动到账。`,
    );
    const ret = await noticesOf(env, v2.id, 'record_returned');
    expect(ret).toHaveLength(1);
    expect(JSON.parse(ret[0]!.params)).toMatchObject({ reason: '签到时间不符' });
  });

  it('merchants: the community staff hear of the application, the applicant of approval and filing', async () => {
    const shop = await appliedMerchant(env, tree.communityA, '张记修鞋');
    const { adminA, streetA } = staffOf(tree);
    await merchants.reviewMerchant(env.deps, adminA, shop.merchantId, { decision: 'approve' });
    await merchants.fileMerchant(env.deps, streetA, shop.merchantId, { fenPerPoint: 10, fundName: null });
    await consumeTwice(env);
    expect(
      (await noticesOf(env, adminUser.id, 'queue_merchant')).filter((n) => n.ref_id === shop.merchantId),
    ).toHaveLength(1);
    expect(
      (await noticesOf(env, adminUser.id, 'queue_merchant')).find((n) => n.ref_id === shop.merchantId)!.read_at,
    ).not.toBeNull();
    expect(await noticesOf(env, shop.owner.id, 'merchant_approved')).toHaveLength(1);
    const filed = await noticesOf(env, shop.owner.id, 'merchant_filed');
    expect(filed).toHaveLength(1);
    expect(filed[0]!.link).toBe('/merchant');
  });

  it('needs: staff hear of a new need, the requester of its progress', async () => {
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const grid = await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA });
    await inTransaction(env.deps.db, async ({ trx }) => {
      await needSubmitted.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: 'need-1',
        payload: {
          needId: 'need-1',
          communityId: tree.communityA.id,
          category: '助老',
          urgency: 'urgent',
          title: '买药',
        },
      });
      await needStatusChanged.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: 'need-1:2',
        payload: { needId: 'need-1', requesterUserId: resident.id, from: 'submitted', to: 'triaged', reason: null },
      });
    });
    await consumeTwice(env);
    expect(await noticesOf(env, adminUser.id, 'queue_need')).toHaveLength(1);
    expect(await noticesOf(env, grid.id)).toHaveLength(0); // a grid worker sits below the community: not above it
    const n = await svc.listNotifications(env.deps, plainActor(resident.id), { limit: 5 }, 'zh-CN');
    expect(n.items[0]).toMatchObject({ kind: 'need_status', body: '需求状态：已受理。', link: '/needs/need-1' });

    const helper = await makeVolunteer(env.deps, tree.communityA);
    await inTransaction(env.deps.db, async ({ trx }) => {
      await needInvited.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: 'inv-1',
        payload: { invitationId: 'inv-1', needId: 'need-1', userId: helper.id, title: '买药' },
      });
      await invitationAnswered.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: 'inv-1',
        payload: { invitationId: 'inv-1', needId: 'need-1', userId: helper.id, accepted: true, gotTask: true },
      });
    });
    await consumeTwice(env);
    const h = await svc.listNotifications(env.deps, helper.actor, { limit: 5 }, 'zh-CN');
    expect(h.items.map((x) => x.kind).sort()).toEqual(['need_invited', 'need_task']);
    expect(h.items.find((x) => x.kind === 'need_task')!.body).toBe('您已接下这项任务，请按约定时间前往。谢谢您！');
  });

  it('a project claim decision reaches the claimant, an answered suggestion its author', async () => {
    const contact = await makeUser(env.deps, { home: tree.communityA });
    const author = await makeUser(env.deps, { home: tree.communityA });
    await inTransaction(env.deps.db, async ({ trx }) => {
      await projectClaimReviewed.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: 'claim-1',
        payload: {
          claimId: 'claim-1',
          projectId: 'p-1',
          projectTitle: '老旧小区加装扶手',
          partnerUnitName: '江城大学志愿者协会',
          claimantUserId: contact.id,
          approved: false,
          reason: '已由其他单位认领',
        },
      });
      await suggestionAnswered.emit(trx, env.clock, {
        districtId: tree.district.id,
        refId: 's-1:1',
        payload: { suggestionId: 's-1', userId: author.id, status: 'to_need', answer: '已安排网格员上门查看' },
      });
    });
    await consumeTwice(env);
    const c = await svc.listNotifications(env.deps, plainActor(contact.id), { limit: 5 }, 'zh-CN');
    expect(c.items).toHaveLength(1);
    expect(c.items[0]).toMatchObject({
      kind: 'project_claim_rejected',
      body: '「江城大学志愿者协会」认领的「老旧小区加装扶手」未通过。已由其他单位认领',
    });
    const a = await svc.listNotifications(env.deps, plainActor(author.id), { limit: 5 }, 'zh-CN');
    expect(a.items[0]).toMatchObject({ kind: 'suggestion_answered', body: '已转为需求办理：已安排网格员上门查看' });
  });

  it('a muted kind makes no notice; an unmutable kind cannot be muted', async () => {
    const l = await makeVolunteer(env.deps, tree.communityA);
    const team = await teams.createTeam(env.deps, admin, {
      communityId: tree.communityA.id,
      name: '环保队',
      category: '邻里关照',
      leaderUserId: l.id,
    });
    const v = await makeVolunteer(env.deps, tree.communityA);
    const prefs = await svc.updateNotificationPreferences(
      env.deps,
      v.actor,
      { items: [{ kind: 'team_join_approved', muted: true }] },
      'zh-CN',
    );
    expect(prefs.items.find((p) => p.kind === 'team_join_approved')).toMatchObject({ muted: true, mutable: true });
    expect(prefs.items.find((p) => p.kind === 'activity_cancelled')).toMatchObject({ muted: false, mutable: false });
    expect(prefs.items.some((p) => p.kind.startsWith('queue_'))).toBe(false); // not staff
    await teams.requestJoinTeam(env.deps, v.actor, team.id);
    await teams.reviewJoinRequest(env.deps, plainActor(l.id), team.id, v.id, { decision: 'approve' });
    await consumeTwice(env);
    expect(await noticesOf(env, v.id, 'team_join_approved')).toHaveLength(0);
  });

  it('reminders the day before and two hours before, and an expiring voucher: once each however often scanned', async () => {
    const start = new Date(env.clock.now().getTime() + 20 * HOUR);
    const [act] = await activities.createActivity(env.deps, admin, {
      communityId: tree.communityA.id,
      title: '义诊',
      category: '助老服务',
      description: '',
      address: '社区卫生站',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      slots: 5,
      publish: true,
    });
    const v = await makeVolunteer(env.deps, tree.communityA);
    await signups.signUpActivity(env.deps, v.actor, act!.id);
    await scanScheduledNotices(env.deps);
    await scanScheduledNotices(env.deps);
    expect(await noticesOf(env, v.id, 'activity_reminder')).toHaveLength(1);
    env.clock.advance(19 * HOUR);
    await Promise.all([scanScheduledNotices(env.deps), scanScheduledNotices(env.deps)]);
    const reminders = await noticesOf(env, v.id, 'activity_reminder');
    expect(reminders.map((r) => r.source_key).sort()).toEqual([`reminder:day:${act!.id}`, `reminder:soon:${act!.id}`]);

    const shop = await filedMerchant(env, tree, '李记早餐');
    const item = await offerOf(env, shop.ownerActor, shop.merchantId, { voucherDays: 2 });
    const buyer = await makeUser(env.deps, { home: tree.communityA });
    await inTransaction(env.deps.db, async ({ trx }) => {
      const person = await ensurePersonAccount(env.deps, trx, tree.district.id, buyer.id);
      const issuance = await accountFor(env.deps, trx, tree.district.id, {
        type: 'district',
        id: tree.district.id,
        purpose: 'issuance',
      });
      await postJournal(env.deps, trx, {
        districtId: tree.district.id,
        type: 'award',
        reason: '测试',
        refType: 'test',
        refId: buyer.id,
        idempotencyKey: `test:${buyer.id}`,
        communityId: tree.communityA.id,
        effectiveDate: '2026-11-25',
        postings: [
          { accountId: issuance.id, amount: -100 },
          { accountId: person.id, amount: 100 },
        ],
      });
    });
    const order = await orders.placeOrder(env.deps, plainActor(buyer.id), { itemId: item.id, idempotencyKey: 'k-1' });
    await scanScheduledNotices(env.deps);
    await scanScheduledNotices(env.deps);
    const warn = await noticesOf(env, buyer.id, 'voucher_expiring');
    expect(warn).toHaveLength(1);
    expect(warn[0]!.link).toBe(`/me/vouchers/${order.id}`);
  });
});
