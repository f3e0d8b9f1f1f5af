// The 15-minute service map on a 375 px phone with no network beyond the app: every request to another host is
// aborted (a configured tile server included), and the map still draws its rings and markers on the plain
// background. A resident whose browser gives no position gets her community's centre; tapping a marker opens the point's card; a
// resident whose phone gives a position gets the points nearest to her first.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunBrowser, DEMO_PASSWORD, type Server, shot, startServer } from './harness.js';

interface Point {
  name: string;
  lat: number;
  lng: number;
}

/** A phone page whose every request to a host other than the app's is aborted (and counted). */
async function offlinePhone(
  browser: Browser,
  appUrl: string,
  extra: BrowserContextOptions = {},
  alsoAllowed: string[] = [],
) {
  const ctx = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...extra,
  });
  const app = new URL(appUrl).host;
  const blocked: string[] = [];
  await ctx.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host === app || alsoAllowed.includes(url.host)) return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page: Page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return { page, blocked, close: () => ctx.close() };
}

/** 张阿姨, a resident of 燕岭社区 (the H5 login, on a page that is offline but for the app). */
async function signIn(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByPlaceholder('请输入手机号').fill('13800000009');
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(loading )?登录$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe.skipIf(!canRunBrowser)('service map journey in Chromium, offline', () => {
  let server: Server;
  let districtId: string;
  let points: Point[];

  beforeAll(async () => {
    server = await startServer();
    // A tile server is configured but unreachable: the page must not depend on it.
    server.runtime.deps.config.map.tileUrl = 'https://tiles.example.invalid/{z}/{x}/{y}.png';
    const nodes = (await (await fetch(`${server.url}/api/v1/public/communities`)).json()) as {
      items: Array<{ id: string; kind: string; name: string }>;
    };
    districtId = nodes.items.find((n) => n.kind === 'district' && n.name === '示范区')!.id;
    points = (
      (await (await fetch(`${server.url}/api/v1/districts/${districtId}/service-points?limit=200`)).json()) as {
        items: Point[];
      }
    ).items;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('draws rings and markers without tiles and opens a card from a marker', { timeout: 120_000 }, async () => {
    const { page, blocked, close } = await offlinePhone(server.browser, server.url);
    try {
      await signIn(page, server.url);
      await page.goto(`${server.url}/map`);
      // No position from the browser (not granted): the centre of her community (燕岭社区).
      await expect
        .poll(() => page.getByTestId('map-where').textContent())
        .toContain('未获取到您的位置，以“燕岭社区党群服务中心”为中心');
      const markers = page.getByTestId('map-marker');
      await expect.poll(() => markers.count()).toBeGreaterThanOrEqual(8);
      await expect(page.getByTestId('map-ring-500').count()).resolves.toBe(1);
      await expect(page.getByTestId('map-ring-1000').count()).resolves.toBe(1);
      expect(await page.locator('.smap__ring-label--15').textContent()).toBe('1000 米 · 步行约 15 分钟');
      // Every kind in the legend, and tile requests went out only to be refused.
      expect(await page.locator('.smap-legend li').count()).toBe(7);
      expect(blocked.some((u) => u.startsWith('https://tiles.example.invalid/'))).toBe(true);
      expect(blocked.every((u) => u.startsWith('https://tiles.example.invalid/'))).toBe(true);
      await shot(page, 'servicemap-offline');

      await page.locator('[data-testid="map-marker"][aria-label^="燕岭社区卫生服务站"]').click();
      const card = page.getByTestId('map-card');
      await card.waitFor();
      expect(await card.locator('h2').textContent()).toBe('燕岭社区卫生服务站');
      expect(await card.getByTestId('map-call').getAttribute('href')).toBe('tel:02787650003');
      expect(await card.textContent()).toContain('燕岭路 15 号');
      await shot(page, 'servicemap-card');

      // Only canteens.
      await page.getByRole('button', { name: '幸福食堂', exact: true }).click();
      await expect.poll(() => markers.count()).toBe(1);
      expect(await markers.first().getAttribute('data-category')).toBe('canteen');
    } finally {
      await close();
    }
  });

  it('centres on the position the phone gives and lists the nearest first', { timeout: 120_000 }, async () => {
    const station = points.find((p) => p.name === '暖蜂驿站（燕岭站）')!;
    const { page, close } = await offlinePhone(server.browser, server.url, {
      geolocation: { latitude: station.lat, longitude: station.lng + 0.0002 },
      permissions: ['geolocation'],
    });
    try {
      await signIn(page, server.url);
      await page.getByRole('link', { name: '身边服务' }).click();
      await page.waitForURL((u) => u.pathname === '/map');
      await expect.poll(() => page.getByTestId('map-where').textContent()).toContain('以您现在的位置为中心');
      const first = page.getByTestId('map-row').first();
      await expect.poll(() => first.textContent()).toContain('暖蜂驿站（燕岭站）');
      expect(await first.textContent()).toContain('约 19 米');
      await shot(page, 'servicemap-located');
    } finally {
      await close();
    }
  });

  it('draws the configured tiles under the markers when the tile server answers', { timeout: 120_000 }, async () => {
    // A 1×1 green PNG stands in for every tile; the page scales it to the tile's square.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const asked: string[] = [];
    const tiles = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileHost = `127.0.0.1:${(tiles.address() as AddressInfo).port}`;
    const saved = server.runtime.deps.config.map.tileUrl;
    server.runtime.deps.config.map.tileUrl = `http://${tileHost}/{z}/{x}/{y}.png`;
    const { page, close } = await offlinePhone(server.browser, server.url, {}, [tileHost]);
    try {
      await signIn(page, server.url);
      await page.goto(`${server.url}/map`);
      await expect.poll(() => page.getByTestId('map-tile').count()).toBeGreaterThanOrEqual(1);
      await expect.poll(() => page.getByTestId('map-marker').count()).toBeGreaterThanOrEqual(8);
      // Web-Mercator tiles around 燕岭社区 (30.62°N, 114.14°E) at the zoom that fits the 1,000 m ring.
      await expect.poll(() => asked.length).toBeGreaterThanOrEqual(1);
      for (const url of asked) {
        const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url);
        expect(m, url).not.toBeNull();
        const [z, x, y] = [Number(m![1]), Number(m![2]), Number(m![3])];
        expect(z).toBeGreaterThanOrEqual(13);
        expect(z).toBeLessThanOrEqual(15);
        expect(Math.abs(x - ((114.14 + 180) / 360) * 2 ** z)).toBeLessThan(2);
        const lat = (30.62 * Math.PI) / 180;
        expect(Math.abs(y - ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z)).toBeLessThan(
          2,
        );
      }
      await shot(page, 'servicemap-tiles');
    } finally {
      server.runtime.deps.config.map.tileUrl = saved;
      await close();
      await new Promise((resolve) => tiles.close(resolve));
    }
  });
});
