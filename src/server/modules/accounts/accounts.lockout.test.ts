// Progressive sign-in delays per phone number and per client address (issue 14): they grow, cap and decay; an
// unknown number answers like a known one; an attacker's address is blocked while the owner elsewhere is only
// delayed; staff unlock (audited, scoped); concurrent failures are all counted. Both databases.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  nextPhone,
  PASSWORD,
  type TestEnv,
  testApp,
  type Tree,
  useClock,
} from '../../../../test/support.js';
import * as accounts from './accounts.service.js';
import { purgeQuietThrottles } from './accounts.repository.js';
import { MAX_DELAY_MINUTES } from './accounts.rules.js';

let ipSeq = 0;
/** A fresh client address per use, so tests do not share an address's count. */
const freshIp = () => `10.${process.pid % 250}.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

/** The answer to one sign-in: 'ok', 'INVALID_CREDENTIALS' or 'ACCOUNT_LOCKED:<minutes>'. */
async function attempt(env: TestEnv, phone: string, password: string, ip: string): Promise<string> {
  try {
    await accounts.login(env.deps, { phone, password }, { ip });
    return 'ok';
  } catch (e) {
    const err = e as { code?: string; params?: { minutes?: number } };
    if (err.code === 'ACCOUNT_LOCKED') return `ACCOUNT_LOCKED:${err.params?.minutes}`;
    if (err.code === 'INVALID_CREDENTIALS') return err.code;
    throw e;
  }
}

describe.each(DIALECTS)('sign-in delays on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let app: FastifyInstance;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });
  useClock(() => env);

  it('grows the delay 1, 2, 4, 8, 16 minutes after 5 free failures, caps it at 30, and lets the right password in after', async () => {
    const u = await makeUser(env.deps);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await attempt(env, u.phone, 'wrong-1234', ip)).toBe('INVALID_CREDENTIALS');
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await attempt(env, u.phone, 'wrong-1234', ip);
      const minutes = Number(answer.split(':')[1]);
      expect(answer).toMatch(/^ACCOUNT_LOCKED:\d+$/);
      seen.push(minutes);
      // During the delay even the right password is refused, and the wait does not grow for the phone number.
      expect(await attempt(env, u.phone, PASSWORD, freshIp())).toBe(`ACCOUNT_LOCKED:${minutes}`);
      env.clock.advance(minutes * 60_000);
    }
    expect(seen).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
    expect(Math.max(...seen)).toBe(MAX_DELAY_MINUTES);
    expect(await attempt(env, u.phone, PASSWORD, freshIp())).toBe('ok');
    // Success forgets the count: five free failures again.
    for (let i = 0; i < 5; i++)
      expect(await attempt(env, u.phone, 'wrong-1234', freshIp())).toBe('INVALID_CREDENTIALS');
  });

  it('forgets one failure per 10 quiet minutes after a delay ends', async () => {
    const u = await makeUser(env.deps);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await attempt(env, u.phone, 'wrong-1234', ip);
    expect(await attempt(env, u.phone, 'wrong-1234', ip)).toBe('ACCOUNT_LOCKED:1');
    env.clock.advance(60_000);
    expect(await attempt(env, u.phone, 'wrong-1234', ip)).toBe('ACCOUNT_LOCKED:2'); // 7 failures
    // The delay ends after 2 minutes; 30 quiet minutes later three failures are forgiven: 4 left, so one is free.
    env.clock.advance(32 * 60_000);
    expect(await attempt(env, u.phone, 'wrong-1234', ip)).toBe('INVALID_CREDENTIALS'); // 5
    expect(await attempt(env, u.phone, 'wrong-1234', ip)).toBe('ACCOUNT_LOCKED:1'); // 6
    // A long quiet time forgives everything.
    env.clock.advance(24 * 3600_000);
    for (let i = 0; i < 5; i++) expect(await attempt(env, u.phone, 'wrong-1234', ip)).toBe('INVALID_CREDENTIALS');
  });

  it('keeps no more failures than the cap needs, so an address is free again hours after an attack, and purges', async () => {
    const attacker = freshIp();
    for (let i = 0; i < 60; i++) await attempt(env, nextPhone(), 'wrong-1234', attacker);
    const row = await env.deps.db
      .selectFrom('login_throttle')
      .select(['failures', 'blocked_until'])
      .where('key', '=', `ip:${attacker}`)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(16); // 10 free + 6 doublings reach the 30-minute cap
    // The block ends within the cap; 16 failures decay in 160 quiet minutes: ten free failures again.
    env.clock.advance((MAX_DELAY_MINUTES + 160) * 60_000);
    for (let i = 0; i < 10; i++)
      expect(await attempt(env, nextPhone(), 'wrong-1234', attacker)).toBe('INVALID_CREDENTIALS');
    // A day later the rows are gone at the next purge.
    env.clock.advance(25 * 3600_000);
    await purgeQuietThrottles(env.deps.db, new Date(env.clock.now().getTime() - 86_400_000).toISOString());
    const left = await env.deps.db
      .selectFrom('login_throttle')
      .select('key')
      .where('key', '=', `ip:${attacker}`)
      .execute();
    expect(left).toEqual([]);
  });

  it('answers an unknown phone number exactly like a known one with a wrong password', async () => {
    const known = await makeUser(env.deps);
    const unknown = nextPhone();
    const [ipA, ipB] = [freshIp(), freshIp()];
    const answers = { known: [] as string[], unknown: [] as string[] };
    for (let i = 0; i < 8; i++) {
      answers.known.push(await attempt(env, known.phone, 'wrong-1234', ipA));
      answers.unknown.push(await attempt(env, unknown, 'wrong-1234', ipB));
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known.slice(5)).toEqual(['ACCOUNT_LOCKED:1', 'ACCOUNT_LOCKED:1', 'ACCOUNT_LOCKED:1']);
    // The address of a sweep over unknown numbers is delayed too, with nothing to tell the numbers apart.
    const sweep = freshIp();
    const sweepAnswers: string[] = [];
    for (let i = 0; i < 12; i++) sweepAnswers.push(await attempt(env, nextPhone(), 'wrong-1234', sweep));
    expect(sweepAnswers.slice(0, 10).every((a) => a === 'INVALID_CREDENTIALS')).toBe(true);
    // The eleventh starts a 1-minute delay; the twelfth, refused, counts against the address and makes it 2.
    expect(sweepAnswers.slice(10)).toEqual(['ACCOUNT_LOCKED:1', 'ACCOUNT_LOCKED:2']);
    expect(await attempt(env, known.phone, PASSWORD, sweep)).toMatch(/^ACCOUNT_LOCKED:/);
  });

  it('blocks an attacking address for everything while the owner elsewhere is only delayed, never for good', async () => {
    const owner = await makeUser(env.deps);
    const bystander = await makeUser(env.deps);
    const attacker = freshIp();
    const home = freshIp();
    // Hammering: refused attempts count against the attacker's address, not against the number.
    for (let i = 0; i < 40; i++) await attempt(env, owner.phone, 'wrong-1234', attacker);
    expect(await attempt(env, bystander.phone, PASSWORD, attacker)).toBe(`ACCOUNT_LOCKED:${MAX_DELAY_MINUTES}`);
    expect(await attempt(env, owner.phone, PASSWORD, home)).toBe('ACCOUNT_LOCKED:1');
    env.clock.advance(60_000);
    expect(await attempt(env, owner.phone, PASSWORD, home)).toBe('ok');
    expect(await attempt(env, bystander.phone, PASSWORD, attacker)).toMatch(/^ACCOUNT_LOCKED:/);

    // A patient attacker on many addresses, trying as soon as each delay ends, for ten hours: no answer ever asks
    // for more than the cap, and when the attack stops the owner waits at most the cap.
    const patient = await makeUser(env.deps);
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const answer = await attempt(env, patient.phone, 'wrong-1234', freshIp());
      const wait = answer.startsWith('ACCOUNT_LOCKED') ? Number(answer.split(':')[1]) : 0;
      waits.push(wait);
      env.clock.advance(Math.max(wait, 1) * 60_000);
    }
    expect(Math.max(...waits)).toBe(MAX_DELAY_MINUTES);
    env.clock.advance(-60_000); // the attack stopped within the last delay
    const owners = await attempt(env, patient.phone, PASSWORD, home);
    expect(owners).toMatch(/^ACCOUNT_LOCKED:\d+$/);
    const wait = Number(owners.split(':')[1]);
    expect(wait).toBeLessThanOrEqual(MAX_DELAY_MINUTES);
    env.clock.advance(wait * 60_000);
    expect(await attempt(env, patient.phone, PASSWORD, home)).toBe('ok');
  });

  it('lets staff with people.reset lift a delay, audited; staff of another community get NOT_FOUND', async () => {
    const person = await makeUser(env.deps, { home: tree.communityA });
    const admin = await makeUser(env.deps, {
      home: tree.communityA,
      role: 'community_admin',
      roleNode: tree.communityA,
    });
    const otherAdmin = await makeUser(env.deps, {
      home: tree.communityB,
      role: 'community_admin',
      roleNode: tree.communityB,
    });
    const ip = freshIp();
    for (let i = 0; i < 7; i++) await attempt(env, person.phone, 'wrong-1234', ip);
    expect(await attempt(env, person.phone, PASSWORD, freshIp())).toMatch(/^ACCOUNT_LOCKED:/);

    const staff = await clientFor(app, admin);
    const shown = await staff.request('GET', `/api/v1/people/${person.id}`);
    expect(shown.json<{ lockedUntil: string | null }>().lockedUntil).not.toBeNull();

    const other = await clientFor(app, otherAdmin);
    const refused = await other.request('POST', `/api/v1/people/${person.id}/unlock`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json<{ code: string }>().code).toBe('NOT_FOUND');
    expect(await attempt(env, person.phone, PASSWORD, freshIp())).toMatch(/^ACCOUNT_LOCKED:/);

    const before = await countAudits(env, 'person.unlocked', person.id);
    const res = await staff.request('POST', `/api/v1/people/${person.id}/unlock`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await countAudits(env, 'person.unlocked', person.id)).toBe(before + 1);
    const after = await staff.request('GET', `/api/v1/people/${person.id}`);
    expect(after.json<{ lockedUntil: string | null }>().lockedUntil).toBeNull();
    expect(await attempt(env, person.phone, PASSWORD, freshIp())).toBe('ok');
  });

  it('clears the delay when staff reset the password', async () => {
    const person = await makeUser(env.deps, { home: tree.communityA });
    const admin = await makeUser(env.deps, {
      home: tree.communityA,
      role: 'community_admin',
      roleNode: tree.communityA,
    });
    const ip = freshIp();
    for (let i = 0; i < 7; i++) await attempt(env, person.phone, 'wrong-1234', ip);
    const staff = await clientFor(app, admin);
    const res = await staff.request('POST', `/api/v1/people/${person.id}/password-reset`);
    expect(res.statusCode, res.body).toBe(200);
    const temporary = res.json<{ temporaryPassword: string }>().temporaryPassword;
    expect(await attempt(env, person.phone, temporary, freshIp())).toBe('ok');
  });

  it('answers ACCOUNT_LOCKED with the minutes over HTTP, per client address', async () => {
    const u = await makeUser(env.deps);
    const remoteAddress = freshIp();
    const send = (password: string, addr = remoteAddress) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone: u.phone, password },
        remoteAddress: addr,
        headers: { 'accept-language': 'en' },
      });
    for (let i = 0; i < 5; i++) expect((await send('wrong-1234')).statusCode).toBe(401);
    const locked = await send('wrong-1234');
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('1 minute') });
    const rows = await env.deps.db
      .selectFrom('login_throttle')
      .select(['key', 'failures'])
      .where('key', '=', `ip:${remoteAddress}`)
      .execute();
    expect(rows).toEqual([{ key: `ip:${remoteAddress}`, failures: 6 }]);
  });

  it('counts every one of 8 concurrent wrong sign-ins (no lost update)', async () => {
    const u = await makeUser(env.deps);
    const ip = freshIp();
    const answers = await Promise.all(Array.from({ length: 8 }, () => attempt(env, u.phone, 'wrong-1234', ip)));
    const throttle = await env.deps.db.selectFrom('login_throttle').select(['key', 'failures']).execute();
    const ipRow = throttle.find((r) => r.key === `ip:${ip}`);
    // Every attempt counts against the address; the number takes 5 free ones and the one that starts a delay
    // (counted before the password is checked, so parallel guesses cannot slip past), the rest are refused.
    expect(ipRow?.failures).toBe(8);
    expect(answers.filter((a) => a === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(answers.filter((a) => a === 'ACCOUNT_LOCKED:1')).toHaveLength(3);
    const phoneRows = throttle.filter((r) => r.key.startsWith('phone:') && r.failures === 6);
    expect(phoneRows.length).toBeGreaterThanOrEqual(1);

    // Under the free count, from as many addresses at once: the number's row counts every one.
    const other = await makeUser(env.deps);
    const before = new Set(throttle.map((r) => r.key));
    const four = await Promise.all(Array.from({ length: 4 }, () => attempt(env, other.phone, 'wrong-1234', freshIp())));
    expect(four).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    const fresh = (await env.deps.db.selectFrom('login_throttle').select(['key', 'failures']).execute()).filter(
      (r) => r.key.startsWith('phone:') && !before.has(r.key) && r.failures > 0,
    );
    expect(fresh.map((r) => r.failures)).toEqual([4]);
  });
});

async function countAudits(env: TestEnv, action: string, targetId: string): Promise<number> {
  const rows = await env.deps.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .execute();
  return rows.length;
}
