// Foundation figures: authenticated API reads beside a bare route measured in the same run, per database.
import { seedDemo } from '../src/server/modules/demo/index.js';
import { DIALECTS, load, startBenchServer, writeResults } from './lib.js';

/** Measures health (baseline), getMe and listOrgNodes through HTTP, and login (Argon2id) per second. */
export async function runFoundationBench(): Promise<void> {
  const figures: Record<string, unknown> = {};
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      await seedDemo(server.runtime.deps, 'Linli@2026');
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13800000001', password: 'Linli@2026', client: 'app' }),
      });
      const { token } = (await res.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      figures[dialect] = {
        baselineHealth: await load({ url: `${server.url}/api/health` }),
        getMe: await load({ url: `${server.url}/api/v1/me`, headers: auth }),
        listOrgNodes: await load({ url: `${server.url}/api/v1/org/nodes`, headers: auth }),
        login: await load({
          url: `${server.url}/api/v1/auth/login`,
          method: 'POST',
          connections: 4,
          seconds: 4,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: '13800000009', password: 'Linli@2026', client: 'app' }),
        }),
      };
    } finally {
      await server.close();
    }
  }
  writeResults('foundation', figures);
}
