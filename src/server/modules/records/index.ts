// The records module's public door.
export {
  acceptServiceRecords,
  confirmServiceRecords,
  findLiveRecord,
  findRecord,
  getMyHours,
  listServiceRecords,
  toRecord,
  voidRecordsOf,
  writeAttendanceRecord,
  type ServiceRecord,
} from './records.service.js';
export { ACCEPTED_EVENT, SUPERSEDED_EVENT } from './records.rules.js';
export {
  serviceRecordAccepted,
  serviceRecordConfirmed,
  serviceRecordReturned,
  serviceRecordSuperseded,
} from './records.events.js';
export { recordRoutes } from './records.routes.js';
export { toRecordSchema } from './records.schemas.js';
export { getCertificate, verifyCertificate } from './certificates.service.js';
// Accepted minutes for other modules (the ledger's year summary).
export { acceptedMinutesByCommunity, acceptedMinutesOfPeople } from './records.repository.js';
// Who served in a record, for the audit log's names.
export { recordPeopleByKey } from './records.repository.js';
// The port activities fill (through app.ts) so records can show an activity's facts without importing activities.
export { activityFacts, type ActivityFactField, type ActivityFacts } from './records.ports.js';
// The port recognition fills (through app.ts) so the certificate shows the star level held after publicity.
export { starFacts, type StarFacts } from './certificates.ports.js';
// Service facts the volunteers module shows (app.ts fills its port with them).
export { acceptedMinutesAllTime, teamServiceTotals, volunteerRating } from './records.repository.js';
// Recent services and ratings for the needs module's matching.
export { serviceStatsOf, type ServiceStats } from './records.matching.js';
// Service given for a need becomes a confirmed record (the needs module's completeNeed).
export { writeNeedServiceRecord, type NeedServiceInput } from './records.needs.js';
// The person's own data (PIPL access, the privacy module).
export { personalDataOf as recordsPersonalDataOf } from './records.personal.js';
