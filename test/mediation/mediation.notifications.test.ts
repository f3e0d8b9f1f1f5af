// Mediation notices: the lead hears of a new case, mediators of their assignment, parties of each step and of the
// messages in their own thread (never of another party's), mediators of the parties' messages; no notice carries
// anything of the dispute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  nextPhone,
  type TestEnv,
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import * as mediation from '../../src/server/modules/mediation/mediation.service.js';
import { processNotificationEvents } from '../../src/server/modules/notifications/index.js';
import type { Actor } from '../../src/server/platform/permissions.js';

describe.each(DIALECTS)('mediation notices on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let lead: TestUser;
  let mediator: TestUser;
  let applicant: TestUser;
  let respondent: TestUser;
  const as: Record<string, Actor> = {};

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    lead = await makeUser(env.deps, { role: 'mediation_lead', roleNode: tree.communityA });
    mediator = await makeUser(env.deps, { role: 'mediator', roleNode: tree.communityA });
    applicant = await makeUser(env.deps, { home: tree.communityA });
    respondent = await makeUser(env.deps, { home: tree.communityA });
    for (const [k, u] of Object.entries({ lead, mediator, applicant, respondent })) as[k] = await actorOf(env.deps, u);
  });
  afterAll(async () => {
    await env.close();
  });
  useClock(() => env);

  const noticesOf = async (userId: string, caseId: string) => {
    await processNotificationEvents(env.deps);
    return env.deps.db
      .selectFrom('notices')
      .select(['kind', 'params', 'link'])
      .where('user_id', '=', userId)
      .where('ref_id', '=', caseId)
      .orderBy('id')
      .execute();
  };

  it('tells the lead, the mediator and the parties, each only what is theirs', async () => {
    const c = await mediation.openCase(env.deps, as.applicant!, {
      type: 'water_leak',
      description: '卫生间漏水到楼下，楼下邻居天花板发霉。',
      otherParties: [{ name: '周邻居', phone: respondent.phone }],
    });
    expect((await noticesOf(lead.id, c.id)).map((n) => n.kind)).toEqual(['queue_mediation']);

    await mediation.assignMediators(env.deps, as.lead!, c.id, { mediatorIds: [mediator.id] });
    expect((await noticesOf(mediator.id, c.id)).map((n) => n.kind)).toEqual(['mediation_assigned']);
    for (const u of [applicant, respondent])
      expect((await noticesOf(u.id, c.id)).map((n) => [n.kind, JSON.parse(n.params)])).toEqual([
        ['mediation_status', { mediation: 'assigned' }],
      ]);
    // The lead's queue notice is done once mediators are assigned.
    const queue = await env.deps.db
      .selectFrom('notices')
      .select('read_at')
      .where('user_id', '=', lead.id)
      .where('ref_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(queue.read_at).not.toBeNull();

    // A party writes: the mediator hears; a mediator answers the respondent: only the respondent hears.
    await mediation.postMessage(env.deps, as.applicant!, c.id, { body: '楼下说要我赔装修费' });
    expect((await noticesOf(mediator.id, c.id)).map((n) => n.kind)).toEqual([
      'mediation_assigned',
      'mediation_message',
    ]);
    const respondentParty = c.parties.find((p) => p.side === 'respondent')!.id;
    await mediation.postMessage(env.deps, as.mediator!, c.id, { partyId: respondentParty, body: '周先生您好' });
    const toRespondent = await noticesOf(respondent.id, c.id);
    expect(toRespondent.map((n) => [n.kind, n.link])).toEqual([
      ['mediation_status', `/mediation/${c.id}`],
      ['mediation_message', `/mediation/${c.id}`],
    ]);
    expect((await noticesOf(applicant.id, c.id)).map((n) => n.kind)).toEqual(['mediation_status']);

    await mediation.closeCase(env.deps, as.mediator!, c.id, { outcome: 'referred', referredTo: '物业服务中心' });
    for (const u of [applicant, respondent])
      expect((await noticesOf(u.id, c.id)).at(-1)).toMatchObject({
        kind: 'mediation_status',
        params: JSON.stringify({ mediation: 'referred' }),
      });
    // Nothing of the dispute in any notice.
    const all = await env.deps.db.selectFrom('notices').select('params').where('ref_id', '=', c.id).execute();
    expect(all.map((n) => n.params).join()).not.toMatch(/漏水|物业|周/);
  });

  it('tells nobody but the lead when a case is withdrawn before assignment', async () => {
    const c = await mediation.openCase(env.deps, as.applicant!, {
      type: 'pets',
      description: '邻居的狗夜里一直叫。',
      otherParties: [{ name: '吴某', phone: nextPhone() }],
    });
    await mediation.withdrawCase(env.deps, as.applicant!, c.id);
    expect(await noticesOf(applicant.id, c.id)).toEqual([]);
    expect(await noticesOf(mediator.id, c.id)).toEqual([]);
    const q = await env.deps.db
      .selectFrom('notices')
      .select(['kind', 'read_at'])
      .where('user_id', '=', lead.id)
      .where('ref_id', '=', c.id)
      .execute();
    expect(q.map((n) => n.kind)).toEqual(['queue_mediation']);
    expect(q[0]!.read_at).not.toBeNull();
  });
});
