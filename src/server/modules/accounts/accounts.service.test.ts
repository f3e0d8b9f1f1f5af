import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  nextPhone,
  PASSWORD,
  type TestEnv,
  type Tree,
} from '../../../../test/support.js';
import { idCheckDigit } from '../../platform/privacy.js';
import * as accounts from './accounts.service.js';
import * as people from './people.service.js';

describe.each(DIALECTS)('accounts service on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
  });
  afterAll(() => env.close());

  it('registers a resident in a community, storing the phone only encrypted', async () => {
    const phone = nextPhone();
    const s = await accounts.register(env.deps, {
      phone,
      password: PASSWORD,
      displayName: '小王',
      communityId: tree.communityA.id,
    });
    expect(s.me).toMatchObject({
      displayName: '小王',
      homeNodeName: '甲社区',
      roles: [],
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
    });
    const raw = await env.deps.db.selectFrom('users').selectAll().where('id', '=', s.me.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(phone);
    expect(raw.password_hash).toMatch(/^\$argon2id\$/);
    const auth = await accounts.authenticate(env.deps, s.token, null);
    expect(auth?.actor.userId).toBe(s.me.id);
  });

  it('refuses a phone registered twice, even when both arrive at once', async () => {
    const phone = nextPhone();
    const results = await Promise.allSettled([
      accounts.register(env.deps, { phone, password: PASSWORD, displayName: 'a' }),
      accounts.register(env.deps, { phone, password: PASSWORD, displayName: 'b' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'PHONE_TAKEN' });
  });

  it('refuses registration into a grid-less or unknown community', async () => {
    await expect(
      accounts.register(env.deps, {
        phone: nextPhone(),
        password: PASSWORD,
        displayName: 'x',
        communityId: tree.streetA.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('delays an account after 5 wrong passwords (1 minute, then longer), then lets it in', async () => {
    const u = await makeUser(env.deps);
    for (let i = 0; i < 5; i++) {
      await expect(accounts.login(env.deps, { phone: u.phone, password: 'wrong-1234' })).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    await expect(accounts.login(env.deps, { phone: u.phone, password: 'wrong-1234' })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      params: { minutes: 1 },
    });
    // Even the right password is refused during the delay (progressive delays: accounts.lockout.test.ts).
    await expect(accounts.login(env.deps, { phone: u.phone, password: PASSWORD })).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      params: { minutes: 1 },
    });
    env.clock.advance(60_000);
    const s = await accounts.login(env.deps, { phone: u.phone, password: PASSWORD });
    expect(s.me.id).toBe(u.id);
  });

  it('answers an unknown phone exactly like a wrong password', async () => {
    await expect(accounts.login(env.deps, { phone: nextPhone(), password: PASSWORD })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('expires idle sessions and ends them on logout', async () => {
    const u = await makeUser(env.deps);
    const s = await accounts.login(env.deps, { phone: u.phone, password: PASSWORD });
    env.clock.advance(6 * 24 * 3600_000);
    expect(await accounts.authenticate(env.deps, s.token, null)).not.toBeNull();
    env.clock.advance(6 * 24 * 3600_000);
    // Still alive: the last use slid the expiry forward.
    const a = await accounts.authenticate(env.deps, s.token, null);
    expect(a).not.toBeNull();
    env.clock.advance(8 * 24 * 3600_000);
    expect(await accounts.authenticate(env.deps, s.token, null)).toBeNull();
    const s2 = await accounts.login(env.deps, { phone: u.phone, password: PASSWORD });
    await accounts.logout(env.deps, (await accounts.authenticate(env.deps, s2.token, null))!.sessionId);
    expect(await accounts.authenticate(env.deps, s2.token, null)).toBeNull();
  });

  it('ends even an active session 30 days after sign-in', async () => {
    const u = await makeUser(env.deps);
    const s = await accounts.login(env.deps, { phone: u.phone, password: PASSWORD });
    for (let day = 0; day < 29; day += 2) {
      env.clock.advance(2 * 24 * 3600_000);
      expect(await accounts.authenticate(env.deps, s.token, null)).not.toBeNull();
    }
    env.clock.advance(2 * 24 * 3600_000);
    expect(await accounts.authenticate(env.deps, s.token, null)).toBeNull();
  });

  it('refuses a common password or one containing the phone number, and takes a long passphrase', async () => {
    const phone = nextPhone();
    for (const [password, message] of [
      ['Password1', '这个密码太常见，容易被猜到，请换一个'],
      ['woaini1314', '这个密码太常见，容易被猜到，请换一个'],
      [`a${phone}`, '密码不能包含手机号'],
    ] as const) {
      await expect(accounts.register(env.deps, { phone, password, displayName: '小李' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'password', message: message === '密码不能包含手机号' ? 'v.passwordPhone' : 'v.passwordCommon' },
        ],
      });
    }
    expect(await env.deps.db.selectFrom('users').select('id').where('display_name', '=', '小李').execute()).toEqual([]);
    const s = await accounts.register(env.deps, {
      phone,
      password: '我家住在三号楼二单元门口有棵桂花树',
      displayName: '小李',
    });
    const actor = (await accounts.authenticate(env.deps, s.token, null))!.actor;
    await expect(
      accounts.changePassword(env.deps, actor, null, {
        currentPassword: '我家住在三号楼二单元门口有棵桂花树',
        newPassword: 'qwerty123',
      }),
    ).rejects.toMatchObject({ details: [{ field: 'newPassword', message: 'v.passwordCommon' }] });
  });

  it('changes the password, checking the current one and ending other sessions', async () => {
    const u = await makeUser(env.deps);
    const a = await accounts.login(env.deps, { phone: u.phone, password: PASSWORD });
    const b = await accounts.login(env.deps, { phone: u.phone, password: PASSWORD });
    const authA = (await accounts.authenticate(env.deps, a.token, null))!;
    await expect(
      accounts.changePassword(env.deps, authA.actor, authA.sessionId, {
        currentPassword: 'nope-1234',
        newPassword: 'NewPass123',
      }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(
      accounts.changePassword(env.deps, authA.actor, authA.sessionId, {
        currentPassword: PASSWORD,
        newPassword: PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_REUSED' });
    await accounts.changePassword(env.deps, authA.actor, authA.sessionId, {
      currentPassword: PASSWORD,
      newPassword: 'NewPass123',
    });
    expect(await accounts.authenticate(env.deps, a.token, null)).not.toBeNull();
    expect(await accounts.authenticate(env.deps, b.token, null)).toBeNull();
    await expect(accounts.login(env.deps, { phone: u.phone, password: PASSWORD })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await accounts.login(env.deps, { phone: u.phone, password: 'NewPass123' });
  });

  it('stores real name and ID number encrypted, showing only masks', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const actor = await actorOf(env.deps, u);
    const id = `42010219800101123${idCheckDigit('42010219800101123')}`;
    const me = await accounts.updateMe(env.deps, actor, {
      realName: '张小华',
      idNumber: id,
      elderMode: true,
      locale: 'en',
    });
    expect(me).toMatchObject({
      realNameMasked: '张*华',
      idNumberMasked: `420***********${id.slice(-4)}`,
      elderMode: true,
      locale: 'en',
    });
    const raw = await env.deps.db.selectFrom('users').selectAll().where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain('张小华');
    expect(JSON.stringify(raw)).not.toContain(id);
    expect(env.deps.cipher.decrypt(raw.id_number_enc!)).toBe(id);
    const cleared = await accounts.updateMe(env.deps, actor, { realName: null, idNumber: null });
    expect(cleared.realNameMasked).toBeNull();
  });
});

describe.each(DIALECTS)('people and roles on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
  });
  afterAll(() => env.close());

  it('lists only people living or serving in the admin’s community, masked', async () => {
    const adminA = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const inA = await makeUser(env.deps, { home: tree.communityA, displayName: '甲居民', realName: '李四光' });
    const inB = await makeUser(env.deps, { home: tree.communityB, displayName: '乙居民' });
    const servesA = await makeUser(env.deps, { home: tree.communityB, role: 'volunteer', roleNode: tree.communityA });
    const page = await people.listPeople(env.deps, adminA, { limit: 100 });
    const ids = page.items.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([inA.id, servesA.id]));
    expect(ids).not.toContain(inB.id);
    const a = page.items.find((p) => p.id === inA.id)!;
    expect(a).toMatchObject({ realNameMasked: '李*光', homeNodeName: '甲社区' });
    expect(a.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await people.listPeople(env.deps, adminA, { q: inA.phone })).items.map((p) => p.id)).toEqual([inA.id]);
    expect((await people.listPeople(env.deps, adminA, { q: '甲居' })).items.map((p) => p.id)).toEqual([inA.id]);
    expect((await people.listPeople(env.deps, adminA, { role: 'volunteer' })).items.map((p) => p.id)).toEqual([
      servesA.id,
    ]);
    await expect(people.getPerson(env.deps, adminA, inB.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { entity: 'person' },
    });
    await expect(people.getPerson(env.deps, adminA, 'missing')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      params: { entity: 'person' },
    });
  });

  it('reveals personal data only in scope, and logs every reveal', async () => {
    const adminA = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const gridWorker = await actorOf(env.deps, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
    const u = await makeUser(env.deps, { home: tree.communityA, realName: '王小明' });
    const shown = await people.revealPerson(env.deps, adminA, u.id);
    expect(shown).toMatchObject({ phone: u.phone, realName: '王小明' });
    const log = await env.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'person.reveal')
      .where('target_id', '=', u.id)
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.actor_id).toBe(adminA.userId);
    await expect(people.revealPerson(env.deps, gridWorker, u.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('grants and revokes roles within rank and scope', async () => {
    const adminA = await actorOf(
      env.deps,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }),
    );
    const u = await makeUser(env.deps, { home: tree.communityA });
    const ra = await people.grantRole(env.deps, adminA, { userId: u.id, role: 'grid_worker', nodeId: tree.gridA.id });
    expect(ra).toMatchObject({ role: 'grid_worker', nodeName: '甲一网格' });
    await expect(
      people.grantRole(env.deps, adminA, { userId: u.id, role: 'grid_worker', nodeId: tree.gridA.id }),
    ).rejects.toMatchObject({
      code: 'ROLE_ALREADY_HELD',
    });
    await expect(
      people.grantRole(env.deps, adminA, { userId: u.id, role: 'grid_worker', nodeId: tree.communityA.id }),
    ).rejects.toMatchObject({
      code: 'ROLE_NODE_KIND',
    });
    await expect(
      people.grantRole(env.deps, adminA, { userId: u.id, role: 'community_admin', nodeId: tree.communityA.id }),
    ).rejects.toMatchObject({
      code: 'ROLE_NOT_GRANTABLE',
    });
    await expect(
      people.grantRole(env.deps, adminA, { userId: u.id, role: 'volunteer', nodeId: tree.communityB.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The new role takes effect at the next request.
    const worker = await actorOf(env.deps, u);
    expect(worker.roles.map((r) => r.role)).toEqual(['grid_worker']);
    await people.revokeRole(env.deps, adminA, ra.id);
    expect((await actorOf(env.deps, u)).roles).toEqual([]);
    await expect(people.revokeRole(env.deps, adminA, ra.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const actions = await env.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', u.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['role.grant', 'role.revoke']);
  });

  it('lets a street admin appoint community admins, but no one revoke their own admin role', async () => {
    const streetA = await actorOf(env.deps, await makeUser(env.deps, { role: 'street_admin', roleNode: tree.streetA }));
    const u = await makeUser(env.deps);
    const ra = await people.grantRole(env.deps, streetA, {
      userId: u.id,
      role: 'community_admin',
      nodeId: tree.communityA2.id,
    });
    const newAdmin = await actorOf(env.deps, u);
    await expect(people.revokeRole(env.deps, newAdmin, ra.id)).rejects.toMatchObject({ code: 'ROLE_SELF_REVOKE' });
    await people.revokeRole(env.deps, streetA, ra.id);
  });
});
