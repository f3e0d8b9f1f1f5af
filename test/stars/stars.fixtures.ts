// Star-level test helpers: accepted service minutes written with their event (as acceptance does), and the jobs.
import type { Deps } from '../../src/server/platform/context.js';
import { newId } from '../../src/server/platform/ids.js';
import { iso } from '../../src/server/platform/clock.js';
import { inTransaction } from '../../src/server/db/transaction.js';
import { serviceRecordAccepted } from '../../src/server/modules/records/index.js';
import type { OrgNode } from '../../src/server/modules/org/index.js';

/** Writes one accepted record of `hours` for the person and emits service_record.accepted, in one transaction. */
export async function acceptHours(deps: Deps, community: OrgNode, userId: string, hours: number): Promise<string> {
  const id = newId();
  const at = iso(deps.clock.now());
  await inTransaction(deps.db, async ({ trx }) => {
    await trx
      .insertInto('service_records')
      .values({
        district_id: community.districtId,
        id,
        activity_id: null,
        user_id: userId,
        community_id: community.id,
        team_id: null,
        service_date: at.slice(0, 10),
        minutes: hours * 60,
        status: 'accepted',
        is_backfill: 0,
        note: null,
        corrects_id: null,
        correction_reason: null,
        confirmed_by: null,
        confirmed_at: at,
        accepted_by: null,
        accepted_at: at,
        returned_reason: null,
        created_by: userId,
        created_at: at,
        updated_at: at,
        category: '助老服务',
        content: '陪伴老人',
      })
      .execute();
    await serviceRecordAccepted.emit(trx, deps.clock, {
      districtId: community.districtId,
      refId: id,
      payload: {
        recordId: id,
        userId,
        minutes: hours * 60,
        activityId: null,
        activityTitle: '陪伴老人',
        category: '助老服务',
        communityId: community.id,
        teamId: null,
        pointsPerHour: null,
        serviceDate: at.slice(0, 10),
      },
    });
  });
  return id;
}
