// The need-to-triage path in Chromium: 张阿姨 on a 375 px phone raises a need (代买代办, 比较急, 今天); 我的需求
// shows it waiting; the grid worker finds it on the console's 需求看板 under 待分派, opens it and dispatches it; the
// resident's page then says 正在找志愿者 with two steps in its progress. Matching and invitations follow in the
// matching journey.
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

describe.skipIf(!canRunBrowser)('needs journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('takes a resident’s need from the phone to the grid worker’s board and back', { timeout: 180_000 }, async () => {
    const { url, browser } = server;
    const phone = await phonePage(browser);
    await h5Login(phone, url, '13800000009');

    // 首页 → 我有需求
    await phone.getByRole('link', { name: '我有需求' }).click();
    await phone.waitForURL('**/needs/new');
    await phone.getByRole('button', { name: '代买代办' }).click();
    await phone.getByPlaceholder(/例如：腿脚不便/).fill('想请人帮忙买一袋大米送到家');
    await phone.getByRole('button', { name: '今天' }).click();
    await phone.getByRole('button', { name: '比较急' }).click();
    await shot(phone, 'needs-01-raise');
    await phone.getByRole('button', { name: '提交需求' }).click();
    await phone.waitForURL(/\/needs\/[0-9A-Z]{26}$/);
    await expect.poll(() => phone.getByText('等社区处理').first().isVisible()).toBe(true);
    const needUrl = phone.url();

    await phone.goto(`${url}/needs`);
    await expect.poll(() => phone.getByText('代买代办：想请人帮忙买一袋大米送到家').isVisible()).toBe(true);
    await shot(phone, 'needs-02-mine');

    // The grid worker sees it under 待分派 and dispatches it.
    const desk = await desktopPage(browser);
    await consoleLogin(desk, url, '13800000004');
    await desk.getByRole('menuitem', { name: '需求看板' }).click();
    await desk.waitForURL('**/admin/needs');
    const column = desk.getByRole('region', { name: '待分派' });
    const card = column.getByRole('button', { name: '代买代办：想请人帮忙买一袋大米送到家' });
    await card.click();
    const drawer = desk.getByRole('dialog');
    await expect.poll(() => drawer.getByText('紧急').first().isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText(/^138\*{4}0009$/).isVisible()).toBe(true);
    await shot(desk, 'needs-03-board-drawer');
    await drawer.getByRole('button', { name: '派给志愿者' }).click();
    await expect.poll(() => desk.getByText('已分派，可在下方匹配志愿者').isVisible()).toBe(true);
    await expect
      .poll(() =>
        desk.getByRole('region', { name: '已分派' }).getByText('代买代办：想请人帮忙买一袋大米送到家').isVisible(),
      )
      .toBe(true);

    // Back on the phone: the need is being matched, and its progress has two steps.
    await phone.goto(needUrl);
    await expect.poll(() => phone.getByText('正在找志愿者').first().isVisible()).toBe(true);
    await expect.poll(() => phone.getByText('等社区处理').count()).toBe(1);
    await shot(phone, 'needs-04-progress');
  });
});
