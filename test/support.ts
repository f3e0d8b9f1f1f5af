// Test support: a fresh database per test file on SQLite (always) and PostgreSQL (when TEST_DATABASE_URL is set),
// a pinned clock, factories for org trees and people, and an HTTP app with a logged-in client.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createDatabase, type Database, dropSchema, ensureSchema, type Dialect } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { inTransaction } from '../src/server/db/transaction.js';
import { authenticate, insertNewUser, insertRole, login } from '../src/server/modules/accounts/index.js';
import { createDistrict, createOrgNode, type OrgNode } from '../src/server/modules/org/index.js';
import { FixedClock } from '../src/server/platform/clock.js';
import type { Deps } from '../src/server/platform/context.js';
import { FieldCipher } from '../src/server/platform/crypto.js';
import { hashPassword } from '../src/server/platform/passwords.js';
import type { Actor, Role } from '../src/server/platform/permissions.js';

export const PG_URL = process.env.TEST_DATABASE_URL || null;

/** The databases to run database tests on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!PG_URL && !process.env.LINLI_PG_SKIP_NOTED) {
  process.env.LINLI_PG_SKIP_NOTED = '1';
  console.warn('TEST_DATABASE_URL is not set: PostgreSQL database tests are skipped (SQLite only).');
}

/** Where every test clock starts: 2026-11-25 10:00 China time. */
export const CLOCK_START = '2026-11-25T02:00:00.000Z';

/** A pinned clock that can go back to where it started (see useClock). */
export class TestClock extends FixedClock {
  private readonly start: Date;
  constructor(start: Date | string = CLOCK_START) {
    super(new Date(start));
    this.start = new Date(start);
  }
  /** Puts the clock back at its start time. */
  reset(): void {
    this.set(this.start);
  }
}

/**
 * Resets the env's clock after every test of the enclosing describe (call it at describe level), so a test may move
 * time forward and never has to rewind it by hand. Takes a getter because the env is usually built in beforeAll.
 */
export function useClock(getEnv: () => TestEnv | undefined): void {
  afterEach(() => {
    getEnv()?.clock.reset();
  });
}

export interface TestEnv {
  deps: Deps;
  clock: TestClock;
  database: Database;
  close(): Promise<void>;
}

/** A fresh, migrated database of the given dialect with a pinned clock. */
export async function createTestEnv(dialect: Dialect, overrides: Partial<Deps['config']> = {}): Promise<TestEnv> {
  const config = { ...loadConfig({ LOGIN_RATE_LIMIT: '100000', LINLI_WEB_DIR: '/nonexistent' }), ...overrides };
  let database: Database;
  let schema: string | null = null;
  if (dialect === 'postgres') {
    if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
    schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await ensureSchema(PG_URL, schema);
    database = createDatabase({ url: PG_URL, schema, poolSize: 5 });
  } else {
    database = createDatabase({ file: ':memory:' });
  }
  await migrateToLatest(database.db);
  const clock = new TestClock();
  const deps: Deps = {
    db: database.db,
    dialect,
    clock,
    cipher: new FieldCipher(randomBytes(32)),
    config: { ...config, databaseUrl: PG_URL },
  };
  return {
    deps,
    clock,
    database,
    close: async () => {
      await database.close();
      if (schema && PG_URL) await dropSchema(PG_URL, schema);
    },
  };
}

export const PASSWORD = 'Passw0rd!x';
let cachedHash: Promise<string> | null = null;
/** The hash of PASSWORD, computed once per file (Argon2 is slow on purpose). */
export function passwordHash(): Promise<string> {
  cachedHash ??= hashPassword(PASSWORD);
  return cachedHash;
}

export interface Tree {
  district: OrgNode;
  streetA: OrgNode;
  streetB: OrgNode;
  communityA: OrgNode;
  communityA2: OrgNode;
  communityB: OrgNode;
  gridA: OrgNode;
  gridB: OrgNode;
}

function systemActor(district: OrgNode): Actor {
  return {
    userId: 'system',
    displayName: 'system',
    requestId: null,
    roles: [
      { assignmentId: 'x', role: 'district_admin', districtId: district.id, nodeId: district.id, path: district.path },
    ],
  };
}

/** District → streets A, B → communities A, A2 (street A) and B (street B) → a grid in A and in B. */
export async function makeTree(deps: Deps, name = '测试区'): Promise<Tree> {
  const district = await createDistrict(deps, { name });
  const sys = systemActor(district);
  const streetA = await createOrgNode(deps, sys, { parentId: district.id, kind: 'street', name: '甲街道' });
  const streetB = await createOrgNode(deps, sys, { parentId: district.id, kind: 'street', name: '乙街道' });
  const communityA = await createOrgNode(deps, sys, { parentId: streetA.id, kind: 'community', name: '甲社区' });
  const communityA2 = await createOrgNode(deps, sys, { parentId: streetA.id, kind: 'community', name: '甲二社区' });
  const communityB = await createOrgNode(deps, sys, { parentId: streetB.id, kind: 'community', name: '乙社区' });
  const gridA = await createOrgNode(deps, sys, { parentId: communityA.id, kind: 'grid', name: '甲一网格' });
  const gridB = await createOrgNode(deps, sys, { parentId: communityB.id, kind: 'grid', name: '乙一网格' });
  return { district, streetA, streetB, communityA, communityA2, communityB, gridA, gridB };
}

let phoneSeq = 0;
/** A fresh valid mainland mobile number. */
export function nextPhone(): string {
  phoneSeq += 1;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

export interface TestUser {
  id: string;
  phone: string;
}

/** Creates a person living in `home`, optionally holding a role on `roleNode`. */
export async function makeUser(
  deps: Deps,
  opts: {
    home?: OrgNode;
    role?: Role;
    roleNode?: OrgNode;
    displayName?: string;
    realName?: string;
    idNumber?: string;
  } = {},
): Promise<TestUser> {
  const phone = nextPhone();
  const hash = await passwordHash();
  return inTransaction(deps.db, async ({ trx }) => {
    const user = await insertNewUser(
      deps,
      trx,
      {
        phone,
        displayName: opts.displayName ?? `用户${phone.slice(-4)}`,
        communityId: opts.home?.id ?? null,
        realName: opts.realName ?? null,
        idNumber: opts.idNumber ?? null,
      },
      hash,
    );
    if (opts.role && opts.roleNode) {
      await insertRole(deps, trx, {
        userId: user.id,
        role: opts.role,
        districtId: opts.roleNode.districtId,
        nodeId: opts.roleNode.id,
        grantedBy: null,
      });
    }
    return { id: user.id, phone };
  });
}

/** The actor behind a user, as the HTTP layer would resolve it. */
export async function actorOf(deps: Deps, user: TestUser): Promise<Actor> {
  const s = await login(deps, { phone: user.phone, password: PASSWORD });
  const auth = await authenticate(deps, s.token, 'test-request');
  return auth!.actor;
}

export interface Client {
  userId: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** An HTTP app over the test env. */
export function testApp(env: TestEnv): Promise<FastifyInstance> {
  return buildApp(env.deps, { serveWeb: false, backgroundJobs: false });
}

/** Logs a user in through HTTP and returns a client that sends the session cookie and CSRF header. */
export async function clientFor(app: FastifyInstance, user: TestUser): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { phone: user.phone, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'linli_sid')!.value;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return {
    userId: res.json<{ user: { id: string } }>().user.id,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        payload: body as object | undefined,
        cookies: { linli_sid: sid },
        headers: { 'x-csrf-token': csrf, ...headers },
      }),
  };
}

/** A JSON answer: status, parsed body and the raw text. */
export interface JsonReply<T> {
  status: number;
  body: T;
  raw: string;
}

/**
 * Signs in by phone and password (e.g. a demo account) and returns a typed JSON caller with the session cookie and
 * CSRF token: `const zhang = await signedIn(app, '13800000009', pw); (await zhang<Page>('GET', url)).body`.
 */
export async function signedIn(
  app: FastifyInstance,
  phone: string,
  password: string,
): Promise<<T>(method: string, url: string, body?: unknown) => Promise<JsonReply<T>>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${phone} failed: ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'linli_sid')?.value ?? '';
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return <T>(method: string, url: string, body?: unknown) =>
    app
      .inject({
        method: method as 'GET',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        cookies: { linli_sid: sid },
        headers: { 'x-csrf-token': csrf },
      })
      .then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r.body }));
}

/** An anonymous request. */
export function anon(
  app: FastifyInstance,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({ method: method as 'GET', url, payload: body as object | undefined, headers });
}

/** An actor without a login round trip (for tests that need many people). */
export function plainActor(userId: string): Actor {
  return { userId, displayName: 'tester', roles: [], requestId: null };
}

/** An approved volunteer of a community: a user, their volunteer record and role. */
export async function makeVolunteer(
  deps: Deps,
  community: OrgNode,
  opts: { skills?: string[]; realName?: string } = {},
): Promise<TestUser & { volunteerId: string; actor: Actor }> {
  const user = await makeUser(deps, { home: community });
  const { applyVolunteer } = await import('../src/server/modules/volunteers/volunteers.service.js');
  const { activateVolunteer } = await import('../src/server/modules/volunteers/index.js');
  const v = await applyVolunteer(deps, plainActor(user.id), {
    communityId: community.id,
    realName: opts.realName ?? '测试志愿者',
    skills: opts.skills ?? [],
    availability: {},
  });
  await inTransaction(deps.db, (s) =>
    activateVolunteer(
      deps,
      s.trx,
      { district_id: v.districtId, id: v.id, user_id: user.id, community_id: community.id },
      null,
    ),
  );
  return { ...user, volunteerId: v.id, actor: plainActor(user.id) };
}
