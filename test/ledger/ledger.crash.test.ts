// Crash test: a child process posting journals is killed with SIGKILL at random moments and restarted until it
// finishes; the ledger must verify, with every accepted record earned exactly once and every award posted once.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { dropSchema, ensureSchema } from '../../src/server/db/database.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { verifyLedger } from '../../src/server/modules/ledger/ledger.public.js';
import { emitEvent } from '../../src/server/platform/events.js';
import { newId } from '../../src/server/platform/ids.js';
import { DIALECTS, makeTree, makeUser, PG_URL } from '../support.js';

const RECORDS = 200;
const AWARDS = 200;
const WORKER = path.resolve('test/ledger/crash-worker.ts');

describe.each(DIALECTS)('ledger crash safety on %s', (dialect) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('survives SIGKILL at random moments with no lost or duplicated points', { timeout: 180_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-crash-'));
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      LINLI_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
    };
    if (dialect === 'postgres') {
      const schema = `crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      await ensureSchema(PG_URL!, schema);
      const u = new URL(PG_URL!);
      u.searchParams.set('options', `-c search_path=${schema}`);
      env.DATABASE_URL = u.toString();
      cleanups.push(() => dropSchema(PG_URL!, schema));
    }
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const rt: Runtime = await openRuntime(loadConfig(env));
    const tree = await makeTree(rt.deps);
    const user = await makeUser(rt.deps, { home: tree.communityA });
    const records: string[] = [];
    await inTransaction(rt.deps.db, async ({ trx }) => {
      for (let i = 0; i < RECORDS; i++) {
        const recordId = newId();
        records.push(recordId);
        await emitEvent(trx, rt.deps.clock, {
          districtId: tree.district.id,
          type: 'service_record.accepted',
          refId: recordId,
          payload: {
            recordId,
            userId: user.id,
            minutes: 60,
            activityId: 'x',
            category: '其他',
            communityId: tree.communityA.id,
            teamId: null,
            pointsPerHour: null,
            serviceDate: '2026-11-20',
          },
        });
      }
    });

    let kills = 0;
    for (let attempt = 0; attempt < 200; attempt++) {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, tree.district.id, user.id, String(AWARDS)], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on('data', (d) => {
        out += d;
        // Once it is writing, cut it at a random moment.
        if (!timer && out.includes('ready') && !process.env.CRASH_NOKILL) {
          timer = setTimeout(
            () => {
              kills += 1;
              child.kill('SIGKILL');
            },
            Math.floor(Math.random() * (150 + attempt * 60)),
          );
        }
      });
      const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      clearTimeout(timer);
      if (process.env.CRASH_DEBUG) {
        const n = await rt.deps.db
          .selectFrom('journals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        console.log(attempt, code, out.trim().split('\n').pop(), Number(n.n));
      }
      if (code === 0 && out.includes('done')) break;
    }
    if (!process.env.CRASH_NOKILL) expect(kills).toBeGreaterThan(0);

    const report = await verifyLedger(rt.deps);
    expect(report.problems).toEqual([]);
    const journals = await rt.deps.db
      .selectFrom('journals')
      .select(['type', 'ref_id', 'idempotency_key'])
      .where('district_id', '=', tree.district.id)
      .execute();
    const earned = journals.filter((j) => j.type === 'earn');
    expect(earned).toHaveLength(RECORDS);
    expect(new Set(earned.map((j) => j.ref_id))).toEqual(new Set(records));
    expect(journals.filter((j) => j.type === 'award')).toHaveLength(AWARDS);
    const acc = await rt.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('owner_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(Number(acc.balance)).toBe(RECORDS * 10 + AWARDS * 3);
    await rt.close();
  });
});
