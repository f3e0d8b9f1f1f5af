// Service recorded after the fact (补记): one entry and the Excel import, through HTTP; the confirm → accept flow
// earning points through the ledger's consumer; the daily cap; the mark in the record, certificate and audit log.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { processLedgerEvents } from '../../src/server/modules/ledger/index.js';
import { getCertificate, serviceRecordAccepted } from '../../src/server/modules/records/index.js';
import {
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  type TestEnv,
  testApp,
  type Tree,
  type TestUser,
  actorOf,
} from '../support.js';

async function xlsx(rows: Array<Array<string | number>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('补记服务');
  ws.addRow(['姓名*', '手机号*', '服务日期*', '时长（分钟）*', '服务类别*', '服务地点*', '服务内容*', '证明人*']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe.each(DIALECTS)('service recorded after the fact on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminUser: TestUser;
  let adminA: Client;
  let adminB: Client;
  let volunteer: TestUser & { volunteerId: string };
  let counter = 0;

  /** A fresh volunteer per test, so day caps and duplicates never leak between tests. */
  async function freshVolunteer(name = '王小明') {
    counter += 1;
    return makeVolunteer(env.deps, tree.communityA, { realName: `${name}${counter}` });
  }

  function entry(userId: string, over: Record<string, unknown> = {}) {
    return {
      userId,
      communityId: tree.communityA.id,
      serviceDate: '2026-11-20',
      minutes: 60,
      category: '助老服务',
      place: '3号楼2单元',
      content: '夜间陪独居老人就医',
      vouchedBy: '李四（楼长）13900000000',
      ...over,
    };
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminUser = await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA });
    adminA = await clientFor(app, adminUser);
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
  });
  beforeEach(async () => {
    volunteer = await freshVolunteer();
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('records past service as a pending record marked after the fact, without an activity', async () => {
    const res = await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      activityId: null,
      activityTitle: '夜间陪独居老人就医',
      category: '助老服务',
      userId: volunteer.id,
      minutes: 60,
      status: 'pending',
      afterTheFact: true,
      place: '3号楼2单元',
      vouchedBy: '李四（楼长）13900000000',
      serviceDate: '2026-11-20',
      communityId: tree.communityA.id,
      isBackfill: false,
    });
    const listed = await adminA.request(
      'GET',
      `/api/v1/service-records?communityId=${tree.communityA.id}&status=pending`,
    );
    expect(listed.json().items.find((r: { id: string }) => r.id === res.json().id)).toMatchObject({
      afterTheFact: true,
      activityId: null,
    });
  });

  it('writes the entry to the audit log marked after the fact', async () => {
    const res = await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id, { minutes: 45 }));
    const audit = await env.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', res.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['record.past_service']);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      afterTheFact: true,
      userId: volunteer.id,
      minutes: 45,
      vouchedBy: '李四（楼长）13900000000',
      via: 'form',
    });
  });

  it('rejects bad input with a clear message and writes nothing', async () => {
    const res = await adminA.request(
      'POST',
      '/api/v1/service-records/past',
      entry(volunteer.id, { minutes: 0, vouchedBy: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(['minutes', 'vouchedBy']);
    expect(res.json().message).toBe('请求参数不正确：时长：不能小于 1；证明人：不能为空');
    const none = await env.deps.db
      .selectFrom('service_records')
      .select('id')
      .where('user_id', '=', volunteer.id)
      .execute();
    expect(none).toEqual([]);
  });

  it('refuses a service date in the future', async () => {
    const res = await adminA.request(
      'POST',
      '/api/v1/service-records/past',
      entry(volunteer.id, { serviceDate: '2026-11-26' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'SERVICE_DATE_FUTURE', message: '服务日期不能晚于今天' });
  });

  it('refuses a category the district does not have', async () => {
    const res = await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id, { category: '夜宵' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请求参数不正确：类别：未知服务类别：夜宵');
  });

  it('answers 401 without a session', async () => {
    expect((await anon(app, 'POST', '/api/v1/service-records/past', entry(volunteer.id))).statusCode).toBe(401);
    expect(
      (
        await anon(app, 'POST', '/api/v1/service-records/past/import', {
          communityId: tree.communityA.id,
          fileBase64: 'x',
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await anon(app, 'GET', `/api/v1/service-records/past/import-template?communityId=${tree.communityA.id}`))
        .statusCode,
    ).toBe(401);
  });

  it('answers 404 to staff of another community', async () => {
    const res = await adminB.request('POST', '/api/v1/service-records/past', entry(volunteer.id));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '组织节点不存在' });
    expect(
      (await adminB.request('GET', `/api/v1/service-records/past/import-template?communityId=${tree.communityA.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await adminB.request('POST', '/api/v1/service-records/past/import', {
          communityId: tree.communityA.id,
          fileBase64: await xlsx([]),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('answers 404 for a person who is not a volunteer of the district', async () => {
    const resident = await makeUser(env.deps, { home: tree.communityA });
    const res = await adminA.request('POST', '/api/v1/service-records/past', entry(resident.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('志愿者不存在');
  });

  it('caps the day like any record and refuses a full day', async () => {
    const first = await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id, { minutes: 400 }));
    expect(first.json().minutes).toBe(400);
    const second = await adminA.request(
      'POST',
      '/api/v1/service-records/past',
      entry(volunteer.id, { minutes: 200, content: '代买药品' }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json().minutes).toBe(80);
    const third = await adminA.request(
      'POST',
      '/api/v1/service-records/past',
      entry(volunteer.id, { minutes: 15, content: '教用手机' }),
    );
    expect(third.statusCode).toBe(422);
    expect(third.json()).toMatchObject({
      code: 'DAILY_CAP_REACHED',
      message: '2026-11-20 已记录 480 分钟，已达每日服务时长上限（480 分钟）',
    });
  });

  it('keeps the day under the cap when entries for one person race (PostgreSQL: the second waits)', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        adminA.request(
          'POST',
          '/api/v1/service-records/past',
          entry(volunteer.id, { minutes: 300, content: `夜间帮忙 ${i}` }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 422]);
    expect(
      results
        .filter((r) => r.statusCode === 201)
        .map((r) => r.json().minutes)
        .sort(),
    ).toEqual([180, 300]);
    const rows = await env.deps.db
      .selectFrom('service_records')
      .select('minutes')
      .where('user_id', '=', volunteer.id)
      .execute();
    expect(rows.reduce((sum, r) => sum + r.minutes, 0)).toBe(480);
  });

  it('goes through confirm and accept and earns points through the ledger consumer', async () => {
    const rec = (
      await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id, { minutes: 90 }))
    ).json();
    expect((await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [rec.id] })).statusCode).toBe(
      422,
    );
    expect(
      (await adminA.request('POST', '/api/v1/service-records/confirm', { recordIds: [rec.id] })).json().items[0].status,
    ).toBe('confirmed');
    const accepted = await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [rec.id] });
    expect(accepted.json().items[0]).toMatchObject({ status: 'accepted', afterTheFact: true });
    const event = await env.deps.db
      .selectFrom('domain_events')
      .selectAll()
      .where('ref_id', '=', rec.id)
      .where('type', '=', serviceRecordAccepted.type)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.payload)).toMatchObject({
      activityId: null,
      activityTitle: '夜间陪独居老人就医',
      category: '助老服务',
      minutes: 90,
    });
    await processLedgerEvents(env.deps);
    const journal = await env.deps.db
      .selectFrom('journals')
      .selectAll()
      .where('ref_id', '=', rec.id)
      .executeTakeFirstOrThrow();
    expect(journal).toMatchObject({ type: 'earn', effective_date: '2026-11-20' });
    expect(journal.reason).toContain('夜间陪独居老人就医');
    const account = await env.deps.db
      .selectFrom('point_accounts')
      .select('balance')
      .where('owner_id', '=', volunteer.id)
      .where('district_id', '=', tree.district.id)
      .executeTakeFirstOrThrow();
    expect(Number(account.balance)).toBe(15);
  });

  it('keeps the after-the-fact details when an accepted entry is corrected', async () => {
    const rec = (
      await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id, { minutes: 60 }))
    ).json();
    await adminA.request('POST', '/api/v1/service-records/confirm', { recordIds: [rec.id] });
    await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [rec.id] });
    const res = await adminA.request('POST', `/api/v1/service-records/${rec.id}/correct`, {
      minutes: 45,
      reason: '实际 45 分钟',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      correctsId: rec.id,
      minutes: 45,
      status: 'pending',
      activityId: null,
      afterTheFact: true,
      activityTitle: '夜间陪独居老人就医',
      category: '助老服务',
      place: '3号楼2单元',
      vouchedBy: '李四（楼长）13900000000',
    });
  });

  it('shows hours recorded after the fact on the certificate', async () => {
    const rec = (
      await adminA.request('POST', '/api/v1/service-records/past', entry(volunteer.id, { minutes: 120 }))
    ).json();
    await adminA.request('POST', '/api/v1/service-records/confirm', { recordIds: [rec.id] });
    await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [rec.id] });
    const { certNo } = await getCertificate(
      env.deps,
      await actorOf(env.deps, adminUser),
      volunteer.volunteerId,
      'http://x',
    );
    const row = await env.deps.db
      .selectFrom('certificates')
      .selectAll()
      .where('cert_no', '=', certNo)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.snapshot)).toMatchObject({
      minutes: 120,
      afterTheFactMinutes: 120,
      content: [{ category: '助老服务', times: 1, minutes: 120 }],
    });
  });

  it('downloads the import template', async () => {
    const res = await adminA.request(
      'GET',
      `/api/v1/service-records/past/import-template?communityId=${tree.communityA.id}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['补记服务', '填写说明']);
    expect(wb.worksheets[0]!.getRow(1).getCell(8).value).toBe('证明人*');
  });

  it('imports good rows and reports each bad row', async () => {
    const other = await freshVolunteer('赵');
    const name = await env.deps.db
      .selectFrom('volunteers')
      .select('real_name_enc')
      .where('id', '=', volunteer.volunteerId)
      .executeTakeFirstOrThrow();
    const realName = env.deps.cipher.decrypt(name.real_name_enc);
    const otherName = env.deps.cipher.decrypt(
      (
        await env.deps.db
          .selectFrom('volunteers')
          .select('real_name_enc')
          .where('id', '=', other.volunteerId)
          .executeTakeFirstOrThrow()
      ).real_name_enc,
    );
    const fileBase64 = await xlsx([
      [realName, volunteer.phone, '2026-11-18', 30, '便民服务', '小区门口', '帮忙取快递', '王五'],
      [otherName, other.phone, '2026/11/19', 45, '助老服务', '5号楼', '陪老人散步', '赵六 13700000000'],
      ['错名字', volunteer.phone, '2026-11-18', 30, '便民服务', '小区门口', '帮忙取快递', '王五'],
      [realName, volunteer.phone, '2026-13-01', 0, '夜宵', '', '修水管', ''],
      [realName, '12345', '2026-12-30', 30, '便民服务', '小区', '修水管', '王五'],
    ]);
    const res = await adminA.request('POST', '/api/v1/service-records/past/import', {
      communityId: tree.communityA.id,
      fileBase64,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 2,
      skipped: 0,
      errors: [
        { row: 4, messages: ['姓名与该手机号登记的实名不一致'] },
        {
          row: 5,
          messages: [
            '服务日期应写成 2026-11-20',
            '时长应为 1 至 1440 的整数分钟',
            '未知服务类别：夜宵',
            '请填写服务地点',
            '请填写证明人',
          ],
        },
        { row: 6, messages: ['服务日期不能晚于今天', '手机号应为11位中国大陆手机号'] },
      ],
    });
    const rows = await env.deps.db
      .selectFrom('service_records')
      .selectAll()
      .where('user_id', 'in', [volunteer.id, other.id])
      .orderBy('service_date')
      .execute();
    expect(rows.map((r) => [r.service_date, r.minutes, r.after_the_fact, r.activity_id, r.status])).toEqual([
      ['2026-11-18', 30, 1, null, 'pending'],
      ['2026-11-19', 45, 1, null, 'pending'],
    ]);
  });

  it('reports rows already imported instead of recording them twice', async () => {
    const realName = env.deps.cipher.decrypt(
      (
        await env.deps.db
          .selectFrom('volunteers')
          .select('real_name_enc')
          .where('id', '=', volunteer.volunteerId)
          .executeTakeFirstOrThrow()
      ).real_name_enc,
    );
    const fileBase64 = await xlsx([
      [realName, volunteer.phone, '2026-11-17', 30, '便民服务', '小区门口', '帮忙取快递', '王五'],
    ]);
    expect(
      (
        await adminA.request('POST', '/api/v1/service-records/past/import', {
          communityId: tree.communityA.id,
          fileBase64,
        })
      ).json().created,
    ).toBe(1);
    const again = await adminA.request('POST', '/api/v1/service-records/past/import', {
      communityId: tree.communityA.id,
      fileBase64,
    });
    expect(again.json()).toEqual({
      created: 0,
      skipped: 0,
      errors: [{ row: 2, messages: ['与已登记的补记服务重复（同一人、同一天、同一内容）'] }],
    });
  });

  it('refuses a file that is not the template', async () => {
    const res = await adminA.request('POST', '/api/v1/service-records/past/import', {
      communityId: tree.communityA.id,
      fileBase64: Buffer.from('nope').toString('base64'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      message: '无法读取 Excel 文件，请使用下载的模板（.xlsx）',
    });
  });
});
