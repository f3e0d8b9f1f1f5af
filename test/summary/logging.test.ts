// Request logging into an in-memory stream: quiet at the default level (info), one line per request at debug,
// failed and slow requests as warnings.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Dialect } from '../../src/server/db/database.js';
import { createTestEnv, DIALECTS, type TestEnv } from '../support.js';

interface LogLine {
  level: number;
  msg: string;
  method?: string;
  url?: string;
  statusCode?: number;
  ms?: number;
}

const WARN = 40;
const DEBUG = 20;

let env: TestEnv | null = null;
let app: FastifyInstance | null = null;

afterEach(async () => {
  await app?.close();
  await env?.close();
  app = null;
  env = null;
});

/** An app whose logger writes JSON lines into memory, with a slow route and a failing one. */
async function appLoggingAt(dialect: Dialect, level: string): Promise<{ app: FastifyInstance; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as LogLine);
      done();
    },
  });
  env = await createTestEnv(dialect);
  app = await buildApp(env.deps, { serveWeb: false, backgroundJobs: false, logger: { level, stream } });
  app.get('/api/test/slow', async () => {
    await new Promise((r) => setTimeout(r, 1_050));
    return { ok: true };
  });
  app.get('/api/test/broken', async () => {
    throw new Error('boom');
  });
  return { app, lines };
}

const requestLines = (lines: LogLine[]) => lines.filter((l) => l.url !== undefined);

describe.each(DIALECTS)('request logging on %s', (dialect) => {
  it('writes no line for an ordinary request at the default level', async () => {
    const { app, lines } = await appLoggingAt(dialect, 'info');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect(lines).toEqual([]);
  });

  it('writes one line per request at debug', async () => {
    const { app, lines } = await appLoggingAt(dialect, 'debug');
    await app.inject({ method: 'GET', url: '/api/health' });
    expect(requestLines(lines)).toHaveLength(1);
    expect(requestLines(lines)[0]).toMatchObject({
      level: DEBUG,
      msg: 'request completed',
      method: 'GET',
      url: '/api/health',
      statusCode: 200,
    });
  });

  it('never writes the value of a personal query parameter', async () => {
    const { app, lines } = await appLoggingAt(dialect, 'debug');
    await app.inject({ method: 'GET', url: '/api/v1/people?phone=13800001234&q=%E5%BC%A0%E6%A1%82%E5%8D%8E&limit=20' });
    expect(requestLines(lines)[0]?.url).toBe('/api/v1/people?phone=***&q=***&limit=20');
    expect(JSON.stringify(lines)).not.toContain('13800001234');
  });

  it('warns about a request slower than a second', { timeout: 10_000 }, async () => {
    const { app, lines } = await appLoggingAt(dialect, 'info');
    await app.inject({ method: 'GET', url: '/api/test/slow' });
    expect(requestLines(lines)).toHaveLength(1);
    expect(requestLines(lines)[0]).toMatchObject({
      level: WARN,
      msg: 'slow request',
      url: '/api/test/slow',
      statusCode: 200,
    });
    expect(requestLines(lines)[0]!.ms).toBeGreaterThanOrEqual(1_000);
  });

  it('logs a failed request: the error in full and one warning line', async () => {
    const { app, lines } = await appLoggingAt(dialect, 'info');
    expect((await app.inject({ method: 'GET', url: '/api/test/broken' })).statusCode).toBe(500);
    expect(lines.map((l) => l.msg)).toEqual(['unhandled error', 'request failed']);
    expect(requestLines(lines)[0]).toMatchObject({ level: WARN, statusCode: 500, url: '/api/test/broken' });
  });
});
