// Mall figures through HTTP on each database: orders per second (1,000 residents order at once) and redemptions
// per second (staff redeem those vouchers, 20 at a time), with p50/p99 latency.
import { inTransaction } from '../src/server/db/transaction.js';
import { insertNewUser, insertRole, startSession } from '../src/server/modules/accounts/index.js';
import { accountFor, ensurePersonAccount, postJournal } from '../src/server/modules/ledger/index.js';
import { createCatalogItem } from '../src/server/modules/mall/index.js';
import { hashPassword } from '../src/server/platform/passwords.js';
import { benchDistrict, DIALECTS, percentile, startBenchServer, writeResults } from './lib.js';

const PEOPLE = 1000;

async function timed<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        lat.push(performance.now() - t);
      }
    }),
  );
  const ms = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return {
    perSecond: Math.round((n * 1000) / ms),
    p50ms: percentile(lat, 50),
    p99ms: percentile(lat, 99),
    seconds: Math.round(ms / 10) / 100,
  };
}

/** Runs the mall suite on each database. */
export async function runMallBench(): Promise<void> {
  const figures: Record<string, unknown> = {};
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      const deps = server.runtime.deps;
      const { district, sys, community } = await benchDistrict(deps);
      const hash = await hashPassword('Bench1234');
      const tokens: string[] = [];
      let staffToken = '';
      await inTransaction(deps.db, async ({ trx }) => {
        const issuance = await accountFor(deps, trx, district.id, {
          type: 'district',
          id: district.id,
          purpose: 'issuance',
        });
        for (let i = 0; i < PEOPLE; i++) {
          const u = await insertNewUser(
            deps,
            trx,
            { phone: `136${String(i).padStart(8, '0')}`, displayName: `居民${i}`, communityId: community.id },
            hash,
          );
          const p = await ensurePersonAccount(deps, trx, district.id, u.id);
          await postJournal(deps, trx, {
            districtId: district.id,
            type: 'award',
            reason: '压测',
            idempotencyKey: `seed-${i}`,
            postings: [
              { accountId: issuance.id, amount: -100 },
              { accountId: p.id, amount: 100 },
            ],
          });
          tokens.push((await startSession(deps, trx, u.id, {})).token);
        }
        const staff = await insertNewUser(
          deps,
          trx,
          { phone: '13599999999', displayName: '超市', communityId: community.id },
          hash,
        );
        await insertRole(deps, trx, {
          userId: staff.id,
          role: 'community_admin',
          districtId: district.id,
          nodeId: community.id,
          grantedBy: null,
        });
        staffToken = (await startSession(deps, trx, staff.id, {})).token;
      });
      const item = await createCatalogItem(deps, sys, {
        kind: 'goods',
        communityId: community.id,
        title: '挂面',
        description: '',
        category: '粮油',
        pricePoints: 10,
        stock: PEOPLE,
      });
      const codes: string[] = [];
      const orders = await timed(PEOPLE, PEOPLE, async (i) => {
        const res = await fetch(`${server.url}/api/v1/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ itemId: item.id, idempotencyKey: `bench-order-${i}` }),
        });
        const body = (await res.json()) as { shortCode?: string };
        if (res.status !== 201) throw new Error(`order failed ${res.status} ${JSON.stringify(body)}`);
        codes.push(body.shortCode!);
      });
      const redemptions = await timed(codes.length, 20, async (i) => {
        const res = await fetch(`${server.url}/api/v1/vouchers/redeem`, {
          method: 'POST',
          headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ code: codes[i], redeemKey: `bench-redeem-${i}` }),
        });
        if (res.status !== 200) throw new Error(`redeem failed ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      });
      figures[dialect] = {
        orders: {
          requests: PEOPLE,
          concurrency: PEOPLE,
          ordersPerSecond: orders.perSecond,
          p50ms: orders.p50ms,
          p99ms: orders.p99ms,
        },
        redemptions: {
          requests: codes.length,
          concurrency: 20,
          redemptionsPerSecond: redemptions.perSecond,
          p50ms: redemptions.p50ms,
          p99ms: redemptions.p99ms,
        },
      };
    } finally {
      await server.close();
    }
  }
  writeResults('mall', figures);
}
