// Schema-driven fuzzing of every operation in the OpenAPI document, as a district admin and as a resident of the
// demo district, on both databases: wrong types, huge strings, NUL and other control characters, unicode edge cases,
// negative and huge numbers, SQL and HTML fragments, extra fields, broken path ids. Never a 5xx; every refusal has
// the error shape {code, message, details}; and a request refused as invalid (400) writes nothing.
// Bounded here (a seeded sample per operation); `FUZZ_ROUNDS=n` runs n times as many cases, and `FUZZ_REPORT=<file>`
// appends one JSON line per database with what was sent (the long run: `npm run bench -- --fuzz`).
import fs from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/modules/demo/index.js';
import { createTestEnv, DIALECTS, type TestEnv, testApp } from '../support.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: Json[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  required?: string[];
}
interface Operation {
  method: string;
  path: string;
  operationId: string;
  body: Schema | null;
  query: Array<{ name: string; schema: Schema }>;
}

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 1);
/** Operations that would end the fuzzing session itself. */
const SKIP = new Set(['logout', 'changePassword']);
const ID = '01JAAAAAAAAAAAAAAAAAAAAAAA';

const STRINGS: Json[] = [
  '',
  'x'.repeat(100_000),
  'a\u0000b',
  '\u0001\u0007\u001b[31m',
  '\ud800',
  '\u202eevil',
  '👨‍👩‍👧‍👦'.repeat(50),
  '\u200b',
  "' OR 1=1 --",
  "'); DROP TABLE users; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '${7*7}',
  '   ',
];
const NUMBERS: Json[] = [-1, 0, -2_147_483_649, 2 ** 53 + 1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER];
const WRONG: Json[] = [null, true, {}, [], 'abc', 12, [null], { $gt: '' }];

/** A value the schema probably accepts, to keep the other fields valid while one is broken. */
function plausible(s: Schema | undefined): Json {
  if (!s) return 'x';
  if (s.enum?.length) return s.enum[0] ?? null;
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0]);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(1, s.maximum ?? 1));
    case 'boolean':
      return true;
    case 'array':
      return [plausible(s.items)];
    case 'object': {
      const o: Record<string, Json> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = plausible(v);
      return o;
    }
    default:
      if (s.format === 'date-time') return '2026-12-01T02:00:00.000Z';
      if (s.format === 'date') return '2026-12-01';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

/** Small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percent-encodes; a lone surrogate (not encodable) goes as the raw bytes of an invalid UTF-8 sequence. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** Broken bodies for an operation: one field broken at a time, plus whole-body breakage. */
function bodies(op: Operation, r: () => number, n: number): Json[] {
  const base = plausible(op.body ?? undefined);
  const out: Json[] = [null, [], 'text', 42, { ...(base as object), extra: '<b>x</b>', __proto__x: 1 }];
  const fields = Object.entries(op.body?.properties ?? {});
  for (let i = 0; i < n && fields.length > 0; i++) {
    const [name] = pick(r, fields);
    const value = pick(r, [...STRINGS, ...NUMBERS, ...WRONG]);
    out.push({ ...(base as object), [name]: value });
  }
  return out;
}

function queries(op: Operation, r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n && op.query.length > 0; i++) {
    const q = pick(r, op.query);
    const v = pick(r, [...STRINGS, ...NUMBERS, 'true', '[]', '-1', '99999999999999999999']);
    out.push(`${q.name}=${enc(typeof v === 'string' ? v.slice(0, 4000) : JSON.stringify(v))}`);
  }
  return out;
}

function operations(doc: {
  paths: Record<string, Record<string, { operationId?: string; requestBody?: unknown; parameters?: unknown[] }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op.operationId || SKIP.has(op.operationId)) continue;
      const body =
        (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.['application/json']
          ?.schema ?? null;
      const query = ((op.parameters ?? []) as Array<{ in: string; name: string; schema: Schema }>)
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema }));
      ops.push({ method: method.toUpperCase(), path, operationId: op.operationId, body, query });
    }
  }
  return ops;
}

function fillPath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, enc(value)).replace(/:(\w+)/g, enc(value));
}

describe.each(DIALECTS)('fuzzing every operation on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  const clients: Array<{ name: string; send: (m: string, u: string, b?: Json) => Promise<LightMyRequestResponse> }> =
    [];
  let tables: string[] = [];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.deps, env.deps.config.demoPassword);
    app = await testApp(env);
    for (const [name, phone] of [
      ['district admin', '13800000001'],
      ['resident', '13800000009'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone, password: env.deps.config.demoPassword },
      });
      expect(res.statusCode, res.body).toBe(200);
      const sid = res.cookies.find((c) => c.name === 'linli_sid')?.value ?? '';
      const csrf = res.json<{ csrfToken: string }>().csrfToken;
      clients.push({
        name,
        send: (method, url, body) =>
          app.inject({
            method: method as 'POST',
            url,
            ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
            cookies: { linli_sid: sid },
          }),
      });
    }
    tables =
      dialect === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
              env.deps.db,
            )
          ).rows.map((t) => t.name)
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(
              env.deps.db,
            )
          ).rows.map((t) => t.name);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(
        env.deps.db,
      );
      counts[t] = Number(rows[0]?.n ?? 0);
    }
    return counts;
  }

  it('never answers 5xx, always answers in the error shape, and writes nothing when refusing bad input', async () => {
    const doc = app.swagger() as unknown as Parameters<typeof operations>[0];
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const statuses = new Set<number>();
    let total = 0;
    const r = rng(20261204);
    for (const op of ops) {
      for (const client of clients) {
        const cases: Array<{ url: string; body?: Json }> = [];
        const hasParams = /\{|:\w/.test(op.path);
        const url = fillPath(op.path, ID);
        if (hasParams)
          for (const v of ['x'.repeat(3000), "1' OR '1'='1", '\u0000', '..', '-1', '%E0%A4%A'])
            cases.push({
              url: fillPath(op.path, v),
              body: op.method === 'GET' ? undefined : plausible(op.body ?? undefined),
            });
        if (op.method === 'GET' || op.method === 'DELETE') {
          for (const q of queries(op, r, 6 * ROUNDS)) cases.push({ url: `${url}?${q}` });
        } else {
          for (const b of bodies(op, r, 8 * ROUNDS)) cases.push({ url, body: b });
          for (const q of queries(op, r, 2 * ROUNDS))
            cases.push({ url: `${url}?${q}`, body: plausible(op.body ?? undefined) });
        }
        // A refused request writes nothing (a failed login may count the attempt: that is its job).
        const before = op.method === 'GET' || op.operationId === 'login' ? null : await rowCounts();
        let refusedOnly = true;
        for (const c of cases) {
          const res = await client.send(op.method, c.url, c.body);
          const where = `${client.name} ${op.method} ${op.path} (${op.operationId}) ${c.url.slice(0, 120)} ${JSON.stringify(c.body ?? null).slice(0, 160)}`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            const type = String(res.headers['content-type'] ?? '');
            if (!type.includes('json')) continue; // e.g. a file download route answering 404 text is not an API error
            const body = res.json<Record<string, unknown>>();
            if (typeof body.code !== 'string' || typeof body.message !== 'string' || !('details' in body))
              failures.push(`error shape ${res.statusCode} ${where}: ${res.body.slice(0, 200)}`);
          } else refusedOnly = false;
          total += 1;
          statuses.add(res.statusCode);
        }
        if (before && refusedOnly) {
          const after = await rowCounts();
          for (const t of tables)
            if (after[t] !== before[t] && !['sessions', 'login_attempts'].includes(t))
              failures.push(
                `wrote ${t} (${before[t]} → ${after[t]}) on refused input: ${client.name} ${op.operationId}`,
              );
        }
      }
    }
    if (process.env.FUZZ_REPORT)
      fs.appendFileSync(
        process.env.FUZZ_REPORT,
        JSON.stringify({
          dialect,
          rounds: ROUNDS,
          operations: ops.length,
          requests: total,
          failures: failures.length,
          statuses: [...statuses].sort(),
          firstFailures: failures.slice(0, 20),
        }) + '\n',
      );
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(ops.length * 10);
    expect([...statuses].sort()).toEqual(expect.arrayContaining([400, 404, 414]));
  }, 600_000);
});
