import { describe, expect, it } from 'vitest';
import { formatReport, judge, readRecorded } from './shardReport.js';

describe('shard report', () => {
  const lines = [
    { sql: 'select * from "org_nodes" where "id" = $1', at: 'src/server/modules/org/org.service.ts:10' },
    { sql: 'select * from "org_nodes" where "id" = $1', at: '' },
    { sql: 'select * from "org_nodes" where "district_id" = $1 and "id" = $2', at: 'src/x.ts:1' },
    { sql: 'update "signups" set "district_id" = $1 where "district_id" = $2', at: 'test/a.test.ts:3' },
    { sql: 'create table "x" ("id" text)', at: '' },
    { sql: 'select "district_id", "seq", "hash" from "ledger_heads" order by "district_id"', at: 'src/y.ts:2' },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n');

  it('dedupes, checks DML only, keeps the allow-list apart and counts by table and source', () => {
    const recorded = readRecorded(lines);
    expect(recorded).toHaveLength(5);
    const verdicts = judge(recorded, ['org_nodes', 'signups', 'ledger_heads']);
    expect(verdicts).toHaveLength(4);
    expect(verdicts.filter((v) => v.violations.length > 0 && !v.allowed).map((v) => v.origin)).toEqual(['app', 'test']);
    const text = formatReport(verdicts);
    expect(text).toContain('distinct DML statements: 4');
    expect(text).toContain('violating: 2 (app 1, test set-up 1, origin unknown 0); allowed: 1');
    expect(text).toMatch(/org_nodes\s+1\s+1 \/ 0 \/ 0 \/ 0/);
    expect(text).toMatch(/signups\s+1\s+0 \/ 0 \/ 1 \/ 0/);
    expect(text).toContain('1  src/server/modules/org/org.service.ts:10');
  });
});
