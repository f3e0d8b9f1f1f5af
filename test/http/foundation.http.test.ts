// HTTP tests via inject() for every foundation endpoint: success, bad input, no session, other scope.
// Every test gets an org tree and logged-in people of its own (beforeEach), so each passes alone and in any order.
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  nextPhone,
  PASSWORD,
  type TestEnv,
  testApp,
  type Tree,
  type TestUser,
  useClock,
} from '../support.js';

describe.each(DIALECTS)('foundation API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let district: Client;
  let resident: Client;
  let residentUser: TestUser;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  beforeEach(async () => {
    tree = await makeTree(env.deps);
    adminA = await clientFor(
      app,
      await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA, home: tree.communityA }),
    );
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    district = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
    residentUser = await makeUser(env.deps, { home: tree.communityA, displayName: '居民甲' });
    resident = await clientFor(app, residentUser);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  const countUsers = async () =>
    Number(
      (
        await env.deps.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('getHealth', () => {
    it('reports the database in use', async () => {
      const res = await anon(app, 'GET', '/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: dialect });
    });
  });

  describe('register', () => {
    it('creates the account, logs in and sets httpOnly SameSite cookies', async () => {
      const phone = nextPhone();
      const res = await anon(app, 'POST', '/api/v1/auth/register', {
        phone,
        password: 'Yanling2026x',
        displayName: '新居民',
        communityId: tree.communityA.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().user).toMatchObject({ displayName: '新居民', homeNodeName: '甲社区' });
      const sid = res.cookies.find((c) => c.name === 'linli_sid')!;
      expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const csrf = res.cookies.find((c) => c.name === 'linli_csrf')!;
      expect(csrf.httpOnly).toBeFalsy();
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { linli_sid: sid.value } });
      expect(me.json().displayName).toBe('新居民');
    });
    it('explains bad input in Chinese by default, field by field, writing nothing', async () => {
      const before = await countUsers();
      const res = await anon(app, 'POST', '/api/v1/auth/register', {
        phone: '12345',
        password: 'short',
        displayName: '',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        code: 'VALIDATION_FAILED',
        message:
          '请求参数不正确：手机号：请输入11位中国大陆手机号；密码：密码需为8至128位，且同时包含字母和数字（16位以上的长句密码不限）；称呼：称呼不能为空，且不超过20个字',
        details: [
          { field: 'phone', message: '请输入11位中国大陆手机号' },
          { field: 'password', message: '密码需为8至128位，且同时包含字母和数字（16位以上的长句密码不限）' },
          { field: 'displayName', message: '称呼不能为空，且不超过20个字' },
        ],
      });
      expect(await countUsers()).toBe(before);
    });
    it('explains bad input in English on request', async () => {
      const before = await countUsers();
      const en = await anon(
        app,
        'POST',
        '/api/v1/auth/register',
        { phone: '12345', password: 'Yanling2026x', displayName: 'x' },
        { 'accept-language': 'en-US,en;q=0.9' },
      );
      expect(en.statusCode).toBe(400);
      expect(en.json().message).toBe('Invalid request: phone: Enter an 11-digit mainland China mobile number');
      expect(await countUsers()).toBe(before);
    });
    it('refuses a taken phone with 409', async () => {
      const res = await anon(app, 'POST', '/api/v1/auth/register', {
        phone: residentUser.phone,
        password: 'Yanling2026x',
        displayName: 'x',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ code: 'PHONE_TAKEN', message: '该手机号已注册', details: null });
    });
    it('answers malformed JSON with a 400 in the error shape', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: '{"phone":',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    });
  });

  describe('login and logout', () => {
    it('logs in with phone and password', async () => {
      const res = await anon(app, 'POST', '/api/v1/auth/login', { phone: residentUser.phone, password: PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.id).toBe(residentUser.id);
      expect(res.json().token).toBeUndefined();
    });
    it('refuses a wrong password with 401 and the same message as an unknown phone', async () => {
      const wrong = await anon(app, 'POST', '/api/v1/auth/login', { phone: residentUser.phone, password: 'Nope12345' });
      const unknown = await anon(app, 'POST', '/api/v1/auth/login', { phone: nextPhone(), password: 'Nope12345' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '手机号或密码错误', details: null });
      expect(unknown.json()).toEqual(wrong.json());
    });
    it('delays after 5 free failures with 423 and the minutes to wait', async () => {
      const u = await makeUser(env.deps);
      for (let i = 0; i < 5; i++)
        await anon(app, 'POST', '/api/v1/auth/login', { phone: u.phone, password: 'Nope12345' });
      const res = await anon(app, 'POST', '/api/v1/auth/login', { phone: u.phone, password: 'Nope12345' });
      expect(res.statusCode).toBe(423);
      expect(res.json().message).toBe('密码错误次数过多，账号已锁定，请 1 分钟后再试');
    });
    it('gives app clients a bearer token that works without cookies or CSRF', async () => {
      const res = await anon(app, 'POST', '/api/v1/auth/login', {
        phone: residentUser.phone,
        password: PASSWORD,
        client: 'app',
      });
      const token = res.json().token as string;
      expect(res.cookies).toHaveLength(0);
      const patch = await app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { elderMode: true },
        headers: { authorization: `Bearer ${token}` },
      });
      expect(patch.statusCode).toBe(200);
      expect(patch.json().elderMode).toBe(true);
    });
    it('logs out and the cookie stops working', async () => {
      expect((await resident.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await resident.request('GET', '/api/v1/me')).statusCode).toBe(401);
    });
  });

  describe('getMe / updateMe / changePassword', () => {
    it('needs a session (401)', async () => {
      for (const [m, u] of [
        ['GET', '/api/v1/me'],
        ['PATCH', '/api/v1/me'],
        ['POST', '/api/v1/me/password'],
      ] as const) {
        const res = await anon(app, m, u, m === 'GET' ? undefined : {});
        expect([u, res.statusCode]).toEqual([u, 401]);
        expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录', details: null });
      }
    });
    it('returns one’s own profile', async () => {
      const me = await resident.request('GET', '/api/v1/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({
        id: residentUser.id,
        displayName: '居民甲',
        homeNodeName: '甲社区',
        roles: [],
      });
    });
    it('edits one’s own profile and shows the real name masked', async () => {
      const res = await resident.request('PATCH', '/api/v1/me', { realName: '张小华', elderMode: true });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ realNameMasked: '张*华', elderMode: true });
      expect((await resident.request('GET', '/api/v1/me')).json()).toMatchObject({
        realNameMasked: '张*华',
        elderMode: true,
      });
    });
    it('checks the ID number by GB 11643', async () => {
      const res = await resident.request('PATCH', '/api/v1/me', { idNumber: '110105194912310021' });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('请求参数不正确：身份证号：身份证号码不正确（请检查位数和校验位）');
    });
    it('refuses a cookie write without the CSRF token', async () => {
      const res = await resident.request('PATCH', '/api/v1/me', { elderMode: true }, { 'x-csrf-token': 'forged' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_FAILED');
      expect((await resident.request('GET', '/api/v1/me')).json().elderMode).toBe(false);
    });
    it('refuses a password change with a wrong current password (422)', async () => {
      const res = await resident.request('POST', '/api/v1/me/password', {
        currentPassword: 'wrong',
        newPassword: 'Better123',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toBe('当前密码不正确');
    });
    it('refuses a weak new password (400)', async () => {
      const res = await resident.request('POST', '/api/v1/me/password', {
        currentPassword: PASSWORD,
        newPassword: '12345678',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([
        { field: 'newPassword', message: '密码需为8至128位，且同时包含字母和数字（16位以上的长句密码不限）' },
      ]);
    });
    it('refuses a common new password with a plain field message (400)', async () => {
      const res = await resident.request('POST', '/api/v1/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'password123',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'newPassword', message: '这个密码太常见，容易被猜到，请换一个' }],
      });
    });
    it('changes the password: the new one logs in, the old one no longer does', async () => {
      const ok = await resident.request('POST', '/api/v1/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'Better123',
      });
      expect(ok.statusCode).toBe(204);
      expect(
        (await anon(app, 'POST', '/api/v1/auth/login', { phone: residentUser.phone, password: 'Better123' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await anon(app, 'POST', '/api/v1/auth/login', { phone: residentUser.phone, password: PASSWORD })).statusCode,
      ).toBe(401);
    });
  });

  describe('org nodes', () => {
    it('listCommunities is public and has no grids', async () => {
      const res = await anon(app, 'GET', '/api/v1/public/communities');
      expect(res.statusCode).toBe(200);
      const kinds = new Set(res.json().items.map((n: { kind: string }) => n.kind));
      expect([...kinds].sort()).toEqual(['community', 'district', 'street']);
    });
    it('listOrgNodes lists the admin’s subtree', async () => {
      const res = await adminA.request('GET', '/api/v1/org/nodes');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((n: { name: string }) => n.name)).toEqual(['甲社区', '甲一网格']);
    });
    it('listOrgNodes lists nothing to a resident', async () => {
      const res = await resident.request('GET', '/api/v1/org/nodes');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    });
    it('listOrgNodes needs a session (401)', async () => {
      expect((await anon(app, 'GET', '/api/v1/org/nodes')).statusCode).toBe(401);
    });
    it('listOrgNodes answers 404 for another scope’s root', async () => {
      const other = await adminA.request('GET', `/api/v1/org/nodes?rootId=${tree.communityB.id}`);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual({ code: 'NOT_FOUND', message: '组织节点不存在', details: null });
    });
    it('listOrgNodes refuses a bad limit and a bad cursor (400)', async () => {
      const bad = await adminA.request('GET', '/api/v1/org/nodes?limit=0');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['limit']);
      const badCursor = await adminA.request('GET', '/api/v1/org/nodes?cursor=%%%');
      expect(badCursor.statusCode).toBe(400);
      expect(badCursor.json().details).toEqual([{ field: 'cursor', message: '分页游标无效' }]);
    });
    it('createOrgNode creates a grid in the admin’s community', async () => {
      const ok = await adminA.request('POST', '/api/v1/org/nodes', {
        parentId: tree.communityA.id,
        kind: 'grid',
        name: '新网格',
        code: '420100009001',
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ name: '新网格', kind: 'grid', parentId: tree.communityA.id });
      expect(
        (await adminA.request('GET', '/api/v1/org/nodes')).json().items.map((n: { name: string }) => n.name),
      ).toEqual(['甲社区', '甲一网格', '新网格']);
    });
    it('createOrgNode explains bad input field by field', async () => {
      const bad = await adminA.request('POST', '/api/v1/org/nodes', {
        parentId: tree.communityA.id,
        kind: 'grid',
        name: '  ',
        code: '12',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([
        { field: 'name', message: '名称不能为空，且不超过50个字' },
        { field: 'code', message: '统计用区划代码应为12位数字' },
      ]);
    });
    it('createOrgNode needs a session (401)', async () => {
      expect(
        (await anon(app, 'POST', '/api/v1/org/nodes', { parentId: tree.communityA.id, kind: 'grid', name: 'x' }))
          .statusCode,
      ).toBe(401);
    });
    it('createOrgNode answers 404 under another scope’s node', async () => {
      const other = await adminA.request('POST', '/api/v1/org/nodes', {
        parentId: tree.communityB.id,
        kind: 'grid',
        name: 'x',
      });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual({ code: 'NOT_FOUND', message: '组织节点不存在', details: null });
    });
    it('createOrgNode refuses the wrong level with 422, in Chinese and English', async () => {
      const level = await adminA.request('POST', '/api/v1/org/nodes', {
        parentId: tree.communityA.id,
        kind: 'building',
        name: 'x',
      });
      expect(level.statusCode).toBe(422);
      expect(level.json().message).toBe('楼栋只能建在网格之下');
      const levelEn = await adminA.request(
        'POST',
        '/api/v1/org/nodes',
        { parentId: tree.communityA.id, kind: 'building', name: 'x' },
        { 'accept-language': 'en' },
      );
      expect(levelEn.json().message).toBe('A building can only be placed under a grid');
    });
    it('updateOrgNode renames a node in scope', async () => {
      const ok = await adminA.request('PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { name: '甲一网格（东）' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ id: tree.gridA.id, name: '甲一网格（东）' });
    });
    it('updateOrgNode needs a session (401)', async () => {
      expect((await anon(app, 'PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { name: 'x' })).statusCode).toBe(401);
    });
    it('updateOrgNode answers 404 to another scope', async () => {
      const other = await adminB.request('PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { name: 'x' });
      expect(other.statusCode).toBe(404);
      expect(other.json().message).toBe('组织节点不存在');
    });
    it('updateOrgNode refuses a non-boolean archived (400)', async () => {
      const bad = await adminA.request('PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { archived: 'yes' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['archived']);
    });
    it('updateOrgNode refuses to archive a node with live children (422)', async () => {
      const busy = await district.request('PATCH', `/api/v1/org/nodes/${tree.communityB.id}`, { archived: true });
      expect(busy.statusCode).toBe(422);
      expect(busy.json().message).toBe('“乙社区”下还有 1 个未归档的下级节点，请先归档或移走');
    });
  });

  describe('partner units', () => {
    async function createUnit() {
      const res = await adminA.request('POST', '/api/v1/org/partner-units', {
        nodeId: tree.communityA.id,
        name: '江城大学',
        category: 'university',
        contactPhone: '13911112222',
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string; name: string; contactPhoneMasked: string }>();
    }
    it('createPartnerUnit creates a unit with its phone masked', async () => {
      expect(await createUnit()).toMatchObject({ name: '江城大学', contactPhoneMasked: '139****2222' });
    });
    it('createPartnerUnit refuses an unknown category (400)', async () => {
      const bad = await adminA.request('POST', '/api/v1/org/partner-units', {
        nodeId: tree.communityA.id,
        name: '某单位',
        category: 'bank',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['category']);
    });
    it('listPartnerUnits shows the units in scope, and none to another community', async () => {
      const { id } = await createUnit();
      expect(
        (await adminA.request('GET', '/api/v1/org/partner-units')).json().items.map((p: { id: string }) => p.id),
      ).toEqual([id]);
      expect((await adminB.request('GET', '/api/v1/org/partner-units')).json().items).toEqual([]);
    });
    it('listPartnerUnits and updatePartnerUnit need a session (401)', async () => {
      const { id } = await createUnit();
      expect((await anon(app, 'GET', '/api/v1/org/partner-units')).statusCode).toBe(401);
      expect((await anon(app, 'PATCH', `/api/v1/org/partner-units/${id}`, { name: 'x' })).statusCode).toBe(401);
    });
    it('updatePartnerUnit answers 404 to another community', async () => {
      const { id } = await createUnit();
      const res = await adminB.request('PATCH', `/api/v1/org/partner-units/${id}`, { name: 'x' });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('共建单位不存在');
    });
    it('updatePartnerUnit archives a unit', async () => {
      const { id } = await createUnit();
      const upd = await adminA.request('PATCH', `/api/v1/org/partner-units/${id}`, { archived: true });
      expect(upd.statusCode).toBe(200);
      expect(upd.json()).toMatchObject({ id, archived: true });
    });
  });

  describe('people', () => {
    it('listPeople finds people in scope by name, phones masked', async () => {
      const list = await adminA.request('GET', '/api/v1/people?q=居民甲');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([residentUser.id]);
      expect(list.json().items[0].phoneMasked).toBe(
        `${residentUser.phone.slice(0, 3)}****${residentUser.phone.slice(7)}`,
      );
    });
    it('listPeople shows nobody of another community', async () => {
      expect((await adminB.request('GET', '/api/v1/people?q=居民甲')).json().items).toEqual([]);
    });
    it('listPeople refuses an unknown role filter (400) and needs a session (401)', async () => {
      const bad = await adminA.request('GET', '/api/v1/people?role=king');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['role']);
      expect((await anon(app, 'GET', '/api/v1/people')).statusCode).toBe(401);
    });
    it('getPerson shows a person in scope', async () => {
      const res = await adminA.request('GET', `/api/v1/people/${residentUser.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: residentUser.id, displayName: '居民甲' });
    });
    it('getPerson answers 404 to another community and 401 without a session', async () => {
      const hidden = await adminB.request('GET', `/api/v1/people/${residentUser.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toEqual({ code: 'NOT_FOUND', message: '人员不存在', details: null });
      expect((await anon(app, 'GET', `/api/v1/people/${residentUser.id}`)).statusCode).toBe(401);
    });
    it('revealPerson shows the full phone to an admin in scope', async () => {
      const shown = await adminA.request('POST', `/api/v1/people/${residentUser.id}/reveal`);
      expect(shown.statusCode).toBe(200);
      expect(shown.json().phone).toBe(residentUser.phone);
    });
    it('revealPerson answers 404 to another community and 401 without a session', async () => {
      expect((await adminB.request('POST', `/api/v1/people/${residentUser.id}/reveal`)).statusCode).toBe(404);
      expect((await anon(app, 'POST', `/api/v1/people/${residentUser.id}/reveal`)).statusCode).toBe(401);
    });
  });

  describe('roles', () => {
    const grant = (c: Client, userId: string, role: string, nodeId: string) =>
      c.request('POST', '/api/v1/roles', { userId, role, nodeId });

    it('listRoles describes each role and where it may be granted', async () => {
      const cat = await adminA.request('GET', '/api/v1/roles/catalog');
      expect(cat.json().items.find((r: { role: string }) => r.role === 'grid_worker')).toEqual({
        role: 'grid_worker',
        nameZh: '网格员',
        nameEn: 'Grid worker',
        nodeKinds: ['grid'],
      });
      expect((await anon(app, 'GET', '/api/v1/roles/catalog')).statusCode).toBe(401);
    });
    it('grantRole grants a lower role in scope (201)', async () => {
      const g = await grant(adminA, residentUser.id, 'volunteer', tree.communityA.id);
      expect(g.statusCode).toBe(201);
      expect(g.json()).toMatchObject({ role: 'volunteer', nodeId: tree.communityA.id });
      expect((await resident.request('GET', '/api/v1/me')).json().roles.map((r: { role: string }) => r.role)).toEqual([
        'volunteer',
      ]);
    });
    it('grantRole refuses an unknown role (400) and needs a session (401)', async () => {
      const bad = await grant(adminA, residentUser.id, 'emperor', tree.communityA.id);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['role']);
      expect(
        (
          await anon(app, 'POST', '/api/v1/roles', {
            userId: residentUser.id,
            role: 'volunteer',
            nodeId: tree.communityA.id,
          })
        ).statusCode,
      ).toBe(401);
    });
    it('grantRole answers 404 for a node above the granter', async () => {
      const rank = await grant(adminA, residentUser.id, 'street_admin', tree.streetA.id);
      expect(rank.statusCode).toBe(404);
      expect(rank.json().message).toBe('组织节点不存在');
    });
    it('grantRole refuses the granter’s own rank with 403', async () => {
      const own = await grant(adminA, residentUser.id, 'community_admin', tree.communityA.id);
      expect(own.statusCode).toBe(403);
      expect(own.json()).toEqual({ code: 'ROLE_NOT_GRANTABLE', message: '您无权授予“社区管理员”角色', details: null });
    });
    it('revokeRole revokes a grant in scope (204)', async () => {
      const g = await grant(adminA, residentUser.id, 'volunteer', tree.communityA.id);
      expect((await adminA.request('DELETE', `/api/v1/roles/${g.json().id}`)).statusCode).toBe(204);
      expect((await resident.request('GET', '/api/v1/me')).json().roles).toEqual([]);
    });
    it('revokeRole answers 404 to another community and 401 without a session', async () => {
      const g = await grant(adminA, residentUser.id, 'volunteer', tree.communityA.id);
      expect((await adminB.request('DELETE', `/api/v1/roles/${g.json().id}`)).statusCode).toBe(404);
      expect((await anon(app, 'DELETE', `/api/v1/roles/${g.json().id}`)).statusCode).toBe(401);
      expect((await resident.request('GET', '/api/v1/me')).json().roles.map((r: { role: string }) => r.role)).toEqual([
        'volunteer',
      ]);
    });
  });

  describe('listAuditEvents', () => {
    /** One grant and one revoke by adminA in community A: two role events, the revoke last. */
    async function grantAndRevoke() {
      const g = await adminA.request('POST', '/api/v1/roles', {
        userId: residentUser.id,
        role: 'volunteer',
        nodeId: tree.communityA.id,
      });
      env.clock.advance(1000);
      await adminA.request('DELETE', `/api/v1/roles/${g.json().id}`);
    }

    it('shows the scope’s events newest first, filtered by action, with request ids', async () => {
      await grantAndRevoke();
      const res = await adminA.request('GET', '/api/v1/audit-events?action=role.');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ action: string; at: string; requestId: string | null }>;
      expect(items.map((e) => e.action)).toEqual(['role.revoke', 'role.grant']);
      expect(items.every((e) => typeof e.requestId === 'string' && e.requestId.length > 0)).toBe(true);
      expect(items[0]!.at > items[1]!.at).toBe(true);
    });
    it('shows nothing of another community', async () => {
      await grantAndRevoke();
      const b = await adminB.request('GET', '/api/v1/audit-events?action=role.');
      expect(b.statusCode).toBe(200);
      expect(b.json().items).toEqual([]);
    });
    it('needs a session (401) and refuses a malformed date (400)', async () => {
      expect((await anon(app, 'GET', '/api/v1/audit-events')).statusCode).toBe(401);
      const bad = await adminA.request('GET', '/api/v1/audit-events?from=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([{ field: 'from', message: '日期格式应为 YYYY-MM-DD 或 ISO 时间' }]);
    });
    it('pages with a cursor, older events on the next page', async () => {
      await grantAndRevoke();
      const paged = await district.request('GET', '/api/v1/audit-events?limit=2');
      expect(paged.json().items).toHaveLength(2);
      const next = await district.request('GET', `/api/v1/audit-events?limit=2&cursor=${paged.json().nextCursor}`);
      expect(next.statusCode).toBe(200);
      expect(next.json().items[0].id < paged.json().items[1].id).toBe(true);
    });
    it('cannot be altered: the database refuses updates and deletes', async () => {
      await expect(env.deps.db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(env.deps.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    });
  });

  describe('API conventions', () => {
    it('publishes OpenAPI with a verb-first operationId on every operation', async () => {
      const res = await anon(app, 'GET', '/api/openapi.json');
      const doc = res.json<{ paths: Record<string, Record<string, { operationId?: string }>> }>();
      const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
      const verbs =
        /^(get|list|create|update|register|login|logout|change|grant|revoke|reveal|delete|apply|review|import|export|publish|cancel|sign|check|mark|declare|confirm|accept|return|correct|rate|verify|leave|request|gift|donate|award|record|reverse|place|file|evaluate|complain|lookup|close|redeem|reset|start|finish|withdraw|claim|answer|convert|triage|match|invite|complete|respond|find|archive|unlock|open|assign|post|upload|resolve|reject|merge|reopen|join|flag|moderate|object|decide|log)([A-Z]\w*)?$/;
      expect(ids.filter((id) => typeof id !== 'string' || !verbs.test(id))).toEqual([]);
      for (const name of [
        'getHealth',
        'register',
        'login',
        'logout',
        'getMe',
        'changePassword',
        'listOrgNodes',
        'createOrgNode',
        'updateOrgNode',
        'grantRole',
        'revokeRole',
        'listAuditEvents',
      ]) {
        expect(ids).toContain(name);
      }
      expect((await anon(app, 'GET', '/api/docs')).statusCode).toBeLessThan(400);
    });
    it('answers unknown API routes with the error shape', async () => {
      const res = await anon(app, 'GET', '/api/v1/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: '接口不存在', details: null });
    });
  });
});

describe('login rate limit by IP', () => {
  let env: TestEnv;
  let app: FastifyInstance;
  beforeEach(async () => {
    env = await createTestEnv('sqlite', { loginRateLimit: 3 });
    app = await testApp(env);
  });
  afterEach(async () => {
    await app.close();
    await env.close();
  });

  it('answers 429 in the error shape after the configured attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await anon(app, 'POST', '/api/v1/auth/login', { phone: '13800000000', password: 'x' })).statusCode);
    }
    const last = await anon(app, 'POST', '/api/v1/auth/login', { phone: '13800000000', password: 'x' });
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试', details: null });
  });

  it('is not dodged with a made-up X-Forwarded-For when no proxy is trusted (the default)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await anon(
        app,
        'POST',
        '/api/v1/auth/login',
        { phone: '13800000000', password: 'x' },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });

  it('counts each client behind a trusted proxy by its forwarded address', async () => {
    await app.close();
    app = await testApp({ ...env, deps: { ...env.deps, config: { ...env.deps.config, trustProxy: ['127.0.0.1'] } } });
    const login = (ip: string) =>
      anon(app, 'POST', '/api/v1/auth/login', { phone: '13800000000', password: 'x' }, { 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++) expect((await login('203.0.113.7')).statusCode).toBe(401);
    expect((await login('203.0.113.7')).statusCode).toBe(429);
    expect((await login('203.0.113.8')).statusCode).toBe(401);
  });
});
