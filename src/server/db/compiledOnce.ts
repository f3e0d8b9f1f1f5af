// Hot queries compiled once: building and compiling a Kysely query costs more than running it on SQLite, and a query
// that runs on every request (the session lookup) has the same SQL every time. compiledOnce builds the query once per
// database handle with placeholder values, then runs the compiled SQL with the real values in their places.
// Only for queries whose SQL does not depend on the values (no `in (…)` lists of varying length, no values turned
// into other values before they are bound: each placeholder must appear as a parameter exactly once, or it throws).
import type { CompiledQuery, Compilable, Kysely } from 'kysely';

const SLOT = '\u0000compiled-once-slot:';

/** A query with `arity` values, compiled on first use per database handle (transactions compile every time). */
export function compiledOnce<Db, Row, Args extends string[]>(
  build: (db: Kysely<Db>, ...values: Args) => Compilable<Row>,
): (db: Kysely<Db>, ...values: Args) => Promise<Row[]> {
  const byHandle = new WeakMap<object, { compiled: CompiledQuery<Row>; slots: number[] }>();
  return async (db, ...values) => {
    let entry = db.isTransaction ? undefined : byHandle.get(db);
    if (!entry) {
      const placeholders = values.map((_, i) => `${SLOT}${i}`) as Args;
      const compiled = build(db, ...placeholders).compile();
      // For every parameter, which value fills it (-1: a constant of the query itself).
      const slots = compiled.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(SLOT) ? Number(p.slice(SLOT.length)) : -1,
      );
      for (let i = 0; i < values.length; i++) {
        if (slots.filter((s) => s === i).length !== 1) {
          throw new Error(`compiledOnce: value ${i} is not bound exactly once as it is (${compiled.sql})`);
        }
      }
      entry = { compiled, slots };
      if (!db.isTransaction) byHandle.set(db, entry);
    }
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => {
      const slot = slots[i] ?? -1;
      return slot < 0 ? p : values[slot];
    });
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
