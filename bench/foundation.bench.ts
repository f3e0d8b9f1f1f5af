// Foundation figures: authenticated API reads beside a bare route measured in the same run, per database.
// Reads run at 50 connections (issue 15); each read's figure carries its throughput as a ratio to the bare route
// (`ratio`) and its p99 over the bare route's (`p99Ratio`), so runs on a shared machine stay comparable.
import { DEMO_DISTRICT, seedDemo } from '../src/server/modules/demo/index.js';
import { findDistrictByName } from '../src/server/modules/org/index.js';
import { must } from '../src/server/platform/must.js';
import { DIALECTS, load, startBenchServer, writeResults, type LoadFigure } from './lib.js';

const READ_CONNECTIONS = 50;
const READ_SECONDS = Number(process.env.BENCH_SECONDS || 5);

/**
 * Runs a load and adds the process CPU time per request (server and load generator share this process): unlike
 * requests per second it barely moves when other work shares the machine, so before/after steps compare on it.
 */
async function measure(opts: Parameters<typeof load>[0]): Promise<LoadFigure & { cpuUsPerRequest: number }> {
  const before = process.cpuUsage();
  const fig = await load(opts);
  const used = process.cpuUsage(before);
  return { ...fig, cpuUsPerRequest: Math.round((used.user + used.system) / Math.max(1, fig.requests)) };
}

async function tokenOf(url: string, phone: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'Linli@2026', client: 'app' }),
  });
  const { token } = (await res.json()) as { token: string };
  return token;
}

/** Fails early (instead of measuring error pages) when a read does not answer 200. */
async function expectOk(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
}

/**
 * Measures health (baseline), getMe, the resident's points and history, the public ledger page, activity and catalog
 * search, listOrgNodes through HTTP, and login (Argon2id) per second.
 */
export async function runFoundationBench(): Promise<void> {
  const figures: Record<string, unknown> = {};
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      await seedDemo(server.runtime.deps, 'Linli@2026');
      const district = must(await findDistrictByName(server.runtime.deps.db, DEMO_DISTRICT), 'the demo district');
      const admin = { authorization: `Bearer ${await tokenOf(server.url, '13800000001')}` };
      // A volunteer: a resident's own reads (points, history, activity search, catalog).
      const resident = { authorization: `Bearer ${await tokenOf(server.url, '13800000007')}` };
      const d = encodeURIComponent(district.id);
      const reads: Record<string, { url: string; headers: Record<string, string> }> = {
        getMe: { url: `${server.url}/api/v1/me`, headers: resident },
        getMyPoints: { url: `${server.url}/api/v1/me/points`, headers: resident },
        listMyJournals: { url: `${server.url}/api/v1/me/points/journals?districtId=${d}`, headers: resident },
        listPublicJournals: { url: `${server.url}/api/v1/public/ledger/${d}/journals`, headers: {} },
        listActivities: { url: `${server.url}/api/v1/activities?districtId=${d}`, headers: resident },
        listCatalog: { url: `${server.url}/api/v1/catalog?districtId=${d}`, headers: resident },
        listOrgNodes: { url: `${server.url}/api/v1/org/nodes`, headers: admin },
      };
      for (const r of Object.values(reads)) await expectOk(r.url, r.headers);
      const base = await measure({
        url: `${server.url}/api/health`,
        connections: READ_CONNECTIONS,
        seconds: READ_SECONDS,
      });
      const out: Record<string, unknown> = { connections: READ_CONNECTIONS, baselineHealth: base };
      for (const [name, r] of Object.entries(reads)) {
        const fig = await measure({ ...r, connections: READ_CONNECTIONS, seconds: READ_SECONDS });
        out[name] = {
          ...fig,
          ratio: Math.round((fig.requestsPerSecond / base.requestsPerSecond) * 100) / 100,
          p99Ratio: Math.round((fig.p99ms / Math.max(1, base.p99ms)) * 10) / 10,
          cpuRatio: Math.round((base.cpuUsPerRequest / fig.cpuUsPerRequest) * 100) / 100,
        };
      }
      out.login = await load({
        url: `${server.url}/api/v1/auth/login`,
        method: 'POST',
        connections: 4,
        seconds: 4,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13800000009', password: 'Linli@2026', client: 'app' }),
      });
      figures[dialect] = out;
    } finally {
      await server.close();
    }
  }
  writeResults('foundation', figures);
}
