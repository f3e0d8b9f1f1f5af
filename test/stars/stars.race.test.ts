// Star races on PostgreSQL: the same resident objecting twice at once leaves one objection; the settling job run
// twice at once makes one effective promotion (and one next-level publicity).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/server/platform/errors.js';
import { runStarJobs, settleEndedPublicity } from '../../src/server/modules/recognition/index.js';
import * as svc from '../../src/server/modules/recognition/stars.service.js';
import {
  createTestEnv,
  makeTree,
  makeUser,
  makeVolunteer,
  PG_URL,
  plainActor,
  type TestEnv,
  type Tree,
  useClock,
} from '../support.js';
import { acceptHours } from './stars.fixtures.js';

describe.skipIf(!PG_URL)('star races on postgres', () => {
  let env: TestEnv;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv('postgres');
    tree = await makeTree(env.deps, '星级竞争区');
  });
  afterAll(() => env.close());
  useClock(() => env);

  const promotionsOf = (userId: string) =>
    env.deps.db.selectFrom('star_promotions').selectAll().where('user_id', '=', userId).orderBy('level').execute();

  it('two objections by the same person at once: one is taken, the other answers STAR_OBJECTION_TWICE', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA);
    await acceptHours(env.deps, tree.communityA, vol.id, 100);
    await runStarJobs(env.deps);
    const [p] = await promotionsOf(vol.id);
    const resident = plainActor((await makeUser(env.deps, { home: tree.communityA })).id);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => svc.objectStarPublicity(env.deps, resident, p!.id, { reason: `异议${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r.reason as AppError).code).toBe('STAR_OBJECTION_TWICE');
    }
    const rows = await env.deps.db
      .selectFrom('star_objections')
      .select('id')
      .where('promotion_id', '=', p!.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('the job run twice at once makes one effective promotion and one next-level publicity', async () => {
    const vol = await makeVolunteer(env.deps, tree.communityA);
    await acceptHours(env.deps, tree.communityA, vol.id, 320);
    await runStarJobs(env.deps);
    env.clock.set(new Date('2026-12-03T02:00:00.000Z'));
    const counts = await Promise.all([settleEndedPublicity(env.deps), settleEndedPublicity(env.deps)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect((await promotionsOf(vol.id)).map((p) => [p.level, p.status])).toEqual([
      [1, 'effective'],
      [2, 'in_publicity'],
    ]);
    const effectiveAudits = await env.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'star.effective')
      .where('details', 'like', `%${vol.id}%`)
      .execute();
    expect(effectiveAudits).toHaveLength(1);
  });
});
