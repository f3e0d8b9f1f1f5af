// The care registry with the demo data, end to end through HTTP: 周网格 (grid worker) sees the four 燕岭社区 people
// most urgent first (王秀英 red, 陈德明 yellow, then blue); 孙志愿 (paired volunteer) sees the four assigned to him and
// turns 王秀英 from red to blue with a visit; the community admin sees the alert list; a resident sees none. Both
// databases.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/modules/demo/index.js';
import type { CareSubject, CareSubjectPage } from '../../src/server/modules/care/care.schemas.js';
import { createTestEnv, DIALECTS, type TestEnv, testApp, signedIn } from '../support.js';

describe.each(DIALECTS)('care registry with the demo data on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;

  const as = (phone: string) => signedIn(app, phone, env.deps.config.demoPassword);

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.deps, env.deps.config.demoPassword);
    app = await testApp(env);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('shows the demo people by urgency to their grid worker and visitor; a visit turns red to blue', async () => {
    const zhou = await as('13800000004');
    const list = await zhou<CareSubjectPage>('GET', '/api/v1/care/subjects');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => [i.name, i.alert])).toEqual([
      ['王*英', 'red'],
      ['陈*明', 'yellow'],
      ['刘*兰', 'blue'],
      ['小*', 'blue'],
    ]);
    const sun = await as('13800000007');
    const mine = await sun<CareSubjectPage>('GET', '/api/v1/care/my-people');
    expect(mine.body.items).toHaveLength(4);
    const wang = mine.body.items[0]!;
    expect(wang).toMatchObject({ name: '王*英', alert: 'red', daysOverdue: 3 });
    const visit = await sun<CareSubject>('POST', `/api/v1/care/subjects/${wang.id}/visits`, {
      findings: '老人身体还好，帮忙买了米和油',
      outcome: 'well',
    });
    expect(visit.status).toBe(200);
    expect(visit.body.alert).toBe('blue');
    const admin = await as('13800000002');
    const alerts = await admin<CareSubjectPage>('GET', '/api/v1/care/alerts');
    expect(alerts.body.items.map((i) => i.name)).toEqual(['陈*明']);
    const zhang = await as('13800000009');
    expect((await zhang<CareSubjectPage>('GET', '/api/v1/care/my-people')).body.items).toEqual([]);
    expect((await zhang('GET', `/api/v1/care/subjects/${wang.id}`)).status).toBe(404);
  });
});
