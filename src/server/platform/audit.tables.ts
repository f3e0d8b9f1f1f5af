// Table type of the append-only audit log.

export interface AuditEventTable {
  district_id: string;
  id: string;
  at: string;
  actor_id: string | null;
  /** For proxy operation (代办): the person the actor acted for. */
  on_behalf_of_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  scope_node_id: string | null;
  scope_path: string;
  request_id: string | null;
  /** JSON text. */
  details: string;
}

export interface AuditTables {
  audit_events: AuditEventTable;
}
