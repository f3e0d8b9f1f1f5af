// The 随手拍 loop of seed 004 (发现问题—解决问题—激励反馈) in Chromium: a delivery rider on a 375 px phone reports a
// 飞线充电 hazard with a photo (and their position); a neighbour at the same spot is offered it and joins it (我也反映)
// instead of reporting it again; the grid worker accepts it on the console's 随手拍 board, gives it
// to themselves, starts and resolves it with a photo of the work; the rider confirms it on the phone and sees the
// reward there and in 我的积分; the public board (no sign-in) shows it resolved, without the rider's name. The grid
// worker's notice opens the report's drawer (/admin/reports?report=<id>); a decided flag leaves the moderation
// queue; the escalated demo report says 已升级 · 网格超时. A rider with no home at all reports in a community and grid
// they pick. Screenshots go to /tmp/shots for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  canRunBrowser,
  consoleLogin,
  DEMO_PASSWORD,
  desktopPage,
  h5Login,
  phonePage,
  type Server,
  startServer,
} from './harness.js';

const SHOTS = '/tmp/shots';
/** How long a step may take to show on a busy machine (expect.poll's default is 1 s). */
const WAIT = { timeout: 20_000 };
const RIDER_PHONE = '13900001234';
const RIDER_NAME = '小马骑手';
/** Where the hazard is: 5号楼, a few hundred metres from the demo district's own reports. */
const SPOT = { latitude: 30.6241, longitude: 114.1452 };
const DESCRIPTION = '5号楼楼道里有人从三楼拉电线下来给电动车充电，很危险';

async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A camera-sized JPEG (not tiny: it goes through the phone's scaling and the server's re-encoding). */
function photo(r: number, g: number, b: number): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r, g, b } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

describe.skipIf(!canRunBrowser)('grid reports journey in Chromium', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it(
    'takes a rider’s hazard report to the grid worker, back for confirmation and onto the public board',
    {
      timeout: 240_000,
    },
    async () => {
      const { url, browser } = server;

      // The rider registers in 周网格's community and lives in her grid (set up through the API).
      const worker = await apiAs(url, '13800000004');
      const workerMe = await worker<{ roles: { role: string; nodeId: string; districtId: string }[] }>(
        'GET',
        '/api/v1/me',
      );
      const gridId = workerMe.roles.find((r) => r.role === 'grid_worker')!.nodeId;
      const nodes = await worker<{ items: { id: string; parentId: string }[] }>('GET', '/api/v1/org/nodes');
      const grid = nodes.items.find((n) => n.id === gridId)!;
      const registered = await fetch(`${url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          phone: RIDER_PHONE,
          password: DEMO_PASSWORD,
          displayName: RIDER_NAME,
          communityId: grid.parentId,
        }),
      });
      expect(registered.status).toBeLessThan(300);
      const rider = await apiAs(url, RIDER_PHONE);
      await rider('PATCH', '/api/v1/me', { homeNodeId: gridId });

      // 首页 → 随手拍: 飞线充电, a few words, a photo from the camera, the current position.
      const phone = await phonePage(browser);
      await phone.context().grantPermissions(['geolocation'], { origin: url });
      await phone.context().setGeolocation(SPOT);
      await h5Login(phone, url, RIDER_PHONE);
      await phone.getByRole('link', { name: '拍照反映' }).click();
      await phone.waitForURL('**/reports/new');
      await phone.getByRole('button', { name: '飞线充电' }).click();
      await phone.getByPlaceholder(/例如：3号楼楼道里/).fill(DESCRIPTION);
      // A file that only pretends to be a photo is refused in plain words and leaves nothing behind.
      await phone.getByTestId('report-gallery').setInputFiles({
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('this is not a picture at all'),
      });
      await expect.poll(() => phone.getByText(/这不是可以识别的照片/).isVisible(), WAIT).toBe(true);
      await expect.poll(() => phone.getByRole('img', { name: /张照片/ }).count(), WAIT).toBe(0);
      await phone.getByTestId('report-camera').setInputFiles({
        name: 'IMG_0001.jpg',
        mimeType: 'image/jpeg',
        buffer: await photo(180, 70, 40),
      });
      await expect.poll(() => phone.getByRole('img', { name: '第 1 张照片' }).isVisible(), WAIT).toBe(true);
      await expect.poll(() => phone.getByText('上传中…').count(), { timeout: 30_000 }).toBe(0);
      await phone.getByRole('button', { name: '使用当前位置' }).click();
      await expect.poll(() => phone.getByTestId('report-position').isVisible(), WAIT).toBe(true);
      await phone.getByText('已记下位置', { exact: true }).waitFor({ state: 'hidden' });
      await snap(phone, 'reports-01-new');
      await phone.getByRole('button', { name: '提交', exact: true }).click();
      await phone.waitForURL(/\/reports\/[0-9A-Z]{26}$/);
      const reportUrl = phone.url();
      await expect.poll(() => phone.getByTestId('report-status').textContent(), WAIT).toBe('等待受理');
      await snap(phone, 'reports-02-submitted');

      // A neighbour standing at the same spot (张阿姨, in 长辈模式: bigger text and buttons) is offered the open report
      // instead of a new one, and joins it.
      const zhang = await apiAs(url, '13800000009');
      await zhang('PATCH', '/api/v1/me', { elderMode: true });
      const neighbour = await phonePage(browser);
      await neighbour.context().grantPermissions(['geolocation'], { origin: url });
      await neighbour
        .context()
        .setGeolocation({ latitude: SPOT.latitude + 0.00002, longitude: SPOT.longitude + 0.00002 });
      await h5Login(neighbour, url, '13800000009');
      await neighbour.goto(`${url}/reports/new`);
      await neighbour.getByRole('button', { name: '飞线充电' }).click();
      await neighbour.getByRole('button', { name: '使用当前位置' }).click();
      const nearby = neighbour.getByTestId('nearby-reports');
      await expect.poll(() => nearby.getByText(DESCRIPTION).isVisible(), WAIT).toBe(true);
      await neighbour.getByText('已记下位置', { exact: true }).waitFor({ state: 'hidden' });
      await snap(neighbour, 'reports-02b-nearby');
      await nearby.getByRole('button', { name: '这是同一个问题，我也反映' }).click();
      await neighbour.waitForURL(reportUrl);
      await expect.poll(() => neighbour.getByText('2 人反映').isVisible(), WAIT).toBe(true);
      await neighbour.context().close();

      // The grid worker finds it on the console's 随手拍 board and takes it through to resolved, with a photo.
      const desk = await desktopPage(browser);
      await consoleLogin(desk, url, '13800000004');
      await desk.getByRole('menuitem', { name: '随手拍' }).click();
      await desk.waitForURL('**/admin/reports');
      await expect.poll(() => desk.getByTestId('report-figures').isVisible(), WAIT).toBe(true);
      await expect.poll(() => desk.getByRole('row', { name: `飞线充电：${DESCRIPTION}` }).isVisible(), WAIT).toBe(true);
      await snap(desk, 'reports-03a-board');
      // Her notice of the new report links straight to its drawer.
      const reportId = reportUrl.split('/').at(-1)!;
      const noticeLink = async () =>
        (
          await worker<{ items: { kind: string; refId: string | null; link: string | null }[] }>(
            'GET',
            '/api/v1/notifications?limit=50',
          )
        ).items.find((n) => n.kind === 'queue_report' && n.refId === reportId)?.link ?? null;
      await expect.poll(noticeLink, WAIT).toBe(`/admin/reports?report=${reportId}`);
      await desk.goto(`${url}${(await noticeLink())!}`);
      const drawer = desk.locator('.ant-drawer-section');
      await expect.poll(() => drawer.getByText(RIDER_NAME).first().isVisible(), WAIT).toBe(true);
      await snap(desk, 'reports-03-board');
      await drawer.getByRole('button', { name: '受理', exact: true }).click();
      await expect.poll(() => desk.getByText('已受理').first().isVisible(), WAIT).toBe(true);
      await drawer.getByRole('combobox', { name: '选择处理人' }).click();
      await desk.locator('.ant-select-item-option', { hasText: '周网格' }).first().click();
      await drawer.getByRole('button', { name: '派单', exact: true }).click();
      await expect.poll(() => drawer.getByRole('button', { name: '开始处理' }).isVisible(), WAIT).toBe(true);
      await drawer.getByRole('button', { name: '开始处理' }).click();
      await expect.poll(() => drawer.getByRole('button', { name: '处理完成' }).isVisible(), WAIT).toBe(true);
      await drawer.getByRole('button', { name: '处理完成' }).click();
      const modal = desk.getByRole('dialog', { name: '处理完成' });
      await modal.getByLabel('怎么处理的').fill('已拆除私拉电线，告知住户到小区充电桩充电');
      await modal.locator('input[type=file]').setInputFiles({
        name: 'after.jpg',
        mimeType: 'image/jpeg',
        buffer: await photo(60, 140, 80),
      });
      await expect.poll(() => modal.locator('.ant-upload-list-item-done').count(), { timeout: 30_000 }).toBe(1);
      await snap(desk, 'reports-04-resolve');
      await modal.getByRole('button', { name: '处理完成' }).click();
      await expect.poll(() => drawer.getByText('待确认').first().isVisible(), WAIT).toBe(true);
      await snap(desk, 'reports-05-resolved');

      // Back on the phone: the rider confirms, and sees the reward.
      await phone.goto(reportUrl);
      await expect.poll(() => phone.getByTestId('report-status').textContent(), WAIT).toBe('已处理，请确认');
      await expect.poll(() => phone.getByText('已拆除私拉电线').isVisible(), WAIT).toBe(true);
      await snap(phone, 'reports-06-to-confirm');
      await phone.getByRole('button', { name: '确认已解决' }).click();
      await phone.getByRole('dialog').getByRole('button', { name: '确认已解决' }).click();
      await expect.poll(() => phone.getByTestId('report-status').textContent(), WAIT).toBe('已解决');
      await expect.poll(() => phone.getByTestId('report-reward').isVisible(), WAIT).toBe(true);
      await phone.getByText('谢谢您！问题已解决').waitFor({ state: 'hidden' });
      const reward = await phone.getByTestId('report-reward').textContent();
      const points = Number(/获得 (\d+) 积分/.exec(reward ?? '')?.[1]);
      expect(points).toBeGreaterThan(0);
      await snap(phone, 'reports-07-confirmed');

      await phone.getByRole('link', { name: '看我的积分' }).click();
      await phone.waitForURL('**/me/points');
      await expect.poll(() => phone.getByTestId('points-balance').textContent(), WAIT).toContain(String(points));
      await snap(phone, 'reports-08-points');

      // The public board, without signing in: resolved, and no trace of who reported it.
      const visitor = await phonePage(browser);
      await visitor.goto(`${url}/reports/public`);
      const card = visitor.getByTestId('public-report').filter({ hasText: DESCRIPTION });
      await expect.poll(() => card.isVisible(), WAIT).toBe(true);
      await expect.poll(() => card.getByText('已解决').isVisible(), WAIT).toBe(true);
      await card.getByRole('button', { name: '看处理进度' }).click();
      await expect.poll(() => card.getByText('处理完成').isVisible(), WAIT).toBe(true);
      expect(await visitor.locator('body').textContent()).not.toContain(RIDER_NAME);
      expect(await visitor.getByText('举报不当内容').count()).toBe(0);
      await snap(visitor, 'reports-09-public');

      await visitor.context().close();

      // A signed-in neighbour flags it as improper; it waits in the console's moderation queue, where the grid
      // worker keeps it public.
      const flagger = await phonePage(browser);
      await h5Login(flagger, url, '13800000009');
      await flagger.goto(`${url}/reports/public`);
      const flagged = flagger.getByTestId('public-report').filter({ hasText: DESCRIPTION });
      await expect.poll(() => flagged.isVisible(), WAIT).toBe(true);
      await flagged.getByRole('button', { name: '举报不当内容' }).click();
      await flagger.getByText('泄露别人的隐私').click();
      await expect.poll(() => flagger.getByText(/已收到，谢谢/).isVisible(), WAIT).toBe(true);
      await flagger.context().close();

      await desk.goto(`${url}/admin/reports`);
      await desk.getByRole('tab', { name: /举报待审核/ }).click();
      await desk.getByRole('row', { name: `飞线充电：${DESCRIPTION}` }).click();
      const queue = desk.locator('.ant-drawer-section');
      await expect.poll(() => queue.getByText('有 1 人举报这条内容不当').isVisible(), WAIT).toBe(true);
      await snap(desk, 'reports-10-moderation');
      await queue.getByRole('button', { name: '恢复公开' }).click();
      await expect.poll(() => desk.getByText('已处理举报').isVisible(), WAIT).toBe(true);
      // The drawer says what was decided, and the queue empties of it.
      await expect.poll(() => queue.getByTestId('report-moderation').textContent(), WAIT).toContain('已审核：恢复公开');
      await desk.keyboard.press('Escape');
      await expect.poll(() => desk.getByRole('row', { name: `飞线充电：${DESCRIPTION}` }).count(), WAIT).toBe(0);
      await desk.context().close();

      // The community admin sees the whole community: the demo report left past the grid's 24 hours went up to the
      // community: 已升级 · 网格超时, with the community's own deadline still ahead (not 超时 above a future date).
      const admin = await desktopPage(browser);
      await consoleLogin(admin, url, '13800000002');
      await admin.goto(`${url}/admin/reports`);
      await expect.poll(() => admin.getByTestId('report-figures').isVisible(), WAIT).toBe(true);
      const escalated = admin.locator('tr[data-escalated="grid"]');
      await expect.poll(() => escalated.count(), WAIT).toBeGreaterThan(0);
      await expect.poll(() => escalated.first().getByText('已升级 · 网格超时').isVisible(), WAIT).toBe(true);
      await expect
        .poll(
          () =>
            escalated
              .first()
              .getByText(/^社区期限 /)
              .isVisible(),
          WAIT,
        )
        .toBe(true);
      expect(await escalated.first().getAttribute('data-overdue')).toBeNull();
      await snap(admin, 'reports-11-community-overdue');
      await admin.context().close();

      // The district admin sets the reward of a category and the daily cap (随手拍 → 设置).
      const district = await desktopPage(browser);
      await consoleLogin(district, url, '13800000001');
      await district.goto(`${url}/admin/reports?tab=settings`);
      const form = district.getByTestId('report-settings');
      await expect.poll(() => form.getByRole('textbox', { name: '名称' }).nth(1).inputValue(), WAIT).toBe('飞线充电');
      await form.getByRole('spinbutton', { name: '奖励积分' }).nth(1).fill('8');
      await form.getByLabel('每人每天最多（积分）').fill('30');
      await form.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => district.getByText('已保存随手拍设置').isVisible(), WAIT).toBe(true);
      await snap(district, 'reports-12-settings');
      const saved = await worker<{ categories: { key: string; points: number }[]; dailyCapPoints: number }>(
        'GET',
        `/api/v1/districts/${workerMe.roles[0]!.districtId}/report-settings`,
      );
      expect(saved.categories.find((c) => c.key === 'flying_wire')?.points).toBe(8);
      expect(saved.dailyCapPoints).toBe(30);
      await district.context().close();
      await phone.context().close();
    },
  );
  it('lets a rider with no home report in a community and grid they pick', { timeout: 120_000 }, async () => {
    const { url, browser } = server;
    const phoneNo = '13900004321';
    const registered = await fetch(`${url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: phoneNo, password: DEMO_PASSWORD, displayName: '路过的骑手' }),
    });
    expect(registered.status).toBeLessThan(300);
    const phone = await phonePage(browser);
    await h5Login(phone, url, phoneNo);
    await phone.goto(`${url}/reports/new`);
    // No "set your home first": the community comes first (photos wait for it), then its grids.
    await expect.poll(() => phone.getByRole('button', { name: '飞线充电' }).isVisible(), WAIT).toBe(true);
    expect(await phone.getByText('先选好社区，再拍照片').count()).toBeGreaterThan(0);
    await phone.getByRole('button', { name: '飞线充电' }).click();
    await phone.getByPlaceholder(/例如：3号楼楼道里/).fill('小区东门外井盖松了，电动车压上去会翻');
    await phone.getByText('请选择所在社区', { exact: true }).click();
    await phone.getByText('确定', { exact: true }).click();
    const where = phone.getByRole('group', { name: '在哪个网格？' });
    await expect.poll(() => where.getByText('第二网格').isVisible(), WAIT).toBe(true);
    await where.getByText('第二网格').click();
    await phone.getByTestId('report-camera').setInputFiles({
      name: 'IMG_0002.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo(90, 90, 160),
    });
    await expect.poll(() => phone.getByRole('img', { name: '第 1 张照片' }).isVisible(), WAIT).toBe(true);
    await expect.poll(() => phone.getByText('上传中…').count(), { timeout: 30_000 }).toBe(0);
    await snap(phone, 'reports-13-rider-no-home');
    await phone.getByRole('button', { name: '提交', exact: true }).click();
    await phone.waitForURL(/\/reports\/[0-9A-Z]{26}$/);
    const rider = await apiAs(url, phoneNo);
    const mine = await rider<{ items: { gridName: string | null; photos: unknown[] }[] }>(
      'GET',
      '/api/v1/reports/mine',
    );
    expect(mine.items[0]).toMatchObject({ gridName: '第二网格' });
    expect(mine.items[0]!.photos).toHaveLength(1);
    await phone.context().close();
  });
});
