// Lists the SQL statements one request runs, with the time each takes alone: npx tsx bench/fastpath.queries.ts /api/v1/me
import { Kysely, SqliteDialect } from 'kysely';
import { buildApp } from '../src/server/app.js';
import type { DB } from '../src/server/db/schema.js';
import { DEMO_DISTRICT, seedDemo } from '../src/server/modules/demo/index.js';
import { findDistrictByName } from '../src/server/modules/org/index.js';
import { must } from '../src/server/platform/must.js';
import { startBenchServer } from './lib.js';

const server = await startBenchServer('sqlite');
const deps = server.runtime.deps;
await seedDemo(deps, 'Linli@2026');
const district = must(await findDistrictByName(deps.db, DEMO_DISTRICT), 'the demo district');
const raw = must(server.runtime.database.sqlite ?? undefined, 'the SQLite handle');
const ran: Array<{ sql: string; params: unknown[] }> = [];
const spy = {
  prepare(sql: string) {
    const stmt = raw.prepare(sql);
    return {
      reader: stmt.reader,
      all: (p: unknown[]) => (ran.push({ sql, params: p }), stmt.all(p)),
      run: (p: unknown[]) => (ran.push({ sql, params: p }), stmt.run(p)),
      iterate: (p: unknown[]) => stmt.iterate(p),
    };
  },
  close: () => undefined,
};
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: spy }) });
const app = await buildApp({ ...deps, db }, { serveWeb: false, backgroundJobs: false });
const login = await server.app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { phone: '13800000007', password: 'Linli@2026', client: 'app' },
});
const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
for (const arg of process.argv.slice(2)) {
  const url = arg.replace('{d}', encodeURIComponent(district.id));
  ran.length = 0;
  const res = await app.inject({ method: 'GET', url, headers });
  console.log(`== ${url} ${res.statusCode}: ${ran.length} statements`);
  for (const q of ran) {
    const stmt = raw.prepare(q.sql);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) if (stmt.reader) stmt.all(q.params);
    const us = ((performance.now() - t0) / 200) * 1000;
    console.log(`${us.toFixed(0).padStart(6)} µs  ${q.sql.slice(0, 400)}`);
  }
}
await app.close();
await server.close();
process.exit(0);
