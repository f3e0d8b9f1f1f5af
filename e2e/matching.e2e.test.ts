// The need-to-help path in Chromium: 张阿姨 raises a need on her phone (手机教学); the grid worker dispatches it on the
// console's board, sees the volunteers ranked with their reasons, ticks 孙*红 and invites her as a 15-minute quick
// task; 孙志愿 finds the invitation on her home page, accepts with one tap, taps 开始服务 and, 20 minutes later,
// 服务完成; 张阿姨 confirms it was done and rates it 5 stars; the console shows the 20 minutes recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canRunBrowser,
  consoleLogin,
  desktopPage,
  h5Login,
  phonePage,
  type Server,
  shot,
  startServer,
} from './harness.js';

describe.skipIf(!canRunBrowser)('matching journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'takes a need from the phone through matching and a volunteer’s tap to done and rated',
    { timeout: 240_000 },
    async () => {
      const { url, browser, clock } = server;
      const title = '手机教学：想学用手机给外地的孩子打视频电话';

      // The resident raises the need.
      const resident = await phonePage(browser);
      await h5Login(resident, url, '13800000009');
      await resident.getByRole('link', { name: '我有需求' }).click();
      await resident.waitForURL('**/needs/new');
      await resident.getByRole('button', { name: '手机教学' }).click();
      await resident.getByPlaceholder(/例如：腿脚不便/).fill('想学用手机给外地的孩子打视频电话');
      await resident.getByRole('button', { name: '今天' }).click();
      await resident.getByRole('button', { name: '提交需求' }).click();
      await resident.waitForURL(/\/needs\/[0-9A-Z]{26}$/);
      const needUrl = resident.url();

      // The grid worker dispatches it and ranks the volunteers.
      const desk = await desktopPage(browser);
      await consoleLogin(desk, url, '13800000004');
      await desk.getByRole('menuitem', { name: '需求看板' }).click();
      await desk.waitForURL('**/admin/needs');
      await desk.getByRole('region', { name: '待分派' }).getByRole('button', { name: title }).click();
      const drawer = desk.getByRole('dialog');
      await drawer.getByRole('button', { name: '派给志愿者' }).click();
      const ranked = drawer.getByRole('table', { name: '匹配的志愿者列表' });
      await expect.poll(() => ranked.getByText('孙*红').isVisible(), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => ranked.getByText('技能匹配 电脑手机').isVisible()).toBe(true);
      await expect.poll(() => ranked.getByText('近30天服务较少').first().isVisible()).toBe(true);
      await shot(desk, 'matching-01-ranked');
      await ranked.getByRole('checkbox', { name: '孙*红' }).check();
      await drawer.getByRole('checkbox', { name: /15分钟微服务/ }).check();
      await drawer.getByRole('button', { name: '邀请所选（1 人）' }).click();
      await expect.poll(() => desk.getByText('已发出 1 条邀请').isVisible()).toBe(true);
      const invites = drawer.getByRole('table', { name: '邀请列表' });
      await expect.poll(() => invites.getByText('待答复').isVisible()).toBe(true);
      await shot(desk, 'matching-02-invited');

      // The volunteer answers on her phone: one tap to accept, then 开始服务 and 服务完成.
      const volunteer = await phonePage(browser);
      await h5Login(volunteer, url, '13800000007');
      await volunteer.getByRole('link', { name: /1 条邀请等您答复/ }).click();
      await volunteer.waitForURL('**/tasks');
      const card = volunteer.getByRole('region', { name: title });
      await expect.poll(() => card.getByText('15分钟微服务').isVisible()).toBe(true);
      await expect.poll(() => card.getByText(/^因为：技能匹配 电脑手机/).isVisible()).toBe(true);
      await expect.poll(() => card.getByText('接受后显示详细地点').isVisible()).toBe(true);
      await shot(volunteer, 'matching-03-inbox');
      await card.getByRole('button', { name: '接受' }).click();
      await expect.poll(() => card.getByRole('button', { name: '开始服务' }).isVisible()).toBe(true);
      await card.getByRole('button', { name: '开始服务' }).click();
      await expect.poll(() => card.getByRole('button', { name: '服务完成' }).isVisible()).toBe(true);
      clock.advance(20 * 60_000);
      await card.getByRole('button', { name: '服务完成' }).click();
      await expect.poll(() => card.getByText(/等居民确认/).isVisible()).toBe(true);
      await shot(volunteer, 'matching-04-task-done');

      // The resident confirms it was done and rates it.
      await resident.goto(needUrl);
      await resident.getByRole('button', { name: '确认已完成' }).click();
      await resident.getByRole('dialog').getByRole('button', { name: '确认已完成' }).click();
      await expect.poll(() => resident.getByText('评价这次服务').isVisible()).toBe(true);
      await resident.getByRole('button', { name: '5 星' }).click();
      await resident.getByRole('button', { name: '提交评价' }).click();
      await expect.poll(() => resident.getByText('已评价').first().isVisible()).toBe(true);
      await shot(resident, 'matching-05-rated');

      // The console shows the minutes recorded for the volunteer.
      await desk.reload();
      await expect
        .poll(() => desk.getByRole('dialog').getByText('20 分钟').isVisible(), { timeout: 15_000 })
        .toBe(true);
      await shot(desk, 'matching-06-recorded');
    },
  );
});
