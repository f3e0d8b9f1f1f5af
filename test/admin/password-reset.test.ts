// A forgotten password: staff reset it to a one-time password; the person must change it before anything else.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  type TestEnv,
  testApp,
  type Tree,
} from '../support.js';

describe.each(DIALECTS)('password reset on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let gridWorker: Client;

  async function login(phone: string, password: string) {
    return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
  }

  /** Resets a fresh resident of community A and returns their phone and the one-time password. */
  async function resetResident() {
    const resident = await makeUser(env.deps, { home: tree.communityA, displayName: '忘了密码' });
    const res = await adminA.request('POST', `/api/v1/people/${resident.id}/password-reset`);
    return { resident, res, temporary: res.json().temporaryPassword as string };
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    gridWorker = await clientFor(app, await makeUser(env.deps, { role: 'grid_worker', roleNode: tree.gridA }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('gives staff a one-time password that logs the person in with the must-change flag', async () => {
    const { resident, res, temporary } = await resetResident();
    expect(res.statusCode).toBe(200);
    expect(temporary).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{12}$/);
    const old = await login(resident.phone, 'Passw0rd!x');
    expect(old.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const ok = await login(resident.phone, temporary);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(true);
  });

  it('refuses every other call with 403 until the password is changed', async () => {
    const { resident, temporary } = await resetResident();
    const session = await clientFor(app, { ...resident }).catch(() => null);
    expect(session).toBeNull(); // clientFor logs in with the old password, which no longer works
    const res = await login(resident.phone, temporary);
    const sid = res.cookies.find((c) => c.name === 'linli_sid')!.value;
    const csrf = res.json().csrfToken as string;
    const call = (method: string, url: string, payload?: object) =>
      app.inject({
        method: method as 'GET',
        url,
        payload,
        cookies: { linli_sid: sid },
        headers: { 'x-csrf-token': csrf },
      });
    const me = await call('GET', '/api/v1/me');
    expect(me.statusCode).toBe(403);
    expect(me.json()).toEqual({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '您正在使用工作人员重置的临时密码，请先修改密码后再继续使用',
      details: null,
    });
    expect((await call('GET', '/api/v1/me/points')).statusCode).toBe(403);
    expect((await call('GET', '/api/health')).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/public/ledger/${tree.district.id}/head`)).statusCode).toBe(200);
    const changed = await call('POST', '/api/v1/me/password', {
      currentPassword: temporary,
      newPassword: 'NewPassw0rd',
    });
    expect(changed.statusCode).toBe(204);
    expect((await call('GET', '/api/v1/me')).json()).toMatchObject({
      mustChangePassword: false,
      displayName: '忘了密码',
    });
    expect((await login(resident.phone, 'NewPassw0rd')).json().user.mustChangePassword).toBe(false);
  });

  it('ends the sessions the person had before the reset', async () => {
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const before = await clientFor(app, resident);
    expect((await before.request('GET', '/api/v1/me')).statusCode).toBe(200);
    await adminA.request('POST', `/api/v1/people/${resident.id}/password-reset`);
    expect((await before.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('records the reset in the audit log without the password', async () => {
    const { resident, temporary } = await resetResident();
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', resident.id)
      .where('action', '=', 'account.password_reset')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ district_id: tree.district.id, scope_node_id: tree.communityA.id });
    expect(audit[0]!.details).not.toContain(temporary);
  });

  it('answers 401 without a session', async () => {
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const res = await anon(app, 'POST', `/api/v1/people/${resident.id}/password-reset`);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('请先登录');
  });

  it('answers 404 to staff of another community and to staff without the right', async () => {
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const other = await adminB.request('POST', `/api/v1/people/${resident.id}/password-reset`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'NOT_FOUND', message: '人员不存在' });
    expect((await gridWorker.request('POST', `/api/v1/people/${resident.id}/password-reset`)).statusCode).toBe(404);
    expect((await adminA.request('POST', '/api/v1/people/nobody/password-reset')).statusCode).toBe(404);
  });

  it('refuses to reset a person holding a more senior role, or oneself', async () => {
    const streetAdmin = await makeUser(env.deps, {
      home: tree.communityA,
      role: 'street_admin',
      roleNode: tree.streetA,
    });
    const res = await adminA.request('POST', `/api/v1/people/${streetAdmin.id}/password-reset`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'RESET_NOT_ALLOWED',
      message: '不能重置此人的密码：本人请在“修改密码”中修改，担任更高级别或其他辖区职务的人员请由其上级管理员重置',
    });
    const self = await adminA.request('POST', `/api/v1/people/${adminA.userId}/password-reset`);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('RESET_NOT_ALLOWED');
  });
});
