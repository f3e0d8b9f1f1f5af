// A party's own copy of their mediation data (PIPL access): their party row with the name and phone as given, the
// cases they opened, and both sides of their own thread — never the other party's thread or the session notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, createTestEnv, DIALECTS, makeTree, makeUser, type TestEnv } from '../support.js';
import * as mediation from '../../src/server/modules/mediation/mediation.service.js';
import { mediationPersonalDataOf } from '../../src/server/modules/mediation/index.js';

describe.each(DIALECTS)('mediation personal data on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(async () => {
    await env.close();
  });

  it('gives each party their own part only', async () => {
    const tree = await makeTree(env.deps);
    const lead = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'mediation_lead', roleNode: tree.communityA }),
    );
    const medUser = await makeUser(env.deps, { role: 'mediator', roleNode: tree.communityA });
    const med = await actorOf(env.deps, medUser);
    const a = await makeUser(env.deps, { home: tree.communityA });
    const b = await makeUser(env.deps, { home: tree.communityA });
    const asA = await actorOf(env.deps, a);
    const asB = await actorOf(env.deps, b);
    const c = await mediation.openCase(env.deps, asA, {
      type: 'parking',
      description: '车位被长期占用。',
      otherParties: [{ name: '钱七', phone: b.phone }],
    });
    await mediation.assignMediators(env.deps, lead, c.id, { mediatorIds: [medUser.id] });
    await mediation.postMessage(env.deps, asA, c.id, { body: 'A 的私密陈述' });
    await mediation.postMessage(env.deps, asB, c.id, { body: 'B 的私密陈述' });
    const bParty = c.parties.find((p) => p.side === 'respondent')!.id;
    await mediation.postMessage(env.deps, med, c.id, { partyId: bParty, body: '给 B 的回复' });

    const ofB = await mediationPersonalDataOf(env.deps, env.deps.db, b.id);
    const byKey = Object.fromEntries(ofB.map((s) => [s.key, s.rows]));
    expect(byKey['mediation.parties']!.map((r) => [r.name, r.phone])).toEqual([['钱七', b.phone]]);
    expect(byKey['mediation.parties']![0]).not.toHaveProperty('phoneIndex');
    expect(byKey['mediation.cases']).toEqual([]);
    expect(byKey['mediation.messages']!.map((r) => r.body)).toEqual(['B 的私密陈述', '给 B 的回复']);
    const ofA = await mediationPersonalDataOf(env.deps, env.deps.db, a.id);
    const aKey = Object.fromEntries(ofA.map((s) => [s.key, s.rows]));
    expect(aKey['mediation.cases']!.map((r) => r.description)).toEqual(['车位被长期占用。']);
    expect(aKey['mediation.messages']!.map((r) => r.body)).toEqual(['A 的私密陈述']);
  });
});
