// HTTP tests via inject() for every foundation endpoint: success, bad input, no session, other scope.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon, type Client, clientFor, createTestEnv, DIALECTS, makeTree, makeUser, nextPhone, PASSWORD, type TestEnv, testApp,
  type Tree, type TestUser,
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
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA, home: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    district = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
    residentUser = await makeUser(env.deps, { home: tree.communityA, displayName: '居民甲' });
    resident = await clientFor(app, residentUser);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

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
      const res = await anon(app, 'POST', '/api/v1/auth/register', { phone, password: 'Abc12345', displayName: '新居民', communityId: tree.communityA.id });
      expect(res.statusCode).toBe(201);
      expect(res.json().user).toMatchObject({ displayName: '新居民', homeNodeName: '甲社区' });
      const sid = res.cookies.find((c) => c.name === 'linli_sid')!;
      expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const csrf = res.cookies.find((c) => c.name === 'linli_csrf')!;
      expect(csrf.httpOnly).toBeFalsy();
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { linli_sid: sid.value } });
      expect(me.json().displayName).toBe('新居民');
    });
    it('explains bad input in Chinese by default and English on request, writing nothing', async () => {
      const before = await env.deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const res = await anon(app, 'POST', '/api/v1/auth/register', { phone: '12345', password: 'short', displayName: '' });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message).toBe(
        '请求参数不正确：手机号：请输入11位中国大陆手机号；密码：密码需为8至64位，且同时包含字母和数字；称呼：称呼不能为空，且不超过20个字',
      );
      expect(body.details).toEqual([
        { field: 'phone', message: '请输入11位中国大陆手机号' },
        { field: 'password', message: '密码需为8至64位，且同时包含字母和数字' },
        { field: 'displayName', message: '称呼不能为空，且不超过20个字' },
      ]);
      const en = await anon(app, 'POST', '/api/v1/auth/register', { phone: '12345', password: 'Abc12345', displayName: 'x' }, { 'accept-language': 'en-US,en;q=0.9' });
      expect(en.json().message).toBe('Invalid request: phone: Enter an 11-digit mainland China mobile number');
      const after = await env.deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
    it('refuses a taken phone with 409', async () => {
      const res = await anon(app, 'POST', '/api/v1/auth/register', { phone: residentUser.phone, password: 'Abc12345', displayName: 'x' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ code: 'PHONE_TAKEN', message: '该手机号已注册', details: null });
    });
    it('answers malformed JSON with a 400 in the error shape', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: '{"phone":', headers: { 'content-type': 'application/json' } });
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
    it('locks after 5 failures with 423', async () => {
      const u = await makeUser(env.deps);
      for (let i = 0; i < 4; i++) await anon(app, 'POST', '/api/v1/auth/login', { phone: u.phone, password: 'Nope12345' });
      const res = await anon(app, 'POST', '/api/v1/auth/login', { phone: u.phone, password: 'Nope12345' });
      expect(res.statusCode).toBe(423);
      expect(res.json().message).toBe('密码错误次数过多，账号已锁定，请 15 分钟后再试');
    });
    it('gives app clients a bearer token that works without cookies or CSRF', async () => {
      const res = await anon(app, 'POST', '/api/v1/auth/login', { phone: residentUser.phone, password: PASSWORD, client: 'app' });
      const token = res.json().token as string;
      expect(res.cookies).toHaveLength(0);
      const patch = await app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { displayName: '居民甲' }, headers: { authorization: `Bearer ${token}` } });
      expect(patch.statusCode).toBe(200);
    });
    it('logs out and the cookie stops working', async () => {
      const c = await clientFor(app, residentUser);
      expect((await c.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await c.request('GET', '/api/v1/me')).statusCode).toBe(401);
    });
  });

  describe('getMe / updateMe / changePassword', () => {
    it('needs a session (401)', async () => {
      for (const [m, u] of [['GET', '/api/v1/me'], ['PATCH', '/api/v1/me'], ['POST', '/api/v1/me/password']] as const) {
        const res = await anon(app, m, u, m === 'GET' ? undefined : {});
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录', details: null });
      }
    });
    it('returns and edits one’s own profile', async () => {
      const me = await resident.request('GET', '/api/v1/me');
      expect(me.json()).toMatchObject({ id: residentUser.id, homeNodeName: '甲社区', roles: [] });
      const res = await resident.request('PATCH', '/api/v1/me', { realName: '张小华', elderMode: true });
      expect(res.json()).toMatchObject({ realNameMasked: '张*华', elderMode: true });
    });
    it('checks the ID number by GB 11643', async () => {
      const res = await resident.request('PATCH', '/api/v1/me', { idNumber: '110105194912310021' });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('请求参数不正确：身份证号：身份证号码不正确（请检查位数和校验位）');
    });
    it('refuses a cookie write without the CSRF token', async () => {
      const res = await resident.request('PATCH', '/api/v1/me', { elderMode: false }, { 'x-csrf-token': 'forged' });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_FAILED');
    });
    it('changes the password', async () => {
      const u = await makeUser(env.deps);
      const c = await clientFor(app, u);
      const bad = await c.request('POST', '/api/v1/me/password', { currentPassword: 'wrong', newPassword: 'Better123' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().message).toBe('当前密码不正确');
      const weak = await c.request('POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: '12345678' });
      expect(weak.statusCode).toBe(400);
      const ok = await c.request('POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'Better123' });
      expect(ok.statusCode).toBe(204);
    });
  });

  describe('org nodes', () => {
    it('listCommunities is public and has no grids', async () => {
      const res = await anon(app, 'GET', '/api/v1/public/communities');
      expect(res.statusCode).toBe(200);
      const kinds = new Set(res.json().items.map((n: { kind: string }) => n.kind));
      expect([...kinds].sort()).toEqual(['community', 'district', 'street']);
    });
    it('listOrgNodes: scoped list, 401 without session, 404 for another scope’s root', async () => {
      const res = await adminA.request('GET', '/api/v1/org/nodes');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((n: { name: string }) => n.name)).toEqual(['甲社区', '甲一网格']);
      expect((await anon(app, 'GET', '/api/v1/org/nodes')).statusCode).toBe(401);
      const other = await adminA.request('GET', `/api/v1/org/nodes?rootId=${tree.communityB.id}`);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual({ code: 'NOT_FOUND', message: '组织节点不存在', details: null });
      const bad = await adminA.request('GET', '/api/v1/org/nodes?limit=0');
      expect(bad.statusCode).toBe(400);
      const badCursor = await adminA.request('GET', '/api/v1/org/nodes?cursor=%%%');
      expect(badCursor.statusCode).toBe(400);
      expect((await resident.request('GET', '/api/v1/org/nodes')).json().items).toEqual([]);
    });
    it('createOrgNode: success, bad input, 401, other scope 404, wrong level 422', async () => {
      const ok = await adminA.request('POST', '/api/v1/org/nodes', { parentId: tree.communityA.id, kind: 'grid', name: '新网格', code: '420100009001' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ name: '新网格', kind: 'grid', parentId: tree.communityA.id });
      const bad = await adminA.request('POST', '/api/v1/org/nodes', { parentId: tree.communityA.id, kind: 'grid', name: '  ', code: '12' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([
        { field: 'name', message: '名称不能为空，且不超过50个字' },
        { field: 'code', message: '统计用区划代码应为12位数字' },
      ]);
      expect((await anon(app, 'POST', '/api/v1/org/nodes', { parentId: tree.communityA.id, kind: 'grid', name: 'x' })).statusCode).toBe(401);
      const other = await adminA.request('POST', '/api/v1/org/nodes', { parentId: tree.communityB.id, kind: 'grid', name: 'x' });
      expect(other.statusCode).toBe(404);
      const level = await adminA.request('POST', '/api/v1/org/nodes', { parentId: tree.communityA.id, kind: 'building', name: 'x' });
      expect(level.statusCode).toBe(422);
      expect(level.json().message).toBe('楼栋只能建在网格之下');
      const levelEn = await adminA.request('POST', '/api/v1/org/nodes', { parentId: tree.communityA.id, kind: 'building', name: 'x' }, { 'accept-language': 'en' });
      expect(levelEn.json().message).toBe('A building can only be placed under a grid');
    });
    it('updateOrgNode: rename, 401, other scope 404, archive refused with children', async () => {
      const ok = await adminA.request('PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { name: '甲一网格' });
      expect(ok.statusCode).toBe(200);
      expect((await anon(app, 'PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { name: 'x' })).statusCode).toBe(401);
      const other = await adminB.request('PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { name: 'x' });
      expect(other.statusCode).toBe(404);
      const bad = await adminA.request('PATCH', `/api/v1/org/nodes/${tree.gridA.id}`, { archived: 'yes' });
      expect(bad.statusCode).toBe(400);
      const busy = await district.request('PATCH', `/api/v1/org/nodes/${tree.communityB.id}`, { archived: true });
      expect(busy.statusCode).toBe(422);
      expect(busy.json().message).toBe('“乙社区”下还有 1 个未归档的下级节点，请先归档或移走');
    });
  });

  describe('partner units', () => {
    it('create, list, update with scope and validation', async () => {
      const created = await adminA.request('POST', '/api/v1/org/partner-units', { nodeId: tree.communityA.id, name: '江城大学', category: 'university', contactPhone: '13911112222' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ name: '江城大学', contactPhoneMasked: '139****2222' });
      const id = created.json().id as string;
      const bad = await adminA.request('POST', '/api/v1/org/partner-units', { nodeId: tree.communityA.id, name: '某单位', category: 'bank' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details[0].field).toBe('category');
      expect((await anon(app, 'GET', '/api/v1/org/partner-units')).statusCode).toBe(401);
      expect((await adminA.request('GET', '/api/v1/org/partner-units')).json().items.map((p: { id: string }) => p.id)).toContain(id);
      expect((await adminB.request('GET', '/api/v1/org/partner-units')).json().items.map((p: { id: string }) => p.id)).not.toContain(id);
      expect((await adminB.request('PATCH', `/api/v1/org/partner-units/${id}`, { name: 'x' })).statusCode).toBe(404);
      const upd = await adminA.request('PATCH', `/api/v1/org/partner-units/${id}`, { archived: true });
      expect(upd.json().archived).toBe(true);
      expect((await anon(app, 'PATCH', `/api/v1/org/partner-units/${id}`, { name: 'x' })).statusCode).toBe(401);
    });
  });

  describe('people and roles', () => {
    it('listPeople / getPerson / revealPerson with scope', async () => {
      const list = await adminA.request('GET', '/api/v1/people?q=居民甲');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([residentUser.id]);
      expect(list.json().items[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect((await anon(app, 'GET', '/api/v1/people')).statusCode).toBe(401);
      expect((await adminA.request('GET', '/api/v1/people?role=king')).statusCode).toBe(400);
      expect((await adminA.request('GET', `/api/v1/people/${residentUser.id}`)).statusCode).toBe(200);
      const hidden = await adminB.request('GET', `/api/v1/people/${residentUser.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().message).toBe('人员不存在');
      expect((await anon(app, 'GET', `/api/v1/people/${residentUser.id}`)).statusCode).toBe(401);
      const shown = await adminA.request('POST', `/api/v1/people/${residentUser.id}/reveal`);
      expect(shown.json().phone).toBe(residentUser.phone);
      expect((await adminB.request('POST', `/api/v1/people/${residentUser.id}/reveal`)).statusCode).toBe(404);
      expect((await anon(app, 'POST', `/api/v1/people/${residentUser.id}/reveal`)).statusCode).toBe(401);
    });
    it('listRoles, grantRole, revokeRole', async () => {
      const cat = await adminA.request('GET', '/api/v1/roles/catalog');
      expect(cat.json().items.find((r: { role: string }) => r.role === 'grid_worker')).toEqual({
        role: 'grid_worker', nameZh: '网格员', nameEn: 'Grid worker', nodeKinds: ['grid'],
      });
      expect((await anon(app, 'GET', '/api/v1/roles/catalog')).statusCode).toBe(401);
      const u = await makeUser(env.deps, { home: tree.communityA });
      const g = await adminA.request('POST', '/api/v1/roles', { userId: u.id, role: 'volunteer', nodeId: tree.communityA.id });
      expect(g.statusCode).toBe(201);
      const bad = await adminA.request('POST', '/api/v1/roles', { userId: u.id, role: 'emperor', nodeId: tree.communityA.id });
      expect(bad.statusCode).toBe(400);
      const rank = await adminA.request('POST', '/api/v1/roles', { userId: u.id, role: 'street_admin', nodeId: tree.streetA.id });
      expect(rank.statusCode).toBe(404);
      const own = await adminA.request('POST', '/api/v1/roles', { userId: u.id, role: 'community_admin', nodeId: tree.communityA.id });
      expect(own.statusCode).toBe(403);
      expect(own.json().message).toBe('您无权授予“社区管理员”角色');
      expect((await anon(app, 'POST', '/api/v1/roles', { userId: u.id, role: 'volunteer', nodeId: tree.communityA.id })).statusCode).toBe(401);
      expect((await adminB.request('DELETE', `/api/v1/roles/${g.json().id}`)).statusCode).toBe(404);
      expect((await anon(app, 'DELETE', `/api/v1/roles/${g.json().id}`)).statusCode).toBe(401);
      expect((await adminA.request('DELETE', `/api/v1/roles/${g.json().id}`)).statusCode).toBe(204);
    });
  });

  describe('listAuditEvents', () => {
    it('shows the scope’s events newest first, filterable, and nothing of other scopes', async () => {
      const res = await adminA.request('GET', '/api/v1/audit-events?action=role.');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ action: string; at: string; actorName: string | null; requestId: string | null }>;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((e) => e.action.startsWith('role.'))).toBe(true);
      expect(items[0].requestId).toBeTruthy();
      const times = items.map((e) => e.at);
      expect([...times].sort().reverse()).toEqual(times);
      const b = await adminB.request('GET', '/api/v1/audit-events?action=role.');
      expect(b.json().items).toEqual([]);
      expect((await anon(app, 'GET', '/api/v1/audit-events')).statusCode).toBe(401);
      expect((await adminA.request('GET', '/api/v1/audit-events?from=yesterday')).statusCode).toBe(400);
      const paged = await district.request('GET', '/api/v1/audit-events?limit=2');
      expect(paged.json().items).toHaveLength(2);
      const next = await district.request('GET', `/api/v1/audit-events?limit=2&cursor=${paged.json().nextCursor}`);
      expect(next.json().items[0].id < paged.json().items[1].id).toBe(true);
    });
    it('cannot be altered: the database refuses updates and deletes', async () => {
      await expect(env.deps.db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
      await expect(env.deps.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    });
  });

  describe('API conventions', () => {
    it('publishes OpenAPI with a verb-first operationId on every operation', async () => {
      const res = await anon(app, 'GET', '/api/openapi.json');
      const doc = res.json() as { paths: Record<string, Record<string, { operationId?: string }>> };
      const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((op) => op.operationId));
      const verbs = /^(get|list|create|update|register|login|logout|change|grant|revoke|reveal|delete|apply|review|import|export|publish|cancel|sign|check|mark|declare|confirm|accept|return|correct|rate|verify|leave|request|gift|donate|award|record|reverse|place|file|evaluate|complain|lookup|close|redeem|reset)([A-Z]\w*)?$/;
      expect(ids.filter((id) => typeof id !== 'string' || !verbs.test(id))).toEqual([]);
      for (const name of ['getHealth', 'register', 'login', 'logout', 'getMe', 'changePassword', 'listOrgNodes', 'createOrgNode', 'updateOrgNode', 'grantRole', 'revokeRole', 'listAuditEvents']) {
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
  it('answers 429 in the error shape after the configured attempts', async () => {
    const env = await createTestEnv('sqlite', { loginRateLimit: 3 });
    const app = await testApp(env);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await anon(app, 'POST', '/api/v1/auth/login', { phone: '13800000000', password: 'x' })).statusCode);
    }
    const last = await anon(app, 'POST', '/api/v1/auth/login', { phone: '13800000000', password: 'x' });
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试', details: null });
    await app.close();
    await env.close();
  });
});
