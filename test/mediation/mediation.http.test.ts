// HTTP tests of mediation (调解): the privacy matrix (every case endpoint × everyone who is not a party, an assigned
// mediator or the community's lead → 404; 401 without a session), the private threads, the state graph through the
// API, the anonymous statistics with small counts hidden, and the read log.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon,
  type Client,
  clientFor,
  CLOCK_START,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  nextPhone,
  type TestEnv,
  testApp,
  type TestUser,
  type Tree,
  useClock,
} from '../support.js';
import type {
  MediationCase,
  MediationCasePage,
  MediationMessage,
  MediationMessageList,
  MediationStats,
} from '../../src/server/modules/mediation/mediation.schemas.js';

describe.each(DIALECTS)('mediation API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let lead: Client;
  let med1: Client;
  let med1User: TestUser;
  let med2: Client;
  let med2User: TestUser;
  let applicant: Client;
  let applicantUser: TestUser;
  let respondent: Client;
  let respondentUser: TestUser;
  /** Every role that must not see the case (besides no session at all). */
  let outsiders: Array<[string, Client]>;
  let streetAdmin: Client;
  let caseId: string;
  let applicantParty: string;
  let respondentParty: string;

  const openBody = (other: string, over: Record<string, unknown> = {}) => ({
    type: 'renovation_noise',
    description: '楼上装修从早上七点开始电钻，持续两个月，沟通无果。',
    otherParties: [{ name: '李建国', phone: other }],
    ...over,
  });

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    const client = async (opts: Parameters<typeof makeUser>[1]) => {
      const u = await makeUser(env.deps, opts);
      return { u, c: await clientFor(app, u) };
    };
    lead = (await client({ role: 'mediation_lead', roleNode: tree.communityA })).c;
    ({ u: med1User, c: med1 } = await client({ role: 'mediator', roleNode: tree.communityA }));
    ({ u: med2User, c: med2 } = await client({ role: 'mediator', roleNode: tree.communityA }));
    ({ u: applicantUser, c: applicant } = await client({ home: tree.communityA, realName: '张桂华' }));
    ({ u: respondentUser, c: respondent } = await client({ home: tree.communityA, realName: '李建国' }));
    streetAdmin = (await client({ role: 'street_admin', roleNode: tree.streetA })).c;
    outsiders = [
      ['resident non-party', (await client({ home: tree.communityA })).c],
      ['community admin', (await client({ role: 'community_admin', roleNode: tree.communityA })).c],
      ['grid worker', (await client({ role: 'grid_worker', roleNode: tree.gridA })).c],
      ['social worker', (await client({ role: 'social_worker', roleNode: tree.communityA })).c],
      ['mediator not assigned', med2],
      ['street admin', streetAdmin],
      ['district admin', (await client({ role: 'district_admin', roleNode: tree.district })).c],
      ['lead of another community', (await client({ role: 'mediation_lead', roleNode: tree.communityB })).c],
      ['mediator of another community', (await client({ role: 'mediator', roleNode: tree.communityB })).c],
      ['admin of another street', (await client({ role: 'street_admin', roleNode: tree.streetB })).c],
      [
        'admin of another district',
        (await client({ role: 'district_admin', roleNode: (await makeTree(env.deps, '乙区')).district })).c,
      ],
    ];

    // A case in mediation: opened by the applicant against the respondent (found by phone) and a neighbour without
    // an account; the lead assigns mediator 1, who records a session; each party wrote in their thread.
    const opened = await applicant.request(
      'POST',
      '/api/v1/mediation/cases',
      openBody(respondentUser.phone, {
        otherParties: [
          { name: '李建国', phone: respondentUser.phone },
          { name: '王五', phone: nextPhone() },
        ],
      }),
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json<MediationCase>();
    caseId = c.id;
    applicantParty = c.myPartyId!;
    respondentParty = c.parties.find((p) => p.name === '李*国')!.id;
    expect(
      (await lead.request('POST', `/api/v1/mediation/cases/${caseId}/mediators`, { mediatorIds: [med1User.id] }))
        .statusCode,
    ).toBe(200);
    const session = await med1.request('POST', `/api/v1/mediation/cases/${caseId}/sessions`, {
      heldAt: '2026-11-24T07:00:00.000Z',
      mode: 'offline',
      place: '社区调解室',
      attendees: '双方当事人、调解员',
      notes: '双方同意装修时间调整为上午九点至下午五点。',
    });
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json<MediationCase>().status).toBe('in_mediation');
    expect(
      (await applicant.request('POST', `/api/v1/mediation/cases/${caseId}/messages`, { body: '申请人的私密陈述' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await respondent.request('POST', `/api/v1/mediation/cases/${caseId}/messages`, { body: '被申请人的私密陈述' }))
        .statusCode,
    ).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  /** Every case endpoint with a valid request, so only the privacy check can refuse it. */
  const endpoints = (): Array<[string, string, unknown]> => [
    ['GET', `/api/v1/mediation/cases/${caseId}`, undefined],
    ['POST', `/api/v1/mediation/cases/${caseId}/mediators`, { mediatorIds: [med2User.id] }],
    ['GET', `/api/v1/mediation/cases/${caseId}/mediator-candidates`, undefined],
    ['POST', `/api/v1/mediation/cases/${caseId}/messages`, { partyId: applicantParty, body: '你好' }],
    ['GET', `/api/v1/mediation/cases/${caseId}/messages`, undefined],
    ['GET', `/api/v1/mediation/cases/${caseId}/messages?partyId=${applicantParty}`, undefined],
    [
      'POST',
      `/api/v1/mediation/cases/${caseId}/sessions`,
      { heldAt: '2026-11-24T07:00:00Z', mode: 'online', place: '微信视频', attendees: '调解员', notes: '电话回访' },
    ],
    ['POST', `/api/v1/mediation/cases/${caseId}/close`, { outcome: 'failed' }],
    ['POST', `/api/v1/mediation/cases/${caseId}/withdraw`, undefined],
  ];

  it('answers 401 to every mediation endpoint without a session', async () => {
    for (const [method, url, body] of [
      ...endpoints(),
      ['POST', '/api/v1/mediation/cases', openBody(nextPhone())] as [string, string, unknown],
      ['GET', '/api/v1/mediation/cases', undefined] as [string, string, unknown],
      ['GET', '/api/v1/mediation/my-cases', undefined] as [string, string, unknown],
      ['GET', '/api/v1/mediation/stats', undefined] as [string, string, unknown],
    ]) {
      const res = await anon(app, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('answers 404 to every case endpoint for everyone who is not a party, an assigned mediator or the lead', async () => {
    const before = await env.deps.db.selectFrom('audit_events').select('id').where('target_id', '=', caseId).execute();
    for (const [who, c] of outsiders)
      for (const [method, url, body] of endpoints()) {
        const res = await c.request(method, url, body);
        expect(res.statusCode, `${who}: ${method} ${url}`).toBe(404);
        expect(res.json<{ code: string; message: string }>()).toMatchObject({
          code: 'NOT_FOUND',
          message: '调解案件不存在',
        });
      }
    // Nothing changed and nothing was read: no audit entry about the case.
    const after = await env.deps.db.selectFrom('audit_events').select('id').where('target_id', '=', caseId).execute();
    expect(after.length).toBe(before.length);
    const c = (await lead.request('GET', `/api/v1/mediation/cases/${caseId}`)).json<MediationCase>();
    expect(c.status).toBe('in_mediation');
    expect(c.mediators.map((m) => m.userId)).toEqual([med1User.id]);
  });

  it('lists the case to none of them either', async () => {
    for (const [who, c] of outsiders)
      for (const url of ['/api/v1/mediation/cases', '/api/v1/mediation/my-cases']) {
        const res = await c.request('GET', url);
        expect(res.statusCode, `${who} ${url}`).toBe(200);
        expect(
          res
            .json<MediationCasePage>()
            .items.map((i) => i.id)
            .includes(caseId),
          `${who} ${url}`,
        ).toBe(false);
      }
    for (const [c, url] of [
      [lead, '/api/v1/mediation/cases'],
      [med1, '/api/v1/mediation/cases'],
      [applicant, '/api/v1/mediation/my-cases'],
      [respondent, '/api/v1/mediation/my-cases'],
    ] as const) {
      const ids = (await c.request('GET', url)).json<MediationCasePage>().items.map((i) => i.id);
      expect(ids, url).toContain(caseId);
    }
  });

  it('shows the case to the parties (no sessions, no phones), the assigned mediator and the lead', async () => {
    for (const c of [applicant, respondent]) {
      const res = await c.request('GET', `/api/v1/mediation/cases/${caseId}`);
      expect(res.statusCode).toBe(200);
      const v = res.json<MediationCase>();
      expect(v.isParty).toBe(true);
      expect(v.sessions).toEqual([]);
      expect(v.parties.every((p) => p.phoneMasked === null && p.hasAccount === null)).toBe(true);
      expect(v.parties.map((p) => p.name)).toEqual(['张*华', '李*国', '王*']);
    }
    for (const c of [med1, lead]) {
      const v = (await c.request('GET', `/api/v1/mediation/cases/${caseId}`)).json<MediationCase>();
      expect(v.sessions.map((s) => s.place)).toEqual(['社区调解室']);
      expect(v.parties.map((p) => p.hasAccount)).toEqual([true, true, false]);
      expect(v.parties[0]!.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    // The respondent was found by phone: the case is theirs to read, with their own thread.
    const r = (await respondent.request('GET', `/api/v1/mediation/cases/${caseId}`)).json<MediationCase>();
    expect(r.myPartyId).toBe(respondentParty);
  });

  it('keeps each party to their own thread; mediators and the lead read every thread', async () => {
    const mine = (
      await respondent.request('GET', `/api/v1/mediation/cases/${caseId}/messages`)
    ).json<MediationMessageList>();
    // Their own thread only (a mediator's answer to them may be there too, when that test ran first).
    expect(mine.items.map((m) => m.body)).toContain('被申请人的私密陈述');
    expect(mine.items.map((m) => m.body)).not.toContain('申请人的私密陈述');
    expect(mine.items.every((m) => m.partyId === respondentParty)).toBe(true);
    // The other party's thread: not found, for reading and for writing.
    expect(
      (await respondent.request('GET', `/api/v1/mediation/cases/${caseId}/messages?partyId=${applicantParty}`))
        .statusCode,
    ).toBe(404);
    const intrude = await respondent.request('POST', `/api/v1/mediation/cases/${caseId}/messages`, {
      partyId: applicantParty,
      body: '我想看看他说了什么',
    });
    expect(intrude.statusCode).toBe(404);
    expect(intrude.json<{ message: string }>().message).toBe('当事人不存在');
    for (const c of [med1, lead]) {
      const all = (await c.request('GET', `/api/v1/mediation/cases/${caseId}/messages`)).json<MediationMessageList>();
      expect(all.items.map((m) => m.body)).toEqual(expect.arrayContaining(['申请人的私密陈述', '被申请人的私密陈述']));
      const one = (
        await c.request('GET', `/api/v1/mediation/cases/${caseId}/messages?partyId=${respondentParty}`)
      ).json<MediationMessageList>();
      expect(one.items.every((m) => m.partyId === respondentParty)).toBe(true);
    }
  });

  it('lets an assigned mediator answer one party; the lead reads but does not write', async () => {
    const reply = await med1.request('POST', `/api/v1/mediation/cases/${caseId}/messages`, {
      partyId: respondentParty,
      body: '李先生您好，我们约个时间面谈。',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json<MediationMessage>()).toMatchObject({ authorRole: 'mediator', partyId: respondentParty });
    const seen = (
      await respondent.request('GET', `/api/v1/mediation/cases/${caseId}/messages`)
    ).json<MediationMessageList>();
    expect(seen.items.map((m) => m.body)).toContain('李先生您好，我们约个时间面谈。');
    const other = (
      await applicant.request('GET', `/api/v1/mediation/cases/${caseId}/messages`)
    ).json<MediationMessageList>();
    expect(other.items.map((m) => m.body)).not.toContain('李先生您好，我们约个时间面谈。');
    // A mediator must say whose thread.
    const noThread = await med1.request('POST', `/api/v1/mediation/cases/${caseId}/messages`, { body: '大家好' });
    expect(noThread.statusCode).toBe(400);
    expect(
      (
        await lead.request('POST', `/api/v1/mediation/cases/${caseId}/messages`, {
          partyId: respondentParty,
          body: '负责人插话',
        })
      ).statusCode,
    ).toBe(404);
    // Parties cannot do the mediators' work.
    for (const [method, url, body] of endpoints().filter(([, u]) => /mediators|sessions|close|candidates/.test(u)))
      expect((await applicant.request(method, url, body)).statusCode, url).toBe(404);
  });

  it('logs every read of a case, a thread and a list', async () => {
    const count = async (action: string) =>
      (
        await env.deps.db
          .selectFrom('audit_events')
          .select('id')
          .where('target_id', '=', caseId)
          .where('action', '=', action)
          .execute()
      ).length;
    const reads = await count('mediation.case_read');
    const threads = await count('mediation.thread_read');
    const listed = await count('mediation.case_listed');
    await med1.request('GET', `/api/v1/mediation/cases/${caseId}`);
    await applicant.request('GET', `/api/v1/mediation/cases/${caseId}`);
    await respondent.request('GET', `/api/v1/mediation/cases/${caseId}/messages`);
    await lead.request('GET', '/api/v1/mediation/cases');
    expect(await count('mediation.case_read')).toBe(reads + 2);
    expect(await count('mediation.thread_read')).toBe(threads + 1);
    expect(await count('mediation.case_listed')).toBe(listed + 1);
    const last = await env.deps.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('target_id', '=', caseId)
      .where('action', '=', 'mediation.case_read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.actor_id).toBe(applicantUser.id);
    expect(JSON.parse(last.details)).toMatchObject({ as: ['party'], sessions: 0 });
  });

  it('walks the state graph: withdraw only before assignment, close only in mediation, no messages after', async () => {
    const other = await makeUser(env.deps, { home: tree.communityA });
    const open = async () =>
      (await applicant.request('POST', '/api/v1/mediation/cases', openBody(other.phone))).json<MediationCase>();
    const a = await open();
    expect(a.status).toBe('opened');
    expect(a.canWithdraw).toBe(true);
    const early = await lead.request('POST', `/api/v1/mediation/cases/${a.id}/close`, { outcome: 'failed' });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toBe('该调解案件当前为“待分派调解员”，不能结案');
    const w = await applicant.request('POST', `/api/v1/mediation/cases/${a.id}/withdraw`);
    expect(w.json<MediationCase>().status).toBe('withdrawn');
    expect(
      (await applicant.request('POST', `/api/v1/mediation/cases/${a.id}/messages`, { body: '还在吗' })).statusCode,
    ).toBe(409);

    const b = await open();
    await lead.request('POST', `/api/v1/mediation/cases/${b.id}/mediators`, { mediatorIds: [med2User.id] });
    const late = await applicant.request('POST', `/api/v1/mediation/cases/${b.id}/withdraw`);
    expect(late.statusCode).toBe(409);
    const noTerms = await med2.request('POST', `/api/v1/mediation/cases/${b.id}/close`, { outcome: 'agreement' });
    expect(noTerms.statusCode).toBe(400);
    expect(noTerms.json<{ message: string }>().message).toContain('达成协议时请写明协议内容');
    // The mediator's first message starts the mediation; then an agreement closes it.
    const partyId = b.parties[0]!.id;
    await med2.request('POST', `/api/v1/mediation/cases/${b.id}/messages`, { partyId, body: '您好，我是调解员。' });
    const closed = await med2.request('POST', `/api/v1/mediation/cases/${b.id}/close`, {
      outcome: 'agreement',
      terms: '每日装修时间为 9:00—12:00、14:00—18:00，周末不施工。',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<MediationCase>().outcome).toMatchObject({ outcome: 'agreement' });
    const seen = (await applicant.request('GET', `/api/v1/mediation/cases/${b.id}`)).json<MediationCase>();
    expect(seen.outcome?.terms).toContain('周末不施工');
    expect(seen.canPost).toBe(false);
    for (const [c, body] of [
      [applicant, { body: '谢谢' }],
      [med2, { partyId, body: '不客气' }],
    ] as const)
      expect((await c.request('POST', `/api/v1/mediation/cases/${b.id}/messages`, body)).statusCode).toBe(409);
  });

  it('assigns only mediators of the community, never a party', async () => {
    const other = await makeUser(env.deps, { home: tree.communityA });
    const c = (await applicant.request('POST', '/api/v1/mediation/cases', openBody(other.phone))).json<MediationCase>();
    const candidates = (await lead.request('GET', `/api/v1/mediation/cases/${c.id}/mediator-candidates`)).json<{
      items: Array<{ userId: string }>;
    }>();
    expect(candidates.items.map((i) => i.userId).sort()).toEqual([med1User.id, med2User.id].sort());
    const bad = await lead.request('POST', `/api/v1/mediation/cases/${c.id}/mediators`, {
      mediatorIds: [applicantUser.id],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ code: string }>().code).toBe('MEDIATION_NOT_MEDIATOR');
  });

  it('refuses the other party being oneself, and a lead opening a case outside their community', async () => {
    const self = await applicant.request('POST', '/api/v1/mediation/cases', openBody(applicantUser.phone));
    expect(self.statusCode).toBe(422);
    const far = await lead.request('POST', '/api/v1/mediation/cases', {
      ...openBody(nextPhone()),
      communityId: tree.communityB.id,
      applicant: { name: '赵六', phone: nextPhone() },
    });
    expect(far.statusCode).toBe(404);
    const near = await lead.request('POST', '/api/v1/mediation/cases', {
      ...openBody(nextPhone()),
      communityId: tree.communityA.id,
      applicant: { name: '赵六', phone: nextPhone() },
    });
    expect(near.statusCode, near.body).toBe(201);
    const v = near.json<MediationCase>();
    expect(v.isParty).toBe(false);
    expect(v.isLead).toBe(true);
    expect(v.parties.map((p) => p.side)).toEqual(['applicant', 'respondent']);
  });

  it('lets a person open at most five cases a day', async () => {
    const someone = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    for (let i = 0; i < 5; i += 1)
      expect((await someone.request('POST', '/api/v1/mediation/cases', openBody(nextPhone()))).statusCode).toBe(201);
    const sixth = await someone.request('POST', '/api/v1/mediation/cases', openBody(nextPhone()));
    expect(sixth.statusCode).toBe(429);
    env.clock.set(new Date(Date.parse(CLOCK_START) + 25 * 3600_000));
    expect((await someone.request('POST', '/api/v1/mediation/cases', openBody(nextPhone()))).statusCode).toBe(201);
  });

  it('gives anonymous statistics to staff of the community and above, hiding counts below three', async () => {
    // Community A2: three parking disputes and one about pets, all withdrawn.
    const resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA2 }));
    for (const type of ['parking', 'parking', 'parking', 'pets']) {
      const c = (
        await resident.request('POST', '/api/v1/mediation/cases', { ...openBody(nextPhone()), type })
      ).json<MediationCase>();
      await resident.request('POST', `/api/v1/mediation/cases/${c.id}/withdraw`);
    }
    const res = await streetAdmin.request('GET', `/api/v1/mediation/stats?communityId=${tree.communityA2.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json<MediationStats>();
    expect(stats.to).toBe('2026-11');
    expect(stats.from).toBe('2025-12');
    expect(stats.cells).toEqual([
      { month: '2026-11', type: 'parking', outcome: 'withdrawn', count: 3 },
      { month: '2026-11', type: 'pets', outcome: 'withdrawn', count: null },
    ]);
    // Nothing that names a case or a person.
    expect(res.body).not.toMatch(/"id"|name|phone/i);
    const [, communityAdmin] = outsiders[1]!;
    expect((await communityAdmin.request('GET', '/api/v1/mediation/stats')).statusCode).toBe(200);
    for (const c of [applicant, med1, outsiders[2]![1]])
      expect((await c.request('GET', '/api/v1/mediation/stats')).statusCode).toBe(404);
    const [, adminB] = outsiders[9]!;
    expect((await adminB.request('GET', `/api/v1/mediation/stats?communityId=${tree.communityA2.id}`)).statusCode).toBe(
      404,
    );
  });
});
