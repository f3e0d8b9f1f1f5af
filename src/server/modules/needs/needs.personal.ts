// What the needs list holds about one person (their copy, PIPL access): needs they raised or that were recorded for
// them, and invitations they received; and withdrawing their open needs when they close their account.
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Actor } from '../../platform/permissions.js';
import type { Executor } from '../../db/transaction.js';
import { canWithdraw, type NeedState } from './needs.rules.js';
import { transitionNeed } from './needs.service.js';
import * as repo from './needs.repository.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const needs = await db
    .selectFrom('needs')
    .select([
      'district_id',
      'id',
      'community_id',
      'category',
      'title',
      'description',
      'urgency',
      'beneficiary_group',
      'place',
      'window_start',
      'window_end',
      'privacy',
      'status',
      'status_reason',
      'recorded_by_user_id',
      'rating',
      'rating_comment',
      'created_at',
      'updated_at',
    ])
    .where('requester_user_id', '=', userId)
    .orderBy('id')
    .execute();
  const invitations = await db
    .selectFrom('need_invitations')
    .select([
      'district_id',
      'id',
      'need_id',
      'status',
      'reasons',
      'invited_at',
      'answered_at',
      'finished_at',
      'minutes',
    ])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return [
    { key: 'needs.needs', title: '我的需求', rows: needs.map((r) => personalRow(deps.cipher, r)) },
    { key: 'needs.invitations', title: '需求邀请', rows: invitations.map((r) => personalRow(deps.cipher, r)) },
  ];
}

/** Closing an account: every need of the person that may still be withdrawn is closed as 账户注销 (audited). */
export async function withdrawOpenNeedsOf(deps: Deps, trx: Executor, actor: Actor): Promise<number> {
  const open = await trx
    .selectFrom('needs')
    .select(['id', 'status'])
    .where('requester_user_id', '=', actor.userId)
    .orderBy('id')
    .execute();
  let withdrawn = 0;
  for (const o of open) {
    if (!canWithdraw(o.status as NeedState)) continue;
    const row = await repo.findNeedById(trx, o.id);
    if (!row) continue;
    await transitionNeed(trx, deps.clock, row, 'closed', { actorId: actor.userId, actor, reason: '账户注销' });
    withdrawn += 1;
  }
  return withdrawn;
}

/** Closing an account: invitations name the volunteer by the pseudonym instead of their masked real name. */
export async function renameClosedVolunteerInvitations(
  trx: Executor,
  userId: string,
  pseudonym: string,
): Promise<void> {
  await trx.updateTable('need_invitations').set({ volunteer_name: pseudonym }).where('user_id', '=', userId).execute();
}
