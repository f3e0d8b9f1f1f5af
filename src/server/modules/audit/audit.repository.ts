// Queries over the audit log (writing lives in platform/audit.ts), and the names its rows refer to.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import type { AuditEventTable } from '../../platform/audit.tables.js';

export type AuditRow = Selectable<AuditEventTable> & { scope_node_name: string | null };

export interface AuditFilter {
  reaches: Array<{ districtId: string; path: string }>;
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** Audit events within the reaches matching the filter, before cursor, order and limit (also what the total counts). */
export function auditEventsFiltered(db: Executor, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events as a')
    .where((eb) =>
      eb.or(
        f.reaches.map((r) =>
          eb.and([eb('a.district_id', '=', r.districtId), eb('a.scope_path', 'like', `${r.path}%`)]),
        ),
      ),
    );
  if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.targetId) q = q.where('a.target_id', '=', f.targetId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  return q;
}

/** Audit events within the reaches, newest first. */
export function listAuditEvents(
  db: Executor,
  f: AuditFilter & { beforeId: string | null; limit: number },
): Promise<AuditRow[]> {
  let q = auditEventsFiltered(db, f)
    .leftJoin('org_nodes as n', (j) =>
      j.onRef('n.district_id', '=', 'a.district_id').onRef('n.id', '=', 'a.scope_node_id'),
    )
    .selectAll('a')
    .select('n.name as scope_node_name');
  if (f.beforeId) q = q.where('a.id', '<', f.beforeId);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}

/** People by id: nickname and encrypted real name (the service masks them). */
export function findPeople(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'display_name', 'real_name_enc']).where('id', 'in', ids).execute();
}

/** Volunteer registrations by id, with the person behind them. */
export function findVolunteers(db: Executor, keys: Array<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.district_id', 'v.id', 'v.real_name_enc', 'u.display_name'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('v.district_id', '=', k.districtId), eb('v.id', '=', k.id)]))))
    .execute();
}

/** Service records by id, with the person who served. */
export function findRecordPeople(db: Executor, keys: Array<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_records as r')
    .select(['r.district_id', 'r.id', 'r.user_id'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('r.district_id', '=', k.districtId), eb('r.id', '=', k.id)]))))
    .execute();
}

type NamedTable = 'org_nodes' | 'teams' | 'merchants' | 'partner_units';

/** Names of district rows of one of the named tables. */
export function findNamed(db: Executor, table: NamedTable, keys: Array<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  // Every named table has district_id, id and name; the query is typed through one of them.
  return db
    .selectFrom(table as 'teams')
    .select(['district_id', 'id', 'name'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}

type TitledTable = 'activities' | 'catalog_items';

/** Titles of district rows of one of the titled tables. */
export function findTitled(db: Executor, table: TitledTable, keys: Array<{ districtId: string; id: string }>) {
  if (keys.length === 0) return Promise.resolve([]);
  // Both titled tables have district_id, id and title; the query is typed through one of them.
  return db
    .selectFrom(table as 'activities')
    .select(['district_id', 'id', 'title'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('district_id', '=', k.districtId), eb('id', '=', k.id)]))))
    .execute();
}
