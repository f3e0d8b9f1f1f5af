// HTTP tests of the volunteering endpoints: success, bad input (exact code and message), no session, other scope;
// Excel import/export round trips and the certificate PDF.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anon, type Client, clientFor, createTestEnv, DIALECTS, makeTree, makeUser, makeVolunteer, type TestEnv, testApp, type Tree,
} from '../support.js';

const HOUR = 3600_000;

describe.each(DIALECTS)('volunteering API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let resident: Client;
  let leaderC: Client;
  let volunteerC: Client;
  let volunteerId: string;
  let teamId: string;
  let activityId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const leader = await makeVolunteer(env.deps, tree.communityA);
    leaderC = await clientFor(app, leader);
    const vol = await makeVolunteer(env.deps, tree.communityA, { realName: '孙小红' });
    volunteerId = vol.volunteerId;
    volunteerC = await clientFor(app, vol);
    const team = await adminA.request('POST', '/api/v1/teams', { communityId: tree.communityA.id, name: '关照队', category: '邻里关照', leaderUserId: leader.id });
    teamId = team.json().id;
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('every volunteering endpoint answers 401 without a session', async () => {
    const routes: Array<[string, string]> = [
      ['GET', `/api/v1/districts/${tree.district.id}/volunteering-settings`], ['PATCH', `/api/v1/districts/${tree.district.id}/volunteering-settings`],
      ['POST', '/api/v1/volunteers'], ['GET', '/api/v1/volunteers/mine'], ['GET', '/api/v1/volunteers'], ['GET', `/api/v1/volunteers/${volunteerId}`],
      ['POST', `/api/v1/volunteers/${volunteerId}/review`], ['GET', '/api/v1/volunteers/import-template'], ['POST', '/api/v1/volunteers/import'],
      ['GET', '/api/v1/volunteers/export'], ['GET', `/api/v1/volunteers/${volunteerId}/certificate`], ['POST', '/api/v1/certificates/X/revoke'],
      ['POST', '/api/v1/teams'], ['GET', '/api/v1/teams'], ['GET', '/api/v1/teams/x'], ['PATCH', '/api/v1/teams/x'], ['POST', '/api/v1/teams/x/join'],
      ['POST', '/api/v1/teams/x/leave'], ['POST', '/api/v1/teams/x/requests/y/review'], ['POST', '/api/v1/activities'], ['GET', '/api/v1/activities'],
      ['GET', '/api/v1/activities/x'], ['POST', '/api/v1/activities/x/publish'], ['POST', '/api/v1/activities/x/cancel'],
      ['GET', '/api/v1/activities/x/roster'], ['POST', '/api/v1/activities/x/signups'], ['DELETE', '/api/v1/activities/x/signups/mine'],
      ['GET', '/api/v1/me/signups'], ['GET', '/api/v1/activities/x/attendance-code'], ['POST', '/api/v1/attendance/check-in'],
      ['POST', '/api/v1/attendance/check-out'], ['POST', '/api/v1/activities/x/attendance'], ['POST', '/api/v1/activities/x/backfill'],
      ['GET', '/api/v1/service-records'], ['POST', '/api/v1/service-records/confirm'], ['POST', '/api/v1/service-records/accept'],
      ['POST', '/api/v1/service-records/return'], ['POST', '/api/v1/service-records/x/correct'], ['GET', '/api/v1/service-records/export'],
      ['POST', '/api/v1/activities/x/ratings'], ['GET', '/api/v1/activities/x/ratings'], ['GET', '/api/v1/me/hours'],
    ];
    for (const [m, u] of routes) {
      const res = await anon(app, m, u, m === 'GET' || m === 'DELETE' ? undefined : {});
      expect([m, u, res.statusCode]).toEqual([m, u, 401]);
    }
  });

  it('applyVolunteer / reviewVolunteer / listVolunteers / getVolunteer', async () => {
    const u = await makeUser(env.deps, { home: tree.communityA });
    const c = await clientFor(app, u);
    const bad = await c.request('POST', '/api/v1/volunteers', { communityId: tree.communityA.id, realName: '王', idNumber: '110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请求参数不正确：姓名：姓名应为2至30个字；身份证号：身份证号码不正确（请检查位数和校验位）');
    const ok = await c.request('POST', '/api/v1/volunteers', {
      communityId: tree.communityA.id, realName: '王小明', skills: ['医护'], availability: { 6: ['morning', 'evening'] },
    });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id as string;
    expect((await c.request('GET', '/api/v1/volunteers/mine')).json().items[0].status).toBe('pending');
    expect((await adminB.request('POST', `/api/v1/volunteers/${id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    const noReason = await adminA.request('POST', `/api/v1/volunteers/${id}/review`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().message).toBe('请填写原因');
    const queue = await adminA.request('GET', '/api/v1/volunteers?status=pending');
    expect(queue.json().items.map((v: { id: string }) => v.id)).toContain(id);
    expect((await adminB.request('GET', '/api/v1/volunteers?status=pending')).json().items).toEqual([]);
    const approved = await adminA.request('POST', `/api/v1/volunteers/${id}/review`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved', volunteerNo: expect.stringMatching(/^ZY\d{10}$/) });
    expect((await adminB.request('GET', `/api/v1/volunteers/${id}`)).statusCode).toBe(404);
    expect((await resident.request('GET', `/api/v1/volunteers/${id}`)).statusCode).toBe(404);
    expect((await c.request('GET', `/api/v1/volunteers/${id}`)).statusCode).toBe(200);
  });

  it('teams: create, join, review, leave', async () => {
    const dup = await adminA.request('POST', '/api/v1/teams', { communityId: tree.communityA.id, name: '关照队', category: '邻里关照', leaderUserId: volunteerC.userId });
    expect(dup.statusCode).toBe(409);
    const badCat = await adminA.request('POST', '/api/v1/teams', { communityId: tree.communityA.id, name: '新队', category: '打牌', leaderUserId: volunteerC.userId });
    expect(badCat.statusCode).toBe(400);
    expect((await adminB.request('POST', '/api/v1/teams', { communityId: tree.communityA.id, name: '新队', category: '其他', leaderUserId: volunteerC.userId })).statusCode).toBe(404);
    expect((await resident.request('POST', `/api/v1/teams/${teamId}/join`)).json().code).toBe('NOT_A_VOLUNTEER');
    expect((await volunteerC.request('POST', `/api/v1/teams/${teamId}/join`)).json()).toEqual({ status: 'pending' });
    expect((await volunteerC.request('POST', `/api/v1/teams/${teamId}/join`)).statusCode).toBe(409);
    expect((await adminB.request('POST', `/api/v1/teams/${teamId}/requests/${volunteerC.userId}/review`, { decision: 'approve' })).statusCode).toBe(404);
    const ok = await leaderC.request('POST', `/api/v1/teams/${teamId}/requests/${volunteerC.userId}/review`, { decision: 'approve' });
    expect(ok.json().status).toBe('active');
    const page = await volunteerC.request('GET', `/api/v1/teams/${teamId}`);
    expect(page.json()).toMatchObject({ myStatus: 'active', canManage: false, totals: { memberCount: 2 } });
    expect((await leaderC.request('POST', `/api/v1/teams/${teamId}/leave`)).json().code).toBe('TEAM_LEADER_LEAVE');
    expect((await adminA.request('GET', '/api/v1/teams')).json().items.map((t: { id: string }) => t.id)).toContain(teamId);
  });

  it('activities: create, publish, list, sign up, roster, cancel sign-up', async () => {
    const start = new Date(env.clock.now().getTime() + 48 * HOUR);
    const body = {
      communityId: tree.communityA.id, teamId, title: '上门探访', category: '助老服务', description: '看望独居老人', address: '3栋',
      startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(), slots: 1,
    };
    const badTime = await leaderC.request('POST', '/api/v1/activities', { ...body, endsAt: body.startsAt });
    expect(badTime.statusCode).toBe(422);
    expect(badTime.json().message).toBe('结束时间须晚于开始时间');
    expect((await leaderC.request('POST', '/api/v1/activities', { ...body, slots: 0 })).statusCode).toBe(400);
    expect((await adminB.request('POST', '/api/v1/activities', body)).statusCode).toBe(404);
    const created = await leaderC.request('POST', '/api/v1/activities', body);
    expect(created.statusCode).toBe(201);
    activityId = created.json().items[0].id;
    expect(created.json().items[0]).toMatchObject({ status: 'draft', phase: 'draft', canManage: true });
    expect((await volunteerC.request('GET', `/api/v1/activities/${activityId}`)).statusCode).toBe(404);
    expect((await volunteerC.request('POST', `/api/v1/activities/${activityId}/publish`)).statusCode).toBe(404);
    expect((await leaderC.request('POST', `/api/v1/activities/${activityId}/publish`)).json().phase).toBe('open');
    expect((await leaderC.request('POST', `/api/v1/activities/${activityId}/publish`)).json().message).toBe('活动当前为“已发布”，不能发布');
    const list = await resident.request('GET', `/api/v1/activities?communityId=${tree.communityA.id}`);
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(activityId);
    const signed = await volunteerC.request('POST', `/api/v1/activities/${activityId}/signups`, {});
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({ status: 'confirmed', position: null });
    const other = await makeVolunteer(env.deps, tree.communityA);
    const otherC = await clientFor(app, other);
    expect((await otherC.request('POST', `/api/v1/activities/${activityId}/signups`, {})).json()).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await resident.request('POST', `/api/v1/activities/${activityId}/signups`, {})).json().message).toBe('请先注册成为志愿者并通过社区审核');
    const roster = await leaderC.request('GET', `/api/v1/activities/${activityId}/roster`);
    expect(roster.json().items.map((r: { status: string }) => r.status)).toEqual(['confirmed', 'waitlisted']);
    expect((await volunteerC.request('GET', `/api/v1/activities/${activityId}/roster`)).statusCode).toBe(404);
    const cancelled = await otherC.request('DELETE', `/api/v1/activities/${activityId}/signups/mine`);
    expect(cancelled.json()).toEqual({ promotedUserId: null });
    expect((await otherC.request('DELETE', `/api/v1/activities/${activityId}/signups/mine`)).statusCode).toBe(404);
    const mine = await volunteerC.request('GET', '/api/v1/me/signups');
    expect(mine.json().items[0]).toMatchObject({ activityId, status: 'confirmed' });
  });

  it('attendance, records, hours, certificate and verification', async () => {
    expect((await volunteerC.request('GET', `/api/v1/activities/${activityId}/attendance-code`)).statusCode).toBe(404);
    env.clock.advance(48 * HOUR - 10 * 60_000);
    const code = (await leaderC.request('GET', `/api/v1/activities/${activityId}/attendance-code`)).json();
    const bad = await volunteerC.request('POST', '/api/v1/attendance/check-in', { activityId, code: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: 'code', message: '请输入6位数字签到码' }]);
    const wrong = await volunteerC.request('POST', '/api/v1/attendance/check-in', { activityId, code: code.code === '000000' ? '000001' : '000000' });
    expect(wrong.json()).toMatchObject({ code: 'ATTENDANCE_CODE_INVALID', message: '签到码无效或已过期，请扫描现场最新的二维码' });
    expect((await volunteerC.request('POST', '/api/v1/attendance/check-in', { qr: code.qrPayload })).statusCode).toBe(200);
    env.clock.advance(2 * HOUR + 15 * 60_000);
    const code2 = (await leaderC.request('GET', `/api/v1/activities/${activityId}/attendance-code`)).json();
    const out = await volunteerC.request('POST', '/api/v1/attendance/check-out', { activityId, code: code2.code });
    expect(out.json().minutes).toBe(120);
    const recs = await leaderC.request('GET', `/api/v1/service-records?activityId=${activityId}`);
    const recordId = recs.json().items[0].id as string;
    expect((await volunteerC.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] })).statusCode).toBe(404);
    expect((await leaderC.request('POST', '/api/v1/service-records/confirm', { recordIds: [] })).statusCode).toBe(400);
    expect((await leaderC.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] })).json().items[0].status).toBe('confirmed');
    expect((await adminB.request('POST', '/api/v1/service-records/accept', { recordIds: [recordId] })).statusCode).toBe(404);
    expect((await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [recordId] })).json().items[0].status).toBe('accepted');
    expect((await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [recordId] })).statusCode).toBe(200);
    const hours = await volunteerC.request('GET', '/api/v1/me/hours');
    expect(hours.json().items[0]).toMatchObject({ acceptedMinutes: 120, starLevel: 0 });

    const rate = await volunteerC.request('POST', `/api/v1/activities/${activityId}/ratings`, { target: 'activity', score: 5, comment: '很有意义' });
    expect(rate.statusCode).toBe(201);
    expect((await volunteerC.request('POST', `/api/v1/activities/${activityId}/ratings`, { target: 'activity', score: 4 })).statusCode).toBe(409);
    expect((await resident.request('POST', `/api/v1/activities/${activityId}/ratings`, { target: 'service', score: 6 })).statusCode).toBe(400);
    expect((await resident.request('POST', `/api/v1/activities/${activityId}/ratings`, { target: 'service', score: 4 })).statusCode).toBe(201);
    expect((await adminB.request('POST', `/api/v1/activities/${activityId}/ratings`, { target: 'service', score: 1 })).json().code).toBe('RATING_NOT_ALLOWED');

    const pdf = await volunteerC.request('GET', `/api/v1/volunteers/${volunteerId}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const certNo = decodeURIComponent(String(pdf.headers['content-disposition']).split("UTF-8''")[1]).replace(/^志愿服务记录证明-|\.pdf$/g, '');
    expect((await adminB.request('GET', `/api/v1/volunteers/${volunteerId}/certificate`)).statusCode).toBe(404);
    const check = await anon(app, 'GET', `/api/v1/public/certificates/${certNo}`);
    expect(check.json()).toMatchObject({ status: 'valid', volunteerNameMasked: '孙*红', minutes: 120 });
    expect((await anon(app, 'GET', '/api/v1/public/certificates/LL20269999999')).statusCode).toBe(404);
    expect((await adminB.request('POST', `/api/v1/certificates/${certNo}/revoke`, { reason: 'x' })).statusCode).toBe(404);
    expect((await adminA.request('POST', `/api/v1/certificates/${certNo}/revoke`, { reason: '' })).statusCode).toBe(400);
    expect((await adminA.request('POST', `/api/v1/certificates/${certNo}/revoke`, { reason: '核查有误' })).json().status).toBe('revoked');
    expect((await anon(app, 'GET', `/api/v1/public/certificates/${certNo}`)).json()).toMatchObject({ status: 'revoked', revokeReason: '核查有误' });

    const ledger = await adminA.request('GET', `/api/v1/service-records/export?communityId=${tree.communityA.id}`);
    expect(ledger.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('服务台账')!;
    expect(ws.getRow(1).getCell(1).value).toBe('服务日期');
    expect(ws.getRow(2).getCell(7).value).toBe((await volunteerC.request('GET', '/api/v1/me')).json().displayName);
    expect(ws.getRow(2).getCell(9).value).toBe(120);
    expect((await adminB.request('GET', `/api/v1/service-records/export?communityId=${tree.communityA.id}`)).statusCode).toBe(404);
    expect((await adminA.request('GET', '/api/v1/service-records/export')).statusCode).toBe(400);
    env.clock.advance(-(50 * HOUR + 5 * 60_000));
  });

  it('imports volunteers from the template with a per-row report, and exports the roster', async () => {
    const tpl = await adminA.request('GET', `/api/v1/volunteers/import-template?communityId=${tree.communityA.id}`);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    ws.addRow(['周大福', '13911110001', '', '维修、驾驶', '甲一网格', '']);
    ws.addRow(['吴', '1391111', '110105194912310021', '飞行', '不存在网格', '']);
    ws.addRow(['郑好', '13911110001', '', '', '', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await adminA.request('POST', '/api/v1/volunteers/import', { communityId: tree.communityA.id, fileBase64: file });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 1, skipped: 1,
      errors: [
        { row: 4, messages: ['姓名应为2至30个字', '手机号应为11位中国大陆手机号', '身份证号不正确（请检查位数和校验位）', '未知技能：飞行', '本社区没有名为“不存在网格”的网格'] },
        { row: 5, messages: ['手机号在表格中重复'] },
      ],
    });
    const again = await adminA.request('POST', '/api/v1/volunteers/import', { communityId: tree.communityA.id, fileBase64: file });
    expect(again.json().created).toBe(0);
    expect(again.json().errors[0]).toEqual({ row: 3, messages: ['该手机号已登记为本区志愿者'] });
    const junk = await adminA.request('POST', '/api/v1/volunteers/import', { communityId: tree.communityA.id, fileBase64: Buffer.from('not excel').toString('base64') });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().code).toBe('IMPORT_FILE_INVALID');
    expect((await adminB.request('POST', '/api/v1/volunteers/import', { communityId: tree.communityA.id, fileBase64: file })).statusCode).toBe(404);
    const exp = await adminA.request('GET', `/api/v1/volunteers/export?communityId=${tree.communityA.id}&status=approved`);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const names = out.worksheets[0].getColumn(2).values.slice(2);
    expect(names).toContain('周大福');
    expect(names).toContain('孙小红');
  });

  it('settings: district admins only, validated', async () => {
    const district = await clientFor(app, await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }));
    const url = `/api/v1/districts/${tree.district.id}/volunteering-settings`;
    expect((await resident.request('GET', url)).json().starThresholdsHours).toEqual([100, 300, 600, 1000, 1500]);
    expect((await adminA.request('PATCH', url, { cancelDeadlineHours: 2 })).statusCode).toBe(404);
    const bad = await district.request('PATCH', url, { starThresholdsHours: [30, 20, 100, 200, 300] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toBe('设置不正确：星级门槛须为 5 个递增的正整数小时数');
    const ok = await district.request('PATCH', url, { starThresholdsHours: [30, 60, 100, 200, 300] });
    expect(ok.json().starThresholdsHours).toEqual([30, 60, 100, 200, 300]);
  });
});

describe('public volunteer card', () => {
  it('shows masked data of approved volunteers only, without login', async () => {
    const env = await createTestEnv('sqlite');
    const app = await testApp(env);
    const tree = await makeTree(env.deps);
    const v = await makeVolunteer(env.deps, tree.communityA, { realName: '钱多多' });
    const res = await anon(app, 'GET', `/api/v1/public/volunteer-cards/${v.volunteerId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameMasked: '钱*多', status: 'approved', communityName: '甲社区', starLevel: 0 });
    expect(JSON.stringify(res.json())).not.toContain(v.phone);
    expect((await anon(app, 'GET', '/api/v1/public/volunteer-cards/nope')).statusCode).toBe(404);
    await app.close();
    await env.close();
  });
});
