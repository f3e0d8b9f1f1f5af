// What volunteers holds about one person (their copy, PIPL access): volunteer profiles with the real name and ID
// number decrypted for themself, team memberships, teams they lead; and erasing the profile when they close their
// account (the registration stays for the records that reference it, under the pseudonym).
import type { Deps } from '../../platform/context.js';
import { type PersonalSection, personalRow } from '../../platform/personal.js';
import type { Executor } from '../../db/transaction.js';

export async function personalDataOf(deps: Deps, db: Executor, userId: string): Promise<PersonalSection[]> {
  const profiles = await db.selectFrom('volunteers').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  const memberships = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', (j) => j.onRef('t.district_id', '=', 'm.district_id').onRef('t.id', '=', 'm.team_id'))
    .select([
      'm.district_id',
      'm.team_id',
      't.name as team_name',
      'm.status',
      'm.requested_at',
      'm.decided_at',
      'm.reason',
    ])
    .where('m.user_id', '=', userId)
    .orderBy('m.requested_at')
    .execute();
  const led = await db
    .selectFrom('teams')
    .select(['district_id', 'id', 'name', 'category', 'created_at', 'archived_at'])
    .where('leader_user_id', '=', userId)
    .orderBy('id')
    .execute();
  return [
    { key: 'volunteers.profiles', title: '志愿者档案', rows: profiles.map((r) => personalRow(deps.cipher, r)) },
    { key: 'volunteers.teams', title: '所在队伍', rows: memberships.map((r) => personalRow(deps.cipher, r)) },
    { key: 'volunteers.teamsLed', title: '带领的队伍', rows: led.map((r) => personalRow(deps.cipher, r)) },
  ];
}

/**
 * Closing an account: the volunteer profiles keep their number (certificates and records cite it) but the real name
 * becomes the pseudonym, the ID number, bio and availability are erased; pending team requests are withdrawn.
 */
export async function erasePersonalData(deps: Deps, trx: Executor, userId: string, pseudonym: string): Promise<void> {
  await trx
    .updateTable('volunteers')
    .set({
      real_name_enc: deps.cipher.encrypt(pseudonym),
      real_name_masked: pseudonym,
      id_number_enc: null,
      id_number_masked: null,
      bio: null,
      availability: '{}',
      home_grid_id: null,
    })
    .where('user_id', '=', userId)
    .execute();
  await trx
    .updateTable('team_members')
    .set({ status: 'left' })
    .where('user_id', '=', userId)
    .where('status', 'in', ['pending', 'active'])
    .execute();
}
