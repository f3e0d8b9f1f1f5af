// The one rule for naming people in public (platform/privacy.ts publicPersonName), and the public ledger and the
// console lists that use it and carry their totals, on both databases.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  anon,
  type Client,
  clientFor,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  type TestEnv,
  type TestUser,
  testApp,
  type Tree,
} from '../support.js';
import { maskName, publicPersonName } from '../../src/server/platform/privacy.js';

describe('the public naming rule', () => {
  it('masks a real name of one, two, three and four characters', () => {
    expect(publicPersonName('王', '小王')).toBe('*');
    expect(publicPersonName('张三', '小张')).toBe('张*');
    expect(publicPersonName('吴小明', '小明')).toBe('吴*明');
    expect(publicPersonName('欧阳小华', '小华')).toBe('欧**华');
  });

  it('masks a Latin name word by word, keeping each first letter', () => {
    expect(publicPersonName('John Smith', 'js')).toBe('J*** S****');
    expect(publicPersonName('Alice', 'al')).toBe('A****');
    expect(publicPersonName('Li', 'x')).toBe('L*');
  });

  it('falls back to the masked nickname when no real name is on file', () => {
    expect(publicPersonName(null, '小红帽')).toBe('小*帽');
    expect(publicPersonName(undefined, 'Bob')).toBe('B**');
    expect(publicPersonName('   ', '热心大妈')).toBe('热**妈');
  });

  it('shows a single star for an empty name', () => {
    expect(publicPersonName('', '')).toBe('*');
    expect(publicPersonName(null, null)).toBe('*');
    expect(maskName('')).toBe('*');
  });
});

let n = 0;

describe.each(DIALECTS)('public names and list totals on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: Client;
  let wu: TestUser;
  let hong: TestUser;
  let vol: TestUser;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  // A fresh district with three people: a real name on the account, a nickname only, a real name given when volunteering.
  beforeEach(async () => {
    n += 1;
    tree = await makeTree(env.deps, `公示区${n}`);
    admin = await clientFor(app, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    wu = await makeUser(env.deps, { home: tree.communityA, realName: '吴小明', displayName: '小明' });
    hong = await makeUser(env.deps, { home: tree.communityA, displayName: '小红帽' });
    vol = await makeVolunteer(env.deps, tree.communityA, { realName: '赵小燕' });
    for (const [u, points] of [
      [wu, 10],
      [hong, 20],
      [vol, 30],
    ] as const) {
      const res = await admin.request('POST', '/api/v1/points/awards', {
        userId: u.id,
        points,
        reason: '热心公益',
        idempotencyKey: `award-${n}-${u.id}`,
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('names people on the public ledger by the rule, never by an unmasked real name', async () => {
    const res = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/journals`);
    expect(res.json().items.map((j: { parties: Array<{ name: string; amount: number }> }) => j.parties)).toEqual([
      [{ name: '赵*燕', amount: 30 }],
      [{ name: '小*帽', amount: 20 }],
      [{ name: '吴*明', amount: 10 }],
    ]);
    expect(res.body).not.toContain('吴小明');
    expect(res.body).not.toContain('赵小燕');
  });

  it('gives the public ledger’s total on every page', async () => {
    const first = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/journals?limit=2`);
    expect(first.json()).toMatchObject({ total: 3 });
    expect(first.json().items).toHaveLength(2);
    const second = await anon(
      app,
      'GET',
      `/api/v1/public/ledger/${tree.district.id}/journals?limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json()).toMatchObject({ total: 3, nextCursor: null });
    const none = await anon(app, 'GET', `/api/v1/public/ledger/${tree.district.id}/journals?month=2020-01`);
    expect(none.json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('gives the accounts list’s total, filtered', async () => {
    const res = await admin.request('GET', '/api/v1/points/accounts?kind=person&limit=1');
    expect(res.json()).toMatchObject({ total: 3 });
    expect(res.json().items).toHaveLength(1);
  });
});
