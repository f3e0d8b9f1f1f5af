// A child process for the mixed crash test (crash-mixed.test.ts): runs a fixed script of real use cases through the
// services — activity sign-ups (one activity fills up), after-the-fact service records confirmed and accepted, the
// ledger's earning consumer, mall orders (limited stock) and redemptions, awards — each with a stable key, and appends
// every acknowledged write to a log file (fsync'd) before going on. The parent kills it with SIGKILL at random
// moments and starts it again until it prints "done"; a restart skips what the log already holds and retries the rest.
import fs from 'node:fs';
// Loading the app plugs the modules' ports (records asking activities for facts, …), as the server does.
import '../../src/server/app.js';
import { openRuntime } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { awardPoints } from '../../src/server/modules/ledger/ledger.service.js';
import { processLedgerEvents } from '../../src/server/modules/ledger/ledger.earning.js';
import * as orders from '../../src/server/modules/mall/orders.service.js';
import { recordPastService } from '../../src/server/modules/records/past-service.service.js';
import { acceptServiceRecords, confirmServiceRecords } from '../../src/server/modules/records/records.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';

/** What the parent prepared: people, actors and ids. */
export interface Plan {
  districtId: string;
  communityId: string;
  admin: Actor;
  districtAdmin: Actor;
  shopOwner: Actor;
  volunteers: string[];
  fullActivityId: string;
  bigActivityId: string;
  goodsId: string;
  offerId: string;
  buyers: string[];
  offerBuyers: string[];
  records: number;
  awards: number;
  serviceDates: string[];
}

/** One acknowledged write, as logged. */
export interface Ack {
  step: string;
  kind: 'signup' | 'record' | 'accept' | 'earn' | 'order' | 'redeem' | 'award';
  /** The id the write produced or found (sign-up, record, voucher, journal), or null for a refusal. */
  id: string | null;
  outcome: string;
}

type Step = { name: string; kind: Ack['kind']; run: () => Promise<{ id: string | null; outcome: string }> };

const [planFile, logFile] = process.argv.slice(2);
if (!planFile || !logFile) throw new Error('usage: crash-mixed-worker <plan.json> <acks.log>');
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as Plan;
const done = new Set(
  fs.existsSync(logFile)
    ? fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('}')) // a line cut by the kill is not an acknowledgement
        .map((l) => (JSON.parse(l) as Ack).step)
    : [],
);

const rt = await openRuntime(loadConfig());
const deps = rt.deps;
const fd = fs.openSync(logFile, 'a');
function acknowledge(ack: Ack): void {
  fs.writeSync(fd, `${JSON.stringify(ack)}\n`);
  fs.fsyncSync(fd);
}
const codeOf = (e: unknown) => (e as { code?: string }).code ?? '';
const person = (userId: string): Actor => ({ userId, displayName: 'crash', roles: [], requestId: null });

/** The record an after-the-fact entry wrote, found by its content (its stable key). */
async function recordByContent(content: string) {
  return deps.db
    .selectFrom('service_records')
    .select(['id', 'status'])
    .where('district_id', '=', plan.districtId)
    .where('content', '=', content)
    .executeTakeFirst();
}

const signupSteps: Step[] = plan.volunteers.flatMap((v, i) =>
  [plan.fullActivityId, plan.bigActivityId].map((activityId) => ({
    name: `signup:${activityId}:${i}`,
    kind: 'signup' as const,
    run: async () => {
      try {
        const s = await signups.signUpActivity(deps, person(v), activityId);
        return { id: s.id, outcome: s.status };
      } catch (e) {
        // Written before the kill, not yet logged: the sign-up is there once.
        if (codeOf(e) !== 'SIGNUP_DUPLICATE') throw e;
        const row = await deps.db
          .selectFrom('signups')
          .select(['id', 'status'])
          .where('activity_id', '=', activityId)
          .where('user_id', '=', v)
          .where('status', 'in', ['confirmed', 'waitlisted'])
          .executeTakeFirstOrThrow();
        return { id: row.id, outcome: row.status };
      }
    },
  })),
);

const recordSteps: Step[] = Array.from({ length: plan.records }, (_, i) => {
  const content = `崩溃测试服务 ${i}`;
  const userId = plan.volunteers[i % plan.volunteers.length]!;
  const write: Step = {
    name: `record:${i}`,
    kind: 'record',
    run: async () => {
      const found = await recordByContent(content);
      if (found) return { id: found.id, outcome: 'found' };
      const r = await recordPastService(deps, plan.admin, {
        userId,
        communityId: plan.communityId,
        serviceDate: plan.serviceDates[Math.floor(i / plan.volunteers.length) % plan.serviceDates.length]!,
        minutes: 60,
        category: '助老服务',
        place: '活动室',
        content,
        vouchedBy: '楼长 李四',
      });
      return { id: r.id, outcome: r.status };
    },
  };
  const accept: Step = {
    name: `accept:${i}`,
    kind: 'accept',
    run: async () => {
      const r = await recordByContent(content);
      if (!r) throw new Error(`record ${i} missing before its acceptance`);
      // Confirming or accepting again what already is is a no-op (records.service), so a retry is safe.
      if (r.status === 'pending') await confirmServiceRecords(deps, plan.admin, [r.id]);
      const [accepted] = await acceptServiceRecords(deps, plan.admin, [r.id]);
      return { id: r.id, outcome: accepted?.status ?? 'unknown' };
    },
  };
  return [write, accept];
}).flat();

const earnStep = (n: number): Step => ({
  name: `earn:${n}`,
  kind: 'earn',
  run: async () => {
    await processLedgerEvents(deps, { batch: 5 });
    return { id: null, outcome: 'processed' };
  },
});

const orderSteps: Step[] = plan.buyers.map((b, i) => ({
  name: `order:${i}`,
  kind: 'order',
  run: async () => {
    try {
      const v = await orders.placeOrder(deps, person(b), { itemId: plan.goodsId, idempotencyKey: `crash-order-${i}` });
      return { id: v.id, outcome: v.status };
    } catch (e) {
      if (codeOf(e) === 'OUT_OF_STOCK') return { id: null, outcome: 'OUT_OF_STOCK' };
      throw e;
    }
  },
}));

const redeemSteps: Step[] = plan.offerBuyers.flatMap((b, i) => [
  {
    name: `offer:${i}`,
    kind: 'order' as const,
    run: async () => {
      const v = await orders.placeOrder(deps, person(b), { itemId: plan.offerId, idempotencyKey: `crash-offer-${i}` });
      return { id: v.id, outcome: v.status };
    },
  },
  {
    name: `redeem:${i}`,
    kind: 'redeem' as const,
    run: async () => {
      // The same key answers with the same voucher: that is how the code is found again after a restart.
      const v = await orders.placeOrder(deps, person(b), { itemId: plan.offerId, idempotencyKey: `crash-offer-${i}` });
      const r = await orders.redeemVoucher(deps, plan.shopOwner, { code: v.qrPayload, redeemKey: `crash-redeem-${i}` });
      return { id: r.id, outcome: r.status };
    },
  },
]);

const awardSteps: Step[] = Array.from({ length: plan.awards }, (_, i) => ({
  name: `award:${i}`,
  kind: 'award' as const,
  run: async () => {
    const j = await awardPoints(deps, plan.districtAdmin, {
      userId: plan.volunteers[i % plan.volunteers.length]!,
      points: 3,
      reason: `崩溃测试奖励 ${i}`,
      idempotencyKey: `crash-mixed-award-${i}`,
    });
    return { id: j.id, outcome: 'posted' };
  },
}));

// Mixed: one of each kind in turn, the earning consumer every few steps and at the end.
const lanes = [signupSteps, recordSteps, orderSteps, redeemSteps, awardSteps];
const script: Step[] = [];
for (let i = 0; lanes.some((l) => i < l.length); i++) {
  for (const lane of lanes) if (i < lane.length) script.push(lane[i]!);
  if (i % 4 === 3) script.push(earnStep(i));
}
script.push(earnStep(-1));

console.log('ready');
for (const step of script) {
  if (done.has(step.name)) continue;
  const { id, outcome } = await step.run();
  acknowledge({ step: step.name, kind: step.kind, id, outcome });
}
// Whatever is still pending from the last acceptances is earned before the script counts as finished.
await processLedgerEvents(deps, { batch: 50 });
fs.closeSync(fd);
await rt.close();
console.log('done');
