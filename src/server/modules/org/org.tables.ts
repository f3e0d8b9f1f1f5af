// Table types of the organisation module.

export interface OrgNodeTable {
  district_id: string;
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
  /** Materialised path of ids, e.g. "/D/S/C/": a node's scope is every node whose path starts with its own. */
  path: string;
  depth: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnerUnitTable {
  district_id: string;
  id: string;
  node_id: string;
  name: string;
  category: string;
  /** Emptied (null): the contact's name was clear text before 0018; privacy.seal.ts encrypts leftovers at startup. */
  contact_name: string | null;
  /** The contact's real name, encrypted. */
  contact_name_enc: string | null;
  /** 林** — what lists show. */
  contact_name_masked: string | null;
  contact_phone_enc: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrgTables {
  org_nodes: OrgNodeTable;
  partner_units: PartnerUnitTable;
}
