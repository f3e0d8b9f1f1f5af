// What 随手拍 holds about one person (their copy, PIPL access): the reports they made, the steps of those reports'
// timelines (other people's notes included: they are about the person's own report), the reports they joined as
// another voice, the photos they uploaded (ids and sizes; the pictures themselves are fetched from the report page),
// and the flags they raised. Staff identities on the timeline are left as the step's role, not the person.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const reports = await db
    .selectFrom('reports')
    .selectAll()
    .where('reporter_user_id', '=', userId)
    .orderBy('id')
    .execute();
  const steps = await db
    .selectFrom('report_steps as s')
    .innerJoin('reports as r', (j) => j.onRef('r.district_id', '=', 's.district_id').onRef('r.id', '=', 's.report_id'))
    .select(['s.report_id', 's.id', 's.kind', 's.from_status', 's.to_status', 's.actor_kind', 's.note', 's.created_at'])
    .where('r.reporter_user_id', '=', userId)
    .orderBy('s.id')
    .execute();
  const joined = await db
    .selectFrom('report_supporters')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('report_id')
    .execute();
  const photos = await db
    .selectFrom('report_photos')
    .selectAll()
    .where('uploader_user_id', '=', userId)
    .orderBy('id')
    .execute();
  const flags = await db
    .selectFrom('report_flags')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('report_id')
    .execute();
  const rewardDays = await db
    .selectFrom('report_reward_days')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('day')
    .execute();
  const rows = (list: Array<Record<string, unknown>>, omit: readonly string[] = []) =>
    list.map((r) => personalRow(deps.cipher, r, omit));
  return [
    { key: 'reports.mine', title: '我的随手拍', rows: rows(reports, ['idempotency_key']) },
    { key: 'reports.steps', title: '随手拍进度', rows: rows(steps) },
    { key: 'reports.joined', title: '我也反映的随手拍', rows: rows(joined) },
    { key: 'reports.photos', title: '我上传的照片', rows: rows(photos, ['storage_key', 'thumb_key']) },
    { key: 'reports.flags', title: '我举报的不当内容', rows: rows(flags) },
    { key: 'reports.rewardDays', title: '随手拍每日奖励', rows: rows(rewardDays) },
  ];
}
