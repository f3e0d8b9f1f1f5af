// Claim races on PostgreSQL (SQLite runs one writer at a time, so there these would prove only the serial logic):
// eight identical claims at once leave one live claim; two approvals of rival claims at once approve one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as claims from '../../src/server/modules/projects/claims.service.js';
import * as projects from '../../src/server/modules/projects/projects.service.js';
import { actorOf, createTestEnv, PG_URL, type TestEnv, useClock } from '../support.js';
import { makeWorld, type World } from './projects.fixtures.js';

describe.skipIf(!PG_URL)('project claim races on postgres', () => {
  let env: TestEnv;
  let w: World;

  beforeAll(async () => {
    env = await createTestEnv('postgres');
    w = await makeWorld(env);
  });
  afterAll(() => env.close());
  useClock(() => env);

  const published = () =>
    projects.createProject(env.deps, w.adminActor, {
      communityId: w.tree.communityA.id,
      title: '抢认领',
      description: '',
      budgetFen: 0,
      needIds: [],
      resourceIds: [],
      publish: true,
    });

  it('answers 8 identical claims sent at once with the one live claim', async () => {
    const p = await published();
    const actor = await actorOf(env.deps, w.contact1);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        claims.claimProject(env.deps, actor, p.id, { partnerUnitId: w.unit1, plan: '同一个计划' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('fulfilled'));
    const ids = results.map((r) => (r as PromiseFulfilledResult<{ id: string }>).value.id);
    expect(new Set(ids).size).toBe(1);
    const rows = await env.deps.db
      .selectFrom('project_claims')
      .select(['id', 'status'])
      .where('project_id', '=', p.id)
      .execute();
    expect(rows).toEqual([{ id: ids[0], status: 'pending' }]);
    const audits = await env.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'project.claim')
      .where('target_id', '=', ids[0]!)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('approves one of two rival claims reviewed at once; the other is refused and ends rejected', async () => {
    const p = await published();
    const k1 = await claims.claimProject(env.deps, await actorOf(env.deps, w.contact1), p.id, {
      partnerUnitId: w.unit1,
      plan: '计划一',
    });
    const k2 = await claims.claimProject(env.deps, await actorOf(env.deps, w.contact2), p.id, {
      partnerUnitId: w.unit2,
      plan: '计划二',
    });
    const results = await Promise.allSettled(
      [k1, k2].map((k) => claims.reviewClaim(env.deps, w.adminActor, k.id, { decision: 'approve' })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(['CLAIM_STATE']);
    const rows = await env.deps.db
      .selectFrom('project_claims')
      .select(['id', 'status'])
      .where('project_id', '=', p.id)
      .orderBy('status')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['approved', 'rejected']);
    const approved = rows.find((r) => r.status === 'approved')!;
    expect(approved.id).toBe(won[0]!.value.id);
    const after = await env.deps.db
      .selectFrom('projects')
      .select(['status', 'claim_id'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'claimed', claim_id: approved.id });
  });
});
