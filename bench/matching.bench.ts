// Matching latency: one need against 100,000 approved volunteers in one street (5 communities, 25 grids), ranked through
// HTTP (app.inject, GET /api/v1/needs/:id/matches as the street admin). Volunteers are bulk-inserted, not through the
// services. Target: p99 < 100 ms. Figures: bench/results/matching-<dialect>.json.
import os from 'node:os';
import { type Insertable, sql } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import { inTransaction } from '../src/server/db/transaction.js';
import { insertNewUser, insertRole, startSession } from '../src/server/modules/accounts/index.js';
import { createOrgNode, type OrgNode } from '../src/server/modules/org/index.js';
import { newId } from '../src/server/platform/ids.js';
import { must } from '../src/server/platform/must.js';
import { hashPassword } from '../src/server/platform/passwords.js';
import { benchDistrict, DIALECTS, percentile, startBenchServer, writeResults } from './lib.js';

const VOLUNTEERS = Number(process.env.MATCH_BENCH_VOLUNTEERS ?? 100_000);
const WARMUP = 20;
const SAMPLES = 200;
const SKILLS = ['医护', '法律', '维修', '教育', '文艺', '心理', '驾驶', '电脑手机', '理发', '家政', '外语', '摄影'];
const BANDS = ['morning', 'afternoon', 'evening'];

/** A small deterministic generator, so both databases get the same volunteers. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Measures matchNeed on each database. */
export async function runMatchingBench(): Promise<void> {
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      const deps = server.runtime.deps;
      const { district, sys, community: firstCommunity } = await benchDistrict(deps);
      const street = firstCommunity.parentId;
      if (!street) throw new Error('the bench community has no street');
      const communities: OrgNode[] = [firstCommunity];
      for (let c = 1; c < 5; c++)
        communities.push(await createOrgNode(deps, sys, { parentId: street, kind: 'community', name: `社区${c}` }));
      const grids: OrgNode[] = [];
      for (const c of communities)
        for (let g = 0; g < 5; g++)
          grids.push(await createOrgNode(deps, sys, { parentId: c.id, kind: 'grid', name: `${c.name}网格${g}` }));

      const t0 = performance.now();
      const random = rng(42);
      const now = new Date().toISOString();
      const phoneEnc = deps.cipher.encrypt('13700000000');
      const nameEnc = deps.cipher.encrypt('志愿者');
      const CHUNK = 500;
      for (let start = 0; start < VOLUNTEERS; start += CHUNK) {
        const users: Array<Insertable<DB['users']>> = [];
        const volunteers: Array<Insertable<DB['volunteers']>> = [];
        for (let i = start; i < Math.min(VOLUNTEERS, start + CHUNK); i++) {
          const grid = must(grids[Math.floor(random() * grids.length)], 'a grid');
          const userId = newId();
          const skills = new Set<string>();
          const n = 1 + Math.floor(random() * 3);
          for (let k = 0; k < n; k++) skills.add(must(SKILLS[Math.floor(random() * SKILLS.length)], 'a skill'));
          const availability: Record<string, string[]> = {};
          for (let d = 1; d <= 7; d++) if (random() < 0.3) availability[String(d)] = [must(BANDS[d % 3], 'a band')];
          users.push({
            id: userId,
            phone_index: `bench-${i}`,
            phone_enc: phoneEnc,
            password_hash: 'x',
            display_name: `志愿者${i}`,
            real_name_enc: null,
            real_name_masked: null,
            id_number_enc: null,
            id_number_masked: null,
            home_district_id: district.id,
            home_node_id: grid.id,
            locale: 'zh-CN',
            elder_mode: 0,
            failed_logins: 0,
            locked_until: null,
            must_change_password: 0,
            created_at: now,
            updated_at: now,
          });
          volunteers.push({
            district_id: district.id,
            id: newId(),
            user_id: userId,
            community_id: grid.parentId ?? firstCommunity.id,
            volunteer_no: null,
            status: 'approved',
            real_name_enc: nameEnc,
            real_name_masked: '志*者',
            id_number_enc: null,
            id_number_masked: null,
            skills: JSON.stringify([...skills]),
            availability: JSON.stringify(availability),
            home_grid_id: grid.id,
            bio: null,
            source: 'import',
            applied_at: now,
            reviewed_by: null,
            reviewed_at: null,
            reject_reason: null,
            updated_at: now,
          });
        }
        await inTransaction(deps.db, async ({ trx }) => {
          await trx.insertInto('users').values(users).execute();
          await trx.insertInto('volunteers').values(volunteers).execute();
        });
      }
      const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
      // Fresh planner statistics after a bulk load, and on PostgreSQL the visibility map that lets the coarse query
      // read the index alone: what autovacuum gives a live database.
      if (dialect === 'postgres') await sql`vacuum analyze volunteers`.execute(deps.db);
      await sql`analyze`.execute(deps.db);

      // The street admin, a resident of grid 0, and their need: 就医陪护 (医护, 驾驶) on Saturday morning.
      const hash = await hashPassword('Bench1234');
      const grid0 = must(grids[0], 'grid 0');
      const { token, needId } = await inTransaction(deps.db, async ({ trx }) => {
        const admin = await insertNewUser(
          deps,
          trx,
          { phone: '13600000001', displayName: '街道管理员', communityId: firstCommunity.id },
          hash,
        );
        await insertRole(deps, trx, {
          userId: admin.id,
          role: 'street_admin',
          districtId: district.id,
          nodeId: street,
          grantedBy: null,
        });
        const resident = await insertNewUser(
          deps,
          trx,
          { phone: '13600000002', displayName: '居民', communityId: firstCommunity.id },
          hash,
        );
        const id = newId();
        await trx
          .insertInto('needs')
          .values({
            district_id: district.id,
            id,
            community_id: firstCommunity.id,
            grid_id: grid0.id,
            building_id: null,
            requester_user_id: resident.id,
            recorded_by_user_id: null,
            category: 'escort',
            title: '陪同去医院复查',
            description: '周六上午陪同去区医院复查',
            urgency: 'normal',
            beneficiary_group: 'elderly',
            place: '1栋2单元',
            window_start: '2026-12-05T01:00:00.000Z',
            window_end: '2026-12-05T03:00:00.000Z',
            privacy: 'community',
            people_needed: 1,
            status: 'triaged',
            status_reason: null,
            project_id: null,
            triaged_by: admin.id,
            triaged_at: now,
            triage_note: null,
            done_at: null,
            rating: null,
            rating_comment: null,
            rated_at: null,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
        return { token: (await startSession(deps, trx, admin.id, {})).token, needId: id };
      });

      const request = () =>
        server.app.inject({
          method: 'GET',
          url: `/api/v1/needs/${needId}/matches?limit=20`,
          headers: { authorization: `Bearer ${token}` },
        });
      for (let i = 0; i < WARMUP; i++) {
        const res = await request();
        if (res.statusCode !== 200) throw new Error(`matchNeed answered ${res.statusCode}: ${res.body}`);
      }
      const loadBefore = os.loadavg()[0] ?? 0;
      const cpuBefore = process.cpuUsage();
      const latencies: number[] = [];
      let top: { total: number; because: string } | undefined;
      for (let i = 0; i < SAMPLES; i++) {
        const t = performance.now();
        const res = await request();
        latencies.push(performance.now() - t);
        top = res.json<{ items: Array<{ total: number; because: string }> }>().items[0];
      }
      const cpu = process.cpuUsage(cpuBefore);
      latencies.sort((a, b) => a - b);
      writeResults(`matching-${dialect}`, {
        dialect,
        volunteers: VOLUNTEERS,
        communities: communities.length,
        grids: grids.length,
        loadSeconds,
        samples: SAMPLES,
        p50ms: percentile(latencies, 50),
        p99ms: percentile(latencies, 99),
        maxms: Math.round(must(latencies.at(-1), 'a sample') * 10) / 10,
        targetP99ms: 100,
        // CPU time this process spent per request (user + system; on SQLite the whole work, on PostgreSQL without
        // the database server's share): what a request costs when it does not wait for a busy machine.
        cpuMsPerRequest: Math.round((cpu.user + cpu.system) / 100 / SAMPLES) / 10,
        // Other work on the machine while measuring (1-minute load average before and after, CPUs above).
        loadAverage: [loadBefore, os.loadavg()[0] ?? 0].map((l) => Math.round(l * 10) / 10),
        best: top ? { total: top.total, because: top.because } : null,
      });
    } finally {
      await server.close();
    }
  }
}
