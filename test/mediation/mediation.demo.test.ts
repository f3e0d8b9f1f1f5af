// Mediation with the demo data, end to end through HTTP: 张阿姨 and 马先生 each see the case and only their own thread,
// the lead 何调解 and the mediator 刘调解 see every thread and the session, the community admin 李主任 and the social
// worker 吴社工 see no case (the social worker sees the anonymous statistics). Both databases.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/modules/demo/index.js';
import type {
  MediationCase,
  MediationCasePage,
  MediationMessageList,
  MediationStats,
} from '../../src/server/modules/mediation/mediation.schemas.js';
import { createTestEnv, DIALECTS, type TestEnv, testApp, signedIn } from '../support.js';

describe.each(DIALECTS)('mediation with the demo data on %s', (dialect) => {
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

  it('shows the demo case to its parties, mediator and lead, each as far as theirs', async () => {
    const zhang = await as('13800000009');
    const mine = await zhang<MediationCasePage>('GET', '/api/v1/mediation/my-cases');
    expect(mine.body.items).toHaveLength(1);
    const caseId = mine.body.items[0]!.id;
    expect(mine.body.items[0]).toMatchObject({ status: 'in_mediation', mediatorNames: ['刘调解'], isParty: true });
    const seen = await zhang<MediationCase>('GET', `/api/v1/mediation/cases/${caseId}`);
    expect(seen.body.parties.map((p) => p.name)).toEqual(['张*华', '马*军']);
    const zhangThread = await zhang<MediationMessageList>('GET', `/api/v1/mediation/cases/${caseId}/messages`);
    expect(zhangThread.body.items.map((m) => m.authorRole)).toEqual(['party', 'mediator']);
    expect(zhangThread.body.items.map((m) => m.body).join()).not.toContain('工期还有两周');

    const ma = await as('13800000014');
    const maThread = await ma<MediationMessageList>('GET', `/api/v1/mediation/cases/${caseId}/messages`);
    expect(maThread.body.items.map((m) => m.body).join()).toContain('工期还有两周');
    expect(maThread.body.items.map((m) => m.body).join()).not.toContain('高血压');

    for (const phone of ['13800000011', '13800000013']) {
      const staff = await as(phone);
      const list = await staff<MediationCasePage>('GET', '/api/v1/mediation/cases');
      expect(list.body.items.map((i) => i.id)).toContain(caseId);
      const c = await staff<MediationCase>('GET', `/api/v1/mediation/cases/${caseId}`);
      expect(c.body.sessions.map((s) => s.place)).toEqual(['燕岭社区调解室']);
      const all = await staff<MediationMessageList>('GET', `/api/v1/mediation/cases/${caseId}/messages`);
      expect(all.body.items).toHaveLength(4);
    }

    // The community admin, the social worker and the district admin do not see it.
    for (const phone of ['13800000002', '13800000005', '13800000001']) {
      const other = await as(phone);
      expect((await other('GET', `/api/v1/mediation/cases/${caseId}`)).status, phone).toBe(404);
      const list = await other<MediationCasePage>('GET', '/api/v1/mediation/cases');
      expect(list.body.items, phone).toEqual([]);
    }
    const socialWorker = await as('13800000005');
    const stats = await socialWorker<MediationStats>('GET', '/api/v1/mediation/stats');
    expect(stats.status).toBe(200);
    // One case only: below the threshold, so its count is hidden.
    expect(stats.body.cells).toEqual([
      { month: stats.body.to, type: 'renovation_noise', outcome: 'open', count: null },
    ]);
  });
});
