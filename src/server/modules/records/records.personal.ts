// What records holds about one person (their copy, PIPL access): service records, ratings they gave, certificates.
// Closing an account changes none of them: they reference the person by id and keep their integrity.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const records = await db
    .selectFrom('service_records')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const ratings = await db
    .selectFrom('ratings')
    .selectAll()
    .where('rater_user_id', '=', userId)
    .orderBy('id')
    .execute();
  const certificates = await db
    .selectFrom('certificates')
    .select(['district_id', 'id', 'cert_no', 'volunteer_id', 'minutes', 'issued_at', 'revoked_at', 'revoke_reason'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return [
    { key: 'records.serviceRecords', title: '服务记录', rows: records.map((r) => personalRow(deps.cipher, r)) },
    { key: 'records.ratings', title: '我的评价', rows: ratings.map((r) => personalRow(deps.cipher, r)) },
    { key: 'records.certificates', title: '证书', rows: certificates.map((r) => personalRow(deps.cipher, r)) },
  ];
}
