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

/** The audit chain's head signed once a day with the installation's key (append-only). */
export interface AuditHeadSignatureTable {
  district_id: string;
  /** China-time day (YYYY-MM-DD): at most one per district and day. */
  day: string;
  seq: number;
  hash: string;
  signed_at: string;
  key_id: string;
  /** Ed25519 (base64) of JSON.stringify(["linli-audit-head-v1", districtId, day, seq, hash, signedAt]). */
  signature: string;
}

export interface AuditChainTables {
  audit_seals: AuditSealTable;
  audit_seal_heads: AuditSealHeadTable;
  audit_head_signatures: AuditHeadSignatureTable;
}
