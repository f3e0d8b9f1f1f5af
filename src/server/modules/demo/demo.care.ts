// Demo care registry (关爱台账) in 燕岭社区's 第一网格, made through the services: 周网格 registers four people and
// pairs 孙志愿 (邻里关照) with all of them, himself with the three tiered 重点/重要. 王秀英 (独居, 重点) was registered ten days ago and never visited — red, three days
// overdue; 陈德明 (空巢, 重点) was visited six days ago — yellow, due within a day; 刘桂兰 (残疾, 重要) was visited
// last week — blue; 小杰 (a child without care, 一般) was just registered — blue. Visitors: 周网格 13800000004 and
// 孙志愿 13800000007.
import type { Clock } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Actor } from '../../platform/permissions.js';
import { authenticate, login } from '../accounts/index.js';
import { assignCareVisitor, createCareSubject, logCareVisit } from '../care/index.js';

async function actor(deps: Deps, phone: string, password: string): Promise<Actor> {
  const s = await login(deps, { phone, password });
  const auth = await authenticate(deps, s.token, null);
  if (!auth) throw new Error(`demo account ${phone} cannot sign in`);
  return auth.actor;
}

const DAY = 86_400_000;

/** Adds the demo care subjects in the home community's first grid. */
export async function seedCare(deps: Deps, password: string, gridId: string): Promise<void> {
  const gridWorker = await actor(deps, '13800000004', password); // 周网格 (第一网格)
  const sun = await actor(deps, '13800000007', password); // 孙志愿
  const now = deps.clock.now().getTime();
  const past = (days: number): Deps => {
    const clock: Clock = { now: () => new Date(now - days * DAY) };
    return { ...deps, clock };
  };
  const people = [
    { name: '王秀英', categories: ['living_alone'], tier: 'key', address: '燕岭社区 5 栋 1 单元 102', days: 10 },
    { name: '陈德明', categories: ['empty_nest'], tier: 'key', address: '燕岭社区 3 栋 2 单元 401', days: 20 },
    { name: '刘桂兰', categories: ['disabled'], tier: 'important', address: '燕岭社区 8 栋 1 单元 201', days: 60 },
    { name: '小杰', categories: ['child'], tier: 'general', address: '燕岭社区 2 栋 3 单元 602', days: 0 },
  ] as const;
  const ids: string[] = [];
  for (const p of people) {
    const s = await createCareSubject(past(p.days), gridWorker, {
      nodeId: gridId,
      name: p.name,
      address: p.address,
      categories: [...p.categories],
      tier: p.tier,
      note: '',
    });
    await assignCareVisitor(past(p.days), gridWorker, s.id, { phone: '13800000007' });
    if (p.tier !== 'general') await assignCareVisitor(past(p.days), gridWorker, s.id, { phone: '13800000004' });
    ids.push(s.id);
  }
  const [, chen, liu] = ids;
  if (chen)
    await logCareVisit(past(6), sun, chen, {
      findings: '老人血压偏高，按时吃药，子女每周通电话',
      outcome: 'well',
      emergency: false,
    });
  if (liu)
    await logCareVisit(past(7), gridWorker, liu, {
      findings: '轮椅刹车有点松，已帮忙调好；生活用品充足',
      outcome: 'well',
      emergency: false,
    });
}
