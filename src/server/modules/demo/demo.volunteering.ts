// Demo volunteering data: an approved volunteer, a team, upcoming activities and one past activity whose hours
// went through the whole flow (check-in/out, leader confirmation, community acceptance) — run through the services.
import { chinaDate, FixedClock } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { must } from '../../platform/must.js';
import { authenticate, login } from '../accounts/index.js';
import { checkIn, checkOut, createActivity, getAttendanceCode, signUpActivity } from '../activities/index.js';
import { acceptServiceRecords, confirmServiceRecords, listServiceRecords } from '../records/index.js';
import { processLedgerEvents } from '../ledger/index.js';
import {
  applyVolunteer,
  createTeam,
  requestJoinTeam,
  reviewJoinRequest,
  reviewVolunteer,
} from '../volunteers/index.js';

async function actor(deps: Deps, phone: string, password: string) {
  const s = await login(deps, { phone, password });
  return (await authenticate(deps, s.token, null))!.actor;
}

/** China-time date + hh:mm, n days from `base`. */
function at(base: Date, days: number, hhmm: string): string {
  const d = chinaDate(new Date(base.getTime() + days * 86_400_000));
  return new Date(`${d}T${hhmm}:00+08:00`).toISOString();
}

/** Adds volunteers, a team and activities to the demo district's first community. */
export async function seedVolunteering(deps: Deps, password: string, communityId: string): Promise<void> {
  const admin = await actor(deps, '13800000002', password);
  const leader = await actor(deps, '13800000006', password);
  const volunteer = await actor(deps, '13800000007', password);
  const socialWorker = await actor(deps, '13800000005', password);

  for (const [a, name, skills] of [
    [leader, '郑国庆', ['维修', '驾驶']],
    [volunteer, '孙小红', ['医护', '理发', '电脑手机']],
  ] as const) {
    const v = await applyVolunteer(deps, a, {
      communityId,
      realName: name,
      skills: [...skills],
      availability: { 6: ['morning', 'afternoon'], 7: ['morning'] },
    });
    await reviewVolunteer(deps, admin, v.id, { decision: 'approve' });
  }
  const team = await createTeam(deps, admin, {
    communityId,
    name: '燕岭邻里关照志愿服务队',
    category: '邻里关照',
    leaderUserId: leader.userId,
    socialWorkerUserId: socialWorker.userId,
    description: '关注独居老人居家安全，上门探访、代购药品、陪同就医。',
  });
  await requestJoinTeam(deps, volunteer, team.id);
  await reviewJoinRequest(deps, leader, team.id, volunteer.userId, { decision: 'approve' });

  // A finished activity, lived through at its own time with a clock set to then.
  const now = deps.clock.now();
  const past = new FixedClock(new Date(at(now, -9, '08:00')));
  const pastDeps: Deps = { ...deps, clock: past };
  const created = await createActivity(pastDeps, leader, {
    communityId,
    teamId: team.id,
    title: '独居老人上门探访',
    category: '助老服务',
    description: '两人一组上门看望独居老人，检查水电燃气安全，陪老人聊天。',
    address: '燕岭社区党群服务中心集合',
    startsAt: at(now, -7, '09:00'),
    endsAt: at(now, -7, '11:00'),
    slots: 8,
    beneficiaries: '独居老人',
    publish: true,
  });
  const done = must(created[0], 'the demo past activity');
  await signUpActivity(pastDeps, volunteer, done.id);
  past.set(at(now, -7, '08:55'));
  await checkIn(pastDeps, volunteer, {
    activityId: done.id,
    code: (await getAttendanceCode(pastDeps, leader, done.id)).code,
  });
  past.set(at(now, -7, '11:05'));
  await checkOut(pastDeps, volunteer, {
    activityId: done.id,
    code: (await getAttendanceCode(pastDeps, leader, done.id)).code,
  });
  past.set(at(now, -6, '10:00'));
  const records = await listServiceRecords(pastDeps, leader, { activityId: done.id });
  await confirmServiceRecords(
    pastDeps,
    leader,
    records.items.map((r) => r.id),
  );
  past.set(at(now, -5, '10:00'));
  await acceptServiceRecords(
    pastDeps,
    admin,
    records.items.map((r) => r.id),
  );
  await processLedgerEvents(pastDeps);

  await createActivity(deps, leader, {
    communityId,
    teamId: team.id,
    title: '周末义诊与免费理发',
    category: '健康义诊',
    description: '社区卫生服务站医生义诊，志愿者为老人免费理发。需要医护或理发技能。',
    address: '燕岭社区广场',
    startsAt: at(now, 2, '09:00'),
    endsAt: at(now, 2, '11:30'),
    slots: 6,
    requiredSkills: ['医护'],
    beneficiaries: '社区老人',
    publish: true,
  });
  await createActivity(deps, leader, {
    communityId,
    teamId: team.id,
    title: '社区环境清洁行动',
    category: '环境保护',
    description: '清理楼道杂物和绿化带垃圾，工具由社区提供。',
    address: '燕岭社区 1–6 栋',
    startsAt: at(now, 3, '15:00'),
    endsAt: at(now, 3, '17:00'),
    slots: 20,
    repeatWeeks: 4,
    beneficiaries: '全体居民',
    publish: true,
  });
  // A resident event (居民活动): any resident of the community signs up; attendance is recorded, no service hours.
  await createActivity(deps, admin, {
    communityId,
    audience: 'resident',
    title: '免费理发日',
    category: '便民服务',
    description: '理发店师傅到社区为居民免费理发，老人优先。请按报名时间到场。',
    address: '燕岭社区党群服务中心一楼',
    startsAt: at(now, 4, '09:00'),
    endsAt: at(now, 4, '11:00'),
    slots: 15,
    beneficiaries: '社区居民',
    publish: true,
  });
  await createActivity(deps, admin, {
    communityId,
    title: '防电诈宣传（草稿）',
    category: '便民服务',
    description: '向老年人讲解常见电信诈骗手法。',
    address: '燕岭社区活动室',
    startsAt: at(now, 10, '14:00'),
    endsAt: at(now, 10, '16:00'),
    slots: 5,
  });
}
