// The database's table types: each module declares its own tables; this file joins them for Kysely.
import type { OrgTables } from '../modules/org/org.tables.js';
import type { AccountTables } from '../modules/accounts/accounts.tables.js';
import type { AuditTables } from '../platform/audit.tables.js';

export interface DB extends OrgTables, AccountTables, AuditTables {}
