// Reading and changing per-district settings; values are JSON merged over the defaults.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, authorize } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { getNode } from '../org/index.js';
import {
  checkNeedSettings,
  checkVolunteering,
  DEFAULT_NEED_SETTINGS,
  DEFAULT_VOLUNTEERING,
  type NeedSettings,
  type VolunteeringSettings,
} from './settings.rules.js';

const KEY = 'volunteering';

/** The volunteering settings of a district (defaults where unset). */
export async function getVolunteering(db: Executor, districtId: string): Promise<VolunteeringSettings> {
  const row = await db
    .selectFrom('district_settings')
    .select('value')
    .where('district_id', '=', districtId)
    .where('key', '=', KEY)
    .executeTakeFirst();
  return row
    ? { ...DEFAULT_VOLUNTEERING, ...(JSON.parse(row.value) as Partial<VolunteeringSettings>) }
    : DEFAULT_VOLUNTEERING;
}

/** Changes a district's volunteering settings (district admins). */
export async function updateVolunteering(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: Partial<VolunteeringSettings>,
): Promise<VolunteeringSettings> {
  return inTransaction(deps.db, async ({ trx }) => {
    const district = await getNode(trx, districtId);
    if (district.kind !== 'district') throw new AppError('NOT_FOUND', { entity: 'org_node' });
    authorize(actor, 'org.manage', { districtId, path: district.path }, 'org_node');
    // Only the district itself may change district rules, not a street or community under it.
    if (!actor.roles.some((r) => r.role === 'district_admin' && r.districtId === districtId)) {
      throw new AppError('NOT_FOUND', { entity: 'org_node' });
    }
    const next = { ...(await getVolunteering(trx, districtId)), ...patch };
    const problem = checkVolunteering(next);
    if (problem) throw new AppError('SETTINGS_INVALID', { problem });
    const now = iso(deps.clock.now());
    const value = JSON.stringify(next);
    const exists = await trx
      .selectFrom('district_settings')
      .select('key')
      .where('district_id', '=', districtId)
      .where('key', '=', KEY)
      .executeTakeFirst();
    if (exists) {
      await trx
        .updateTable('district_settings')
        .set({ value, updated_at: now, updated_by: actor.userId })
        .where('district_id', '=', districtId)
        .where('key', '=', KEY)
        .execute();
    } else {
      await trx
        .insertInto('district_settings')
        .values({ district_id: districtId, key: KEY, value, updated_at: now, updated_by: actor.userId })
        .execute();
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'settings.update',
      targetType: 'district_settings',
      targetId: KEY,
      scopeNodeId: districtId,
      scopePath: district.path,
      details: { changed: Object.keys(patch) },
    });
    return next;
  });
}

const NEEDS_KEY = 'needs';

/** The needs-list settings of a district (its need categories; defaults where unset). */
export async function getNeedSettings(db: Executor, districtId: string): Promise<NeedSettings> {
  const row = await db
    .selectFrom('district_settings')
    .select('value')
    .where('district_id', '=', districtId)
    .where('key', '=', NEEDS_KEY)
    .executeTakeFirst();
  return row
    ? { ...DEFAULT_NEED_SETTINGS, ...(JSON.parse(row.value) as Partial<NeedSettings>) }
    : DEFAULT_NEED_SETTINGS;
}

/** Changes a district's needs-list settings (district admins), audited. */
export async function updateNeedSettings(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: Partial<NeedSettings>,
): Promise<NeedSettings> {
  return inTransaction(deps.db, async ({ trx }) => {
    const district = await getNode(trx, districtId);
    if (district.kind !== 'district') throw new AppError('NOT_FOUND', { entity: 'org_node' });
    authorize(actor, 'org.manage', { districtId, path: district.path }, 'org_node');
    if (!actor.roles.some((r) => r.role === 'district_admin' && r.districtId === districtId)) {
      throw new AppError('NOT_FOUND', { entity: 'org_node' });
    }
    const next = { ...(await getNeedSettings(trx, districtId)), ...patch };
    const problem = checkNeedSettings(next);
    if (problem) throw new AppError('SETTINGS_INVALID', { problem });
    const now = iso(deps.clock.now());
    const value = JSON.stringify(next);
    const updated = await trx
      .updateTable('district_settings')
      .set({ value, updated_at: now, updated_by: actor.userId })
      .where('district_id', '=', districtId)
      .where('key', '=', NEEDS_KEY)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('district_settings')
        .values({ district_id: districtId, key: NEEDS_KEY, value, updated_at: now, updated_by: actor.userId })
        .execute();
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'settings.update',
      targetType: 'district_settings',
      targetId: NEEDS_KEY,
      scopeNodeId: districtId,
      scopePath: district.path,
      details: { changed: Object.keys(patch) },
    });
    return next;
  });
}
