// Crash test over mixed writes (issue 14): a child process (crash-mixed-worker.ts) runs sign-ups (one activity fills
// up), after-the-fact service records confirmed and accepted, the ledger's earning consumer, mall orders (limited
// stock) and redemptions, and awards, each with a stable key, logging every acknowledged write (fsync). It is killed
// with SIGKILL at random moments and restarted until it finishes; then everything is reconciled: every acknowledged
// write present exactly once, no slot or stock oversold, every accepted record earned exactly once, the ledger
// verifies and every balance equals the sum of its postings. Both databases; bounded (a few kills, small script).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { dropSchema, ensureSchema } from '../../src/server/db/database.js';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import { verifyLedger } from '../../src/server/modules/ledger/ledger.public.js';
import { filedMerchant, goodsOf, offerOf, richResident } from '../mall/mall.fixtures.js';
import { actorOf, DIALECTS, makeTree, makeUser, makeVolunteer, PG_URL, type TestEnv } from '../support.js';
import type { Ack, Plan } from './crash-mixed-worker.js';

const WORKER = path.resolve('test/security/crash-mixed-worker.ts');
const VOLUNTEERS = 6;
const FULL_SLOTS = 3;
const RECORDS = 18;
const AWARDS = 16;
const GOODS_STOCK = 4;
const BUYERS = 7;
const OFFER_BUYERS = 3;
/** Kills per run: enough to cut the script in several places, few enough to stay well under a minute. */
const MAX_KILLS = 4;

describe.each(DIALECTS)('crash safety of mixed writes on %s', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it(
    'keeps every acknowledged write exactly once through SIGKILLs, oversells nothing, earns once',
    { timeout: 120_000 },
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-crash-mixed-'));
      cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const env: Record<string, string> = {
        DATA_DIR: dataDir,
        LINLI_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'silent',
      };
      if (dialect === 'postgres') {
        const schema = `crashmix_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        await ensureSchema(PG_URL!, schema);
        const u = new URL(PG_URL!);
        u.searchParams.set('options', `-c search_path=${schema}`);
        env.DATABASE_URL = u.toString();
        cleanups.push(() => dropSchema(PG_URL!, schema));
      }
      const rt: Runtime = await openRuntime(loadConfig(env));
      cleanups.push(() => rt.close());
      const deps = rt.deps;
      const fixtureEnv = { deps } as TestEnv; // the mall fixtures only use deps

      // ---- the world the script writes into
      const tree = await makeTree(deps);
      const admin = await actorOf(deps, await makeUser(deps, { role: 'community_admin', roleNode: tree.communityA }));
      const volunteers: string[] = [];
      for (let i = 0; i < VOLUNTEERS; i++) volunteers.push((await makeVolunteer(deps, tree.communityA)).id);
      const day = 86_400_000;
      const activity = async (title: string, inDays: number, slots: number) => {
        const starts = new Date(Date.now() + inDays * day);
        const [a] = await activities.createActivity(deps, admin, {
          communityId: tree.communityA.id,
          teamId: null,
          title,
          category: '助老服务',
          description: '',
          address: '活动室',
          startsAt: starts.toISOString(),
          endsAt: new Date(starts.getTime() + 2 * 3_600_000).toISOString(),
          slots,
          publish: true,
        });
        return a!.id;
      };
      const fullActivityId = await activity('名额有限的活动', 2, FULL_SLOTS);
      const bigActivityId = await activity('大型活动', 3, 50);
      const shop = await filedMerchant(fixtureEnv, tree);
      const offer = await offerOf(fixtureEnv, shop.ownerActor, shop.merchantId, { pricePoints: 5 });
      const goods = await goodsOf(fixtureEnv, tree, { stock: GOODS_STOCK, pricePoints: 5 });
      const buyers: string[] = [];
      for (let i = 0; i < BUYERS; i++) buyers.push((await richResident(fixtureEnv, tree, 50)).id);
      const offerBuyers: string[] = [];
      for (let i = 0; i < OFFER_BUYERS; i++) offerBuyers.push((await richResident(fixtureEnv, tree, 50)).id);
      const serviceDates = [3, 4, 5].map((k) => new Date(Date.now() - k * day).toISOString().slice(0, 10));
      const plan: Plan = {
        districtId: tree.district.id,
        communityId: tree.communityA.id,
        admin,
        districtAdmin: admin,
        shopOwner: shop.ownerActor,
        volunteers,
        fullActivityId,
        bigActivityId,
        goodsId: goods.id,
        offerId: offer.id,
        buyers,
        offerBuyers,
        records: RECORDS,
        awards: AWARDS,
        serviceDates,
      };
      const planFile = path.join(dataDir, 'plan.json');
      const logFile = path.join(dataDir, 'acks.log');
      fs.writeFileSync(planFile, JSON.stringify(plan));

      // ---- run, kill, restart until the script is done
      let kills = 0;
      let finished = false;
      /** Acknowledgements in the log when each kill landed: a cut between the first and the last shows mid-script kills. */
      const cutAt: number[] = [];
      const acked = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').length - 1 : 0);
      for (let attempt = 0; attempt < 40 && !finished; attempt++) {
        const child = spawn(process.execPath, ['--import', 'tsx', WORKER, planFile, logFile], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        let timer: NodeJS.Timeout | undefined;
        child.stderr.on('data', (d) => (err += d));
        child.stdout.on('data', (d) => {
          out += d;
          // Past MAX_KILLS only while no kill has yet landed mid-script (a slow machine), and never more than twice as many.
          const more = kills < MAX_KILLS || (!cutAt.some((n) => n > 0) && kills < 2 * MAX_KILLS);
          if (!timer && out.includes('ready') && more && !process.env.CRASH_NOKILL) {
            timer = setTimeout(
              () => {
                kills += 1;
                child.kill('SIGKILL');
              },
              Math.floor(Math.random() * (200 + attempt * 150)),
            );
          }
        });
        const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
        clearTimeout(timer);
        if (code === null) cutAt.push(acked());
        if (process.env.CRASH_DEBUG) console.log('CRASH', dialect, attempt, code, acked(), new Date().toISOString());
        if (code !== 0 && code !== null) throw new Error(`worker failed (exit ${code}): ${err.slice(-2000)}`);
        finished = code === 0 && out.includes('done');
      }
      expect(finished).toBe(true);
      if (!process.env.CRASH_NOKILL) {
        expect(kills).toBeGreaterThan(0);
        expect(cutAt.some((n) => n > 0 && n < acked())).toBe(true);
      }

      // ---- reconcile
      const acks = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.endsWith('}'))
        .map((l) => JSON.parse(l) as Ack);
      const steps = acks.map((a) => a.step);
      expect(new Set(steps).size).toBe(steps.length); // each step acknowledged once
      const expectedWrites = VOLUNTEERS * 2 + RECORDS * 2 + BUYERS + OFFER_BUYERS * 2 + AWARDS;
      expect(acks.filter((a) => a.kind !== 'earn')).toHaveLength(expectedWrites);
      const db = deps.db;

      // Sign-ups: each acknowledged one is there, once per person and activity; the small activity is not oversold.
      const signupRows = await db
        .selectFrom('signups')
        .select(['id', 'activity_id', 'user_id', 'status'])
        .where('activity_id', 'in', [fullActivityId, bigActivityId])
        .execute();
      const live = signupRows.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted');
      for (const a of acks.filter((x) => x.kind === 'signup')) expect(live.map((s) => s.id)).toContain(a.id);
      expect(new Set(live.map((s) => `${s.activity_id} ${s.user_id}`)).size).toBe(live.length);
      expect(live).toHaveLength(VOLUNTEERS * 2);
      const full = await db
        .selectFrom('activities')
        .select(['slots', 'confirmed_count'])
        .where('id', '=', fullActivityId)
        .executeTakeFirstOrThrow();
      const confirmedFull = live.filter((s) => s.activity_id === fullActivityId && s.status === 'confirmed').length;
      expect(confirmedFull).toBe(FULL_SLOTS);
      expect(Number(full.confirmed_count)).toBe(confirmedFull);

      // Service records: one per script entry, every one accepted.
      const recordRows = await db
        .selectFrom('service_records')
        .select(['id', 'content', 'status'])
        .where('district_id', '=', tree.district.id)
        .where('content', 'like', '崩溃测试服务 %')
        .execute();
      expect(recordRows).toHaveLength(RECORDS);
      expect(new Set(recordRows.map((r) => r.content)).size).toBe(RECORDS);
      for (const a of acks.filter((x) => x.kind === 'record' || x.kind === 'accept'))
        expect(recordRows.map((r) => r.id)).toContain(a.id);
      expect(recordRows.every((r) => r.status === 'accepted')).toBe(true);

      // Every accepted record earned exactly once.
      const journals = await db
        .selectFrom('journals')
        .select(['id', 'type', 'ref_id', 'idempotency_key'])
        .where('district_id', '=', tree.district.id)
        .execute();
      const earned = journals.filter((j) => j.type === 'earn').map((j) => j.ref_id);
      expect(earned).toHaveLength(RECORDS);
      expect(new Set(earned)).toEqual(new Set(recordRows.map((r) => r.id)));

      // Orders: one per key, the goods not oversold, the refusals only for want of stock; redemptions once.
      const orderRows = await db
        .selectFrom('orders')
        .select(['id', 'item_id', 'status', 'idempotency_key'])
        .where('item_id', 'in', [goods.id, offer.id])
        .execute();
      expect(new Set(orderRows.map((o) => o.idempotency_key)).size).toBe(orderRows.length);
      const goodsOrders = orderRows.filter((o) => o.item_id === goods.id);
      expect(goodsOrders).toHaveLength(GOODS_STOCK);
      const stock = await db
        .selectFrom('catalog_items')
        .select('stock')
        .where('id', '=', goods.id)
        .executeTakeFirstOrThrow();
      expect(Number(stock.stock)).toBe(0);
      const orderAcks = acks.filter((a) => a.kind === 'order');
      expect(orderAcks.filter((a) => a.outcome === 'OUT_OF_STOCK')).toHaveLength(BUYERS - GOODS_STOCK);
      for (const a of orderAcks.filter((x) => x.id)) expect(orderRows.map((o) => o.id)).toContain(a.id);
      const redeemed = orderRows.filter((o) => o.item_id === offer.id && o.status === 'redeemed');
      expect(redeemed).toHaveLength(OFFER_BUYERS);
      for (const a of acks.filter((x) => x.kind === 'redeem')) expect(redeemed.map((o) => o.id)).toContain(a.id);
      const redeemAudits = await db
        .selectFrom('audit_events')
        .select('target_id')
        .where('action', '=', 'voucher.redeem')
        .where(
          'target_id',
          'in',
          redeemed.map((o) => o.id),
        )
        .execute();
      expect(redeemAudits).toHaveLength(OFFER_BUYERS);

      // Awards: one journal per key.
      const awardJournals = journals.filter((j) => j.idempotency_key.includes('crash-mixed-award-'));
      expect(awardJournals).toHaveLength(AWARDS);
      for (const a of acks.filter((x) => x.kind === 'award')) expect(awardJournals.map((j) => j.id)).toContain(a.id);

      // The ledger verifies, and every balance is the sum of its postings.
      const report = await verifyLedger(deps);
      expect(report.problems).toEqual([]);
      const sums = await db
        .selectFrom('postings')
        .select((eb) => ['account_id', eb.fn.sum<number>('amount').as('total')])
        .where('district_id', '=', tree.district.id)
        .groupBy('account_id')
        .execute();
      const accounts = await db
        .selectFrom('point_accounts')
        .select(['id', 'balance'])
        .where('district_id', '=', tree.district.id)
        .execute();
      const total = new Map(sums.map((s) => [s.account_id, Number(s.total)]));
      for (const a of accounts)
        expect({ id: a.id, balance: Number(a.balance) }).toEqual({ id: a.id, balance: total.get(a.id) ?? 0 });
    },
  );
});
