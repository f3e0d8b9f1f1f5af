// Per-district sequences: an UPDATE … RETURNING on one row, so concurrent callers get distinct numbers
// (the row lock serialises them on PostgreSQL; SQLite serialises writers anyway).
import { assertTransaction, type Executor } from '../db/transaction.js';

/** The next value (1, 2, 3, …) of a named sequence of a district, inside the caller's transaction. */
export async function nextCounter(trx: Executor, districtId: string, name: string): Promise<number> {
  assertTransaction(trx);
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await trx
      .updateTable('district_counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('district_id', '=', districtId)
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirst();
    if (row) return Number(row.value);
    await trx
      .insertInto('district_counters')
      .values({ district_id: districtId, name, value: 0 })
      .onConflict((oc) => oc.columns(['district_id', 'name']).doNothing())
      .execute();
  }
  throw new Error(`counter ${name} could not be advanced`);
}
