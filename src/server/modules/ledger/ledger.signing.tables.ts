// Table type of the signed ledger heads (migration 0017), append-only.

export interface LedgerHeadSignatureTable {
  district_id: string;
  /** The China-time day the head was signed on (YYYY-MM-DD): at most one signature per district and day. */
  day: string;
  seq: number;
  hash: string;
  signed_at: string;
  /** First 16 hex characters of SHA-256 of the raw public key. */
  key_id: string;
  /** Ed25519 signature (base64) of the signed message (ledger.signing.ts headMessage). */
  signature: string;
}

export interface LedgerSigningTables {
  ledger_head_signatures: LedgerHeadSignatureTable;
}
