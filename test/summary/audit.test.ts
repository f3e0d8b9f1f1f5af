// The audit log read as words, on both databases: a label per action in zh-CN and English, the actor and target
// named (people masked), the filtered list's total, and a label for every action the server writes.
import fs from 'node:fs';
import path from 'node:path';
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
  type TestEnv,
  type TestUser,
  testApp,
  type Tree,
} from '../support.js';
import { AUDIT_ACTIONS, actionLabel } from '../../src/server/modules/audit/audit.labels.js';
import { STEP_AUDIT } from '../../src/server/modules/reports/reports.service.js';

let n = 0;

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let env: TestEnv;
  let app: FastifyInstance;
  let tree: Tree;
  let admin: Client;
  let wu: TestUser;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    app = await testApp(env);
  });
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  beforeEach(async () => {
    n += 1;
    tree = await makeTree(env.deps, `审计区${n}`);
    admin = await clientFor(
      app,
      await makeUser(env.deps, {
        role: 'community_admin',
        roleNode: tree.communityA,
        realName: '陈主任',
        displayName: '老陈',
      }),
    );
    wu = await makeUser(env.deps, { home: tree.communityA, realName: '吴小明', displayName: '小明' });
  });

  const award = (points: number, key: string) =>
    admin.request('POST', '/api/v1/points/awards', {
      userId: wu.id,
      points,
      reason: '热心公益',
      idempotencyKey: `${key}-${n}-xxxxxxxx`,
    });

  it('labels the action in Chinese and names the actor and the person, masked', async () => {
    expect((await award(10, 'a')).statusCode).toBe(200);
    const res = await admin.request('GET', '/api/v1/audit-events?action=points.award');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      action: 'points.award',
      actionLabel: '奖励积分',
      actorName: '陈*任',
      targetType: 'person',
      targetTypeLabel: '人员',
      targetId: wu.id,
      targetName: '吴*明',
    });
    expect(res.body).not.toContain('吴小明');
    expect(res.body).not.toContain('陈主任');
  });

  it('labels the action in English with Accept-Language: en', async () => {
    await award(10, 'b');
    const res = await admin.request('GET', '/api/v1/audit-events?action=points.award', undefined, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(res.json().items[0]).toMatchObject({
      actionLabel: 'Award points',
      targetTypeLabel: 'Person',
      targetName: '吴*明',
    });
  });

  it('names an org node target, and shows no actor name for the system', async () => {
    const res = await admin.request('GET', `/api/v1/audit-events?targetId=${tree.gridA.id}`);
    expect(res.json().items[0]).toMatchObject({
      action: 'org.create',
      actionLabel: '新增组织节点',
      targetName: '甲一网格',
      actorId: 'system',
      actorName: null,
    });
  });

  it('returns the filtered list’s total on every page', async () => {
    for (const k of ['t1', 't2', 't3']) await award(5, k);
    const first = await admin.request('GET', '/api/v1/audit-events?action=points.award&limit=2');
    expect(first.json()).toMatchObject({ total: 3 });
    expect(first.json().items).toHaveLength(2);
    const second = await admin.request(
      'GET',
      `/api/v1/audit-events?action=points.award&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json()).toMatchObject({ total: 3, nextCursor: null });
    expect(second.json().items).toHaveLength(1);
  });

  it('lists the known actions with their labels for the filter, only to the logged-in', async () => {
    const res = await admin.request('GET', '/api/v1/audit-actions');
    expect(res.json().items).toContainEqual({ action: 'voucher.redeem', label: '核销兑换券' });
    const en = await admin.request('GET', '/api/v1/audit-actions', undefined, { 'accept-language': 'en' });
    expect(en.json().items).toContainEqual({ action: 'voucher.redeem', label: 'Redeem voucher' });
    const refused = await anon(app, 'GET', '/api/v1/audit-actions');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });
});

describe('audit action labels', () => {
  /** Every action the server writes: literal ones, and the families built from a decision or a transition. */
  function writtenActions(): string[] {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(p);
      }
    };
    walk(path.resolve(__dirname, '../../src/server'));
    const families: Record<string, string[]> = {
      record: ['confirm', 'accept', 'return'],
      merchant: ['approve', 'reject', 'file'],
      volunteer: ['approve', 'reject'],
      'team.member_': ['approve', 'reject'],
      project: ['publish', 'start', 'finish', 'withdraw'],
      suggestion: ['to_need', 'to_project'],
    };
    const found = new Set<string>();
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(
        /action: (?:input\.archived \? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g,
      )) {
        found.add(m[1]!);
        if (m[2]) found.add(m[2]);
      }
      for (const m of text.matchAll(/action: `([a-z_.]+?)\.?\$\{/g)) {
        const key = families[m[1]!] ? m[1] : m[1]!.replace(/\.$/, '');
        expect(families[key!], `unknown action family "${m[1]}" in ${f}`).toBeDefined();
        for (const s of families[key!]!) found.add(key!.endsWith('_') ? `${key}${s}` : `${key}.${s}`);
      }
    }
    return [...found].sort();
  }

  it('has a zh-CN and an English label for every action the server writes', () => {
    const actions = writtenActions();
    expect(actions.length).toBeGreaterThan(30);
    expect(actions.filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
    expect(actions.filter((a) => !AUDIT_ACTIONS[a]?.zh || !AUDIT_ACTIONS[a]?.en)).toEqual([]);
  });

  it('labels the audit actions built from tables rather than written out (随手拍 steps)', () => {
    const built = [...Object.values(STEP_AUDIT), 'report.auto_confirm'];
    expect(built.length).toBeGreaterThan(5);
    expect(built.filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
  });

  it('shows the code itself for an action without a label', () => {
    expect(actionLabel('made.up', 'zh-CN')).toBe('made.up');
    expect(actionLabel('voucher.redeem', 'zh-CN')).toBe('核销兑换券');
  });
});
