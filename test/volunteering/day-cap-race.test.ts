// The daily cap holds when an attendance record and service recorded after the fact (补记) for the same person and
// day are written at once: both take the volunteer's row lock before reading the day's minutes (PostgreSQL; SQLite
// has one writer). Two leaders marking overlapping people in opposite orders do not deadlock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as activities from '../../src/server/modules/activities/activities.service.js';
import * as attendance from '../../src/server/modules/activities/attendance.service.js';
import * as signups from '../../src/server/modules/activities/signups.service.js';
import { recordPastService } from '../../src/server/modules/records/past-service.service.js';
import * as teams from '../../src/server/modules/volunteers/teams.service.js';
import type { Actor } from '../../src/server/platform/permissions.js';
import {
  actorOf,
  CLOCK_START,
  createTestEnv,
  DIALECTS,
  makeTree,
  makeUser,
  makeVolunteer,
  plainActor,
  type TestEnv,
  type Tree,
  useClock,
} from '../support.js';

const HOUR = 3_600_000;
/** Activities here run 2026-11-26 10:00–12:00 China time; marking happens after the end. */
const START = new Date(new Date(CLOCK_START).getTime() + 24 * HOUR);
const END = new Date(START.getTime() + 2 * HOUR);
const SERVICE_DATE = '2026-11-26';

describe.each(DIALECTS)('the daily cap under concurrent writers on %s', (dialect) => {
  let env: TestEnv;
  let tree: Tree;
  let admin: Actor;
  let leader: Actor;
  let teamId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    tree = await makeTree(env.deps);
    admin = await actorOf(env.deps, await makeUser(env.deps, { role: 'community_admin', roleNode: tree.communityA }));
    const l = await makeVolunteer(env.deps, tree.communityA);
    teamId = (
      await teams.createTeam(env.deps, admin, {
        communityId: tree.communityA.id,
        name: '夜巡队',
        category: '邻里关照',
        leaderUserId: l.id,
      })
    ).id;
    leader = plainActor(l.id);
  });
  afterAll(() => env.close());
  useClock(() => env);

  async function activityWith(people: string[], title: string, laterHours = 0) {
    const shift = laterHours * HOUR;
    const a = (
      await activities.createActivity(env.deps, leader, {
        communityId: tree.communityA.id,
        teamId,
        title,
        category: '助老服务',
        description: '',
        address: '活动室',
        startsAt: new Date(START.getTime() + shift).toISOString(),
        endsAt: new Date(END.getTime() + shift).toISOString(),
        slots: 10,
        publish: true,
      })
    ).at(0)!;
    for (const id of people) await signups.signUpActivity(env.deps, plainActor(id), a.id);
    return a;
  }

  async function dayMinutes(userId: string) {
    const rows = await env.deps.db
      .selectFrom('service_records')
      .select('minutes')
      .where('user_id', '=', userId)
      .where('service_date', '=', SERVICE_DATE)
      .where('status', '!=', 'voided')
      .execute();
    return rows.reduce((s, r) => s + r.minutes, 0);
  }

  it('an attendance record and a 补记 entry for the same day never pass the cap together', async () => {
    for (let round = 0; round < 4; round++) {
      const p = await makeVolunteer(env.deps, tree.communityA);
      const a = await activityWith([p.id], `上门探访 ${round}`);
      env.clock.set(new Date(END.getTime() + HOUR));
      const results = await Promise.allSettled([
        attendance.markAttendance(env.deps, leader, a.id, [{ userId: p.id, present: true }]),
        recordPastService(env.deps, admin, {
          userId: p.id,
          communityId: tree.communityA.id,
          serviceDate: SERVICE_DATE,
          minutes: 420,
          category: '助老服务',
          place: '3号楼',
          content: '夜间陪护',
          vouchedBy: '楼长 李四',
        }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      // 120 minutes of attendance and 420 after the fact: whichever came second was capped to the 480 left.
      expect(await dayMinutes(p.id)).toBe(480);
      env.clock.set(new Date(CLOCK_START));
    }
  });

  it('two marks over the same people in opposite orders both finish', async () => {
    const p1 = await makeVolunteer(env.deps, tree.communityA);
    const p2 = await makeVolunteer(env.deps, tree.communityA);
    const a = await activityWith([p1.id, p2.id], '清扫楼道');
    const b = await activityWith([p1.id, p2.id], '整理书架', 3);
    env.clock.set(new Date(END.getTime() + 4 * HOUR));
    const results = await Promise.allSettled([
      attendance.markAttendance(env.deps, leader, a.id, [
        { userId: p1.id, present: true },
        { userId: p2.id, present: true },
      ]),
      attendance.markAttendance(env.deps, leader, b.id, [
        { userId: p2.id, present: true },
        { userId: p1.id, present: true },
      ]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    env.clock.set(new Date(CLOCK_START));
  });
});
