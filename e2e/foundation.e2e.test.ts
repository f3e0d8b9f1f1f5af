// Browser journeys of the foundation: a community admin adds a grid in the console; a resident registers and
// logs in on a phone-sized screen. Screenshots land in e2e/screenshots/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, DEMO_PASSWORD, desktopPage, phonePage, type Server, shot, startServer } from './harness.js';

describe.skipIf(!canRunBrowser)('foundation journeys in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'a community admin logs into the console, creates a grid and sees it in the tree',
    { timeout: 90_000 },
    async () => {
      const page = await desktopPage(server.browser);
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('手机号').fill('13800000002');
      await page.getByLabel('密码').fill('wrong-pass-1');
      await page.getByRole('button', { name: /^(loading )?登录$/ }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('手机号或密码错误');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      // antd keeps the spinner's "loading" label in the button's name while its leave animation runs.
      await page.getByRole('button', { name: /^(loading )?登录$/ }).click();
      const tree = page.getByRole('tree', { name: '组织架构树' });
      await tree.getByText('燕岭社区').click();
      await shot(page, 'console-org');
      await page.getByRole('button', { name: '新增下级' }).click();
      const dialog = page.getByRole('dialog', { name: '新增网格' });
      await dialog.getByLabel('名称').fill('第四网格');
      await dialog.getByLabel('统计用区划代码').fill('12345');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => dialog.textContent()).toMatch(/12 ?位数字/);
      await dialog.getByLabel('统计用区划代码').fill('420100001104');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.getByTestId('org-selected-name').textContent()).toContain('第四网格');
      await expect.poll(() => tree.getByText('第四网格').count()).toBe(1);
      await shot(page, 'console-grid-created');
      // The console shows the community admin nothing of other communities.
      expect(await tree.getByText('藏龙社区').count()).toBe(0);
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await expect.poll(() => page.getByRole('table', { name: '审计日志列表' }).textContent()).toContain('第四网格');
      await shot(page, 'console-audit');
      await page.context().close();
    },
  );

  it('a resident registers and logs in on a 375 px phone screen', { timeout: 90_000 }, async () => {
    const page = await phonePage(server.browser);
    await page.goto(`${server.url}/`);
    await page.getByText('立即注册').click();
    await page.getByPlaceholder('请输入手机号').fill('13912345678');
    await page.getByPlaceholder('请输入称呼，如“王阿姨”').fill('王阿姨');
    await page.getByPlaceholder('请设置密码').fill('Yanling2026');
    await page.getByPlaceholder('请再次输入密码').fill('Yanling2026');
    await page.getByLabel('所在社区').click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('我已阅读并同意').click();
    await shot(page, 'h5-register');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('王阿姨，您好');
    await shot(page, 'h5-home');
    await page.getByText('我的', { exact: true }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '退出登录' }).click();
    await page.getByPlaceholder('请输入手机号').fill('13912345678');
    await page.getByPlaceholder('请输入密码').fill('Yanling2026');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('139****5678');
    await shot(page, 'h5-me');
    await page.context().close();
  });
});
