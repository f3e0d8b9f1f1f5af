// A person's copy of their data (PIPL access) includes what 随手拍 holds about them: their reports with the
// timelines, the photos they uploaded, reports they joined, flags — and nothing of another reporter's. Demo data,
// both databases.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/modules/demo/index.js';
import { createTestEnv, DIALECTS, signedIn, type TestEnv, testApp } from '../support.js';

interface Section {
  key: string;
  rows: Array<Record<string, unknown>>;
}

describe.each(DIALECTS)('reports in exportMyData on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;

  const exportOf = async (phone: string) => {
    const call = await signedIn(app, phone, env.deps.config.demoPassword);
    const me = (await call<{ id: string }>('GET', '/api/v1/me')).body;
    const res = await call<{ sections: Section[] }>('GET', '/api/v1/me/data');
    expect(res.status, res.raw).toBe(200);
    return { me, section: (key: string) => res.body.sections.find((s) => s.key === key)?.rows };
  };

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.deps, env.deps.config.demoPassword);
    app = await testApp(env);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it("holds the person's own reports with their timelines, and no one else's", async () => {
    const zhang = await exportOf('13800000009');
    const mine = zhang.section('reports.mine');
    expect(mine, 'reports.mine section').toBeDefined();
    expect(mine!.length).toBeGreaterThan(0);
    expect(mine!.every((r) => r.reporterUserId === zhang.me.id)).toBe(true);
    expect(mine![0]).not.toHaveProperty('idempotencyKey');
    const steps = zhang.section('reports.steps')!;
    const ids = new Set(mine!.map((r) => r.id));
    expect(steps.length).toBeGreaterThanOrEqual(mine!.length);
    expect(steps.every((s) => ids.has(s.reportId))).toBe(true);
    for (const key of ['reports.joined', 'reports.photos', 'reports.flags', 'reports.rewardDays']) {
      expect(zhang.section(key), key).toBeDefined();
    }
    expect(zhang.section('reports.photos')!.every((p) => !('storageKey' in p))).toBe(true);

    // Another demo reporter's copy does not hold 张阿姨's reports.
    const other = await exportOf('13800000014');
    const theirs = other.section('reports.mine')!;
    expect(theirs.some((r) => ids.has(r.id as string))).toBe(false);
  });
});
