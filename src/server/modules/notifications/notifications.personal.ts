// What the inbox holds about one person (their copy, PIPL access): notices, mutes and delivery attempts; and the
// deliveries still waiting when they close their account.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const notices = await db
    .selectFrom('notices')
    .select(['district_id', 'id', 'kind', 'params', 'link', 'ref_type', 'ref_id', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const mutes = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'muted', 'updated_at'])
    .where('user_id', '=', userId)
    .orderBy('kind')
    .execute();
  const deliveries = await db
    .selectFrom('notification_deliveries')
    .select(['district_id', 'id', 'notice_id', 'channel', 'status', 'attempts', 'created_at', 'updated_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const rows = (list: Array<Record<string, unknown>>) => list.map((r) => personalRow(deps.cipher, r));
  return [
    { key: 'notifications.notices', title: '消息', rows: rows(notices) },
    { key: 'notifications.preferences', title: '消息设置', rows: rows(mutes) },
    { key: 'notifications.deliveries', title: '短信微信发送', rows: rows(deliveries) },
  ];
}

/** Closing an account: SMS and WeChat messages still waiting to go to the person are dropped (marked failed). */
export async function dropPendingDeliveriesOf(trx: Executor, userId: string, at: string): Promise<void> {
  await trx
    .updateTable('notification_deliveries')
    .set({ status: 'failed', last_error: 'account closed', next_attempt_at: null, updated_at: at })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute();
}
