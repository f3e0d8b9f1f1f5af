// Service-map figures through HTTP on each database: "near me" over 10,000 service points (1,000 m, the 15-minute
// circle, and 5,000 m, the widest allowed) beside the bare health route measured in the same run, as a ratio;
// one file per database (bench/results/servicemap-sqlite.json, servicemap-postgres.json).
import os from 'node:os';
import { benchDistrict, DIALECTS, load, startBenchServer, writeResults } from './lib.js';
import { newId } from '../src/server/platform/ids.js';
import { SERVICE_POINT_CATEGORIES } from '../src/server/modules/servicemap/servicemap.rules.js';

const POINTS = 10_000;
/** The points spread evenly over a square about 20 km wide around this centre (Wuhan): ~25 per km². */
const CENTRE = { lat: 30.6, lng: 114.3 };
const HALF_LAT = 0.09;
const HALF_LNG = 0.104;

/** A small deterministic generator (mulberry32), so every run places the same points. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the service-map suite on each database. */
export async function runServiceMapBench(): Promise<void> {
  for (const dialect of DIALECTS) {
    const server = await startBenchServer(dialect);
    try {
      const deps = server.runtime.deps;
      // The bench is one client on one IP: lift the public per-IP limit (read per request) for the run.
      deps.config.publicRateLimit = 1_000_000_000;
      const { district, community } = await benchDistrict(deps);
      const next = random(10);
      const now = new Date().toISOString();
      const hours = JSON.stringify({ mon: ['08:00-18:00'], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
      // Bulk rows straight into the table: 10,000 service calls would time the seeding, not the search.
      for (let start = 0; start < POINTS; start += 500) {
        await deps.db
          .insertInto('service_points')
          .values(
            Array.from({ length: Math.min(500, POINTS - start) }, (_, k) => ({
              district_id: district.id,
              id: newId(),
              community_id: community.id,
              name: `服务点${start + k}`,
              category: SERVICE_POINT_CATEGORIES[(start + k) % SERVICE_POINT_CATEGORIES.length] ?? 'other',
              address: '压测路',
              hours,
              hours_note: null,
              contact_phone: null,
              description: '',
              lat_e7: Math.round((CENTRE.lat + (next() * 2 - 1) * HALF_LAT) * 1e7),
              lng_e7: Math.round((CENTRE.lng + (next() * 2 - 1) * HALF_LNG) * 1e7),
              status: 'active' as const,
              created_by: 'bench',
              created_at: now,
              updated_by: 'bench',
              updated_at: now,
            })),
          )
          .execute();
      }
      const load1m = Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
      const base = `${server.url}/api/v1/districts/${district.id}/service-points/nearby?lat=${CENTRE.lat}&lng=${CENTRE.lng}`;
      const probe = (await (await fetch(`${base}&radius=1000&limit=200`)).json()) as { items: unknown[] };
      const probeWide = (await (await fetch(`${base}&radius=5000&limit=200`)).json()) as { items: unknown[] };
      const health = await load({ url: `${server.url}/api/health` });
      const nearby1000 = await load({ url: `${base}&radius=1000` });
      const nearby5000 = await load({ url: `${base}&radius=5000` });
      const ratio = (x: { requestsPerSecond: number }) =>
        Math.round((x.requestsPerSecond / health.requestsPerSecond) * 100) / 100;
      writeResults(`servicemap-${dialect}`, {
        points: POINTS,
        // Context for the figures: the machine's 1-minute load average when the run began (2 CPUs shared).
        loadAverage1m: load1m,
        baselineHealth: health,
        nearby1000m: { ...nearby1000, pointsInRadius: probe.items.length, ratioToHealth: ratio(nearby1000) },
        nearby5000m: {
          ...nearby5000,
          pointsReturned: probeWide.items.length,
          limit: 50,
          ratioToHealth: ratio(nearby5000),
        },
      });
    } finally {
      await server.close();
    }
  }
}
