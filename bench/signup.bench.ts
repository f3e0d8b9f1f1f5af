// Sign-up rush: 1,000 volunteers press 报名 at the same moment for an activity with 100 places, through HTTP.
import { inTransaction } from '../src/server/db/transaction.js';
import { insertNewUser, startSession } from '../src/server/modules/accounts/index.js';
import { createActivity } from '../src/server/modules/activities/index.js';
import { activateVolunteer } from '../src/server/modules/volunteers/index.js';
import { newId } from '../src/server/platform/ids.js';
import { must } from '../src/server/platform/must.js';
import { hashPassword } from '../src/server/platform/passwords.js';
import { benchDistrict, DIALECTS, percentile, startBenchServer, writeResults } from './lib.js';

const PEOPLE = 1000;
const SLOTS = 100;

/** Measures the rush on each database; checks that exactly SLOTS were confirmed. */
export async function runSignupBench(): Promise<void> {
  const figures: Record<string, unknown> = {};
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      const deps = server.runtime.deps;
      const { district, sys, community } = await benchDistrict(deps);
      const hash = await hashPassword('Bench1234');
      const tokens: string[] = [];
      await inTransaction(deps.db, async ({ trx }) => {
        for (let i = 0; i < PEOPLE; i++) {
          const user = await insertNewUser(
            deps,
            trx,
            { phone: `137${String(i).padStart(8, '0')}`, displayName: `志愿者${i}`, communityId: community.id },
            hash,
          );
          const vid = newId();
          await trx
            .insertInto('volunteers')
            .values({
              district_id: district.id,
              id: vid,
              user_id: user.id,
              community_id: community.id,
              volunteer_no: null,
              status: 'pending',
              real_name_enc: deps.cipher.encrypt(`志愿者${i}`),
              real_name_masked: '志**',
              id_number_enc: null,
              id_number_masked: null,
              skills: '[]',
              availability: '{}',
              home_grid_id: null,
              bio: null,
              source: 'import',
              applied_at: new Date().toISOString(),
              reviewed_by: null,
              reviewed_at: null,
              reject_reason: null,
              updated_at: new Date().toISOString(),
            })
            .execute();
          await activateVolunteer(
            deps,
            trx,
            { district_id: district.id, id: vid, user_id: user.id, community_id: community.id },
            null,
          );
          tokens.push((await startSession(deps, trx, user.id, {})).token);
        }
      });
      const start = new Date(Date.now() + 7 * 86_400_000);
      const created = await createActivity(deps, sys, {
        communityId: community.id,
        title: '压测活动',
        category: '其他',
        description: '',
        address: '—',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
        slots: SLOTS,
        publish: true,
      });
      const activity = must(created[0], 'the bench activity');
      const url = `${server.url}/api/v1/activities/${activity.id}/signups`;
      const latencies: number[] = [];
      const statuses = new Map<string, number>();
      const t0 = performance.now();
      await Promise.all(
        tokens.map(async (token) => {
          const t = performance.now();
          const res = await fetch(url, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{}',
          });
          const body = (await res.json()) as { status?: string; code?: string };
          latencies.push(performance.now() - t);
          const key = res.status === 201 ? body.status! : `${res.status} ${body.code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      if (statuses.get('confirmed') !== SLOTS)
        throw new Error(`expected ${SLOTS} confirmed, got ${JSON.stringify([...statuses])}`);
      figures[dialect] = {
        requests: PEOPLE,
        slots: SLOTS,
        outcomes: Object.fromEntries(statuses),
        seconds: Math.round(seconds * 100) / 100,
        signupsPerSecond: Math.round(PEOPLE / seconds),
        p50ms: percentile(latencies, 50),
        p99ms: percentile(latencies, 99),
      };
    } finally {
      await server.close();
    }
  }
  writeResults('signup-rush', figures);
}
