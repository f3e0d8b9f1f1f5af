// Table types of the audit log's hash chain (migration 0017): append-only seals and the per-district head.

export interface AuditSealTable {
  district_id: string;
  /** Position in the district's audit chain: 1, 2, 3, … without gaps. */
  seq: number;
  event_id: string;
  /** SHA-256 (hex) of the sealed event's canonical encoding (every column). */
  event_hash: string;
  prev_hash: string;
  /** SHA-256 (hex) of [seq, event id, event hash, sealed at, previous hash]. */
  hash: string;
  sealed_at: string;
}

export interface AuditSealHeadTable {
  district_id: string;
  seq: number;
  hash: string;
}

export interface AuditChainTables {
  audit_seals: AuditSealTable;
  audit_seal_heads: AuditSealHeadTable;
}
