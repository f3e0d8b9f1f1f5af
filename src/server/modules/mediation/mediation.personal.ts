// What mediation holds about one person (their copy, PIPL access): where they are a party (their name and phone as
// given), the cases they opened, and their own private thread with the mediators (both sides of it). Never another
// party's thread, the mediators' session notes or internal outcome note.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const parties = await db
    .selectFrom('mediation_parties')
    .select(['district_id', 'id', 'case_id', 'side', 'name_enc', 'phone_enc', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const cases = await db
    .selectFrom('mediation_cases')
    .select([
      'district_id',
      'id',
      'community_id',
      'type',
      'description',
      'status',
      'outcome_terms',
      'referred_to',
      'created_at',
      'closed_at',
    ])
    .where('opened_by', '=', userId)
    .orderBy('id')
    .execute();
  const messages =
    parties.length === 0
      ? []
      : await db
          .selectFrom('mediation_messages')
          .select(['district_id', 'id', 'case_id', 'party_id', 'author_role', 'body', 'created_at'])
          .where(
            'party_id',
            'in',
            parties.map((p) => p.id),
          )
          .orderBy('id')
          .execute();
  return [
    { key: 'mediation.parties', title: '调解当事人', rows: parties.map((r) => personalRow(deps.cipher, r)) },
    { key: 'mediation.cases', title: '调解申请', rows: cases.map((r) => personalRow(deps.cipher, r)) },
    { key: 'mediation.messages', title: '调解咨询对话', rows: messages.map((r) => personalRow(deps.cipher, r)) },
  ];
}
