// The database's table types: each module declares its own tables; this file joins them for Kysely.
import type { AccountTables } from '../modules/accounts/accounts.tables.js';
import type { ActivityTables } from '../modules/activities/activities.tables.js';
import type { LedgerTables } from '../modules/ledger/ledger.tables.js';
import type { LedgerSigningTables } from '../modules/ledger/ledger.signing.tables.js';
import type { MallTables } from '../modules/mall/mall.tables.js';
import type { NeedTables } from '../modules/needs/needs.tables.js';
import type { InvitationTables } from '../modules/needs/invitations.tables.js';
import type { NotificationTables } from '../modules/notifications/notifications.tables.js';
import type { OrgTables } from '../modules/org/org.tables.js';
import type { ProjectTables } from '../modules/projects/projects.tables.js';
import type { SuggestionTables } from '../modules/suggestions/suggestions.tables.js';
import type { MediationTables } from '../modules/mediation/mediation.tables.js';
import type { CareTables } from '../modules/care/care.tables.js';
import type { RecordTables } from '../modules/records/records.tables.js';
import type { ReportTables } from '../modules/reports/reports.tables.js';
import type { StarTables } from '../modules/recognition/stars.tables.js';
import type { ServiceMapTables } from '../modules/servicemap/servicemap.tables.js';
import type { SettingsTables } from '../modules/settings/settings.tables.js';
import type { VolunteerTables } from '../modules/volunteers/volunteers.tables.js';
import type { AuditTables } from '../platform/audit.tables.js';
import type { AuditChainTables } from '../platform/audit.chain.tables.js';
import type { EventTables } from '../platform/events.tables.js';

export interface DB
  extends
    OrgTables,
    AccountTables,
    AuditTables,
    AuditChainTables,
    EventTables,
    SettingsTables,
    VolunteerTables,
    ActivityTables,
    RecordTables,
    LedgerTables,
    LedgerSigningTables,
    MallTables,
    ServiceMapTables,
    NeedTables,
    InvitationTables,
    NotificationTables,
    ProjectTables,
    MediationTables,
    CareTables,
    SuggestionTables,
    ReportTables,
    StarTables {}
