// The shard-key recorder and the district-table list it is checked against (docs/SCALING.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, DIALECTS, type TestEnv } from '../support.js';
import { districtTablesOf, shardRecorderOptions } from '../../src/server/db/shardRecorder.js';

describe('shardRecorderOptions', () => {
  it('is off without LINLI_SHARD_CHECK', () => {
    expect(shardRecorderOptions({})).toEqual({});
  });

  it('appends each distinct statement once, as a JSON line naming where it came from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-shard-'));
    try {
      const file = join(dir, 'statements.jsonl');
      const { log } = shardRecorderOptions({ LINLI_SHARD_CHECK: file });
      expect(log).toBeTypeOf('function');
      const text = `select 1 as "n" -- ${Math.random()}`;
      const event = { level: 'query', query: { sql: text, parameters: [] }, queryDurationMillis: 1 } as never;
      if (typeof log === 'function') {
        await log(event);
        await log(event);
      }
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      const rec = JSON.parse(lines[0]!) as { sql: string; at: string };
      expect(rec.sql).toBe(text);
      expect(rec.at).toContain('test/db/shard-recorder.test.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('districtTablesOf on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.close());

  it('lists the tables whose primary key starts with district_id, not the global ones', async () => {
    const tables = await districtTablesOf(env.deps.db, dialect);
    expect(tables).toEqual(expect.arrayContaining(['org_nodes', 'role_assignments', 'team_members', 'attendance']));
    for (const global of ['users', 'sessions', 'platform_admins', 'notification_preferences', 'event_watermarks']) {
      expect(tables).not.toContain(global);
    }
  });
});
