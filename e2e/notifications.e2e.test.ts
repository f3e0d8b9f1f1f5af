// Notifications in the browser: a resident applies to volunteer on the phone; the community admin's console bell
// shows the application waiting; the admin approves it; the resident's tab bar shows an unread badge on 消息, the
// inbox says the application was approved, a tap opens the volunteer card and the badge goes away.
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

describe.skipIf(!canRunBrowser)('notifications journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('approval in the console → badge and notice on the applicant’s phone', { timeout: 180_000 }, async () => {
    const { url, browser } = server;

    const resident = await phonePage(browser);
    await h5Login(resident, url, '13800000009');
    await resident.getByRole('link', { name: '申请成为志愿者' }).click();
    await resident.getByLabel('真实姓名').fill('张桂华');
    await resident.getByRole('button', { name: '医护', exact: true }).click();
    await resident.getByRole('button', { name: '提交申请' }).click();
    await resident.getByText('待审核').first().waitFor();
    // What the demo already told her (e.g. about her needs): the badge counts on from there.
    const messagesTab = resident.locator('.adm-tab-bar-item').filter({ hasText: '消息' });
    const badgeOf = async () =>
      Number(
        (await messagesTab
          .locator('.adm-badge')
          .textContent()
          .catch(() => null)) ?? 0,
      );
    await resident.goto(`${url}/`);
    await messagesTab.waitFor();
    await resident.waitForTimeout(1000);
    const before = await badgeOf();

    const admin = await desktopPage(browser);
    await consoleLogin(admin, url, '13800000002');
    await admin.goto(`${url}/admin/volunteers`);
    // The application landed in the admin's queue: the bell says so.
    await expect
      .poll(
        async () => {
          await admin.reload({ waitUntil: 'networkidle' });
          return admin.getByTestId('notification-bell').getAttribute('aria-label');
        },
        { timeout: 60_000 },
      )
      .toMatch(/^消息（\d+ 条未读）$/);
    await admin.getByTestId('notification-bell').click();
    await admin.getByText('有新的志愿者申请待审核').first().waitFor();
    await shot(admin, 'n01-console-bell');
    await admin.keyboard.press('Escape');

    await admin.getByRole('button', { name: '通过 张*华' }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
    await expect.poll(() => admin.locator('body').textContent()).toContain('已通过');

    // The applicant's phone: the 消息 tab carries the badge.
    await expect
      .poll(
        async () => {
          await resident.goto(`${url}/`, { waitUntil: 'networkidle' });
          await messagesTab.waitFor();
          return badgeOf();
        },
        { timeout: 60_000 },
      )
      .toBe(before + 1);
    await shot(resident, 'n02-badge');
    await messagesTab.click();
    await resident.waitForURL((u) => u.pathname === '/messages');
    const notice = resident.getByRole('button', { name: '未读 志愿者申请已通过' });
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toContain('您已成为志愿者');
    await shot(resident, 'n03-inbox');
    await notice.click();
    await resident.waitForURL((u) => u.pathname === '/volunteer/card');
    await resident.goto(`${url}/messages`);
    await resident.getByRole('button', { name: '志愿者申请已通过' }).waitFor();
    await expect.poll(badgeOf).toBe(before);

    await resident.getByRole('button', { name: '消息设置' }).click();
    await resident.getByText('活动开始前提醒').waitFor();
    await shot(resident, 'n04-settings');
  });
});
