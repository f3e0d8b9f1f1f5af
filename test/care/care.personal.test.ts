// A person's own copy of the care registry's data (PIPL access): the care record about them (registered with their
// phone, so linked to their account) in clear, with the visits made to them; a visitor's copy holds the visits they
// logged. Staff bookkeeping (who registered, alert days) and blind indexes are left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, makeVolunteer, type TestEnv } from '../support.js';
import {
  assignCareVisitor,
  carePersonalDataOf,
  createCareSubject,
  logCareVisit,
} from '../../src/server/modules/care/index.js';

describe.each(DIALECTS)('care personal data on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => {
    await env.close();
  });

  it('gives the person their record and visits, and the visitor the visits they logged', async () => {
    const tree = await makeTree(env.deps);
    const staff = await actorOf(env.deps, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    const person = await makeUser(env.deps, { home: tree.communityA });
    const vol = await makeVolunteer(env.deps, tree.communityA);
    const s = await createCareSubject(env.deps, staff, {
      nodeId: tree.gridA.id,
      name: '赵桂芳',
      phone: person.phone,
      address: '甲社区 1 栋 101',
      categories: ['empty_nest'],
      tier: 'important',
    });
    expect(s.hasAccount).toBe(true);
    await assignCareVisitor(env.deps, staff, s.id, { phone: vol.phone });
    await logCareVisit(env.deps, vol.actor, s.id, { findings: '身体硬朗', outcome: 'well', emergency: false });

    const mine = Object.fromEntries(
      (await carePersonalDataOf(env.deps, env.deps.db, person.id)).map((x) => [x.key, x.rows]),
    );
    expect(mine['care.records']!.map((r) => [r.name, r.phone, r.address, r.tier])).toEqual([
      ['赵桂芳', person.phone, '甲社区 1 栋 101', 'important'],
    ]);
    expect(mine['care.records']![0]).not.toHaveProperty('phoneIndex');
    expect(mine['care.records']![0]).not.toHaveProperty('createdBy');
    expect(mine['care.visitsAboutMe']!.map((r) => r.findings)).toEqual(['身体硬朗']);
    expect(mine['care.visitsLogged']).toEqual([]);

    const visitor = Object.fromEntries(
      (await carePersonalDataOf(env.deps, env.deps.db, vol.id)).map((x) => [x.key, x.rows]),
    );
    expect(visitor['care.records']).toEqual([]);
    expect(visitor['care.visitsLogged']!.map((r) => r.findings)).toEqual(['身体硬朗']);
  });
});
