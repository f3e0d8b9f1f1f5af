// Earning rules per district, editable by the district admin, with every version kept.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { findNode } from '../org/index.js';
import { DEFAULT_RULES, type PointRules } from './ledger.rules.js';

/** The rules in force for a district (the latest version, defaults before any). */
export async function getPointRules(db: Executor, districtId: string): Promise<PointRules> {
  const row = await db.selectFrom('point_rule_history').select('rules').where('district_id', '=', districtId)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { ...DEFAULT_RULES, ...(JSON.parse(row.rules) as Partial<PointRules>) } : DEFAULT_RULES;
}

/** Every version of a district's rules, newest first. */
export async function listPointRuleHistory(db: Executor, districtId: string) {
  const rows = await db.selectFrom('point_rule_history as h').leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.id', 'h.rules', 'h.changed_at', 'u.display_name']).where('h.district_id', '=', districtId).orderBy('h.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, rules: JSON.parse(r.rules) as PointRules, changedAt: r.changed_at, changedBy: r.display_name }));
}

/** Changes a district's rules (district admins of that district only); the old version stays in the history. */
export async function updatePointRules(deps: Deps, actor: Actor, districtId: string, patch: Partial<PointRules>): Promise<PointRules> {
  return inTransaction(deps.db, async ({ trx }) => {
    const district = await findNode(trx, districtId);
    if (!district || district.kind !== 'district' || !actor.roles.some((r) => r.role === 'district_admin' && r.districtId === districtId)) {
      throw notFound('org_node');
    }
    const next = { ...(await getPointRules(trx, districtId)), ...patch };
    if (Object.values(next.categoryMultipliersPct).some((v) => !Number.isInteger(v) || v < 0 || v > 1000)) {
      throw new AppError('SETTINGS_INVALID', { problem: 'multipliers' });
    }
    await trx.insertInto('point_rule_history').values({
      district_id: districtId, id: newId(), rules: JSON.stringify(next), changed_by: actor.userId, changed_at: iso(deps.clock.now()),
    }).execute();
    await recordAudit(trx, deps.clock, actor, {
      districtId, action: 'points.rules_update', targetType: 'district_settings', targetId: 'points', scopeNodeId: districtId,
      scopePath: district.path, details: { changed: Object.keys(patch) },
    });
    return next;
  });
}
