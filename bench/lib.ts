// Benchmark helpers: a real server over a fresh database, autocannon load on loopback, figures written as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { openRuntime, type Runtime } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { dropSchema, ensureSchema, type Dialect } from '../src/server/db/database.js';
import { createDistrict, createOrgNode } from '../src/server/modules/org/index.js';
import type { Deps } from '../src/server/platform/context.js';
import { must } from '../src/server/platform/must.js';
import type { Actor } from '../src/server/platform/permissions.js';

export const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface BenchServer {
  url: string;
  runtime: Runtime;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A server on a free loopback port over a fresh database of the dialect. */
export async function startBenchServer(dialect: Dialect): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
  let schema: string | null = null;
  let url: string | null = null;
  if (dialect === 'postgres') {
    schema = `bench_${Date.now().toString(36)}`;
    await ensureSchema(PG_URL!, schema);
    const u = new URL(PG_URL!);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT: '100000',
    LINLI_WEB_DIR: '/nonexistent',
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const runtime = await openRuntime(config);
  const app = await buildApp(runtime.deps, { serveWeb: false, backgroundJobs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    app,
    close: async () => {
      await app.close();
      await runtime.close();
      if (schema) await dropSchema(PG_URL!, schema);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadFigure {
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  non2xx: number;
}

/** Runs autocannon for a fixed duration against one URL. */
export async function load(opts: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds?: number;
}): Promise<LoadFigure> {
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections ?? 20,
    duration: opts.seconds ?? 5,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
  };
}

/** Prints figures and writes them to bench/results/<name>.json. */
export function writeResults(name: string, figures: Record<string, unknown>): void {
  const out = { name, at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, ...figures };
  fs.mkdirSync(path.resolve('bench/results'), { recursive: true });
  fs.writeFileSync(path.resolve('bench/results', `${name}.json`), JSON.stringify(out, null, 2) + '\n');
  console.log(JSON.stringify(out, null, 2));
}

/** A district with one street and one community, and a system actor holding district admin there. */
export async function benchDistrict(deps: Deps) {
  const district = await createDistrict(deps, { name: '压测区' });
  const sys: Actor = {
    userId: 'bench',
    displayName: 'bench',
    requestId: null,
    roles: [
      {
        assignmentId: 'bench',
        role: 'district_admin',
        districtId: district.id,
        nodeId: district.id,
        path: district.path,
      },
    ],
  };
  const street = await createOrgNode(deps, sys, { parentId: district.id, kind: 'street', name: '街道' });
  const community = await createOrgNode(deps, sys, { parentId: street.id, kind: 'community', name: '社区' });
  return { district, sys, community };
}

/** The p-th percentile of sorted numbers, to 0.1. */
export function percentile(sorted: number[], p: number): number {
  const value = must(
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))],
    'a sample (none measured)',
  );
  return Math.round(value * 10) / 10;
}
