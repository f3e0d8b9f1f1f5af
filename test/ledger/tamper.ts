// Test helper: what an attacker with database access does — switch the append-only triggers of some tables off,
// rewrite rows, and switch them back on (so the rest of the file keeps its guards).
import { sql } from 'kysely';
import type { TestEnv } from '../support.js';
import { toCanonical } from '../../src/server/modules/ledger/ledger.core.js';
import { journalHash } from '../../src/server/modules/ledger/ledger.rules.js';

/** Runs fn with every trigger of the tables off (SQLite: dropped and recreated; PostgreSQL: DISABLE TRIGGER USER). */
export async function withoutGuards<T>(env: TestEnv, tables: string[], fn: () => Promise<T>): Promise<T> {
  const db = env.deps.db;
  if (env.deps.dialect === 'sqlite') {
    const triggers: Array<{ name: string; sql: string }> = [];
    for (const t of tables) {
      const { rows } = await sql<{
        name: string;
        sql: string;
      }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ${t}`.execute(db);
      triggers.push(...rows);
    }
    for (const t of triggers) await sql.raw(`drop trigger ${t.name}`).execute(db);
    try {
      return await fn();
    } finally {
      for (const t of triggers) await sql.raw(t.sql).execute(db);
    }
  }
  for (const t of tables) await sql.raw(`alter table ${t} disable trigger user`).execute(db);
  try {
    return await fn();
  } finally {
    for (const t of tables) await sql.raw(`alter table ${t} enable trigger user`).execute(db);
  }
}

/**
 * The attack issue 14 names: rewrite the amount of a district's last journal, recompute its hash and the head (and the
 * cached balances) the way someone with database access would, so that the chain on its own still verifies.
 */
export async function rewriteLastJournal(env: TestEnv, districtId: string, newPoints: number): Promise<void> {
  const db = env.deps.db;
  await withoutGuards(env, ['journals', 'postings'], async () => {
    const last = await db
      .selectFrom('journals')
      .selectAll()
      .where('district_id', '=', districtId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const lines = await db
      .selectFrom('postings')
      .selectAll()
      .where('district_id', '=', districtId)
      .where('journal_id', '=', last.id)
      .orderBy('line')
      .execute();
    const rewritten = lines.map((p) => ({ ...p, amount: Math.sign(Number(p.amount)) * newPoints }));
    for (const p of rewritten) {
      const was = Number(lines.find((l) => l.line === p.line)!.amount);
      await db
        .updateTable('postings')
        .set({ amount: p.amount })
        .where('district_id', '=', districtId)
        .where('journal_id', '=', last.id)
        .where('line', '=', p.line)
        .execute();
      await db
        .updateTable('point_accounts')
        .set((eb) => ({ balance: eb('balance', '+', p.amount - was) }))
        .where('district_id', '=', districtId)
        .where('id', '=', p.account_id)
        .execute();
    }
    const hash = journalHash(toCanonical(last, rewritten));
    await db
      .updateTable('journals')
      .set({ hash })
      .where('district_id', '=', districtId)
      .where('id', '=', last.id)
      .execute();
    await db.updateTable('ledger_heads').set({ hash }).where('district_id', '=', districtId).execute();
  });
}
