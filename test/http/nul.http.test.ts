// A NUL character in any string a client sends is refused with a 400 naming the field, before any route runs, on
// every write operation and both databases (PostgreSQL cannot store it and would answer 500).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  type Client,
  type TestEnv,
  type Tree,
} from '../support.js';
import { findNul } from '../../src/server/platform/validation.js';

describe('findNul', () => {
  it('names the path of the first string with a NUL, in objects, arrays and keys', () => {
    expect(findNul({ a: 'ok', b: ['x', 'y\u0000'] })).toBe('b.1');
    expect(findNul({ a: { 'k\u0000': 1 } })).toBe('a.k\u0000');
    expect(findNul('\u0000')).toBe('');
    expect(findNul({ a: 'ok', n: 1, t: true, z: null })).toBeNull();
  });
});

describe.each(DIALECTS)('NUL in requests on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: Client;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await (await import('../support.js')).testApp(env);
    tree = await makeTree(env.deps);
    admin = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('refuses a NUL in a known field with the field named in Chinese, and writes nothing', async () => {
    const before = await env.deps.db.selectFrom('org_nodes').select('id').execute();
    const res = await admin.request('POST', '/api/v1/org/nodes', {
      parentId: tree.district.id,
      kind: 'street',
      name: '坏\u0000街道',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'name', message: '含有不允许的控制字符（NUL）' }],
    });
    expect(res.json<{ message: string }>().message).toMatch(/^请求参数不正确：/);
    expect(await env.deps.db.selectFrom('org_nodes').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a NUL in a query string', async () => {
    const res = await admin.request('GET', `/api/v1/audit-events?action=${encodeURIComponent('a\u0000')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'action' }] });
  });

  it('answers 400, never 500, on every write operation', async () => {
    const spec = app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const writes: Array<[string, string]> = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (['post', 'put', 'patch'].includes(method) && op.requestBody) writes.push([method.toUpperCase(), path]);
      }
    }
    expect(writes.length).toBeGreaterThan(30);
    const answers: string[] = [];
    for (const [method, path] of writes) {
      const url = path.replace(/\{[^}]+\}/g, 'x');
      const res = await admin.request(method, url, {
        note: 'a\u0000b',
        reason: 'a\u0000b',
        name: 'a\u0000b',
        title: 'a\u0000b',
      });
      answers.push(`${method} ${path} ${res.statusCode}`);
    }
    expect(answers.filter((a) => !a.endsWith(' 400'))).toEqual([]);
  });
});
