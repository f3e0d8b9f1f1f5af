// Security headers on every response: a content security policy without inline script, no framing, no MIME
// sniffing, a referrer policy; HSTS only over TLS (COOKIE_SECURE); API answers are never cached.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { anon, createTestEnv, type TestEnv } from '../support.js';

describe('security headers', () => {
  let env: TestEnv;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    fs.mkdirSync(path.join(webDir, 'h5'));
    fs.writeFileSync(
      path.join(webDir, 'h5', 'index.html'),
      '<!doctype html><html><body><script type="module" src="/a.js"></script></body></html>',
    );
  });
  afterAll(async () => {
    await env.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  async function appWith(cookieSecure: boolean) {
    return buildApp(
      { ...env.deps, config: { ...env.deps.config, cookieSecure, webDir } },
      { serveWeb: true, backgroundJobs: false },
    );
  }

  it('sends the policy headers on API answers and on the web app, and no-store on the API', async () => {
    const app = await appWith(false);
    try {
      const api = await anon(app, 'GET', '/api/health');
      const page = await anon(app, 'GET', '/');
      expect(page.statusCode).toBe(200);
      for (const res of [api, page]) {
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      expect(api.headers['cache-control']).toBe('no-store');
      expect((await anon(app, 'GET', '/api/v1/no-such-route')).headers['cache-control']).toBe('no-store');
    } finally {
      await app.close();
    }
  });

  it('adds HSTS and upgrades insecure requests when served over TLS', async () => {
    const app = await appWith(true);
    try {
      const res = await anon(app, 'GET', '/api/health');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});
