// Earning rules per district, editable by the district admin, with every version kept.
import { recordAudit } from '../../platform/audit.js';
import { iso } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type Actor, can } from '../../platform/permissions.js';
import { inTransaction, type Executor } from '../../db/transaction.js';
import { listPersonHomes } from '../accounts/index.js';
import { findNode } from '../org/index.js';
import { DEFAULT_RULES, type PointRules } from './ledger.rules.js';
import type { RulesPatch } from './ledger.schemas.js';

/** The rules in force for a district (the latest version, defaults before any). */
export async function getPointRules(db: Executor, districtId: string): Promise<PointRules> {
  const row = await db
    .selectFrom('point_rule_history')
    .select('rules')
    .where('district_id', '=', districtId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...DEFAULT_RULES, ...(JSON.parse(row.rules) as Partial<PointRules>) } : DEFAULT_RULES;
}

/** Every version of a district's rules, newest first, with the display name of who changed it (asked of accounts). */
export async function listPointRuleHistory(db: Executor, districtId: string) {
  const rows = await db
    .selectFrom('point_rule_history')
    .select(['id', 'rules', 'changed_at', 'changed_by'])
    .where('district_id', '=', districtId)
    .orderBy('id', 'desc')
    .execute();
  const people = await listPersonHomes(
    db,
    rows.flatMap((r) => (r.changed_by ? [r.changed_by] : [])),
  );
  const nameOf = new Map(people.map((p) => [p.userId, p.displayName]));
  return rows.map((r) => ({
    id: r.id,
    rules: JSON.parse(r.rules) as PointRules,
    changedAt: r.changed_at,
    changedBy: r.changed_by ? (nameOf.get(r.changed_by) ?? null) : null,
  }));
}

/**
 * A district's rules in force and every earlier version. Any signed-in person may read them (residents see how they
 * earn); an id that is not a district is 404.
 */
export async function getPointRulesWithHistory(deps: Deps, _actor: Actor, districtId: string) {
  const district = await findNode(deps.db, districtId);
  if (!district || district.kind !== 'district') throw notFound('org_node');
  return {
    rules: await getPointRules(deps.db, district.id),
    history: await listPointRuleHistory(deps.db, district.id),
  };
}

/** Changes a district's rules (district admins of that district only); the old version stays in the history. */
export async function updatePointRules(
  deps: Deps,
  actor: Actor,
  districtId: string,
  patch: RulesPatch,
): Promise<PointRules> {
  return inTransaction(deps.db, async ({ trx }) => {
    const district = await findNode(trx, districtId);
    // Only a grant on the district node itself reaches its path: district-wide staff (the district admin).
    if (
      !district ||
      district.kind !== 'district' ||
      !can(actor, 'points.manage', { districtId: district.id, path: district.path })
    ) {
      throw notFound('org_node');
    }
    const next = { ...(await getPointRules(trx, districtId)), ...patch };
    if (Object.values(next.categoryMultipliersPct).some((v) => !Number.isInteger(v) || v < 0 || v > 1000)) {
      throw new AppError('SETTINGS_INVALID', { problem: 'multipliers' });
    }
    await trx
      .insertInto('point_rule_history')
      .values({
        district_id: districtId,
        id: newId(),
        rules: JSON.stringify(next),
        changed_by: actor.userId,
        changed_at: iso(deps.clock.now()),
      })
      .execute();
    await recordAudit(trx, deps.clock, actor, {
      districtId,
      action: 'points.rules_update',
      targetType: 'district_settings',
      targetId: 'points',
      scopeNodeId: districtId,
      scopePath: district.path,
      details: { changed: Object.keys(patch) },
    });
    return next;
  });
}
