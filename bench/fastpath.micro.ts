// In-process CPU cost per request (app.inject, no sockets), for before/after steps on a busy shared machine: the routes
// run round-robin in short slices, so other load on the machine falls on all of them alike; the median slice counts.
// npx tsx bench/fastpath.micro.ts [rounds]
import { Kysely, SqliteDialect } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { guardDialect, setGuardToken } from '../src/server/db/guard.js';
import type { DB } from '../src/server/db/schema.js';
import { DEMO_DISTRICT, seedDemo } from '../src/server/modules/demo/index.js';
import { findDistrictByName } from '../src/server/modules/org/index.js';
import { must } from '../src/server/platform/must.js';
import { startBenchServer } from './lib.js';

const ROUNDS = Number(process.argv[2] || 15);
const SLICE = 100;

const server = await startBenchServer('sqlite');
const deps = server.runtime.deps;
await seedDemo(deps, 'Linli@2026');
const district = must(await findDistrictByName(deps.db, DEMO_DISTRICT), 'the demo district');
// The same database without the statement cache (the raw handle straight to Kysely), for an A/B in one process.
const raw = must(server.runtime.database.sqlite ?? undefined, 'the SQLite handle');
const token = {};
const uncachedDb = new Kysely<DB>({ dialect: guardDialect(new SqliteDialect({ database: raw }), token) });
setGuardToken(uncachedDb, token);
const uncachedApp = await buildApp({ ...deps, db: uncachedDb }, { serveWeb: false, backgroundJobs: false });

async function tokenOf(phone: string): Promise<string> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { phone, password: 'Linli@2026', client: 'app' },
  });
  return res.json<{ token: string }>().token;
}
const resident = { authorization: `Bearer ${await tokenOf('13800000007')}` };
const d = encodeURIComponent(district.id);
const routes: Record<string, { url: string; headers: Record<string, string> }> = {
  health: { url: '/api/health', headers: {} },
  getMe: { url: '/api/v1/me', headers: resident },
  getMyPoints: { url: '/api/v1/me/points', headers: resident },
  listMyJournals: { url: `/api/v1/me/points/journals?districtId=${d}`, headers: resident },
  listPublicJournals: { url: `/api/v1/public/ledger/${d}/journals`, headers: {} },
  listActivities: { url: `/api/v1/activities?districtId=${d}`, headers: resident },
  listCatalog: { url: `/api/v1/catalog?districtId=${d}`, headers: resident },
};
const apps = { cached: server.app, uncached: uncachedApp };
const samples: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [appName, app] of Object.entries(apps)) {
    for (const [name, r] of Object.entries(routes)) {
      const before = process.cpuUsage();
      for (let i = 0; i < SLICE; i++) {
        const res = await app.inject({ method: 'GET', url: r.url, headers: r.headers });
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
      }
      const used = process.cpuUsage(before);
      (samples[`${appName}:${name}`] ??= []).push((used.user + used.system) / SLICE);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const appName of Object.keys(apps)) {
  const base = median(samples[`${appName}:health`] ?? []);
  for (const name of Object.keys(routes)) {
    const us = median(samples[`${appName}:${name}`] ?? []);
    console.log(
      `${appName.padEnd(9)} ${name.padEnd(20)} ${us.toFixed(0).padStart(6)} µs/request  x${(us / base).toFixed(1)}`,
    );
  }
}
await uncachedApp.close();
await server.close();
process.exit(0);
