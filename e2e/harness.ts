// Browser-journey harness: a real server on a free port over a fresh SQLite file with the demo district,
// serving the built web apps, and Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { openRuntime, type Runtime } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/modules/demo/index.js';
import { FixedClock } from '../src/server/platform/clock.js';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIR = path.resolve('dist/web');
/** Journeys run only where Debian's Chromium is installed and the web apps are built. */
export const canRunBrowser = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(WEB_DIR, 'h5', 'index.html'));
if (!canRunBrowser) {
  console.warn(
    `browser journeys skipped: need ${CHROMIUM} (apt-get install chromium) and built web apps (npm run build)`,
  );
}

export const DEMO_PASSWORD = 'Linli@2026';
export const SHOTS = path.resolve('e2e/screenshots');

export interface Server {
  url: string;
  /** The server's clock: journeys move it forward (an activity starts, ends) instead of waiting. */
  clock: FixedClock;
  runtime: Runtime;
  app: FastifyInstance;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the platform with demo data and a browser. */
export async function startServer(): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, LINLI_WEB_DIR: WEB_DIR, LOGIN_RATE_LIMIT: '10000' }) };
  const clock = new FixedClock(new Date());
  const runtime = await openRuntime(config, clock);
  await seedDemo(runtime.deps, DEMO_PASSWORD);
  const app = await buildApp(runtime.deps, { serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    clock,
    runtime,
    app,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A phone-sized page (375 px) for the resident H5. */
export async function phonePage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** A desktop page for the staff console. */
export async function desktopPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** Saves a screenshot under e2e/screenshots (not committed) for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Logs into the resident H5 with a demo account. */
export async function h5Login(page: Page, url: string, phone: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByPlaceholder('请输入手机号').fill(phone);
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(loading )?登录$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Logs into the staff console with a demo account. */
export async function consoleLogin(page: Page, url: string, phone: string): Promise<void> {
  await page.goto(`${url}/admin/login`);
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(loading )?登录$/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** A small JSON client for set-up steps a journey does not drive through the UI (bearer token, no CSRF). */
export async function apiAs(url: string, phone: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD, client: 'app' }),
  });
  const { token } = (await res.json()) as { token: string };
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
