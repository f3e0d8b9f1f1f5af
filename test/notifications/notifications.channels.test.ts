// External channels: a configured HTTP provider (a local stub) gets the message; a failing one is retried with
// backoff and logged as failed after the last attempt; with nothing configured no delivery row exists at all.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, DIALECTS, makeTree, makeUser, type TestEnv, type Tree } from '../support.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { processNotificationEvents } from '../../src/server/modules/notifications/notifications.consumer.js';
import { deliverDue } from '../../src/server/modules/notifications/notifications.deliveries.js';
import { volunteerReviewed } from '../../src/server/modules/volunteers/index.js';
import { newId } from '../../src/server/platform/ids.js';

interface Received {
  auth: string | undefined;
  body: { to: string; title: string; text: string; kind: string; link: string | null; noticeId: string };
}

/** A provider stub: answers with the next status of `statuses` (then 200), records every request. */
async function stubProvider(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) as Received['body'] });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? JSON.stringify({ id: `msg-${received.length}` }) : '{"error":"busy"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function approve(env: TestEnv, tree: Tree, userId: string) {
  await inTransaction(env.deps.db, ({ trx }) =>
    volunteerReviewed.emit(trx, env.clock, {
      districtId: tree.district.id,
      refId: newId(),
      payload: {
        volunteerId: newId(),
        userId,
        communityId: tree.communityA.id,
        decision: 'approve',
        reason: null,
        volunteerNo: 'ZY2026000001',
      },
    }),
  );
  await processNotificationEvents(env.deps);
}

function deliveriesOf(env: TestEnv, userId: string) {
  return env.deps.db.selectFrom('notification_deliveries').selectAll().where('user_id', '=', userId).execute();
}

describe.each(DIALECTS)('notification channels on %s', (dialect) => {
  it('nothing configured: the inbox has the notice, no delivery row claims anything was sent', async () => {
    const env = await createTestEnv(dialect);
    try {
      const tree = await makeTree(env.deps);
      const u = await makeUser(env.deps, { home: tree.communityA });
      await approve(env, tree, u.id);
      expect(await env.deps.db.selectFrom('notices').selectAll().where('user_id', '=', u.id).execute()).toHaveLength(1);
      expect(await deliverDue(env.deps)).toBe(0);
      expect(await deliveriesOf(env, u.id)).toEqual([]);
    } finally {
      await env.close();
    }
  });

  describe('with SMS and WeChat configured', () => {
    let env: TestEnv;
    let tree: Tree;
    let sms: Awaited<ReturnType<typeof stubProvider>>;
    let wechat: Awaited<ReturnType<typeof stubProvider>>;

    // A fresh database and fresh stubs per test: the WeChat stub answers a fixed sequence of failures, and a
    // delivery left pending by one test would be retried in another (the tests run in any order).
    beforeEach(async () => {
      sms = await stubProvider([]);
      wechat = await stubProvider([503, 500, 502]);
      env = await createTestEnv(dialect);
      env.deps.config = {
        ...env.deps.config,
        notify: {
          smsUrl: sms.url,
          smsToken: 'sms-secret',
          wechatUrl: wechat.url,
          wechatToken: null,
          wechatTemplateId: 'TPL-1',
          maxAttempts: 3,
          retryBaseMs: 60_000,
        },
      };
      tree = await makeTree(env.deps);
    });
    afterEach(async () => {
      await env.close();
      await sms.close();
      await wechat.close();
    });

    it('the SMS stub gets the message once; the failing WeChat one is retried with backoff, then logged as failed', async () => {
      const u = await makeUser(env.deps, { home: tree.communityA });
      await approve(env, tree, u.id);
      expect(await deliverDue(env.deps)).toBe(1); // SMS sent, WeChat failed once
      expect(sms.received).toHaveLength(1);
      expect(sms.received[0]!.auth).toBe('Bearer sms-secret');
      expect(sms.received[0]!.body).toMatchObject({
        to: u.phone,
        kind: 'volunteer_approved',
        link: '/volunteer/card',
        text: '【邻里】志愿者申请已通过：恭喜！您已成为志愿者，编号 ZY2026000001。可以报名参加活动了。',
      });
      let rows = await deliveriesOf(env, u.id);
      expect(rows.find((r) => r.channel === 'sms')).toMatchObject({
        status: 'sent',
        attempts: 1,
        provider_id: 'msg-1',
      });
      expect(rows.find((r) => r.channel === 'wechat')).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_error: expect.stringContaining('HTTP 503') as string,
      });

      expect(await deliverDue(env.deps)).toBe(0); // not due yet: the retry waits a minute
      expect(wechat.received).toHaveLength(1);
      env.clock.advance(61_000);
      await deliverDue(env.deps); // second attempt: 500, next wait two minutes
      expect(wechat.received).toHaveLength(2);
      env.clock.advance(61_000);
      await deliverDue(env.deps);
      expect(wechat.received).toHaveLength(2);
      env.clock.advance(60_000);
      await deliverDue(env.deps); // third and last attempt: 502
      expect(wechat.received).toHaveLength(3);
      expect(wechat.received[0]!.body).toMatchObject({ to: u.id, kind: 'volunteer_approved' });
      rows = await deliveriesOf(env, u.id);
      expect(rows.find((r) => r.channel === 'wechat')).toMatchObject({
        status: 'failed',
        attempts: 3,
        next_attempt_at: null,
        last_error: expect.stringContaining('HTTP 502') as string,
      });
      env.clock.advance(3600_000);
      await deliverDue(env.deps);
      expect(wechat.received).toHaveLength(3); // failed stays failed
      expect(sms.received).toHaveLength(1); // sent once, never again
    });

    it('two senders at once send each delivery once', async () => {
      const u = await makeUser(env.deps, { home: tree.communityA });
      await approve(env, tree, u.id);
      const before = sms.received.length;
      await Promise.all([deliverDue(env.deps), deliverDue(env.deps), deliverDue(env.deps)]);
      expect(sms.received.length - before).toBe(1);
    });
  });
});
