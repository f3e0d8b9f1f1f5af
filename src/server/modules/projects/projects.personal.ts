// What projects holds about one person (their copy, PIPL access): the claims they made for a partner unit.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const claims = await db
    .selectFrom('project_claims')
    .select([
      'district_id',
      'id',
      'project_id',
      'partner_unit_id',
      'partner_unit_name',
      'plan',
      'status',
      'reviewed_at',
      'reject_reason',
      'created_at',
    ])
    .where('claimant_user_id', '=', userId)
    .orderBy('id')
    .execute();
  return [{ key: 'projects.claims', title: '项目认领', rows: claims.map((r) => personalRow(deps.cipher, r)) }];
}
