// Two visits of the same person logged at once (a double tap, or two visitors at the door): the subject row is
// written at its version, so one commits and the other answers 409 CARE_CHANGED with its visit (and any need it
// raised) rolled back — one visit, one next-visit date. Run on PostgreSQL for real concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/server/platform/errors.js';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, makeVolunteer, type TestEnv } from '../support.js';
import { assignCareVisitor, createCareSubject, logCareVisit } from '../../src/server/modules/care/index.js';

describe.each(DIALECTS)('care visit races on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => {
    await env.close();
  });

  it('keeps one of two simultaneous visits', async () => {
    const tree = await makeTree(env.deps);
    const staffUser = await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA });
    const staff = await actorOf(env.deps, staffUser);
    const vol = await makeVolunteer(env.deps, tree.communityA);
    const s = await createCareSubject(env.deps, staff, {
      nodeId: tree.gridA.id,
      name: '孙大爷',
      categories: ['living_alone'],
      tier: 'key',
    });
    await assignCareVisitor(env.deps, staff, s.id, { phone: vol.phone });
    await assignCareVisitor(env.deps, staff, s.id, { phone: staffUser.phone });
    const results = await Promise.allSettled([
      logCareVisit(env.deps, vol.actor, s.id, { findings: '第一位', outcome: 'well', emergency: false }),
      logCareVisit(env.deps, staff, s.id, { findings: '第二位', outcome: 'well', emergency: false }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const visits = await env.deps.db.selectFrom('care_visits').select('id').where('subject_id', '=', s.id).execute();
    // SQLite runs one writer at a time, so both may commit there, one after the other; never a lost update.
    expect(ok.length + refused.length).toBe(2);
    expect(visits).toHaveLength(ok.length);
    for (const err of refused) expect(err instanceof AppError && err.code === 'CARE_CHANGED').toBe(true);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // Every committed visit moved the row on exactly once (no update lost between them).
    const row = await env.deps.db
      .selectFrom('care_subjects')
      .select('version')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.version)).toBe(1 + ok.length);
  });
});
