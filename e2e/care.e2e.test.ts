// The care registry's visit loop (关爱台账, seed 004's tiered visits) in Chromium: the paired volunteer 孙志愿 opens
// 我关照的人 on a 375 px phone from the 首页 tile, sees 王秀英 first in red (three days overdue), opens her, logs a
// visit on the spot (findings, 一切安好) and the alert turns blue; the grid worker's console 关爱台账 then lists her
// blue, with 陈德明 (yellow) the most urgent. Screenshots go to /tmp/shots for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, consoleLogin, desktopPage, h5Login, phonePage, type Server, startServer } from './harness.js';

const SHOTS = '/tmp/shots';
/** How long a step may take to show on a busy machine (expect.poll's default is 1 s). */
const WAIT = { timeout: 20_000 };

async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!canRunBrowser)('care visit journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('lets a visitor log a visit on a phone and turns the red alert blue', { timeout: 180_000 }, async () => {
    const { url, browser } = server;
    const phone = await phonePage(browser);
    await h5Login(phone, url, '13800000007'); // 孙志愿
    await phone.getByRole('link', { name: '我关照的人' }).click();
    await phone.waitForURL((u) => u.pathname === '/care');
    const cards = phone.locator('li[data-alert]');
    await expect.poll(() => cards.count(), WAIT).toBe(4);
    const first = cards.first();
    await expect.poll(() => first.getAttribute('data-alert'), WAIT).toBe('red');
    await expect.poll(() => first.textContent(), WAIT).toContain('王*英');
    await expect.poll(() => first.textContent(), WAIT).toContain('已逾期 3 天');
    await snap(phone, 'care-01-my-people');

    await first.getByRole('link').click();
    await phone.waitForURL((u) => /^\/care\/[^/]+$/.test(u.pathname));
    const alert = phone.getByTestId('care-alert');
    await expect.poll(() => alert.getAttribute('data-alert'), WAIT).toBe('red');
    await expect.poll(() => phone.getByText('王秀英').count(), WAIT).toBeGreaterThan(0);
    await phone.getByPlaceholder('例如：老人精神不错').fill('老人精神不错，帮忙买了米和油');
    await phone.getByRole('button', { name: '一切安好' }).click();
    await snap(phone, 'care-02-visit-form');
    await phone.getByRole('button', { name: /^(loading )?提交走访记录$/ }).click();
    await expect.poll(() => alert.getAttribute('data-alert'), WAIT).toBe('blue');
    await expect.poll(() => phone.getByText('老人精神不错，帮忙买了米和油').count(), WAIT).toBeGreaterThan(0);
    await snap(phone, 'care-03-visited');

    await phone.goto(`${url}/care`);
    await expect.poll(() => phone.locator('li[data-alert]').first().getAttribute('data-alert'), WAIT).toBe('yellow');

    const desk = await desktopPage(browser);
    await consoleLogin(desk, url, '13800000004'); // 周网格
    await desk.goto(`${url}/admin/care`);
    const rows = desk.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), WAIT).toBe(4);
    await expect.poll(() => rows.first().textContent(), WAIT).toContain('陈*明');
    const wang = rows.filter({ hasText: '王*英' });
    await expect.poll(() => wang.locator('[data-alert]').getAttribute('data-alert'), WAIT).toBe('blue');
    await wang.click();
    await expect.poll(() => desk.getByText('老人精神不错，帮忙买了米和油').count(), WAIT).toBeGreaterThan(0);
    await snap(desk, 'care-04-console');
  });
});
