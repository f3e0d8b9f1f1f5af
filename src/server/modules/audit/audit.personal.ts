// The audit events about one person (their copy, PIPL access): who did what to their account or data, and when.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['district_id', 'id', 'at', 'actor_id', 'action', 'target_type', 'target_id', 'details'])
    .where((eb) =>
      eb.or([
        eb.and([eb('target_type', '=', 'person'), eb('target_id', '=', userId)]),
        eb('on_behalf_of_id', '=', userId),
      ]),
    )
    .orderBy('id')
    .execute();
  return [{ key: 'audit.events', title: '与我有关的操作记录', rows: rows.map((r) => personalRow(deps.cipher, r)) }];
}
