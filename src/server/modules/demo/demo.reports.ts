// Demo grid reports (随手拍) in 燕岭社区, made through the services like people would, in every kind of state: a new
// 飞线充电 hazard waiting in 周网格's grid; a 环境卫生 pile being cleared; a broken street lamp fixed and waiting for
// 张阿姨 to confirm; a blocked fire lane fixed, confirmed (马先生 earned points) and closed; a duplicate merged into
// the first; a report rejected with its reason; and one left unhandled past the grid's 24 hours, escalated to the
// community (shown overdue in red). No photos: the seed writes nothing outside the database.
import type { Clock } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { authenticate, login } from '../accounts/index.js';
import { createReport, escalateOverdueReports, reporterStep, staffStep } from '../reports/index.js';

async function actor(deps: Deps, phone: string, password: string): Promise<Actor> {
  const s = await login(deps, { phone, password });
  const auth = await authenticate(deps, s.token, null);
  if (!auth) throw new Error(`demo account ${phone} cannot sign in`);
  return auth.actor;
}

const HOUR = 3_600_000;
/** Near the demo service map's origin (燕岭社区), WGS-84. */
const ORIGIN = { lat: 30.6205, lng: 114.1401 };
const at = (north: number, east: number) => ({
  lat: Math.round((ORIGIN.lat + north / 111_320) * 1e7) / 1e7,
  lng: Math.round((ORIGIN.lng + east / (111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180))) * 1e7) / 1e7,
});

/** Adds the demo reports in the grids of the home community (grid ids in order 第一, 第二, 第三网格). */
export async function seedReports(deps: Deps, password: string, gridIds: string[]): Promise<void> {
  const [grid1, grid2] = gridIds;
  if (!grid1 || !grid2) throw new Error('demo reports need two grids');
  const zhang = await actor(deps, '13800000009', password); // 张阿姨
  const ma = await actor(deps, '13800000014', password); // 马先生
  const sun = await actor(deps, '13800000007', password); // 孙志愿
  const gridWorker = await actor(deps, '13800000004', password); // 周网格 (第一网格)
  const admin = await actor(deps, '13800000002', password); // 李主任
  const base = { photoIds: [], coord: 'wgs84' as const, anonymous: false, visibility: 'public' as const };
  const now = deps.clock.now().getTime();
  const past = (hours: number): Deps => {
    const clock: Clock = { now: () => new Date(now - hours * HOUR) };
    return { ...deps, clock };
  };

  // Resolved two days ago, confirmed by 马先生 now (his reward is paid through the ledger at the real time), closed.
  const lane = await createReport(past(50), ma, {
    ...base,
    category: 'parking',
    description: '2栋和3栋之间的消防通道被一辆白色面包车堵了两天，救护车进不来。',
    gridId: grid1,
    address: '2栋与3栋之间消防通道',
    ...at(40, -30),
  });
  await staffStep(past(49), gridWorker, lane.id, 'accept', { note: '已联系物业核实车主' });
  await staffStep(past(49), gridWorker, lane.id, 'assign', { assigneeUserId: gridWorker.userId });
  await staffStep(past(48), gridWorker, lane.id, 'start', {});
  await staffStep(past(47), gridWorker, lane.id, 'resolve', { note: '车主已挪车，物业加装了禁停标识。' });
  await reporterStep(deps, ma, lane.id, 'confirm', {});
  await staffStep(deps, admin, lane.id, 'close', { note: '已办结' });

  // Fixed yesterday, waiting for 张阿姨 to confirm.
  const lamp = await createReport(past(30), zhang, {
    ...base,
    category: 'facility',
    description: '1栋门口的路灯坏了一个星期，晚上黑漆漆的，老人出门怕摔。',
    gridId: grid1,
    address: '1栋单元门口',
    ...at(-20, 15),
  });
  await staffStep(past(29), gridWorker, lamp.id, 'accept', {});
  await staffStep(past(29), gridWorker, lamp.id, 'assign', { assigneeUserId: gridWorker.userId });
  await staffStep(past(28), gridWorker, lamp.id, 'start', { note: '已报物业电工' });
  await staffStep(past(20), gridWorker, lamp.id, 'resolve', { note: '电工已更换灯泡和线路，今晚起正常亮灯。' });

  // Being cleared now.
  const pile = await createReport(past(6), sun, {
    ...base,
    category: 'sanitation',
    description: '3栋楼后垃圾桶满了没人清，周围堆了好几袋装修垃圾，有异味。',
    gridId: grid1,
    ...at(60, 45),
  });
  await staffStep(past(5), gridWorker, pile.id, 'accept', {});
  await staffStep(past(5), gridWorker, pile.id, 'assign', { assigneeUserId: gridWorker.userId });
  await staffStep(past(4), gridWorker, pile.id, 'start', { note: '已通知保洁公司加派清运车' });

  // New: a charging hazard just reported, and a neighbour's duplicate merged into it.
  const wire = await createReport(past(1), zhang, {
    ...base,
    category: 'flying_wire',
    description: '2栋3楼有人从窗户垂下电线给楼下电动车充电，线就挂在过道上，下雨天很危险。',
    gridId: grid1,
    address: '2栋楼下过道',
    ...at(30, -10),
  });
  const twin = await createReport(past(1), ma, {
    ...base,
    category: 'flying_wire',
    description: '2栋楼下有电线从楼上吊下来充电。',
    gridId: grid1,
    ...at(32, -12),
  });
  await staffStep(deps, gridWorker, twin.id, 'merge', { intoReportId: wire.id, note: '同一处飞线，合并办理' });

  // Rejected: not a grid matter.
  const tax = await createReport(past(3), sun, {
    ...base,
    category: 'other',
    description: '想咨询个人所得税怎么退。',
    gridId: grid1,
  });
  await staffStep(past(2), gridWorker, tax.id, 'reject', { note: '不属于网格事项，已告知可拨打12366咨询。' });

  // Nobody in 第二网格 took this one up within 24 hours: escalated to the community, overdue.
  await createReport(past(30), ma, {
    ...base,
    category: 'hazard',
    description: '5栋楼道的消防栓玻璃碎了，水带也不见了。',
    gridId: grid2,
    address: '5栋2单元一楼楼道',
    ...at(-80, 90),
  });
  await escalateOverdueReports(deps);
}
