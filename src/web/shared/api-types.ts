// The API's response shapes, taken from the server's own DTO types. Type-only re-exports: Vite/esbuild erase
// them, so nothing from src/server ends up in a web bundle.

export type { Role, OrgKind } from '../../server/platform/permissions';
export type { CountedPage, Page } from '../../server/platform/pagination';

export type { Me, RoleAssignment } from '../../server/modules/accounts/accounts.service';
export type { Person } from '../../server/modules/accounts/people.service';
export type { OrgNode, PartnerUnit } from '../../server/modules/org/org.service';
export type { PartnerCategory } from '../../server/modules/org/org.rules';
export type { AuditEvent } from '../../server/modules/audit/audit.service';

export type { Activity, ActivityPhase, RosterEntry } from '../../server/modules/activities/activities.service';
export type { ActivityState, SignupState } from '../../server/modules/activities/activities.rules';
export type { MySignup, SignupResult } from '../../server/modules/activities/signups.service';
export type { AttendanceCode, AttendanceResult } from '../../server/modules/activities/attendance.service';

export type { Volunteer, VolunteerCard } from '../../server/modules/volunteers/volunteers.service';
export type {
  VolunteerState,
  MemberState,
  TimeBand,
  Availability,
} from '../../server/modules/volunteers/volunteers.rules';
export type { ImportReport } from '../../server/modules/volunteers/volunteers.excel';
export type { Team, TeamMember, TeamDetail } from '../../server/modules/volunteers/teams.service';

export type { ServiceRecord } from '../../server/modules/records/records.service';
export type { RecordState } from '../../server/modules/records/records.rules';
export type { CertificateCheck } from '../../server/modules/records/certificates.service';

export type { VolunteeringSettings } from '../../server/modules/settings/settings.rules';

export type { JournalView, MyPoints, AccountView } from '../../server/modules/ledger/ledger.service';
export type { PublicJournal, LedgerReport } from '../../server/modules/ledger/ledger.public';
export type { PointRules, JournalType } from '../../server/modules/ledger/ledger.rules';
export type { YearSummary } from '../../server/modules/ledger/ledger.summary';

export type { Merchant } from '../../server/modules/mall/merchants.service';
export type { MerchantState, OrderState } from '../../server/modules/mall/mall.rules';
export type { CatalogItem } from '../../server/modules/mall/catalog.service';
export type { Voucher, RedeemPreview } from '../../server/modules/mall/orders.service';
export type { Statement, StatementLine } from '../../server/modules/mall/settlement.service';

export type { Need, NeedDetail, NeedList, NeedStep } from '../../server/modules/needs/needs.service';
export type { NeedState, Urgency, Privacy, BeneficiaryGroup } from '../../server/modules/needs/needs.rules';
export type { NeedCategory } from '../../server/modules/settings/settings.rules';

// Request types: what the server's zod schemas accept (z.input), so a web form cannot drift from the API.
export type {
  RegisterBody,
  LoginBody,
  UpdateMeBody,
  ChangePasswordBody,
  ListPeopleQuery,
  GrantRoleBody,
} from '../../server/modules/accounts/accounts.schemas';
export type {
  CreateActivityBody,
  ListActivitiesQuery,
  AttendanceBody,
} from '../../server/modules/activities/activities.schemas';
export type {
  PublicJournalsQuery,
  GiftBody,
  DonateBody,
  AwardBody,
  ContributionBody,
  AccountsQuery,
} from '../../server/modules/ledger/ledger.schemas';
export type {
  CreateOrgNodeBody,
  UpdateOrgNodeBody,
  CreatePartnerUnitBody,
  UpdatePartnerUnitBody,
} from '../../server/modules/org/org.schemas';
export type { ListRecordsQuery, RatingBody } from '../../server/modules/records/records.schemas';
export type { PastServiceBody, PastServiceImportReply } from '../../server/modules/records/past-service.schemas';
export type { AuditEventsQuery } from '../../server/modules/audit/audit.schemas';
export type {
  ApplyVolunteerBody,
  ListVolunteersQuery,
  ReviewVolunteerBody,
  CreateTeamBody,
  UpdateTeamBody,
  ListTeamsQuery,
} from '../../server/modules/volunteers/volunteers.schemas';
export type {
  ApplyMerchantBody,
  CreateCatalogItemBody,
  UpdateCatalogItemBody,
  ListCatalogQuery,
} from '../../server/modules/mall/mall.schemas';
export type {
  MarkReadBody,
  MarkReadResult,
  Notification,
  NotificationPage,
  NotificationPreferences,
  UpdatePreferencesBody,
} from '../../server/modules/notifications/notifications.schemas';

export type {
  CreateNeedBody,
  ListNeedsQuery,
  TriageNeedBody,
  RateNeedBody,
  WithdrawNeedBody,
} from '../../server/modules/needs/needs.schemas';

// Resources, projects and claims (资源清单/项目清单/认领); the suggestion box (意见箱).
export type {
  Resource,
  CreateResourceInput,
  UpdateResourceInput,
  Project,
  ProjectDetail,
  ProjectClaim,
  CreateProjectInput,
  UpdateProjectInput,
  ProjectActivityBody,
  ClaimProjectInput,
  ReviewClaimInput,
  MyPartnerUnit,
  MatchedResource,
  ResourceMatch,
} from '../../server/modules/projects/projects.schemas';
export type {
  ResourceKind,
  ProviderKind,
  ProjectState,
  ClaimState,
} from '../../server/modules/projects/projects.rules';
export type {
  Suggestion,
  CreateSuggestionInput,
  SuggestionToNeedInput,
  SuggestionToProjectInput,
  ListSuggestionsQuery,
} from '../../server/modules/suggestions/suggestions.schemas';
export type { SuggestionState, SuggestionCategory } from '../../server/modules/suggestions/suggestions.rules';

export type {
  NearbyResult,
  NearbyServicePoint,
  ServiceMapConfig,
  ServicePoint,
} from '../../server/modules/servicemap/servicemap.service';
export type {
  ServicePointCategory,
  ServicePointState,
  WeeklyHours,
  Weekday,
} from '../../server/modules/servicemap/servicemap.rules';
export type {
  CreateServicePointBody,
  UpdateServicePointBody,
  ListServicePointsQuery,
} from '../../server/modules/servicemap/servicemap.schemas';

// Mediation (调解).
export type {
  CloseCaseInput as CloseMediationCaseInput,
  MediationCandidates,
  MediationCase,
  MediationCasePage,
  MediationCaseSummary,
  MediationMessage,
  MediationMessageList,
  MediationParty,
  MediationSession,
  MediationStats,
  OpenCaseInput as OpenMediationCaseInput,
  PostMessageInput as PostMediationMessageInput,
  RecordSessionInput as RecordMediationSessionInput,
} from '../../server/modules/mediation/mediation.schemas';
export type {
  DisputeType,
  MediationState,
  Outcome as MediationOutcome,
} from '../../server/modules/mediation/mediation.rules';

// Care registry (关爱台账).
export type {
  CareSubject,
  CareSubjectPage,
  CareSubjectSummary,
  CareVisit,
  CareVisitPage,
  CreateCareSubjectInput,
  LogCareVisitInput,
} from '../../server/modules/care/care.schemas';
export type { CareAlert, CareCategory, CareTier } from '../../server/modules/care/care.rules';

/** A list query as a filter form holds it: without the paging fields. */
export type FilterOf<Q> = Omit<Q, 'cursor' | 'limit'>;

// Matching, invitations and need tasks (任务邀请, 匹配).
export type {
  CompletedNeed,
  InvitationAnswer,
  InviteBody,
  MatchedVolunteer,
  MatchResult,
  MatchWeights,
  MyInvitation,
  NeedInvitationItem,
  NeedInvitations,
  RespondBody,
  UpdateMatchWeightsBody,
} from '../../server/modules/needs/invitations.schemas';

// Grid reports (随手拍).
export type {
  CreateReportBody,
  UploadReportPhotoBody,
  NearbyReportsQuery,
  ListReportsQuery,
  ListMyReportsQuery,
  ListPublicReportsQuery,
  StepBody as ReportStepBody,
  AssignReportBody,
  ResolveReportBody,
  ReopenReportBody,
  RejectReportBody,
  MergeReportBody,
  FlagReportBody,
  ModerateReportBody,
  ReportView as Report,
  ReportDetailView as ReportDetail,
  ReportStepView as ReportStep,
  ReportPhotoView as ReportPhoto,
  ReportListView as ReportList,
  MyReportListView as MyReportList,
  NearbyReportView as NearbyReport,
  NearbyReportListView as NearbyReportList,
  PublicReportView as PublicReport,
  PublicReportListView as PublicReportList,
  UploadedPhotoView as UploadedReportPhoto,
  ReportAssigneeListView as ReportAssigneeList,
  ReportStatsView as ReportStats,
  ReportCategoriesView as ReportCategories,
  ReportSettingsView as ReportSettings,
  UpdateReportSettingsBody,
} from '../../server/modules/reports/reports.schemas';
export type {
  ReportState,
  ReportAction,
  ReportLevel,
  FlagReason,
  TimelineKind as ReportTimelineKind,
} from '../../server/modules/reports/reports.rules';
// The person's own data and closing their account (privacy/, PIPL).
export type {
  ClosedAccountReply,
  CloseMyAccountBody,
  MyContact,
  MyData,
} from '../../server/modules/privacy/privacy.schemas';
// Star levels: my levels, the public publicity list (公示), objections and staff decisions (recognition/).
export type {
  StarPromotionView as StarPromotion,
  StarLevelsView as StarLevels,
  StarPublicityItemView as StarPublicityItem,
  StarPublicityListView as StarPublicityList,
  StaffStarPromotionView as StaffStarPromotion,
  StaffStarPromotionListView as StaffStarPromotionList,
  ObjectStarBody,
  DecideStarBody,
} from '../../server/modules/recognition/stars.schemas';
export type { StarStatus, StarFinding } from '../../server/modules/recognition/stars.rules';
