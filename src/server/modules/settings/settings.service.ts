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
  checkReportSettings,
  checkVolunteering,
  DEFAULT_NEED_SETTINGS,
  DEFAULT_REPORT_SETTINGS,
  DEFAULT_VOLUNTEERING,
  type NeedSettings,
  type ReportSettings,
  type VolunteeringSettings,
} from './settings.rules.js';

/** One setting of a district: its stored JSON merged over the defaults. */
async function readSetting<T extends object>(db: Executor, districtId: string, key: string, defaults: T): Promise<T> {
  const row = await db
    .selectFrom('district_settings')
    .select('value')
    .where('district_id', '=', districtId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { ...defaults, ...(JSON.parse(row.value) as Partial<T>) } : defaults;
}

/**
 * Changes one setting of a district: only a district admin of that very district (not a street or community under
 * it), checked by the setting's own rule, stored as JSON (insert or update), audited with the changed fields.
 */
async function writeSetting<T extends object>(
  deps: Deps,
  actor: Actor,
  districtId: string,
  setting: { key: string; defaults: T; check: (next: T) => string | null },
  patch: Partial<T>,
): Promise<T> {
  return inTransaction(deps.db, async ({ trx }) => {
    const district = await getNode(trx, districtId);
    if (district.kind !== 'district') throw new AppError('NOT_FOUND', { entity: 'org_node' });
    authorize(actor, 'org.manage', { districtId, path: district.path }, 'org_node');
    if (!actor.roles.some((r) => r.role === 'district_admin' && r.districtId === districtId)) {
      throw new AppError('NOT_FOUND', { entity: 'org_node' });
    }
    const next = { ...(await readSetting(trx, districtId, setting.key, setting.defaults)), ...patch };
    const problem = setting.check(next);
    if (problem) throw new AppError('SETTINGS_INVALID', { problem });
    const now = iso(deps.clock.now());
    const value = JSON.stringify(next);
    const updated = await trx
      .updateTable('district_settings')
      .set({ value, updated_at: now, updated_by: actor.userId })
      .where('district_id', '=', districtId)
      .where('key', '=', setting.key)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await trx
        .insertInto('district_settings')
        .values({ district_id: districtId, key: setting.key, value, updated_at: now, updated_by: actor.userId })
        .execute();
    }
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'settings.update',
      targetType: 'district_settings',
      targetId: setting.key,
      scopeNodeId: districtId,
      scopePath: district.path,
      details: { changed: Object.keys(patch) },
    });
    return next;
  });
}

const VOLUNTEERING = { key: 'volunteering', defaults: DEFAULT_VOLUNTEERING, check: checkVolunteering };
const NEEDS = { key: 'needs', defaults: DEFAULT_NEED_SETTINGS, check: checkNeedSettings };

/** The volunteering settings of a district (defaults where unset). */
export function getVolunteering(db: Executor, districtId: string): Promise<VolunteeringSettings> {
  return readSetting(db, districtId, VOLUNTEERING.key, VOLUNTEERING.defaults);
}

/** Changes a district's volunteering settings (district admins). */
export function updateVolunteering(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: Partial<VolunteeringSettings>,
): Promise<VolunteeringSettings> {
  return writeSetting(deps, actor, districtId, VOLUNTEERING, patch);
}

/** The needs-list settings of a district (its need categories; defaults where unset). */
export function getNeedSettings(db: Executor, districtId: string): Promise<NeedSettings> {
  return readSetting(db, districtId, NEEDS.key, NEEDS.defaults);
}

/** Changes a district's needs-list settings (district admins), audited. */
export function updateNeedSettings(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: Partial<NeedSettings>,
): Promise<NeedSettings> {
  return writeSetting(deps, actor, districtId, NEEDS, patch);
}

const REPORTS = { key: 'reports', defaults: DEFAULT_REPORT_SETTINGS, check: checkReportSettings };

/** The grid report settings of a district (defaults where unset). */
export function getReportSettings(db: Executor, districtId: string): Promise<ReportSettings> {
  return readSetting(db, districtId, REPORTS.key, REPORTS.defaults);
}

/** Changes a district's grid report settings (district admins). */
export function updateReportSettings(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: Partial<ReportSettings>,
): Promise<ReportSettings> {
  return writeSetting(deps, actor, districtId, REPORTS, patch);
}
