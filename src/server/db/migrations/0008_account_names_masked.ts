// Person accounts were named with the person's plain real name (point_accounts.name). A real name is personal data
// that lives encrypted in users only; person accounts now carry the public name. Existing rows take the masked real
// name kept beside the encrypted one (users.real_name_masked), or the nickname.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update point_accounts
       set name = coalesce(
             (select u.real_name_masked from users u where u.id = point_accounts.owner_id and u.real_name_masked is not null),
             (select u.display_name from users u where u.id = point_accounts.owner_id),
             name)
     where owner_type = 'user'`.execute(db);
}

export async function down(): Promise<void> {
  // Nothing to undo: the plain names are not kept anywhere to restore.
}
