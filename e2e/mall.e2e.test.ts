// The points loop at a shop counter: a resident orders a haircut with points and shows the voucher; the barber's
// phone redeems it by code; the resident sees it redeemed and rates it; the month's statement shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, h5Login, phonePage, type Server, shot, startServer } from './harness.js';

describe.skipIf(!canRunBrowser)('mall journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('orders, redeems at the counter, rates and settles', { timeout: 180_000 }, async () => {
    const { url, browser } = server;
    const resident = await phonePage(browser);
    await h5Login(resident, url, '13800000007');
    await resident.goto(`${url}/mall`);
    await resident.getByRole('group', { name: '类别' }).getByRole('button', { name: '商户优惠' }).click();
    await resident
      .getByRole('link', { name: /老人免费理发一次/ })
      .first()
      .click();
    await resident.getByTestId('item-balance').waitFor();
    await shot(resident, 'm01-item');
    await resident.getByRole('button', { name: '兑换', exact: true }).click();
    await resident.getByRole('dialog').getByRole('button', { name: '确认兑换' }).click();
    const codeBox = resident.getByTestId('voucher-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())!.replace(/[^0-9A-Z]/g, '');
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    await resident.getByTestId('voucher-qr').waitFor();
    await shot(resident, 'm02-voucher');

    const barber = await phonePage(browser);
    await h5Login(barber, url, '13800000008');
    await barber.goto(`${url}/merchant/redeem?mode=type`);
    await barber.getByLabel('8 位券码').fill(code);
    await barber.getByRole('button', { name: '查询' }).click();
    await barber.getByTestId('redeem-holder').waitFor();
    await shot(barber, 'm03-lookup');
    await barber.getByRole('button', { name: '确认核销' }).click();
    await barber.getByTestId('redeem-success').waitFor();
    await shot(barber, 'm04-redeemed');
    // The same code a second time is refused with a clear message.
    await barber.goto(`${url}/merchant/redeem?mode=type`);
    await barber.getByLabel('8 位券码').fill(code);
    await barber.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => barber.locator('body').textContent()).toContain('不能重复使用');

    await expect
      .poll(async () => resident.getByTestId('voucher-state').textContent(), { timeout: 20_000 })
      .toContain('已核销');
    await resident.getByRole('button', { name: '4 星' }).click();
    await resident.getByLabel('评价内容（选填）').fill('手艺不错，老人很满意');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await resident.getByTestId('voucher-rated').waitFor();
    await shot(resident, 'm05-rated');

    await barber.goto(`${url}/merchant`);
    await barber.getByRole('link', { name: /月度结算/ }).click();
    await expect.poll(() => barber.getByTestId('statement-points').textContent()).toContain('20');
    await shot(barber, 'm06-statement');
    for (const p of [resident, barber]) await p.context().close();
  });
});
