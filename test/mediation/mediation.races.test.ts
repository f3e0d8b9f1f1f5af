// Concurrent writes to one mediation case (real concurrency on PostgreSQL, serial on SQLite): two closings, two
// assignments, a message racing a closing. Every write locks the case row while checking its state, so exactly one
// closing wins, assignments never collide into a 500, and no message lands in a closed case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, type TestEnv, type Tree } from '../support.js';
import * as mediation from '../../src/server/modules/mediation/mediation.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('mediation races on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let lead: Actor;
  let med1: Actor;
  let med2: Actor;
  let applicant: Actor;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    lead = await actorOf(env.deps, await makeUser(env.deps, { role: 'mediation_lead', roleNode: tree.communityA }));
    med1 = await actorOf(env.deps, await makeUser(env.deps, { role: 'mediator', roleNode: tree.communityA }));
    med2 = await actorOf(env.deps, await makeUser(env.deps, { role: 'mediator', roleNode: tree.communityA }));
    applicant = await actorOf(env.deps, await makeUser(env.deps, { home: tree.communityA }));
  });
  afterAll(async () => {
    await env.close();
  });

  const settle = (ps: Array<Promise<unknown>>) =>
    Promise.allSettled(ps).then((rs) =>
      rs.map((r) => (r.status === 'fulfilled' ? 'ok' : ((r.reason as { code?: string }).code ?? String(r.reason)))),
    );

  const inMediation = async () => {
    const c = await mediation.openCase(env.deps, applicant, {
      type: 'neighbour',
      description: '公共走廊堆放杂物。',
      otherParties: [{ name: '孙八' }],
    });
    await mediation.assignMediators(env.deps, lead, c.id, { mediatorIds: [med1.userId, med2.userId] });
    await mediation.postMessage(env.deps, med1, c.id, { partyId: c.parties[0]!.id, body: '您好' });
    return c;
  };

  it('lets exactly one of two closings through', async () => {
    const c = await inMediation();
    const outcomes = await settle([
      mediation.closeCase(env.deps, med1, c.id, { outcome: 'agreement', terms: '杂物三日内清走。' }),
      mediation.closeCase(env.deps, med2, c.id, { outcome: 'failed' }),
    ]);
    expect(outcomes.sort()).toEqual(['MEDIATION_STATE', 'ok']);
    const closes = await env.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('target_id', '=', c.id)
      .where('action', '=', 'mediation.closed')
      .execute();
    expect(closes).toHaveLength(1);
  });

  it('never collides two assignments into an error', async () => {
    const c = await mediation.openCase(env.deps, applicant, {
      type: 'neighbour',
      description: '楼道灯坏了谁来修。',
      otherParties: [{ name: '周九' }],
    });
    const outcomes = await settle([
      mediation.assignMediators(env.deps, lead, c.id, { mediatorIds: [med1.userId] }),
      mediation.assignMediators(env.deps, lead, c.id, { mediatorIds: [med1.userId, med2.userId] }),
    ]);
    expect(outcomes).toEqual(['ok', 'ok']);
    const after = await mediation.getCase(env.deps, lead, c.id);
    expect(after.status).toBe('assigned');
    expect(after.mediators.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps messages out of a case closed meanwhile', async () => {
    const c = await inMediation();
    const outcomes = await settle([
      mediation.closeCase(env.deps, med1, c.id, { outcome: 'referred', referredTo: '街道司法所' }),
      mediation.postMessage(env.deps, applicant, c.id, { body: '我还想补充一点' }),
    ]);
    expect(outcomes[0]).toBe('ok');
    const closed = await env.deps.db
      .selectFrom('mediation_cases')
      .select('closed_at')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const late = await env.deps.db
      .selectFrom('mediation_messages')
      .select('id')
      .where('case_id', '=', c.id)
      .where('created_at', '>', closed.closed_at!)
      .execute();
    expect(late).toEqual([]);
    expect(['ok', 'MEDIATION_STATE']).toContain(outcomes[1]);
  });
});
