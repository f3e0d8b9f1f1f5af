// The append-only tables cannot be rewritten with plain SQL on either database: UPDATE and DELETE were refused
// already; SQLite's INSERT OR REPLACE (which deletes the row in its way) and PostgreSQL's TRUNCATE (which fires no
// row trigger) are refused too, and the rows stay as they were.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, DIALECTS, type TestEnv } from '../support.js';
import { APPEND_ONLY_TABLES } from '../../src/server/db/migrations/0015_append_only_hardening.js';
import { newId } from '../../src/server/platform/ids.js';

describe.each(DIALECTS)('append-only tables on %s', (dialect) => {
  let env: TestEnv;
  const districtId = newId();
  const auditId = newId();
  const eventId = newId();

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await env.deps.db
      .insertInto('audit_events')
      .values({
        district_id: districtId,
        id: auditId,
        at: '2026-11-25T02:00:00.000Z',
        actor_id: null,
        on_behalf_of_id: null,
        action: 'volunteer.review',
        target_type: 'volunteer',
        target_id: 'v1',
        scope_node_id: null,
        scope_path: '/d/',
        request_id: null,
        details: '{"decision":"rejected"}',
      })
      .execute();
    await env.deps.db
      .insertInto('domain_events')
      .values({
        district_id: districtId,
        id: eventId,
        type: 'test.happened',
        ref_id: 'r1',
        payload: '{}',
        created_at: '2026-11-25T02:00:00.000Z',
      })
      .execute();
  });
  afterAll(() => env.close());

  async function auditRow() {
    return env.deps.db.selectFrom('audit_events').selectAll().where('id', '=', auditId).executeTakeFirst();
  }

  it('refuses UPDATE and DELETE (the row triggers)', async () => {
    await expect(
      sql`update audit_events set details = '{"decision":"approved"}' where id = ${auditId}`.execute(env.deps.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = ${auditId}`.execute(env.deps.db)).rejects.toThrow(
      /append-only/,
    );
    expect((await auditRow())?.details).toBe('{"decision":"rejected"}');
  });

  it.runIf(dialect === 'sqlite')('refuses INSERT OR REPLACE on the primary key', async () => {
    await expect(
      sql`insert or replace into audit_events (district_id, id, at, action, target_type, scope_path, details)
          values (${districtId}, ${auditId}, '2026-11-25T02:00:00.000Z', 'volunteer.review', 'volunteer', '/d/',
                  '{"decision":"approved"}')`.execute(env.deps.db),
    ).rejects.toThrow(/append-only/);
    expect((await auditRow())?.details).toBe('{"decision":"rejected"}');
  });

  it.runIf(dialect === 'sqlite')(
    'refuses INSERT OR REPLACE that would push a row out through another unique key',
    async () => {
      // A new id with the same (type, ref_id): REPLACE would delete the first event to make room.
      await expect(
        sql`insert or replace into domain_events (district_id, id, type, ref_id, payload, created_at)
          values (${districtId}, ${newId()}, 'test.happened', 'r1', '{"forged":true}', '2026-11-25T03:00:00.000Z')`.execute(
          env.deps.db,
        ),
      ).rejects.toThrow(/append-only/);
      const events = await env.deps.db
        .selectFrom('domain_events')
        .select(['id', 'payload'])
        .where('ref_id', '=', 'r1')
        .execute();
      expect(events).toEqual([{ id: eventId, payload: '{}' }]);
    },
  );

  it.runIf(dialect === 'postgres')('refuses TRUNCATE of every append-only table', async () => {
    for (const table of APPEND_ONLY_TABLES) {
      await expect(sql.raw(`truncate table ${table}`).execute(env.deps.db), table).rejects.toThrow(/append-only/);
    }
    expect(await auditRow()).toBeTruthy();
  });
});
