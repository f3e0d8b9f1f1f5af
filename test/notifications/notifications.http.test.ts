// The inbox over HTTP: a person sees and marks only their own notices, bad input is a 400 that writes nothing,
// preferences refuse unmutable kinds; two consumers racing on PostgreSQL make one notice per event.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  plainActor,
  testApp,
  type TestEnv,
  type Tree,
} from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { processNotificationEvents } from '../../src/server/modules/notifications/notifications.consumer.js';
import { volunteerReviewed } from '../../src/server/modules/volunteers/index.js';
import * as volunteers from '../../src/server/modules/volunteers/volunteers.service.js';
import { newId } from '../../src/server/platform/ids.js';

interface Page {
  items: Array<{ id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null }>;
  nextCursor: string | null;
  unread: number;
}

async function reviewed(env: TestEnv, tree: Tree, userId: string, decision: 'approve' | 'reject' = 'reject') {
  await inTransaction(env.deps.db, ({ trx }) =>
    volunteerReviewed.emit(trx, env.clock, {
      districtId: tree.district.id,
      refId: newId(),
      payload: {
        volunteerId: newId(),
        userId,
        communityId: tree.communityA.id,
        decision,
        reason: decision === 'reject' ? '资料不全' : null,
        volunteerNo: decision === 'approve' ? 'ZY2026000009' : null,
      },
    }),
  );
}

describe.each(DIALECTS)('notifications API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('lists only my notices with the unread count, pages by cursor, marks read; others are untouched', async () => {
    const me = await makeUser(env.deps, { home: tree.communityA });
    const other = await makeUser(env.deps, { home: tree.communityA });
    for (let i = 0; i < 3; i += 1) await reviewed(env, tree, me.id);
    await reviewed(env, tree, other.id);
    await processNotificationEvents(env.deps);

    const c = await clientFor(app, me);
    const first = await c.request('GET', '/api/v1/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    const p1 = first.json<Page>();
    expect(p1.unread).toBe(3);
    expect(p1.items).toHaveLength(2);
    expect(p1.items[0]).toMatchObject({ kind: 'volunteer_rejected', title: '志愿者申请未通过', readAt: null });
    const p2 = (await c.request('GET', `/api/v1/notifications?limit=2&cursor=${p1.nextCursor}`)).json<Page>();
    expect(p2.items).toHaveLength(1);
    expect(p2.nextCursor).toBeNull();

    const theirs = (await (await clientFor(app, other)).request('GET', '/api/v1/notifications')).json<Page>();
    expect(theirs.items).toHaveLength(1);
    // Marking someone else's id does nothing to it (and says nothing about it).
    const sneaky = await c.request('POST', '/api/v1/notifications/read', { ids: [theirs.items[0]!.id] });
    expect(sneaky.statusCode).toBe(200);
    expect(sneaky.json()).toEqual({ updated: 0, unread: 3 });
    const still = (await (await clientFor(app, other)).request('GET', '/api/v1/notifications')).json<Page>();
    expect(still.items[0]!.readAt).toBeNull();

    const one = await c.request('POST', '/api/v1/notifications/read', { ids: [p1.items[0]!.id] });
    expect(one.json()).toEqual({ updated: 1, unread: 2 });
    const unreadOnly = (await c.request('GET', '/api/v1/notifications?unread=true')).json<Page>();
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(p1.items[0]!.id);
    const all = await c.request('POST', '/api/v1/notifications/read', { all: true });
    expect(all.json()).toEqual({ updated: 2, unread: 0 });
    expect(still.unread).toBe(1);
  });

  it('an event older than the horizon (a first start on an old database) is consumed without a notice', async () => {
    const me = await makeUser(env.deps, { home: tree.communityA });
    await reviewed(env, tree, me.id);
    env.clock.advance(8 * 24 * 3600_000);
    try {
      expect(await processNotificationEvents(env.deps)).toBe(1);
      expect(await env.deps.db.selectFrom('notices').select('id').where('user_id', '=', me.id).execute()).toEqual([]);
    } finally {
      env.clock.reset();
    }
  });

  it('bad input is a 400 in plain words; no login is a 401', async () => {
    const me = await makeUser(env.deps, { home: tree.communityA });
    const c = await clientFor(app, me);
    const empty = await c.request('POST', '/api/v1/notifications/read', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(empty.json())).toContain('请选择要标为已读的消息，或选择全部已读');
    const cursor = await c.request('GET', '/api/v1/notifications?cursor=%%%');
    expect(cursor.statusCode).toBe(400);
    expect((await anon(app, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
    expect((await anon(app, 'GET', '/api/v1/notifications/preferences')).statusCode).toBe(401);
  });

  it('preferences: mute a kind, refuse an unmutable one, staff see their queues', async () => {
    const me = await makeUser(env.deps, { home: tree.communityA });
    const c = await clientFor(app, me);
    const got = await c.request('GET', '/api/v1/notifications/preferences');
    expect(got.statusCode).toBe(200);
    const items = got.json<{ items: Array<{ kind: string; label: string; muted: boolean; mutable: boolean }> }>().items;
    expect(items.find((i) => i.kind === 'activity_reminder')).toEqual({
      kind: 'activity_reminder',
      label: '活动开始前提醒',
      muted: false,
      mutable: true,
    });
    const put = await c.request('PUT', '/api/v1/notifications/preferences', {
      items: [{ kind: 'activity_reminder', muted: true }],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json<{ items: Array<{ kind: string; muted: boolean }> }>().items).toContainEqual(
      expect.objectContaining({ kind: 'activity_reminder', muted: true }),
    );
    const refused = await c.request('PUT', '/api/v1/notifications/preferences', {
      items: [{ kind: 'activity_cancelled', muted: true }],
    });
    expect(refused.statusCode).toBe(400);
    const after = await c.request('GET', '/api/v1/notifications/preferences');
    expect(after.json<{ items: Array<{ kind: string; muted: boolean }> }>().items).toContainEqual(
      expect.objectContaining({ kind: 'activity_cancelled', muted: false }),
    );

    const adminUser = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const staff = await clientFor(app, adminUser);
    const staffPrefs = (await staff.request('GET', '/api/v1/notifications/preferences')).json<{
      items: Array<{ kind: string }>;
    }>();
    expect(staffPrefs.items.map((i) => i.kind)).toContain('queue_volunteer');
    // English labels and texts with Accept-Language: en.
    await reviewed(env, tree, me.id, 'approve');
    await processNotificationEvents(env.deps);
    const en = (await c.request('GET', '/api/v1/notifications', undefined, { 'accept-language': 'en' })).json<Page>();
    expect(en.items[0]).toMatchObject({
      title: 'Volunteer application approved',
      body: 'You are now a volunteer, number ZY2026000009.',
      link: '/volunteer/card',
    });
  });

  it('an approved application through the API reaches the applicant once, however often the consumer runs', async () => {
    const adminUser = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const v = await volunteers.applyVolunteer(env.deps, plainActor(resident.id), {
      communityId: tree.communityA.id,
      realName: '王建国',
      skills: [],
      availability: {},
    });
    const staff = await clientFor(app, adminUser);
    const res = await staff.request('POST', `/api/v1/volunteers/${v.id}/review`, { decision: 'approve' });
    expect(res.statusCode).toBe(200);
    await Promise.all([processNotificationEvents(env.deps), processNotificationEvents(env.deps)]);
    await processNotificationEvents(env.deps, { fullScan: true });
    const page = (await (await clientFor(app, resident)).request('GET', '/api/v1/notifications')).json<Page>();
    expect(page.items.filter((n) => n.kind === 'volunteer_approved')).toHaveLength(1);
    expect(page.unread).toBe(1);
    const adminInbox = (await staff.request('GET', '/api/v1/notifications')).json<Page>();
    expect(adminInbox.items.filter((n) => n.kind === 'queue_volunteer')).toHaveLength(1);
  });
});

describe.each(DIALECTS.filter((d) => d === 'postgres'))('racing consumers on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
  });
  afterAll(() => env.close());

  it('five consumers racing over 40 events make exactly one notice per event and recipient', async () => {
    const people = await Promise.all(Array.from({ length: 4 }, () => makeUser(env.deps, { home: tree.communityA })));
    for (let i = 0; i < 10; i += 1) for (const p of people) await reviewed(env, tree, p.id);
    const counts = await Promise.all(Array.from({ length: 5 }, () => processNotificationEvents(env.deps)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    const rows = await env.deps.db
      .selectFrom('notices')
      .select(['user_id', 'event_id'])
      .where(
        'user_id',
        'in',
        people.map((p) => p.id),
      )
      .execute();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(40);
  });
});
