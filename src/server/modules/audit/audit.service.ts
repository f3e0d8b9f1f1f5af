// Searching the audit log: admins see the events scoped to their part of the tree, read as words — each action
// and target type labelled in the request's language, the people and things a row refers to named (people masked
// by the public naming rule), and the list's total.
import { chinaDayStart } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Locale } from '../../platform/messages.js';
import { countRows, type CountedPage, decodeCursor, toPage, withTotal } from '../../platform/pagination.js';
import { type Actor, reachesOf } from '../../platform/permissions.js';
import { publicPersonName } from '../../platform/privacy.js';
import { actionLabel, auditActionChoices, targetTypeLabel } from './audit.labels.js';
import { listPersonHomes } from '../accounts/index.js';
import { activityTitlesByKey } from '../activities/index.js';
import { itemTitlesByKey, merchantNamesByKey } from '../mall/index.js';
import { nodeNamesByKey, partnerNamesByKey } from '../org/index.js';
import { recordPeopleByKey } from '../records/index.js';
import { teamNamesByKey, volunteerPeopleByKey } from '../volunteers/index.js';
import * as repo from './audit.repository.js';

export interface AuditEvent {
  id: string;
  districtId: string;
  at: string;
  actorId: string | null;
  /** The actor by the public naming rule (masked), or null for the system. */
  actorName: string | null;
  action: string;
  /** The action in words, in the request's language. */
  actionLabel: string;
  targetType: string;
  targetTypeLabel: string;
  targetId: string | null;
  /** What the target is called (a person masked), when it can be found. */
  targetName: string | null;
  scopeNodeId: string | null;
  scopeNodeName: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Turns a date (YYYY-MM-DD, local China time) or an ISO timestamp into a stored timestamp bound. */
export function toBound(value: string | undefined, endOfDay: boolean): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(chinaDayStart(value).getTime() + (endOfDay ? 86_400_000 : 0)).toISOString();
  }
  return new Date(value).toISOString();
}

type Key = { districtId: string; id: string };
const keyOf = (k: Key) => `${k.districtId}/${k.id}`;

/** Names of the actors and targets of a page of rows, keyed "district/id" (people by user id). */
async function resolveNames(deps: Deps, rows: repo.AuditRow[]) {
  const targets = (type: string): Key[] =>
    rows
      .filter((r) => r.target_type === type && r.target_id)
      .map((r) => ({ districtId: r.district_id, id: r.target_id! }));
  // Audit is a top-level reader: it asks each owner for the names through that module's index.ts.
  const [records, volunteers, nodes, teams, merchants, partners, activities, items] = await Promise.all([
    recordPeopleByKey(deps.db, targets('service_record')),
    volunteerPeopleByKey(deps.db, targets('volunteer')),
    nodeNamesByKey(deps.db, targets('org_node')),
    teamNamesByKey(deps.db, targets('team')),
    merchantNamesByKey(deps.db, targets('merchant')),
    partnerNamesByKey(deps.db, [...targets('partner_unit'), ...targets('partner')]),
    activityTitlesByKey(deps.db, targets('activity')),
    itemTitlesByKey(deps.db, targets('catalog_item')),
  ]);
  const personIds = new Set<string>();
  for (const r of rows) {
    if (r.actor_id) personIds.add(r.actor_id);
    if (r.target_type === 'person' && r.target_id) personIds.add(r.target_id);
  }
  for (const r of records) personIds.add(r.user_id);
  for (const v of volunteers) personIds.add(v.user_id);
  const homes = new Map((await listPersonHomes(deps.db, [...personIds])).map((p) => [p.userId, p]));
  const people = new Map(
    [...homes.values()].map((p) => [
      p.userId,
      publicPersonName(p.realNameEnc ? deps.cipher.decrypt(p.realNameEnc) : null, p.displayName),
    ]),
  );
  const things = new Map<string, string>();
  for (const x of [...nodes, ...teams, ...merchants, ...partners])
    things.set(keyOf({ districtId: x.district_id, id: x.id }), x.name);
  for (const x of [...activities, ...items]) things.set(keyOf({ districtId: x.district_id, id: x.id }), x.title);
  for (const v of volunteers) {
    const displayName = homes.get(v.user_id)?.displayName;
    if (displayName !== undefined)
      things.set(
        keyOf({ districtId: v.district_id, id: v.id }),
        publicPersonName(deps.cipher.decrypt(v.real_name_enc), displayName),
      );
  }
  for (const r of records) {
    const who = people.get(r.user_id);
    if (who) things.set(keyOf({ districtId: r.district_id, id: r.id }), who);
  }
  return {
    actor: (r: repo.AuditRow) => (r.actor_id ? (people.get(r.actor_id) ?? null) : null),
    target: (r: repo.AuditRow) => {
      if (!r.target_id) return null;
      if (r.target_type === 'person') return people.get(r.target_id) ?? null;
      return things.get(keyOf({ districtId: r.district_id, id: r.target_id })) ?? null;
    },
  };
}

/** Audit events the actor may read, newest first, with the filtered list's total. */
export async function listAuditEvents(
  deps: Deps,
  actor: Actor,
  q: {
    action?: string;
    actorId?: string;
    targetId?: string;
    from?: string;
    to?: string;
    cursor?: string;
    limit?: number;
  },
  locale: Locale = 'zh-CN',
): Promise<CountedPage<AuditEvent>> {
  const limit = q.limit ?? 20;
  const reaches = reachesOf(actor, 'audit.read');
  if (reaches.length === 0) return { items: [], nextCursor: null, total: 0 };
  const filter = {
    reaches,
    privateReaches: reachesOf(actor, 'mediation.lead'),
    action: q.action,
    actorId: q.actorId,
    targetId: q.targetId,
    from: toBound(q.from, false),
    to: toBound(q.to, true),
  };
  const rows = await repo.listAuditEvents(deps.db, { ...filter, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const total = await countRows(repo.auditEventsFiltered(deps.db, filter));
  const names = await resolveNames(deps, rows.slice(0, limit));
  return withTotal(
    toPage(
      rows,
      limit,
      (r) => r.id,
      (r) => ({
        id: r.id,
        districtId: r.district_id,
        at: r.at,
        actorId: r.actor_id,
        actorName: names.actor(r),
        action: r.action,
        actionLabel: actionLabel(r.action, locale),
        targetType: r.target_type,
        targetTypeLabel: targetTypeLabel(r.target_type, locale),
        targetId: r.target_id,
        targetName: names.target(r),
        scopeNodeId: r.scope_node_id,
        scopeNodeName: r.scope_node_name,
        requestId: r.request_id,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }),
    ),
    total,
  );
}

/** The actions the log knows, labelled in the locale (for the console's filter). */
export function listAuditActions(locale: Locale): { items: Array<{ action: string; label: string }> } {
  return { items: auditActionChoices(locale) };
}
