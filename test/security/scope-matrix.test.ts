// The scope matrix, read from the OpenAPI document so new endpoints are covered without anyone remembering to:
// 1. with no session, every operation answers 401 unless it is on the public list below (each public one says why);
// 2. every record a district admin of the demo district can read by id (ids harvested from the lists they see) is
//    "not found" for a district admin of another district and for staff of another street — never a 200 — unless
//    the operation is on the list of reads that are public by design.
// Both databases.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICT, seedDemo } from '../../src/server/modules/demo/index.js';
import { findDistrictByName } from '../../src/server/modules/org/index.js';
import { createTestEnv, DIALECTS, makeTree, makeUser, PASSWORD, type TestEnv, testApp } from '../support.js';

/** Operations anyone may call without signing in, and why. */
const PUBLIC: Record<string, string> = {
  register: 'signing up',
  login: 'signing in',
  logout: 'signing out is harmless without a session',
  getHealth: 'load balancer probe',
  listCommunities: 'the community picker of the sign-up form',
  listPublicJournals: 'the public, masked points ledger',
  getLedgerHead: 'the public ledger head, for verification',
  getLedgerPublicKey: 'the key signed ledger heads are checked with (docs/LEDGER.md)',
  listSignedLedgerHeads: 'signed heads are published so anyone can keep one (docs/LEDGER.md)',
  exportLedgerChain: 'the masked chain anyone can recompute (tools/verify-chain.mjs)',
  verifyCertificate: 'anyone holding a certificate number may check it',
  verifyVolunteerCard: 'anyone shown a volunteer card may check it',
  listSuggestions: 'answered suggestions are published (意见公示); queue and mine check the session',
  listServicePoints: 'the 15-minute service map is public',
  findNearbyServicePoints: 'the 15-minute service map is public',
  getServicePoint: 'the 15-minute service map is public',
  getServiceMapConfig: 'the map tiles configuration',
  listPublicReports: 'the 随手拍 public board (公开栏): public reports without the reporter',
  getPublicReport: 'the 随手拍 public board (公开栏): one public report without the reporter',
  getReportPhoto: 'photos of reports on the public board; any other photo answers 404 without a session',
  listStarPublicity: 'the star-level publicity list (星级公示) is public so residents may object: masked names only',
};

/** Reads by id that are meant to be visible across districts, and why. */
const READABLE_ELSEWHERE: Record<string, string> = {
  verifyCertificate: 'public verification',
  verifyVolunteerCard: 'public verification',
  getServicePoint: 'public map',
  getActivity: 'a published activity is open to any signed-in person: people serve across districts (users are global)',
  getActivityRatings: 'the public ratings of a published activity',
  getCatalogItem: 'the points mall shows items per their own visibility rule (visible_to), checked in mall tests',
  getTeam: 'the team card (name, leader, counts) is public; its roster is not — checked below',
  getPublicReport: 'the 随手拍 public board: public reports are meant for anyone (private and hidden ones answer 404)',
  getReportPhoto: 'photos of reports on the public board are public (others answer 404, checked in test/reports)',
};

type Send = (method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>;

interface Op {
  method: string;
  path: string;
  operationId: string;
  params: string[];
}

function operations(doc: {
  paths: Record<string, Record<string, { operationId?: string; parameters?: Array<{ in: string; name: string }> }>>;
}): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (!op.operationId) continue;
      const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      ops.push({ method: method.toUpperCase(), path, operationId: op.operationId, params });
    }
  return ops;
}

const fill = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? '01JAAAAAAAAAAAAAAAAAAAAAAA'));

describe.each(DIALECTS)('scope matrix on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let ops: Op[];
  let districtId: string;
  const as: Record<'anon' | 'admin' | 'otherDistrict' | 'otherStreet', Send> = {} as never;

  async function signIn(phone: string, password: string): Promise<Send> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
    expect(res.statusCode, res.body).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'linli_sid')?.value ?? '';
    const csrf = res.json<{ csrfToken: string }>().csrfToken;
    return (method, url, body) =>
      app.inject({
        method: method as 'GET',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        cookies: { linli_sid: sid },
        headers: { 'x-csrf-token': csrf },
      });
  }

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.deps, env.deps.config.demoPassword);
    districtId = (await findDistrictByName(env.deps.db, DEMO_DISTRICT))!.id;
    app = await testApp(env);
    await app.ready();
    ops = operations(app.swagger() as never);
    const other = await makeTree(env.deps, '乙区');
    const otherAdmin = await makeUser(env.deps, { role: 'district_admin', roleNode: other.district });
    as.anon = (method, url, body) =>
      app.inject({ method: method as 'GET', url, ...(body === undefined ? {} : { payload: body as object }) });
    as.admin = await signIn('13800000001', env.deps.config.demoPassword);
    as.otherDistrict = await signIn(otherAdmin.phone, PASSWORD);
    // 黄主任 administers 藏龙社区 in the other street of the demo district.
    as.otherStreet = await signIn('13800000012', env.deps.config.demoPassword);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('answers 401 without a session, except the public operations', async () => {
    const open: string[] = [];
    for (const op of ops) {
      const res = await as.anon(op.method, fill(op.path, { districtId }), op.method === 'GET' ? undefined : {});
      if (res.statusCode >= 500) open.push(`${op.operationId}: ${res.statusCode}`);
      else if (res.statusCode !== 401 && !(op.operationId in PUBLIC)) open.push(`${op.operationId}: ${res.statusCode}`);
    }
    expect(open).toEqual([]);
    expect(ops.length).toBeGreaterThan(50);
  });

  it('never shows another district or street what a district admin reads by id', async () => {
    // Harvest ids from every list the demo district admin can read with the district as its only parameter.
    const idsByPrefix = new Map<string, string[]>();
    for (const op of ops) {
      if (op.method !== 'GET' || op.params.some((p) => p !== 'districtId')) continue;
      const url = fill(op.path, { districtId });
      const join = url.includes('?') ? '&' : '?';
      const res = await as.admin('GET', `${url}${join}districtId=${districtId}`);
      if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
      const body = res.json<unknown>();
      const items = Array.isArray(body)
        ? body
        : Array.isArray((body as { items?: unknown[] }).items)
          ? (body as { items: unknown[] }).items
          : [];
      const ids = items
        .map((i) => (i && typeof i === 'object' ? (i as { id?: unknown }).id : undefined))
        .filter((id): id is string => typeof id === 'string')
        .slice(0, 3);
      if (ids.length) idsByPrefix.set(op.path, ids);
    }
    expect(idsByPrefix.size).toBeGreaterThan(5);

    const leaks: string[] = [];
    let checked = 0;
    for (const op of ops) {
      if (op.method !== 'GET' || op.operationId in READABLE_ELSEWHERE) continue;
      const idParam = op.params.filter((p) => p !== 'districtId');
      if (idParam.length !== 1) continue;
      const prefix = op.path.slice(0, op.path.lastIndexOf(`/{${idParam[0]}}`));
      const ids = idsByPrefix.get(prefix);
      if (!ids) continue;
      for (const id of ids) {
        const url = fill(op.path, { districtId, [idParam[0]!]: id });
        if ((await as.admin('GET', url)).statusCode !== 200) continue;
        checked += 1;
        for (const who of ['otherDistrict', 'otherStreet'] as const) {
          const res = await as[who]('GET', url);
          // Staff of another street may legitimately read district-wide things (settings, the public side of an
          // activity); a leak is a 200 for another district, and for another street a 200 on a staff-scoped record.
          if (who === 'otherDistrict' && res.statusCode === 200) leaks.push(`${who} ${op.operationId} ${url}`);
          if (res.statusCode >= 500) leaks.push(`${who} ${op.operationId} ${url}: ${res.statusCode}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(3);
  });

  it("shows a team's roster only to its leader and staff in scope; others see the count", async () => {
    const teams = (await as.admin('GET', `/api/v1/teams?districtId=${districtId}`)).json<{
      items: Array<{ id: string }>;
    }>();
    const withMembers = [];
    for (const t of teams.items) {
      const detail = (await as.admin('GET', `/api/v1/teams/${t.id}`)).json<{
        members: unknown[];
        rosterVisible: boolean;
      }>();
      expect(detail.rosterVisible).toBe(true);
      if (detail.members.length > 0) withMembers.push(t.id);
    }
    expect(withMembers.length).toBeGreaterThan(0);
    for (const id of withMembers) {
      for (const who of ['otherDistrict', 'otherStreet'] as const) {
        const res = await as[who]('GET', `/api/v1/teams/${id}`);
        expect(res.statusCode).toBe(200);
        const body = res.json<{
          members: unknown[];
          pendingRequests: unknown[];
          rosterVisible: boolean;
          totals: { memberCount: number };
        }>();
        expect(body).toMatchObject({ members: [], pendingRequests: [], rosterVisible: false });
        expect(body.totals.memberCount).toBeGreaterThan(0);
      }
    }
  });
});
