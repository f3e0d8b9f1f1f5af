// Who took part in a mediation case is private (PRODUCT §9): the audit log shows mediation entries only to readers
// who also hold mediation.lead where the case sits. A community admin reads the rest of the log but not these; granted
// the lead role on that community, they see them. Both databases, demo data.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/server/modules/audit/audit.schemas.js';
import { seedDemo } from '../../src/server/modules/demo/index.js';
import type { MediationCase, MediationCasePage } from '../../src/server/modules/mediation/mediation.schemas.js';
import { createTestEnv, DIALECTS, type TestEnv, testApp, signedIn } from '../support.js';

describe.each(DIALECTS)('mediation entries in the audit log on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;

  const as = (phone: string) => signedIn(app, phone, env.deps.config.demoPassword);
  const auditOf = async (phone: string) => {
    const client = await as(phone);
    const page = await client<{ items: AuditEvent[]; total: number }>('GET', '/api/v1/audit-events?limit=100');
    expect(page.status).toBe(200);
    return page.body;
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

  it('hides mediation entries from audit readers who are not the lead, and shows them to the lead', async () => {
    // The lead reads the case: one more mediation entry in the log.
    const lead = await as('13800000013');
    const cases = await lead<MediationCasePage>('GET', '/api/v1/mediation/cases');
    const caseId = cases.body.items[0]!.id;
    const seen = await lead<MediationCase>('GET', `/api/v1/mediation/cases/${caseId}`);
    expect(seen.status).toBe(200);

    for (const phone of ['13800000002', '13800000001']) {
      const log = await auditOf(phone);
      expect(log.items.length, phone).toBeGreaterThan(0);
      expect(
        log.items.filter((e) => e.targetType === 'mediation_case' || e.action.startsWith('mediation.')),
        phone,
      ).toEqual([]);
      const byId = await (await as(phone))<{ items: AuditEvent[] }>('GET', `/api/v1/audit-events?targetId=${caseId}`);
      expect(byId.body.items, phone).toEqual([]);
    }

    // The district admin makes the community admin the lead of 燕岭 too: now the entries show for them.
    const admin = await as('13800000001');
    const me = await (
      await as('13800000002')
    )<{ id: string; roles: Array<{ nodeId: string; role: string }> }>('GET', '/api/v1/me');
    const community = me.body.roles.find((r) => r.role === 'community_admin')!.nodeId;
    const granted = await admin('POST', '/api/v1/roles', {
      userId: me.body.id,
      role: 'mediation_lead',
      nodeId: community,
    });
    expect(granted.status).toBe(201);
    const after = await auditOf('13800000002');
    expect(after.items.some((e) => e.targetType === 'mediation_case' && e.targetId === caseId)).toBe(true);
  });
});
