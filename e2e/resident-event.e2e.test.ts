// A resident who is not a volunteer, on a 375 px phone: a volunteer activity's 报名 offers 申请成为志愿者 instead
// of a dead end; a resident event (免费理发日) takes her sign-up at once; 我的报名 lists it, and says 已结束 once it
// is over. The server's clock is moved instead of waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, canRunBrowser, h5Login, phonePage, type Server, shot, startServer } from './harness.js';

const HOUR = 3600_000;

describe.skipIf(!canRunBrowser)('resident event journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'lets a resident sign up for a resident event and points her to volunteering elsewhere',
    { timeout: 180_000 },
    async () => {
      const { url, clock, browser } = server;

      // Set-up: the community publishes a volunteer activity and a free haircut day for residents, tomorrow.
      const leaderApi = await apiAs(url, '13800000006');
      const adminApi = await apiAs(url, '13800000002');
      const team = (
        await leaderApi<{ items: Array<{ id: string; communityId: string }> }>('GET', '/api/v1/teams?leading=true')
      ).items.at(0)!;
      const tomorrow = new Date(clock.now().getTime() + 8 * HOUR + 24 * HOUR).toISOString().slice(0, 10);
      const start = new Date(`${tomorrow}T14:00:00+08:00`);
      const end = new Date(start.getTime() + 2 * HOUR);
      const {
        items: [service],
      } = await leaderApi<{ items: [{ id: string }] }>('POST', '/api/v1/activities', {
        communityId: team.communityId,
        teamId: team.id,
        title: '楼道清理小分队',
        category: '环境保护',
        address: '3 栋楼下',
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        slots: 5,
        publish: true,
      });
      const {
        items: [haircut],
      } = await adminApi<{ items: [{ id: string; audience: string }] }>('POST', '/api/v1/activities', {
        communityId: team.communityId,
        title: '免费理发日',
        category: '便民服务',
        description: '理发师志愿者为老人免费理发，请带好老年证。',
        address: '燕岭社区党群服务中心',
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        slots: 20,
        publish: true,
        audience: 'resident',
      });
      expect(haircut.audience).toBe('resident');

      // 1. 张阿姨 (not a volunteer) taps 报名 on the volunteer activity and is offered the way to become one.
      const resident = await phonePage(browser);
      await resident.clock.setFixedTime(clock.now());
      await h5Login(resident, url, '13800000009');
      await resident.goto(`${url}/activities/${service.id}`);
      await resident.getByRole('button', { name: '报名', exact: true }).click();
      await resident.getByText('本活动需要志愿者报名').waitFor();
      await shot(resident, 'r01-volunteer-only');
      await resident.locator('.adm-dialog').getByRole('button', { name: '申请成为志愿者' }).click();
      await resident.waitForURL((u) => u.pathname === '/volunteer/apply');
      await resident.getByLabel('真实姓名').waitFor();

      // 2. The haircut day is a resident event: it says so, and her 报名 is taken at once.
      await resident.goto(`${url}/activities/${haircut.id}`);
      await resident.getByText('本社区居民均可报名').waitFor();
      await resident.getByRole('button', { name: '报名', exact: true }).click();
      await resident.getByRole('button', { name: '取消报名' }).waitFor();
      await shot(resident, 'r02-resident-event-signed-up');
      const roster = await adminApi<{ items: Array<{ displayName: string; status: string }> }>(
        'GET',
        `/api/v1/activities/${haircut.id}/roster`,
      );
      expect(roster.items.map((r) => [r.displayName, r.status])).toEqual([['张阿姨', 'confirmed']]);

      // 3. 我的报名 lists it, tagged as a resident event.
      await resident.goto(`${url}/me/signups`);
      const item = resident.locator('.signup-item', { hasText: '免费理发日' });
      await item.getByText('居民活动').waitFor();
      await shot(resident, 'r03-my-signups');

      // 4. After the event, 我的报名 says 已结束.
      clock.set(new Date(end.getTime() + 3 * HOUR));
      await resident.clock.setFixedTime(clock.now());
      await resident.reload();
      await item.getByText('已结束').waitFor();
      await shot(resident, 'r04-finished');
      await resident.context().close();
    },
  );
});
