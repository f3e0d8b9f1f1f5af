// The suggestion box and project claims in Chromium: a resident leaves a suggestion on the phone; the community
// answers it in the console; a visitor (no sign-in) sees it on 意见公示 with the name masked; the university's contact
// sees the phone-class project waiting for review; the community approves the claim; the contact sees it claimed.
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

describe.skipIf(!canRunBrowser)('suggestion box and project claims in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers a suggestion publicly and approves a claim', { timeout: 180_000 }, async () => {
    const { url, browser } = server;
    // The demo's own suggestions were left a moment ago: one a minute per person.
    server.clock.advance(2 * 60_000);
    const text = '希望在 2 栋楼梯加装扶手，老人上下楼更安全';

    const resident = await phonePage(browser);
    await h5Login(resident, url, '13800000009');
    await resident.getByRole('link', { name: '我要提意见' }).click();
    await resident.getByRole('button', { name: '设施维修' }).click();
    await resident.getByPlaceholder('比如：3栋楼道的灯坏了，晚上看不清台阶').fill(text);
    await resident.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => resident.locator('body').textContent()).toContain('等待社区答复');
    await shot(resident, 'p01-suggestion-sent');

    const admin = await desktopPage(browser);
    await consoleLogin(admin, url, '13800000002');
    await admin.goto(`${url}/admin/suggestions`);
    await admin
      .getByRole('row', { name: /加装扶手/ })
      .getByRole('button', { name: '答复' })
      .click();
    await admin.getByPlaceholder('答复会公开展示，请用平实的话说明办理情况').fill('已列入楼道微改造项目，月底前装好。');
    await admin.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await expect.poll(() => admin.getByRole('row', { name: /加装扶手/ }).count()).toBe(0);
    await shot(admin, 'p02-suggestion-answered');

    const visitor = await phonePage(browser);
    await visitor.goto(`${url}/suggestions/public?c=*`);
    await visitor.getByTestId('public-suggestions').waitFor();
    const card = visitor.getByTestId('suggestion').filter({ hasText: text });
    await expect.poll(() => card.textContent()).toContain('已列入楼道微改造项目');
    expect(await card.textContent()).toContain('张*华');
    const page = (await visitor.locator('body').textContent()) ?? '';
    expect(page).not.toContain('13800000009');
    expect(page).not.toContain('张桂华');
    await shot(visitor, 'p03-public');

    const contact = await phonePage(browser);
    await h5Login(contact, url, '13800000010');
    await contact.goto(`${url}/partner/projects`);
    await contact.getByRole('button', { name: /银龄智能手机课堂/ }).click();
    await expect.poll(() => contact.getByTestId('partner-project').textContent()).toContain('等待社区审核');
    await shot(contact, 'p04-claim-pending');

    await admin.goto(`${url}/admin/projects`);
    await admin.getByRole('row', { name: /银龄智能手机课堂/ }).click();
    await admin.getByRole('button', { name: '通过' }).click();
    await expect.poll(() => admin.locator('.ant-drawer').textContent()).toContain('已通过');
    await shot(admin, 'p05-claim-approved');

    await contact.reload();
    await contact.getByRole('button', { name: /银龄智能手机课堂/ }).click();
    await expect.poll(() => contact.getByTestId('partner-project').textContent()).toContain('已通过');
  });
});
