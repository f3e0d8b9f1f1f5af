// HTTP tests of the volunteering endpoints: success, bad input (exact code and message), no session, other scope;
// Excel import/export round trips and the certificate PDF. The org tree, admins, resident, leader and team are
// shared read-only fixtures; every test builds its own volunteers, activities and records (helpers below), and the
// clock is reset after each test.
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
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
  makeVolunteer,
  nextPhone,
  type TestEnv,
  testApp,
  type Tree,
  useClock,
} from '../support.js';

/** A refusal: the status and the exact zh-CN message. */
function expectError(res: LightMyRequestResponse, status: number, message: string): void {
  expect({ status: res.statusCode, message: res.json<{ message: string }>().message }).toEqual({ status, message });
}

const MIN = 60_000;
const HOUR = 60 * MIN;

describe.each(DIALECTS)('volunteering API on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let adminA: Client;
  let adminB: Client;
  let resident: Client;
  let leaderC: Client;
  let teamId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
    adminA = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    adminB = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityB }));
    resident = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
    const leader = await makeVolunteer(env.deps, tree.communityA);
    leaderC = await clientFor(app, leader);
    const team = await adminA.request('POST', '/api/v1/teams', {
      communityId: tree.communityA.id,
      name: '关照队',
      category: '邻里关照',
      leaderUserId: leader.id,
    });
    teamId = team.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  /** Every activity here starts 48 h after the test clock's start (2026-11-27 10:00 China time) and lasts 2 h. */
  function startsAt(): Date {
    return new Date(new Date(CLOCK_START).getTime() + 48 * HOUR);
  }

  /** Puts the clock `minutes` after the activities' start (negative: before). */
  function clockAtStart(minutes: number): void {
    env.clock.set(new Date(startsAt().getTime() + minutes * MIN));
  }

  /** An approved volunteer of community A with an HTTP client. */
  async function volunteer(realName?: string) {
    const v = await makeVolunteer(env.deps, tree.communityA, realName ? { realName } : {});
    return { ...v, client: await clientFor(app, v) };
  }

  /** A new team of community A led by a new volunteer. */
  async function newTeam() {
    const leader = await volunteer();
    const res = await adminA.request('POST', '/api/v1/teams', {
      communityId: tree.communityA.id,
      name: `队${Math.random().toString(36).slice(2, 8)}`,
      category: '邻里关照',
      leaderUserId: leader.id,
    });
    expect(res.statusCode).toBe(201);
    return { id: res.json<{ id: string }>().id, leader };
  }

  /** The body of a 2-hour activity of the shared team. */
  function activityBody(extra: Record<string, unknown> = {}) {
    const start = startsAt();
    return {
      communityId: tree.communityA.id,
      teamId,
      title: '上门探访',
      category: '助老服务',
      description: '看望独居老人',
      address: '3栋',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      slots: 1,
      ...extra,
    };
  }

  /** An activity created through the API (a draft unless `publish`), by `by` (the team leader by default). */
  async function createActivity(extra: Record<string, unknown> = {}, by: Client = leaderC): Promise<string> {
    const res = await by.request('POST', '/api/v1/activities', activityBody(extra));
    expect(res.statusCode).toBe(201);
    return res.json<{ items: [{ id: string }] }>().items[0].id;
  }

  /** A published activity with one volunteer signed up. */
  async function signedUp(extra: Record<string, unknown> = {}, by: Client = leaderC) {
    const activityId = await createActivity({ publish: true, ...extra }, by);
    const vol = await volunteer('孙小红');
    expect((await vol.client.request('POST', `/api/v1/activities/${activityId}/signups`, {})).statusCode).toBe(201);
    return { activityId, vol };
  }

  /** The current attendance code of an activity, as its leader sees it. */
  async function codeOf(activityId: string, by: Client = leaderC): Promise<{ code: string; qrPayload: string }> {
    return (await by.request('GET', `/api/v1/activities/${activityId}/attendance-code`)).json();
  }

  /** A volunteer who checked in 10 minutes early and out 15 minutes late: one pending 120-minute record. */
  async function attended(extra: Record<string, unknown> = {}, by: Client = leaderC) {
    const { activityId, vol } = await signedUp(extra, by);
    clockAtStart(-10);
    expect(
      (
        await vol.client.request('POST', '/api/v1/attendance/check-in', {
          qr: (await codeOf(activityId, by)).qrPayload,
        })
      ).statusCode,
    ).toBe(200);
    clockAtStart(2 * 60 + 15);
    expect(
      (
        await vol.client.request('POST', '/api/v1/attendance/check-out', {
          activityId,
          code: (await codeOf(activityId, by)).code,
        })
      ).statusCode,
    ).toBe(200);
    const recs = await by.request('GET', `/api/v1/service-records?activityId=${activityId}`);
    const recordId = recs.json<{ items: [{ id: string }] }>().items[0].id;
    return { activityId, vol, recordId };
  }

  /** An attended record confirmed by the leader and accepted by community A. */
  async function accepted(extra: Record<string, unknown> = {}, by: Client = leaderC) {
    const r = await attended(extra, by);
    expect((await by.request('POST', '/api/v1/service-records/confirm', { recordIds: [r.recordId] })).statusCode).toBe(
      200,
    );
    expect(
      (await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [r.recordId] })).statusCode,
    ).toBe(200);
    return r;
  }

  /** An accepted record and the number of the volunteer's certificate. */
  async function certificate() {
    const r = await accepted();
    const pdf = await r.vol.client.request('GET', `/api/v1/volunteers/${r.vol.volunteerId}/certificate`);
    expect(pdf.statusCode).toBe(200);
    const disposition = String(pdf.headers['content-disposition']).split("UTF-8''").at(1)!;
    const certNo = decodeURIComponent(disposition).replace(/^志愿服务记录证明-|\.pdf$/g, '');
    return { ...r, pdf, certNo };
  }

  it('every volunteering endpoint answers 401 without a session', async () => {
    const routes: Array<[string, string]> = [
      ['GET', `/api/v1/districts/${tree.district.id}/volunteering-settings`],
      ['PATCH', `/api/v1/districts/${tree.district.id}/volunteering-settings`],
      ['POST', '/api/v1/volunteers'],
      ['GET', '/api/v1/volunteers/mine'],
      ['GET', '/api/v1/volunteers'],
      ['GET', '/api/v1/volunteers/x'],
      ['POST', '/api/v1/volunteers/x/review'],
      ['GET', '/api/v1/volunteers/import-template'],
      ['POST', '/api/v1/volunteers/import'],
      ['GET', '/api/v1/volunteers/export'],
      ['GET', '/api/v1/volunteers/x/certificate'],
      ['POST', '/api/v1/certificates/X/revoke'],
      ['POST', '/api/v1/teams'],
      ['GET', '/api/v1/teams'],
      ['GET', '/api/v1/teams/x'],
      ['PATCH', '/api/v1/teams/x'],
      ['POST', '/api/v1/teams/x/join'],
      ['POST', '/api/v1/teams/x/leave'],
      ['POST', '/api/v1/teams/x/requests/y/review'],
      ['POST', '/api/v1/activities'],
      ['GET', '/api/v1/activities'],
      ['GET', '/api/v1/activities/x'],
      ['POST', '/api/v1/activities/x/publish'],
      ['POST', '/api/v1/activities/x/cancel'],
      ['GET', '/api/v1/activities/x/roster'],
      ['POST', '/api/v1/activities/x/signups'],
      ['DELETE', '/api/v1/activities/x/signups/mine'],
      ['GET', '/api/v1/me/signups'],
      ['GET', '/api/v1/activities/x/attendance-code'],
      ['POST', '/api/v1/attendance/check-in'],
      ['POST', '/api/v1/attendance/check-out'],
      ['POST', '/api/v1/activities/x/attendance'],
      ['POST', '/api/v1/activities/x/backfill'],
      ['GET', '/api/v1/service-records'],
      ['POST', '/api/v1/service-records/confirm'],
      ['POST', '/api/v1/service-records/accept'],
      ['POST', '/api/v1/service-records/return'],
      ['POST', '/api/v1/service-records/x/correct'],
      ['GET', '/api/v1/service-records/export'],
      ['POST', '/api/v1/activities/x/ratings'],
      ['GET', '/api/v1/activities/x/ratings'],
      ['GET', '/api/v1/me/hours'],
    ];
    for (const [m, u] of routes) {
      const res = await anon(app, m, u, m === 'GET' || m === 'DELETE' ? undefined : {});
      expect([m, u, res.statusCode, res.json<{ message: string }>().message]).toEqual([m, u, 401, '请先登录']);
    }
  });

  describe('volunteer registration', () => {
    /** A resident of community A who applied through the API: their client and the application id. */
    async function applicant() {
      const c = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
      const res = await c.request('POST', '/api/v1/volunteers', {
        communityId: tree.communityA.id,
        realName: '王小明',
        skills: ['医护'],
        availability: { 6: ['morning', 'evening'] },
      });
      expect(res.statusCode).toBe(201);
      return { c, id: res.json<{ id: string }>().id };
    }

    it('applyVolunteer refuses a short name and a bad ID number, naming both fields', async () => {
      const c = await clientFor(app, await makeUser(env.deps, { home: tree.communityA }));
      const bad = await c.request('POST', '/api/v1/volunteers', {
        communityId: tree.communityA.id,
        realName: '王',
        idNumber: '110105194912310021',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toBe(
        '请求参数不正确：姓名：姓名应为2至30个字；身份证号：身份证号码不正确（请检查位数和校验位）',
      );
    });

    it('applyVolunteer creates a pending application the person sees as theirs', async () => {
      const { c, id } = await applicant();
      const mine = (await c.request('GET', '/api/v1/volunteers/mine')).json<{
        items: Array<{ id: string; status: string }>;
      }>();
      expect(mine.items).toEqual([expect.objectContaining({ id, status: 'pending' })]);
    });

    it('reviewVolunteer answers 404 to the admin of another community', async () => {
      const { id } = await applicant();
      const res = await adminB.request('POST', `/api/v1/volunteers/${id}/review`, { decision: 'approve' });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('志愿者不存在');
    });

    it('reviewVolunteer needs a reason to reject', async () => {
      const { id } = await applicant();
      const noReason = await adminA.request('POST', `/api/v1/volunteers/${id}/review`, { decision: 'reject' });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().message).toBe('请填写原因');
    });

    it('listVolunteers shows pending applications to their community only', async () => {
      const { id } = await applicant();
      const queue = await adminA.request('GET', '/api/v1/volunteers?status=pending&limit=100');
      expect(queue.json<{ items: Array<{ id: string }> }>().items.map((v) => v.id)).toContain(id);
      expect((await adminB.request('GET', '/api/v1/volunteers?status=pending')).json().items).toEqual([]);
    });

    it('reviewVolunteer approves with a volunteer number', async () => {
      const { id } = await applicant();
      const approved = await adminA.request('POST', `/api/v1/volunteers/${id}/review`, { decision: 'approve' });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved', volunteerNo: expect.stringMatching(/^ZY\d{10}$/) });
    });

    it('getVolunteer shows a volunteer to themselves, not to another community or a neighbour', async () => {
      const { c, id } = await applicant();
      expect((await c.request('GET', `/api/v1/volunteers/${id}`)).statusCode).toBe(200);
      expectError(await adminB.request('GET', `/api/v1/volunteers/${id}`), 404, '志愿者不存在');
      expectError(await resident.request('GET', `/api/v1/volunteers/${id}`), 404, '志愿者不存在');
    });
  });

  describe('teams', () => {
    it('createTeam refuses a name the community already uses', async () => {
      const v = await volunteer();
      const dup = await adminA.request('POST', '/api/v1/teams', {
        communityId: tree.communityA.id,
        name: '关照队',
        category: '邻里关照',
        leaderUserId: v.id,
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toBe('同一上级下已有名为“关照队”的节点');
    });

    it('createTeam refuses an unknown category', async () => {
      const v = await volunteer();
      const badCat = await adminA.request('POST', '/api/v1/teams', {
        communityId: tree.communityA.id,
        name: '新队',
        category: '打牌',
        leaderUserId: v.id,
      });
      expect(badCat.statusCode).toBe(400);
      expect(badCat.json().message).toBe(
        '请求参数不正确：类别：类别须为：纠纷调解、环保宣传、健康医疗、邻里关照、文明劝导、银龄教育、童伴成长、红骑侠、其他',
      );
    });

    it('createTeam answers 404 to the admin of another community', async () => {
      const v = await volunteer();
      const res = await adminB.request('POST', '/api/v1/teams', {
        communityId: tree.communityA.id,
        name: '新队',
        category: '其他',
        leaderUserId: v.id,
      });
      expectError(res, 404, '组织节点不存在');
    });

    it('joinTeam refuses a resident who is not a volunteer', async () => {
      const { id } = await newTeam();
      const res = await resident.request('POST', `/api/v1/teams/${id}/join`);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'NOT_A_VOLUNTEER', message: '请先注册成为志愿者并通过社区审核' });
    });

    it('joinTeam asks to join once', async () => {
      const { id } = await newTeam();
      const v = await volunteer();
      expect((await v.client.request('POST', `/api/v1/teams/${id}/join`)).json()).toEqual({ status: 'pending' });
      expectError(
        await v.client.request('POST', `/api/v1/teams/${id}/join`),
        409,
        '您已是该队成员，或加入申请正在审核中',
      );
    });

    it('reviewJoinRequest answers 404 to the admin of another community', async () => {
      const { id } = await newTeam();
      const v = await volunteer();
      await v.client.request('POST', `/api/v1/teams/${id}/join`);
      expectError(
        await adminB.request('POST', `/api/v1/teams/${id}/requests/${v.id}/review`, { decision: 'approve' }),
        404,
        '志愿服务队不存在',
      );
    });

    it('the leader approves a request, and the member sees the team', async () => {
      const { id, leader } = await newTeam();
      const v = await volunteer();
      await v.client.request('POST', `/api/v1/teams/${id}/join`);
      const ok = await leader.client.request('POST', `/api/v1/teams/${id}/requests/${v.id}/review`, {
        decision: 'approve',
      });
      expect(ok.json().status).toBe('active');
      const page = await v.client.request('GET', `/api/v1/teams/${id}`);
      expect(page.json()).toMatchObject({ myStatus: 'active', canManage: false, totals: { memberCount: 2 } });
    });

    it('leaveTeam refuses the leader', async () => {
      const { id, leader } = await newTeam();
      const res = await leader.client.request('POST', `/api/v1/teams/${id}/leave`);
      expect(res.json()).toMatchObject({ code: 'TEAM_LEADER_LEAVE', message: '队长不能退出本队，请先更换队长' });
    });

    it('listTeams shows the community its teams', async () => {
      const { id } = await newTeam();
      expect(
        (await adminA.request('GET', '/api/v1/teams?limit=100'))
          .json<{ items: Array<{ id: string }> }>()
          .items.map((t) => t.id),
      ).toContain(id);
    });
  });

  describe('activities', () => {
    it('createActivity refuses an end that is not after the start', async () => {
      const body = activityBody();
      const badTime = await leaderC.request('POST', '/api/v1/activities', { ...body, endsAt: body.startsAt });
      expect(badTime.statusCode).toBe(422);
      expect(badTime.json().message).toBe('结束时间须晚于开始时间');
    });

    it('createActivity refuses zero places', async () => {
      const res = await leaderC.request('POST', '/api/v1/activities', activityBody({ slots: 0 }));
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('请求参数不正确：名额：不能小于 1');
    });

    it('createActivity answers 404 to the admin of another community', async () => {
      expectError(await adminB.request('POST', '/api/v1/activities', activityBody()), 404, '组织节点不存在');
    });

    it('createActivity makes a draft its leader can manage', async () => {
      const created = await leaderC.request('POST', '/api/v1/activities', activityBody());
      expect(created.statusCode).toBe(201);
      expect(created.json().items).toEqual([
        expect.objectContaining({ status: 'draft', phase: 'draft', canManage: true, title: '上门探访', slots: 1 }),
      ]);
    });

    it('a draft is invisible to a volunteer, who cannot publish it', async () => {
      const id = await createActivity();
      const v = await volunteer();
      expectError(await v.client.request('GET', `/api/v1/activities/${id}`), 404, '活动不存在');
      expectError(await v.client.request('POST', `/api/v1/activities/${id}/publish`), 404, '活动不存在');
    });

    it('publishActivity opens the activity, once', async () => {
      const id = await createActivity();
      expect((await leaderC.request('POST', `/api/v1/activities/${id}/publish`)).json().phase).toBe('open');
      const again = await leaderC.request('POST', `/api/v1/activities/${id}/publish`);
      expect(again.statusCode).toBe(422);
      expect(again.json().message).toBe('活动当前为“已发布”，不能发布');
    });

    it('listActivities shows a published activity to residents, and not a draft', async () => {
      const team = await newTeam();
      const id = await createActivity({ publish: true, teamId: team.id }, team.leader.client);
      await createActivity({ teamId: team.id }, team.leader.client);
      const list = await resident.request(
        'GET',
        `/api/v1/activities?communityId=${tree.communityA.id}&teamId=${team.id}`,
      );
      expect(list.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).toEqual([id]);
    });

    it('listActivities refuses a cursor that is not an activity sort key', async () => {
      const cursor = Buffer.from('not-a-key', 'utf8').toString('base64url');
      expectError(
        await resident.request('GET', `/api/v1/activities?cursor=${cursor}`),
        400,
        '请求参数不正确：分页游标：分页游标无效',
      );
    });

    it('signUpActivity confirms the first volunteer and waitlists the next', async () => {
      const id = await createActivity({ publish: true });
      const first = await volunteer();
      const signed = await first.client.request('POST', `/api/v1/activities/${id}/signups`, {});
      expect(signed.statusCode).toBe(201);
      expect(signed.json()).toMatchObject({ status: 'confirmed', position: null });
      const second = await volunteer();
      expect((await second.client.request('POST', `/api/v1/activities/${id}/signups`, {})).json()).toMatchObject({
        status: 'waitlisted',
        position: 1,
      });
    });

    it('signUpActivity refuses a resident who is not a volunteer', async () => {
      const id = await createActivity({ publish: true });
      const res = await resident.request('POST', `/api/v1/activities/${id}/signups`, {});
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toBe('请先注册成为志愿者并通过社区审核');
    });

    it('getRoster lists sign-ups in order for the leader, and answers 404 to a volunteer', async () => {
      const { activityId, vol } = await signedUp();
      await (await volunteer()).client.request('POST', `/api/v1/activities/${activityId}/signups`, {});
      const roster = await leaderC.request('GET', `/api/v1/activities/${activityId}/roster`);
      expect(roster.json<{ items: Array<{ status: string }> }>().items.map((r) => r.status)).toEqual([
        'confirmed',
        'waitlisted',
      ]);
      expectError(await vol.client.request('GET', `/api/v1/activities/${activityId}/roster`), 404, '活动不存在');
    });

    it('cancelSignUp withdraws a waitlisted volunteer without promoting anyone, then answers 404', async () => {
      const { activityId } = await signedUp();
      const other = await volunteer();
      await other.client.request('POST', `/api/v1/activities/${activityId}/signups`, {});
      const cancelled = await other.client.request('DELETE', `/api/v1/activities/${activityId}/signups/mine`);
      expect(cancelled.json()).toEqual({ promotedUserId: null });
      expectError(
        await other.client.request('DELETE', `/api/v1/activities/${activityId}/signups/mine`),
        404,
        '报名记录不存在',
      );
    });

    it('listMySignups shows the volunteer their sign-up', async () => {
      const { activityId, vol } = await signedUp();
      const mine = await vol.client.request('GET', '/api/v1/me/signups');
      expect(mine.json().items).toEqual([expect.objectContaining({ activityId, status: 'confirmed' })]);
    });
  });

  describe('attendance', () => {
    it('getAttendanceCode answers 404 to a volunteer', async () => {
      const { activityId, vol } = await signedUp();
      expectError(
        await vol.client.request('GET', `/api/v1/activities/${activityId}/attendance-code`),
        404,
        '活动不存在',
      );
    });

    it('checkIn refuses a code that is not 6 digits, naming the field', async () => {
      const { activityId, vol } = await signedUp();
      clockAtStart(-10);
      const bad = await vol.client.request('POST', '/api/v1/attendance/check-in', { activityId, code: '12345' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([{ field: 'code', message: '请输入6位数字签到码' }]);
    });

    it('checkIn refuses a wrong code', async () => {
      const { activityId, vol } = await signedUp();
      clockAtStart(-10);
      const { code } = await codeOf(activityId);
      const wrong = await vol.client.request('POST', '/api/v1/attendance/check-in', {
        activityId,
        code: code === '000000' ? '000001' : '000000',
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({
        code: 'ATTENDANCE_CODE_INVALID',
        message: '签到码无效或已过期，请扫描现场最新的二维码',
      });
    });

    it('checkIn by QR and checkOut by code record the 120 minutes of the activity', async () => {
      const { activityId, vol } = await signedUp();
      clockAtStart(-10);
      const checkIn = await vol.client.request('POST', '/api/v1/attendance/check-in', {
        qr: (await codeOf(activityId)).qrPayload,
      });
      expect(checkIn.statusCode).toBe(200);
      clockAtStart(2 * 60 + 15);
      const out = await vol.client.request('POST', '/api/v1/attendance/check-out', {
        activityId,
        code: (await codeOf(activityId)).code,
      });
      expect(out.json().minutes).toBe(120);
      const recs = await leaderC.request('GET', `/api/v1/service-records?activityId=${activityId}`);
      expect(recs.json().items).toEqual([
        expect.objectContaining({ userId: vol.id, minutes: 120, status: 'pending', isBackfill: false }),
      ]);
    });
  });

  describe('service records', () => {
    it('confirmServiceRecords answers 404 to the volunteer', async () => {
      const { recordId, vol } = await attended();
      expectError(
        await vol.client.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] }),
        404,
        '服务记录不存在',
      );
    });

    it('confirmServiceRecords refuses an empty list', async () => {
      const res = await leaderC.request('POST', '/api/v1/service-records/confirm', { recordIds: [] });
      expectError(res, 400, '请求参数不正确：服务记录：至少选择 1 项');
      expect(res.json().details).toEqual([{ field: 'recordIds', message: '至少选择 1 项' }]);
    });

    it('confirmServiceRecords confirms for the leader', async () => {
      const { recordId } = await attended();
      const res = await leaderC.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] });
      expect(res.json().items).toEqual([expect.objectContaining({ id: recordId, status: 'confirmed' })]);
    });

    it('acceptServiceRecords answers 404 to the admin of another community', async () => {
      const { recordId } = await attended();
      await leaderC.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] });
      expectError(
        await adminB.request('POST', '/api/v1/service-records/accept', { recordIds: [recordId] }),
        404,
        '服务记录不存在',
      );
    });

    it('acceptServiceRecords accepts, and accepting again answers the same record', async () => {
      const { recordId } = await attended();
      await leaderC.request('POST', '/api/v1/service-records/confirm', { recordIds: [recordId] });
      const first = await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [recordId] });
      expect(first.json().items).toEqual([expect.objectContaining({ id: recordId, status: 'accepted' })]);
      const again = await adminA.request('POST', '/api/v1/service-records/accept', { recordIds: [recordId] });
      expect(again.statusCode).toBe(200);
      expect(again.json().items[0].acceptedAt).toBe(first.json().items[0].acceptedAt);
    });

    it('getMyHours counts the accepted minutes', async () => {
      const { vol } = await accepted();
      const hours = await vol.client.request('GET', '/api/v1/me/hours');
      expect(hours.json().items).toEqual([
        expect.objectContaining({
          volunteerId: vol.volunteerId,
          acceptedMinutes: 120,
          pendingMinutes: 0,
          starLevel: 0,
          nextLevelHours: 100,
        }),
      ]);
    });
  });

  describe('ratings', () => {
    it('rateService takes a participant rating of the activity once', async () => {
      const { activityId, vol } = await attended();
      const rate = await vol.client.request('POST', `/api/v1/activities/${activityId}/ratings`, {
        target: 'activity',
        score: 5,
        comment: '很有意义',
      });
      expect(rate.statusCode).toBe(201);
      expect(rate.json().summary).toEqual([{ target: 'activity', average: 5, count: 1 }]);
      const again = await vol.client.request('POST', `/api/v1/activities/${activityId}/ratings`, {
        target: 'activity',
        score: 4,
      });
      expectError(again, 409, '您已评价过');
    });

    it('rateService refuses a score above 5', async () => {
      const { activityId } = await attended();
      const res = await resident.request('POST', `/api/v1/activities/${activityId}/ratings`, {
        target: 'service',
        score: 6,
      });
      expectError(res, 400, '请求参数不正确：评分：不能大于 5');
    });

    it('rateService takes a resident rating of the service', async () => {
      const { activityId } = await attended();
      const res = await resident.request('POST', `/api/v1/activities/${activityId}/ratings`, {
        target: 'service',
        score: 4,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().summary).toEqual([{ target: 'service', average: 4, count: 1 }]);
    });

    it('rateService refuses someone from another community', async () => {
      const { activityId } = await attended();
      const res = await adminB.request('POST', `/api/v1/activities/${activityId}/ratings`, {
        target: 'service',
        score: 1,
      });
      expect(res.json()).toMatchObject({ code: 'RATING_NOT_ALLOWED' });
      expectError(res, 422, '只有参加或受益于该活动的人可以评价');
    });
  });

  describe('certificates', () => {
    it('getCertificate answers a PDF to the volunteer', async () => {
      const { pdf } = await certificate();
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    });

    it('getCertificate answers 404 to the admin of another community', async () => {
      const { vol } = await accepted();
      expectError(
        await adminB.request('GET', `/api/v1/volunteers/${vol.volunteerId}/certificate`),
        404,
        '志愿者不存在',
      );
    });

    it('verifyCertificate shows anyone the masked name and the minutes', async () => {
      const { certNo } = await certificate();
      const check = await anon(app, 'GET', `/api/v1/public/certificates/${certNo}`);
      expect(check.json()).toMatchObject({
        certNo,
        status: 'valid',
        volunteerNameMasked: '孙*红',
        minutes: 120,
        revokedAt: null,
      });
    });

    it('verifyCertificate answers 404 to an unknown number', async () => {
      expectError(await anon(app, 'GET', '/api/v1/public/certificates/LL20269999999'), 404, '证明不存在');
    });

    it('revokeCertificate answers 404 to the admin of another community', async () => {
      const { certNo } = await certificate();
      expectError(
        await adminB.request('POST', `/api/v1/certificates/${certNo}/revoke`, { reason: 'x' }),
        404,
        '证明不存在',
      );
    });

    it('revokeCertificate needs a reason', async () => {
      const { certNo } = await certificate();
      const res = await adminA.request('POST', `/api/v1/certificates/${certNo}/revoke`, { reason: '' });
      expectError(res, 400, '请求参数不正确：原因：请填写原因');
      expect(res.json().details).toEqual([{ field: 'reason', message: '请填写原因' }]);
    });

    it('revokeCertificate revokes, and verification then says so', async () => {
      const { certNo } = await certificate();
      expect(
        (await adminA.request('POST', `/api/v1/certificates/${certNo}/revoke`, { reason: '核查有误' })).json().status,
      ).toBe('revoked');
      expect((await anon(app, 'GET', `/api/v1/public/certificates/${certNo}`)).json()).toMatchObject({
        status: 'revoked',
        revokeReason: '核查有误',
      });
    });
  });

  describe('service register export', () => {
    it('exportServiceLedger writes one row per record of the team', async () => {
      const team = await newTeam();
      const { vol } = await accepted({ teamId: team.id }, team.leader.client);
      const ledger = await adminA.request('GET', `/api/v1/service-records/export?teamId=${team.id}`);
      expect(ledger.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('服务台账')!;
      expect(ws.getRow(1).getCell(1).value).toBe('服务日期');
      expect(ws.getRow(2).getCell(7).value).toBe((await vol.client.request('GET', '/api/v1/me')).json().displayName);
      expect(ws.getRow(2).getCell(9).value).toBe(120);
      expect(ws.getRow(3).getCell(1).value).toBeNull();
    });

    it('exportServiceLedger answers 404 to the admin of another community', async () => {
      expectError(
        await adminB.request('GET', `/api/v1/service-records/export?communityId=${tree.communityA.id}`),
        404,
        '组织节点不存在',
      );
    });

    it('exportServiceLedger needs a team or a community', async () => {
      const res = await adminA.request('GET', '/api/v1/service-records/export');
      expectError(res, 400, '请求参数不正确：社区：请选择服务队或社区');
      expect(res.json().details).toEqual([{ field: 'communityId', message: '请选择服务队或社区' }]);
    });
  });

  describe('volunteer import and export', () => {
    /** The import template with three rows added: one good, one wrong in every column, one repeating a phone. */
    async function filledTemplate(phone: string): Promise<string> {
      const tpl = await adminA.request('GET', `/api/v1/volunteers/import-template?communityId=${tree.communityA.id}`);
      expect(tpl.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets.at(0)!;
      ws.addRow(['周大福', phone, '', '维修、驾驶', '甲一网格', '']);
      ws.addRow(['吴', '1391111', '110105194912310021', '飞行', '不存在网格', '']);
      ws.addRow(['郑好', phone, '', '', '', '']);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    }

    it('importVolunteers creates the good rows and reports the bad ones per row', async () => {
      const file = await filledTemplate(nextPhone());
      const res = await adminA.request('POST', '/api/v1/volunteers/import', {
        communityId: tree.communityA.id,
        fileBase64: file,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        created: 1,
        skipped: 1,
        errors: [
          {
            row: 4,
            messages: [
              '姓名应为2至30个字',
              '手机号应为11位中国大陆手机号',
              '身份证号不正确（请检查位数和校验位）',
              '未知技能：飞行',
              '本社区没有名为“不存在网格”的网格',
            ],
          },
          { row: 5, messages: ['手机号在表格中重复'] },
        ],
      });
    });

    it('importVolunteers skips a phone already registered', async () => {
      const file = await filledTemplate(nextPhone());
      await adminA.request('POST', '/api/v1/volunteers/import', { communityId: tree.communityA.id, fileBase64: file });
      const again = await adminA.request('POST', '/api/v1/volunteers/import', {
        communityId: tree.communityA.id,
        fileBase64: file,
      });
      expect(again.json().created).toBe(0);
      expect(again.json().errors[0]).toEqual({ row: 3, messages: ['该手机号已登记为本区志愿者'] });
    });

    it('importVolunteers refuses a file that is not a workbook', async () => {
      const junk = await adminA.request('POST', '/api/v1/volunteers/import', {
        communityId: tree.communityA.id,
        fileBase64: Buffer.from('not excel').toString('base64'),
      });
      expect(junk.statusCode).toBe(400);
      expect(junk.json()).toMatchObject({
        code: 'IMPORT_FILE_INVALID',
        message: '无法读取 Excel 文件，请使用下载的模板（.xlsx）',
      });
    });

    it('importVolunteers answers 404 to the admin of another community', async () => {
      const file = await filledTemplate(nextPhone());
      expectError(
        await adminB.request('POST', '/api/v1/volunteers/import', {
          communityId: tree.communityA.id,
          fileBase64: file,
        }),
        404,
        '组织节点不存在',
      );
    });

    it('exportVolunteers lists the approved volunteers, imported ones included', async () => {
      await volunteer('钱小二');
      await adminA.request('POST', '/api/v1/volunteers/import', {
        communityId: tree.communityA.id,
        fileBase64: await filledTemplate(nextPhone()),
      });
      const exp = await adminA.request(
        'GET',
        `/api/v1/volunteers/export?communityId=${tree.communityA.id}&status=approved`,
      );
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
      const names = out.worksheets.at(0)!.getColumn(2).values.slice(2);
      expect(names).toContain('周大福');
      expect(names).toContain('钱小二');
    });
  });

  describe('settings', () => {
    const url = () => `/api/v1/districts/${tree.district.id}/volunteering-settings`;

    it('getVolunteeringSettings shows anyone the default star thresholds', async () => {
      expect((await resident.request('GET', url())).json().starThresholdsHours).toEqual([100, 300, 600, 1000, 1500]);
    });

    it('updateVolunteeringSettings answers 404 to a community admin', async () => {
      expectError(await adminA.request('PATCH', url(), { cancelDeadlineHours: 2 }), 404, '组织节点不存在');
    });

    it('updateVolunteeringSettings refuses thresholds that do not rise', async () => {
      const district = await clientFor(
        app,
        await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
      );
      const bad = await district.request('PATCH', url(), { starThresholdsHours: [30, 20, 100, 200, 300] });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().message).toBe('设置不正确：星级门槛须为 5 个递增的正整数小时数');
    });
  });
});

describe.each(DIALECTS)('volunteering settings API on %s', (dialect) => {
  // A district of its own: changing its settings must not move the star levels the other tests assert.
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
    tree = await makeTree(env.deps);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('updateVolunteeringSettings lets a district admin set rising star thresholds', async () => {
    const district = await clientFor(
      app,
      await makeUser(env.deps, { role: 'district_admin', roleNode: tree.district }),
    );
    const url = `/api/v1/districts/${tree.district.id}/volunteering-settings`;
    const ok = await district.request('PATCH', url, { starThresholdsHours: [30, 60, 100, 200, 300] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().starThresholdsHours).toEqual([30, 60, 100, 200, 300]);
    expect((await district.request('GET', url)).json().starThresholdsHours).toEqual([30, 60, 100, 200, 300]);
  });
});

describe('public volunteer card', () => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;

  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    app = await testApp(env);
    tree = await makeTree(env.deps);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('shows the masked data of an approved volunteer, without login and without the phone', async () => {
    const v = await makeVolunteer(env.deps, tree.communityA, { realName: '钱多多' });
    const res = await anon(app, 'GET', `/api/v1/public/volunteer-cards/${v.volunteerId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nameMasked: '钱*多',
      status: 'approved',
      communityName: '甲社区',
      starLevel: 0,
    });
    expect(JSON.stringify(res.json())).not.toContain(v.phone);
  });

  it('answers 404 to an unknown card', async () => {
    expectError(await anon(app, 'GET', '/api/v1/public/volunteer-cards/nope'), 404, '志愿者不存在');
  });
});
