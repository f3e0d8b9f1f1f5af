// Conversion races on PostgreSQL: identical "turn into a need" (or project) requests sent at once write one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as svc from '../../src/server/modules/suggestions/suggestions.service.js';
import { actorOf, createTestEnv, makeUser, PG_URL, type TestEnv, useClock } from '../support.js';
import { makeWorld, type World } from '../projects/projects.fixtures.js';

describe.skipIf(!PG_URL)('suggestion conversion races on postgres', () => {
  let env: TestEnv;
  let w: World;

  beforeAll(async () => {
    env = await createTestEnv('postgres');
    w = await makeWorld(env, '意见竞争区');
  });
  afterAll(() => env.close());
  useClock(() => env);

  async function suggestion() {
    const u = await makeUser(env.deps, { home: w.tree.communityA, realName: '周大爷' });
    const s = await svc.createSuggestion(env.deps, await actorOf(env.deps, u), {
      category: '养老助老',
      content: '希望社区组织上门理发',
      anonymous: false,
    });
    return { user: u, s };
  }

  it('answers 6 identical to-need requests at once with one need', async () => {
    const { user, s } = await suggestion();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        svc.suggestionToNeed(env.deps, w.adminActor, s.id, { idempotencyKey: 'race-need-key-1', category: 'errand' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('fulfilled'));
    const needIds = results.map((r) => (r as PromiseFulfilledResult<{ needId: string | null }>).value.needId);
    expect(new Set(needIds).size).toBe(1);
    expect(needIds[0]).not.toBeNull();
    const needs = await env.deps.db.selectFrom('needs').select('id').where('requester_user_id', '=', user.id).execute();
    expect(needs).toEqual([{ id: needIds[0] }]);
  });

  it('answers 6 identical to-project requests at once with one project', async () => {
    const { s } = await suggestion();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        svc.suggestionToProject(env.deps, w.adminActor, s.id, {
          idempotencyKey: 'race-project-key',
          title: '上门理发',
          budgetFen: 0,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('fulfilled'));
    const projects = await env.deps.db.selectFrom('projects').select('id').where('suggestion_id', '=', s.id).execute();
    expect(projects).toHaveLength(1);
    expect(
      new Set(results.map((r) => (r as PromiseFulfilledResult<{ projectId: string | null }>).value.projectId)),
    ).toEqual(new Set([projects[0]!.id]));
  });
});
