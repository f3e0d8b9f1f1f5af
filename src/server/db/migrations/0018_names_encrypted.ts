// Real names out of clear text (issue 14). Merchant and partner-unit contact names get an encrypted column and the
// masked copy lists show; the clear column stays only to be emptied: a migration has no key, so the one-time data step
// at startup (privacy/privacy.seal.ts, run by bootstrap after migrating) encrypts what is still clear and blanks it.
// Person accounts in the ledger (point_accounts.name) keep no real name at all, not even encrypted — the real name
// lives encrypted in users; they carry the public name only (masked real name, else masked nickname). 0008 left the
// plain nickname on accounts of people without a real name on file, and a nickname is often the real name: those
// are masked here (no key needed).
import { type Kysely, sql } from 'kysely';
import { publicPersonName } from '../../platform/privacy.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['merchants', 'partner_units']) {
    await db.schema.alterTable(table).addColumn('contact_name_enc', 'text').execute();
    await db.schema.alterTable(table).addColumn('contact_name_masked', 'text').execute();
  }
  await maskPersonAccountNames(db);
}

/** Person accounts named anything but their public name (the plain nickname 0008 left) take the public name. */
export async function maskPersonAccountNames(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    district_id: string;
    id: string;
    name: string;
    masked: string | null;
    nick: string | null;
  }>`
    select a.district_id, a.id, a.name, u.real_name_masked as masked, u.display_name as nick
      from point_accounts a left join users u on u.id = a.owner_id
     where a.owner_type = 'user'`.execute(db);
  for (const r of rows) {
    const name = r.masked ?? publicPersonName(null, r.nick ?? '');
    if (name === r.name) continue;
    await sql`update point_accounts set name = ${name} where district_id = ${r.district_id} and id = ${r.id}`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
