// Opening balances from a community's previous points system: Excel import, per-row errors, once per person and source.
import ExcelJS from 'exceljs';
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
  type TestUser,
} from '../support.js';

async function xlsx(rows: Array<Array<string | number>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('期初积分');
  ws.addRow(['姓名*', '手机号*', '期初积分*', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(DIALECTS)('opening balances on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let n = 0;

  async function person(realName: string): Promise<TestUser> {
    return makeUser(env.deps, { home: tree.communityA, realName });
  }

  async function balance(userId: string): Promise<number> {
    const row = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('district_id', '=', tree.district.id)
      .where('owner_id', '=', userId)
      .executeTakeFirst();
    return Number(row?.balance ?? 0);
  }

  /** A source name of its own per test, so imports never meet across tests. */
  function source(): string {
    n += 1;
    return `原社区积分台账（2026年10月签字确认）#${n}`;
  }

  const importFile = (c: Client, src: string, fileBase64: string, asOf = '2026-10-31') =>
    c.request('POST', '/api/v1/points/opening-balances/import', {
      communityId: tree.communityA.id,
      source: src,
      asOf,
      fileBase64,
    });

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('imports good rows as dated award journals naming the source and reports each bad row', async () => {
    const a = await person('张桂华');
    const b = await makeUser(env.deps, { home: tree.communityA, displayName: '老李' });
    const c = await person('孙立');
    const src = source();
    const res = await importFile(
      adminA,
      src,
      await xlsx([
        ['张桂华', a.phone, 120, ''],
        ['老李', b.phone, 35, '称呼匹配'],
        ['王五', '13000000000', 10, ''],
        ['李四', a.phone, 5, ''],
        ['张冠李', c.phone, 0, ''],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 2,
      unchanged: 0,
      skipped: 0,
      points: 155,
      errors: [
        { row: 4, messages: ['该手机号尚未在 linli 注册'] },
        { row: 5, messages: ['手机号在表格中重复'] },
        { row: 6, messages: ['期初积分应为 1 至 1000000 的整数', '姓名与该手机号登记的姓名不一致'] },
      ],
    });
    expect([await balance(a.id), await balance(b.id)]).toEqual([120, 35]);
    const journal = await env.deps.db
      .selectFrom('journals')
      .selectAll()
      .where('ref_id', '=', a.id)
      .where('type', '=', 'award')
      .executeTakeFirstOrThrow();
    expect(journal).toMatchObject({
      reason: `期初积分：${src}`,
      effective_date: '2026-10-31',
      community_id: tree.communityA.id,
    });
  });

  it('moves nothing twice when the same list is imported again', async () => {
    const a = await person('吴小明');
    const src = source();
    const file = await xlsx([['吴小明', a.phone, 80, '']]);
    expect((await importFile(adminA, src, file)).json()).toMatchObject({ created: 1, points: 80 });
    const again = await importFile(adminA, src, file);
    expect(again.json()).toEqual({ created: 0, unchanged: 1, skipped: 0, points: 0, errors: [] });
    expect(await balance(a.id)).toBe(80);
  });

  it('reports a changed amount for a person already imported from the source', async () => {
    const a = await person('周大力');
    const src = source();
    await importFile(adminA, src, await xlsx([['周大力', a.phone, 50, '']]));
    const changed = await importFile(adminA, src, await xlsx([['周大力', a.phone, 70, '']]));
    expect(changed.json().errors).toEqual([
      { row: 2, messages: ['该来源已为此人导入期初积分 50 分，不能改为 70 分；如需更正请冲正原记录'] },
    ]);
    expect(await balance(a.id)).toBe(50);
  });

  it('credits once when the same import races itself', async () => {
    const a = await person('郑重');
    const src = source();
    const file = await xlsx([['郑重', a.phone, 60, '']]);
    const results = await Promise.all([1, 2, 3].map(() => importFile(adminA, src, file)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json().created).sort()).toEqual([0, 0, 1]);
    expect(await balance(a.id)).toBe(60);
    const journals = await env.deps.db.selectFrom('journals').select('id').where('ref_id', '=', a.id).execute();
    expect(journals).toHaveLength(1);
  });

  it('records the import in the audit log', async () => {
    const a = await person('钱多多');
    const src = source();
    await importFile(adminA, src, await xlsx([['钱多多', a.phone, 12, '']]));
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'points.opening_import')
      .where('details', 'like', `%${src.slice(-3)}%`)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ source: src, created: 1, points: 12, asOf: '2026-10-31' });
  });

  it('rejects bad input with a clear message', async () => {
    const res = await importFile(adminA, ' ', await xlsx([]));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请求参数不正确：积分来源：请写明积分来源（不超过100个字）');
    const future = await importFile(adminA, source(), await xlsx([]), '2026-12-31');
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('请求参数不正确：截止日期：不能晚于今天');
  });

  it('downloads the template', async () => {
    const res = await adminA.request(
      'GET',
      `/api/v1/points/opening-balances/import-template?communityId=${tree.communityA.id}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名*', '手机号*', '期初积分*', '备注']);
  });

  it('answers 401 without a session', async () => {
    expect((await anon(app, 'POST', '/api/v1/points/opening-balances/import', {})).statusCode).toBe(401);
    expect(
      (await anon(app, 'GET', `/api/v1/points/opening-balances/import-template?communityId=${tree.communityA.id}`))
        .statusCode,
    ).toBe(401);
  });

  it('answers 404 to staff of another community', async () => {
    const res = await importFile(adminB, source(), await xlsx([]));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '组织节点不存在' });
    expect(
      (await adminB.request('GET', `/api/v1/points/opening-balances/import-template?communityId=${tree.communityA.id}`))
        .statusCode,
    ).toBe(404);
  });
});
