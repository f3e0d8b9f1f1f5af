// The volunteers module's public door.
export {
  activateVolunteer,
  applyVolunteer,
  communityInScope,
  findApprovedVolunteer,
  getVolunteer,
  listVolunteers,
  lockVolunteerOf,
  presentVolunteers,
  realNameOf,
  reviewVolunteer,
  type Volunteer,
} from './volunteers.service.js';
export { canManageTeam, createTeam, findTeam, requestJoinTeam, reviewJoinRequest, type Team } from './teams.service.js';
export { publicBaseUrl, volunteerRoutes } from './volunteers.routes.js';
// Teams and volunteer names for other modules (the ledger's year summary and public names).
export { listTeamsWithMembers, volunteerNamesOf } from './volunteers.repository.js';
// The port app.ts fills with records' and activities' service facts (volunteers may not import them).
export { serviceFacts, type ServiceFacts } from './volunteers.ports.js';
// Team and volunteer facts as subqueries other modules embed in their own queries.
export { teamFieldOf, teamsLedBy, volunteerNoOf } from './volunteers.repository.js';
export {
  findVolunteerRegistration,
  listVolunteershipsOf,
  teamNamesByKey,
  volunteerPeopleByKey,
} from './volunteers.repository.js';
// Events for notifications.
export { teamJoinReviewed, volunteerApplied, volunteerReviewed } from './volunteers.events.js';
// Matching for the needs module: coarse candidates from a covering index and the profiles scored in full.
export { listMatchCandidates, listMatchProfiles, type MatchProfile } from './volunteers.matching.js';
// The person's own data (PIPL access) and closing their account (the privacy module).
export {
  erasePersonalData as eraseVolunteerData,
  personalDataOf as volunteersPersonalDataOf,
} from './volunteers.personal.js';
