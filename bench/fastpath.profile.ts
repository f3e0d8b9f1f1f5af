// Runs one route many times in-process and writes a CPU profile of the request loop only (after warm-up):
// npx tsx bench/fastpath.profile.ts /api/v1/me [requests] [out.cpuprofile]
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { DEMO_DISTRICT, seedDemo } from '../src/server/modules/demo/index.js';
import { findDistrictByName } from '../src/server/modules/org/index.js';
import { must } from '../src/server/platform/must.js';
import { startBenchServer } from './lib.js';

const path = process.argv[2] || '/api/v1/me';
const n = Number(process.argv[3] || 3000);
const server = await startBenchServer('sqlite');
await seedDemo(server.runtime.deps, 'Linli@2026');
const login = await server.app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { phone: '13800000007', password: 'Linli@2026', client: 'app' },
});
const district = must(await findDistrictByName(server.runtime.deps.db, DEMO_DISTRICT), 'the demo district');
const url = path.replace('{d}', encodeURIComponent(district.id));
const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
for (let i = 0; i < 300; i++) await server.app.inject({ method: 'GET', url, headers });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let i = 0; i < n; i++) await server.app.inject({ method: 'GET', url, headers });
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync(process.argv[4] || '/tmp/fastpath.cpuprofile', JSON.stringify(profile));
await server.close();
process.exit(0);
