// Ledger figures: journals per second through the service layer and through HTTP, beside a baseline of plain
// single-row insert transactions on the same database in the same run; and verify-ledger time per million journals.
import { sql } from 'kysely';
import { inTransaction } from '../src/server/db/transaction.js';
import { authenticate, insertNewUser, startSession } from '../src/server/modules/accounts/index.js';
import { accountFor, ensurePersonAccount, postJournal } from '../src/server/modules/ledger/index.js';
import { processLedgerEvents } from '../src/server/modules/ledger/index.js';
import { verifyLedger } from '../src/server/modules/ledger/ledger.public.js';
import { serviceRecordAccepted } from '../src/server/modules/records/index.js';
import { insertRole } from '../src/server/modules/accounts/index.js';
import { newId } from '../src/server/platform/ids.js';
import { must } from '../src/server/platform/must.js';
import { hashPassword } from '../src/server/platform/passwords.js';
import { benchDistrict, DIALECTS, percentile, startBenchServer, writeResults } from './lib.js';

const N = 3000;

function perSecond(n: number, ms: number): number {
  return Math.round((n * 1000) / ms);
}

/** Runs the ledger suite on each database. */
export async function runLedgerBench(): Promise<void> {
  const figures: Record<string, unknown> = {};
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      const deps = server.runtime.deps;
      const db = deps.db;
      // Baseline: the cheapest durable write — one row per transaction.
      await sql`create table bench_baseline (id text primary key, v integer not null)`.execute(db);
      let t = performance.now();
      for (let i = 0; i < N; i++) {
        await inTransaction(db, async ({ trx }) => {
          await sql`insert into bench_baseline (id, v) values (${newId()}, ${i})`.execute(trx);
        });
      }
      const baseline = perSecond(N, performance.now() - t);

      const { district, community } = await benchDistrict(deps);
      const hash = await hashPassword('Bench1234');
      const { person, issuance, token } = await inTransaction(db, async ({ trx }) => {
        const user = await insertNewUser(
          deps,
          trx,
          { phone: '13700000001', displayName: '压测', communityId: community.id },
          hash,
        );
        await insertRole(deps, trx, {
          userId: user.id,
          role: 'community_admin',
          districtId: district.id,
          nodeId: community.id,
          grantedBy: null,
        });
        return {
          person: await ensurePersonAccount(deps, trx, district.id, user.id),
          issuance: await accountFor(deps, trx, district.id, {
            type: 'district',
            id: district.id,
            purpose: 'issuance',
          }),
          token: (await startSession(deps, trx, user.id, {})).token,
        };
      });
      t = performance.now();
      for (let i = 0; i < N; i++) {
        await inTransaction(db, ({ trx }) =>
          postJournal(deps, trx, {
            districtId: district.id,
            type: 'award',
            reason: '压测',
            idempotencyKey: `bench-${i}`,
            communityId: community.id,
            postings: [
              { accountId: issuance.id, amount: -1 },
              { accountId: person.id, amount: 1 },
            ],
          }),
        );
      }
      const serviceSerial = perSecond(N, performance.now() - t);
      t = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (next < N) {
            const i = next++;
            await inTransaction(db, ({ trx }) =>
              postJournal(deps, trx, {
                districtId: district.id,
                type: 'award',
                reason: '压测',
                idempotencyKey: `bench-par-${i}`,
                communityId: community.id,
                postings: [
                  { accountId: issuance.id, amount: -1 },
                  { accountId: person.id, amount: 1 },
                ],
              }),
            );
          }
        }),
      );
      const serviceParallel = perSecond(N, performance.now() - t);

      const me = (await authenticate(deps, token, null))!.actor;
      const url = `${server.url}/api/v1/points/awards`;
      const latencies: number[] = [];
      let sent = 0;
      t = performance.now();
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (sent < N) {
            const i = sent++;
            const s = performance.now();
            const res = await fetch(url, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                userId: me.userId,
                points: 1,
                reason: '压测奖励',
                idempotencyKey: `http-bench-${i}`,
              }),
            });
            if (res.status !== 200) throw new Error(`award failed: ${res.status} ${await res.text()}`);
            await res.arrayBuffer();
            latencies.push(performance.now() - s);
          }
        }),
      );
      const http = perSecond(N, performance.now() - t);
      latencies.sort((a, b) => a - b);

      // Earning through the outbox: accepted-record events turned into journals by one consumer, then by three
      // racing consumers (each event handled once, recorded in event_consumptions).
      const earners = await inTransaction(db, async ({ trx }) => {
        const ids: string[] = [];
        for (let u = 0; u < 50; u++) {
          const user = await insertNewUser(
            deps,
            trx,
            { phone: `1370001${String(u).padStart(4, '0')}`, displayName: `压测${u}`, communityId: community.id },
            hash,
          );
          ids.push(user.id);
        }
        return ids;
      });
      const emitEvents = (n: number, tag: string) =>
        inTransaction(db, async ({ trx }) => {
          for (let i = 0; i < n; i++) {
            const recordId = `${tag}-${i}-${newId()}`;
            await serviceRecordAccepted.emit(trx, deps.clock, {
              districtId: district.id,
              refId: recordId,
              payload: {
                recordId,
                userId: must(earners[i % earners.length], 'an earner'),
                minutes: 60,
                activityId: null,
                activityTitle: '压测服务',
                category: '其他',
                communityId: community.id,
                teamId: null,
                pointsPerHour: null,
                serviceDate: `2026-0${1 + (i % 9)}-1${i % 10}`,
              },
            });
          }
        });
      const EVENTS = 1000;
      await emitEvents(EVENTS, 'serial');
      t = performance.now();
      const handledSerial = await processLedgerEvents(deps);
      const earningSerial = perSecond(handledSerial, performance.now() - t);
      await emitEvents(EVENTS, 'racing');
      t = performance.now();
      const handledRacing = (await Promise.all([0, 1, 2].map(() => processLedgerEvents(deps)))).reduce(
        (a, b) => a + b,
        0,
      );
      const earningRacing = perSecond(handledRacing, performance.now() - t);
      if (handledSerial !== EVENTS || handledRacing !== EVENTS)
        throw new Error(`earning handled ${handledSerial} and ${handledRacing} of ${EVENTS}`);

      t = performance.now();
      const report = await verifyLedger(deps, { districtId: district.id });
      const verifyMs = performance.now() - t;
      if (!report.ok) throw new Error(`ledger did not verify: ${JSON.stringify(report.problems[0])}`);
      const journals = must(report.districts[0], 'the verified district').journals;
      figures[dialect] = {
        baselineInsertTxPerSecond: baseline,
        serviceJournalsPerSecond: serviceSerial,
        serviceJournalsPerSecond10Concurrent: serviceParallel,
        serviceVsBaseline: Math.round((serviceSerial / baseline) * 100) / 100,
        httpJournalsPerSecond: http,
        httpP50ms: percentile(latencies, 50),
        httpP99ms: percentile(latencies, 99),
        earningEventsPerSecond: earningSerial,
        earningEventsPerSecond3Consumers: earningRacing,
        verifyJournals: journals,
        verifyMs: Math.round(verifyMs),
        verifySecondsPerMillionJournals: Math.round((verifyMs / journals) * 1000 * 10) / 10,
      };
    } finally {
      await server.close();
    }
  }
  writeResults('ledger', figures);
}
