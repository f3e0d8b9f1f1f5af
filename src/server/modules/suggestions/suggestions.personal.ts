// What the suggestion box holds about one person (their copy, PIPL access): the suggestions they wrote; and, when
// they close their account, the public list names them by the pseudonym instead of their masked name.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const rows = await db
    .selectFrom('suggestions')
    .select([
      'district_id',
      'id',
      'community_id',
      'author_name_masked',
      'anonymous',
      'category',
      'content',
      'status',
      'answer',
      'answered_at',
      'created_at',
    ])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return [{ key: 'suggestions', title: '意见建议', rows: rows.map((r) => personalRow(deps.cipher, r)) }];
}

/** Closing an account: the author's masked name on their suggestions becomes the pseudonym. */
export async function renameClosedAuthor(trx: Executor, userId: string, pseudonym: string): Promise<void> {
  await trx.updateTable('suggestions').set({ author_name_masked: pseudonym }).where('user_id', '=', userId).execute();
}
