// Starting a new district without touching the database: the createDistrict operation for platform operators, and
// `linli create-district` for whoever runs the server. The first district admin logs in with a one-time password,
// must change it, and builds the tree.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { openRuntime } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { grantPlatformAdmin } from '../../src/server/modules/accounts/index.js';
import {
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  nextPhone,
  type TestEnv,
  testApp,
  type Tree,
} from '../support.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/linli.mjs');

describe.each(DIALECTS)('starting a district on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let operator: Client;
  let districtAdmin: Client;
  let n = 0;

  const body = (over: Record<string, unknown> = {}) => {
    n += 1;
    return { name: `新开区${n}`, adminPhone: nextPhone(), adminName: '区管理员甲', ...over };
  };

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    const op = await makeUser(env.deps, { displayName: '平台运营' });
    await grantPlatformAdmin(env.deps, op.phone);
    operator = await clientFor(app, op);
    districtAdmin = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('creates the district and a first admin who logs in, must change the password, and builds the tree', async () => {
    const input = body();
    const res = await operator.request('POST', '/api/v1/districts', input);
    expect(res.statusCode).toBe(201);
    const { district, admin } = res.json();
    expect(district).toMatchObject({ name: input.name, code: null, path: `/${district.id}/` });
    expect(admin.temporaryPassword).toMatch(/^[A-Za-z\d]{12}$/);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: input.adminPhone, password: admin.temporaryPassword },
    });
    expect(login.json().user).toMatchObject({
      mustChangePassword: true,
      displayName: '区管理员甲',
      roles: [{ role: 'district_admin', nodeId: district.id }],
    });
    const sid = login.cookies.find((c) => c.name === 'linli_sid')!.value;
    const headers = { 'x-csrf-token': login.json().csrfToken as string };
    const call = (method: string, url: string, payload?: object) =>
      app.inject({ method: method as 'POST', url, payload, cookies: { linli_sid: sid }, headers });
    expect(
      (await call('POST', '/api/v1/org/nodes', { parentId: district.id, kind: 'street', name: '一街道' })).statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/v1/me/password', {
          currentPassword: admin.temporaryPassword,
          newPassword: 'Distr1ctAdmin',
        })
      ).statusCode,
    ).toBe(204);
    const street = await call('POST', '/api/v1/org/nodes', { parentId: district.id, kind: 'street', name: '一街道' });
    expect(street.statusCode).toBe(201);
    expect(street.json()).toMatchObject({ districtId: district.id, kind: 'street' });
  });

  it('grants an existing account without touching its password', async () => {
    const existing = await makeUser(env.deps, { home: tree.communityA });
    const res = await operator.request('POST', '/api/v1/districts', body({ adminPhone: existing.phone }));
    expect(res.statusCode).toBe(201);
    expect(res.json().admin).toMatchObject({ userId: existing.id, temporaryPassword: null });
    const me = await (await clientFor(app, existing)).request('GET', '/api/v1/me');
    expect(me.json().roles.map((r: { role: string }) => r.role)).toContain('district_admin');
  });

  it('audits the start in the new district', async () => {
    const res = await operator.request('POST', '/api/v1/districts', body());
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('district_id', '=', res.json().district.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['org.create', 'district.start']);
    expect(audit[1]!.actor_id).toBe(operator.userId);
  });

  it('refuses a name already used by a district', async () => {
    const res = await operator.request('POST', '/api/v1/districts', body({ name: '测试区' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ORG_NAME_TAKEN', message: '同一上级下已有名为“测试区”的节点' });
  });

  it('rejects bad input with a clear message', async () => {
    const res = await operator.request('POST', '/api/v1/districts', { name: '', adminPhone: '123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      '请求参数不正确：名称：名称不能为空，且不超过30个字；区管理员手机号：请输入11位中国大陆手机号',
    );
  });

  it('answers 401 without a session', async () => {
    expect((await anon(app, 'POST', '/api/v1/districts', body())).statusCode).toBe(401);
  });

  it('answers 404 to anyone but a platform operator, a district admin included', async () => {
    const res = await districtAdmin.request('POST', '/api/v1/districts', body());
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '组织节点不存在' });
  });

  it('shows the platform operator in getMe and never as a grantable role', async () => {
    expect((await operator.request('GET', '/api/v1/me')).json()).toMatchObject({ platformAdmin: true, roles: [] });
    const catalog = await operator.request('GET', '/api/v1/roles/catalog');
    expect(catalog.json().items.map((r: { role: string }) => r.role)).not.toContain('platform_admin');
  });
});

describe('linli create-district (CLI)', () => {
  it(
    'creates a district whose first admin logs in with the printed one-time password',
    { timeout: 120_000 },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-district-'));
      const environment = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LINLI_SEED_DEMO: 'false' };
      const phone = '13912345678';
      const out = await run(
        'node',
        [BIN, 'create-district', '--name', '新开区', '--admin-phone', phone, '--code', '420199000000'],
        { env: environment },
      );
      expect(out.stdout).toContain('已开通 新开区');
      const password = /一次性密码 \/ one-time password: (\S+)/.exec(out.stdout)?.[1];
      expect(password).toMatch(/^[A-Za-z\d]{12}$/);
      const twice = await run('node', [BIN, 'create-district', '--name', '新开区', '--admin-phone', phone], {
        env: environment,
      }).catch((e: { code: number; stderr: string }) => e);
      expect(twice).toMatchObject({ code: 2 });
      expect((twice as { stderr: string }).stderr).toContain('同一上级下已有名为“新开区”的节点');
      const bad = await run('node', [BIN, 'create-district', '--name', '缺手机号'], { env: environment }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect((bad as { stderr: string }).stderr).toContain('usage: linli create-district --name');

      const rt = await openRuntime(loadConfig({ DATA_DIR: dir, LINLI_WEB_DIR: '/nonexistent' }));
      const server = await buildApp(rt.deps, { serveWeb: false, backgroundJobs: false });
      try {
        const login = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
        expect(login.statusCode).toBe(200);
        expect(login.json().user).toMatchObject({
          mustChangePassword: true,
          roles: [{ role: 'district_admin', nodeName: '新开区' }],
        });
      } finally {
        await server.close();
        await rt.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
