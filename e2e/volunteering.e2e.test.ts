// The volunteer's whole road on a phone and the community's in the console: apply → approved in the console →
// sign up → check in and out with the leader's code → a second volunteer, marked present by mistake, is marked
// absent late and earns nothing → leader confirms → community accepts → hours → certificate → its public QR page
// says it is valid. The server's clock is moved instead of waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  canRunBrowser,
  consoleLogin,
  desktopPage,
  h5Login,
  phonePage,
  type Server,
  shot,
  startServer,
} from './harness.js';

const HOUR = 3600_000;

describe.skipIf(!canRunBrowser)('volunteering journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('goes from "I want to help" to a verified certificate', { timeout: 240_000 }, async () => {
    const { url, clock, browser } = server;

    // 1. A resident applies on the phone.
    const resident = await phonePage(browser);
    await h5Login(resident, url, '13800000009');
    await resident.getByRole('link', { name: '申请成为志愿者' }).click();
    await resident.getByLabel('真实姓名').fill('张桂华');
    await resident.getByRole('button', { name: '医护', exact: true }).click();
    await resident.getByRole('button', { name: '周六上午' }).click();
    await shot(resident, 'v01-apply');
    await resident.getByRole('button', { name: '提交申请' }).click();
    await resident.getByText('待审核').first().waitFor();
    await shot(resident, 'v02-pending');

    // 2. The community admin approves it in the console.
    const admin = await desktopPage(browser);
    await consoleLogin(admin, url, '13800000002');
    await admin.goto(`${url}/admin/volunteers`);
    await admin.getByRole('button', { name: '通过 张*华' }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await expect.poll(() => admin.locator('body').textContent()).toContain('已通过');
    await shot(admin, 'v03-console-approved');

    // 3. The team leader publishes an activity for tomorrow morning.
    const leaderApi = await apiAs(url, '13800000006');
    const team = (
      await leaderApi<{ items: Array<{ id: string; communityId: string }> }>('GET', '/api/v1/teams?leading=true')
    ).items.at(0)!;
    const tomorrow = new Date(clock.now().getTime() + 8 * HOUR + 24 * HOUR).toISOString().slice(0, 10);
    const start = new Date(`${tomorrow}T09:00:00+08:00`);
    const {
      items: [activity],
    } = await leaderApi<{ items: [{ id: string }] }>('POST', '/api/v1/activities', {
      communityId: team.communityId,
      teamId: team.id,
      title: '楼道清理小分队',
      category: '环境保护',
      description: '清理楼道杂物，张贴消防提示。',
      address: '燕岭社区 3 栋楼下',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      slots: 5,
      publish: true,
    });

    // 4. The new volunteer signs up on the phone.
    await resident.goto(`${url}/activities/${activity.id}`);
    await resident.getByRole('button', { name: '报名', exact: true }).click();
    await resident.getByRole('button', { name: '取消报名' }).waitFor();
    await shot(resident, 'v04-signed-up');

    // 4b. A second volunteer signs up too (and will not come).
    const absentApi = await apiAs(url, '13800000007');
    await absentApi('POST', `/api/v1/activities/${activity.id}/signups`, {});

    // 5. Ten minutes before the start, the leader shows the code and the volunteer types it in.
    clock.set(new Date(start.getTime() - 10 * 60_000));
    // The phones' clocks follow the server's, so "today's activities" are the same on both.
    await resident.clock.setFixedTime(clock.now());
    const leader = await phonePage(browser);
    await leader.clock.setFixedTime(clock.now());
    await h5Login(leader, url, '13800000006');
    await leader.goto(`${url}/leader/activities/${activity.id}?tab=code`);
    const code = (await leader.getByTestId('attendance-code').textContent())!.replace(/\D/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await shot(leader, 'v05-leader-code');
    await resident.goto(`${url}/checkin?activity=${activity.id}`);
    await resident.getByPlaceholder('请输入 6 位签到码').fill('000000' === code ? '111111' : '000000');
    await resident.getByRole('button', { name: '签到', exact: true }).click();
    await expect.poll(() => resident.locator('body').textContent()).toContain('签到码无效');
    await resident.getByPlaceholder('请输入 6 位签到码').fill(code);
    await resident.getByRole('button', { name: '签到', exact: true }).click();
    await resident.getByText(/签到成功/).waitFor();
    await shot(resident, 'v06-checked-in');

    // 6. After the activity, a new code, and check-out.
    clock.set(new Date(start.getTime() + 2 * HOUR + 5 * 60_000));
    await resident.clock.setFixedTime(clock.now());
    await leader.clock.setFixedTime(clock.now());
    await leader.reload();
    const code2 = (await leader.getByTestId('attendance-code').textContent())!.replace(/\D/g, '');
    await resident.goto(`${url}/checkin?activity=${activity.id}`);
    await resident.getByPlaceholder('请输入 6 位签到码').fill(code2);
    await resident.getByRole('button', { name: '签退', exact: true }).click();
    await resident.getByText(/签退成功/).waitFor();
    await expect.poll(() => resident.locator('body').textContent()).toContain('120 分钟');
    await shot(resident, 'v07-checked-out');

    // 6b. A late no-show: the leader marks 孙志愿 present on the roster by mistake, then marks her absent. The
    // pending record of the mistaken mark is voided, so she earns nothing, and the roster says 缺席.
    await leader.goto(`${url}/leader/activities/${activity.id}?tab=roster`);
    await leader.getByRole('button', { name: '到场 孙志愿' }).click();
    await leader.getByText('已登记').waitFor();
    const mistaken = await absentApi<{ items: Array<{ status: string; minutes: number }> }>(
      'GET',
      `/api/v1/service-records?mine=true&activityId=${activity.id}`,
    );
    expect(mistaken.items.map((r) => [r.status, r.minutes])).toEqual([['pending', 120]]);
    await leader.getByRole('button', { name: '缺席 孙志愿' }).click();
    await leader.locator('.adm-dialog').getByRole('button', { name: '确定' }).click();
    await leader.locator('.adm-dialog').waitFor({ state: 'hidden' });
    await leader.locator('.adm-toast-main').waitFor({ state: 'hidden' });
    await expect
      .poll(() => leader.locator('.roster-row', { hasText: '孙志愿' }).locator('.adm-tag').first().textContent())
      .toBe('缺席');
    await shot(leader, 'v07b-late-no-show');
    const voided = await absentApi<{ items: Array<{ status: string; minutes: number }> }>(
      'GET',
      `/api/v1/service-records?mine=true&activityId=${activity.id}`,
    );
    expect(voided.items.map((r) => r.status)).toEqual(['voided']);

    // 7. The leader confirms the hours.
    await leader.goto(`${url}/leader/activities/${activity.id}?tab=confirm`);
    await leader.getByText('全选').click();
    await leader.getByRole('button', { name: '确认时长' }).click();
    await leader.getByText('没有待确认的服务记录').waitFor();
    await shot(leader, 'v08-leader-confirmed');

    // 8. The community accepts them in the console.
    await admin.goto(`${url}/admin/acceptance`);
    const table = admin.getByTestId('records-table');
    await table.getByText('楼道清理小分队').waitFor();
    await table.getByRole('checkbox', { name: /楼道清理小分队/ }).check();
    await admin.getByTestId('batch-accept').click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '验收' }).click();
    await expect.poll(() => admin.locator('body').textContent()).toContain('已验收');
    await shot(admin, 'v09-console-accepted');

    // 9. The volunteer sees the hours and downloads the certificate.
    await resident.goto(`${url}/me/hours`);
    await expect.poll(() => resident.getByTestId('accepted-hours').textContent()).toContain('2');
    await shot(resident, 'v10-hours');
    const href = await resident.getByRole('link', { name: '下载志愿服务记录证明' }).getAttribute('href');
    const pdf = await resident.context().request.get(`${url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const certNo = decodeURIComponent(String(pdf.headers()['content-disposition']))
      .match(/证明-(.+)\.pdf/)!
      .at(1)!;

    // 9b. The late no-show earned nothing for this activity: no live record, and her sign-up says no-show.
    const after = await absentApi<{ items: Array<{ status: string }> }>(
      'GET',
      `/api/v1/service-records?mine=true&activityId=${activity.id}`,
    );
    expect(after.items.map((r) => r.status)).toEqual(['voided']);
    const mine = await absentApi<{ items: Array<{ activityId: string; status: string; activityPhase: string }> }>(
      'GET',
      '/api/v1/me/signups',
    );
    expect(mine.items.find((x) => x.activityId === activity.id)).toMatchObject({
      status: 'no_show',
      activityPhase: 'finished',
    });

    // 10. Anyone scanning its QR code sees that it is genuine.
    const stranger = await phonePage(browser);
    await stranger.goto(`${url}/verify/${encodeURIComponent(certNo)}`);
    await stranger.getByText('证明有效').waitFor();
    await shot(stranger, 'v11-verify');
    for (const p of [resident, admin, leader, stranger]) await p.context().close();
  });
});
