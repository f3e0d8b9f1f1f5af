// A query on the root database handle inside an open transaction fails at once (it would hang SQLite forever and
// run outside the transaction on PostgreSQL), and the transaction rolls back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, DIALECTS, type TestEnv } from '../support.js';
import { QueryOutsideTransactionError } from '../../src/server/db/guard.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { createDistrict } from '../../src/server/modules/org/index.js';

describe.each(DIALECTS)('transaction guard on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.close());

  it('refuses a deps.db query inside inTransaction and rolls the transaction back', async () => {
    const before = await env.deps.db.selectFrom('org_nodes').select('id').execute();
    await expect(
      inTransaction(env.deps.db, async ({ trx }) => {
        await trx
          .insertInto('event_watermarks')
          .values({ consumer: 'guard-test', low_water: '0', updated_at: 'x' })
          .execute();
        await env.deps.db.selectFrom('org_nodes').select('id').execute(); // the mistake
      }),
    ).rejects.toBeInstanceOf(QueryOutsideTransactionError);
    expect(
      await env.deps.db.selectFrom('event_watermarks').selectAll().where('consumer', '=', 'guard-test').execute(),
    ).toEqual([]);
    expect(await env.deps.db.selectFrom('org_nodes').select('id').execute()).toHaveLength(before.length);
  });

  it('lets queries through trx inside, and through deps.db after the transaction and in parallel ones', async () => {
    const district = await createDistrict(env.deps, { name: '守卫区' });
    const inside = await inTransaction(env.deps.db, ({ trx }) =>
      trx.selectFrom('org_nodes').select('id').where('id', '=', district.id).execute(),
    );
    expect(inside).toHaveLength(1);
    const [a, b] = await Promise.all([
      inTransaction(env.deps.db, ({ trx }) =>
        trx.selectFrom('org_nodes').select('id').where('id', '=', district.id).executeTakeFirst(),
      ),
      env.deps.db.selectFrom('org_nodes').select('id').where('id', '=', district.id).executeTakeFirst(),
    ]);
    expect(a?.id).toBe(district.id);
    expect(b?.id).toBe(district.id);
  });
});
