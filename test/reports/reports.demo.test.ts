// Grid reports with the demo data, end to end through HTTP on both databases: 张阿姨 confirms the fixed street lamp
// and earns the 设施损坏 points once; 周网格 takes the new 飞线充电 hazard from submitted to resolved and 张阿姨
// confirms it; 李主任 sees the escalated 第二网格 report (已升级 · 网格超时); the public board (no login) shows the demo reports
// without any reporter's name.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/modules/demo/index.js';
import { findDistrictByName } from '../../src/server/modules/org/index.js';
import type {
  MyReportListView,
  PublicReportListView,
  ReportListView,
  ReportStatsView,
  ReportView,
} from '../../src/server/modules/reports/reports.schemas.js';
import { DIALECTS, testApp, signedIn } from '../support.js';
import { reportEnv } from './reports.fixtures.js';

describe.each(DIALECTS)('reports with the demo data on %s', (dialect) => {
  let env: Awaited<ReturnType<typeof reportEnv>>;
  let app: FastifyInstance;
  let districtId: string;

  const as = (phone: string) => signedIn(app, phone, env.deps.config.demoPassword);

  beforeAll(async () => {
    env = await reportEnv(dialect);
    await seedDemo(env.deps, env.deps.config.demoPassword);
    districtId = (await findDistrictByName(env.deps.db, '示范区'))!.id;
    app = await testApp(env);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await env.close();
  });

  it('has reports in every kind of state; 周网格 and 张阿姨 take them to confirmation, each reward paid once', async () => {
    const zhou = await as('13800000004');
    const list = await zhou<ReportListView>('GET', '/api/v1/reports?limit=200');
    expect(list.status).toBe(200);
    const states = list.body.items.map((i) => i.status).sort();
    expect(states).toEqual(['closed', 'duplicate', 'in_progress', 'rejected', 'resolved', 'submitted']);
    const li = await as('13800000002');
    // The 第二网格 report broke the grid's 24 hours and went up to the community: escalated, with the community's
    // 72 hours still ahead, so not overdue again.
    const escalated = await li<ReportListView>('GET', '/api/v1/reports?escalated=true');
    expect(escalated.body.items).toHaveLength(1);
    expect(escalated.body.items[0]).toMatchObject({
      level: 'community',
      escalatedFrom: 'grid',
      overdue: false,
      categoryName: '安全隐患',
    });
    expect(escalated.body.escalatedCount).toBe(1);
    expect((await li<ReportListView>('GET', '/api/v1/reports?overdue=true')).body.items).toHaveLength(0);
    const stats = await li<ReportStatsView>('GET', '/api/v1/reports/stats');
    expect(stats.body).toMatchObject({
      total: 7,
      overdue: 0,
      escalated: 1,
      resolved: 2,
      resolvedWithinGrid: 2,
      withinGridRate: 1,
    });
    // 黄主任 of another street sees none of them.
    const huang = await as('13800000012');
    expect((await huang<ReportListView>('GET', '/api/v1/reports')).body.total).toBe(0);

    // Then through to confirmation, each reward paid once (one test: the steps change the states counted above).
    const zhang = await as('13800000009');
    const mine = await zhang<MyReportListView>('GET', '/api/v1/reports/mine');
    const lamp = mine.body.items.find((i) => i.categoryName === '设施损坏')!;
    expect(lamp).toMatchObject({ status: 'resolved', actions: ['confirm', 'reopen'] });
    const confirmed = await zhang<ReportView>('POST', `/api/v1/reports/${lamp.id}/confirm`, {});
    expect(confirmed.body).toMatchObject({ status: 'confirmed', rewardPoints: 3 });
    expect((await zhang<ReportView>('POST', `/api/v1/reports/${lamp.id}/confirm`, {})).body.rewardPoints).toBe(3);

    const wire = mine.body.items.find((i) => i.categoryName === '飞线充电')!;
    expect(wire.status).toBe('submitted');
    expect((await zhou('POST', `/api/v1/reports/${wire.id}/accept`, {})).status).toBe(200);
    const me = (await zhou<{ user: { id: string } }>('GET', '/api/v1/me')).body;
    const zhouId = me.user?.id ?? (me as unknown as { id: string }).id;
    expect((await zhou('POST', `/api/v1/reports/${wire.id}/assign`, { assigneeUserId: zhouId })).status).toBe(200);
    expect((await zhou('POST', `/api/v1/reports/${wire.id}/start`, {})).status).toBe(200);
    expect((await zhou('POST', `/api/v1/reports/${wire.id}/resolve`, { note: '已剪除飞线' })).status).toBe(200);
    const done = await zhang<ReportView>('POST', `/api/v1/reports/${wire.id}/confirm`, {});
    expect(done.body).toMatchObject({ status: 'confirmed', rewardPoints: 5 });

    const rewards = await env.deps.db
      .selectFrom('journals')
      .select('idempotency_key')
      .where('idempotency_key', 'like', 'report-reward:%')
      .execute();
    expect(rewards.map((r) => r.idempotency_key).sort()).toEqual(
      [`report-reward:${lamp.id}`, `report-reward:${wire.id}`, expect.stringMatching(/^report-reward:/)].sort(),
    );
  });

  it('shows the public board without login and without any reporter', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/public/reports?districtId=${districtId}&limit=100` });
    expect(res.statusCode).toBe(200);
    const board = res.json<PublicReportListView>();
    expect(board.items.length).toBeGreaterThanOrEqual(7);
    for (const name of ['张阿姨', '张桂华', '马先生', '马建军', '孙志愿', '孙小红', '13800000009'])
      expect(res.body).not.toContain(name);
  });
  it('offers 张阿姨 the grids of her community in order for the place picker', async () => {
    const zhang = await as('13800000009');
    const cats = await zhang<{ districtId: string; grids: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/report-categories',
    );
    expect(cats.status).toBe(200);
    expect(cats.body.districtId).toBe(districtId);
    expect(cats.body.grids.map((g) => g.name)).toEqual(['第一网格', '第二网格', '第三网格']);
  });
});
