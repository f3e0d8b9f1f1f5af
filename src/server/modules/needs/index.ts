// The needs module's one door: what other modules (matching, projects, notifications) may use.
export { needStatusChanged, needSubmitted } from './needs.events.js';
export type { NeedTable } from './needs.tables.js';
export { needRoutes } from './needs.routes.js';
export {
  findManagedNeed,
  findNeedInScope,
  getNeed,
  linkNeedsToProject,
  listNeedsByIds,
  transitionNeed,
  triageNeed,
  type Need,
  type NeedDetail,
  type NeedRow,
  type NeedSummary,
} from './needs.service.js';
// The suggestion box turns a suggestion into a need (staff on the author's behalf).
export { createNeed, createNeedIn } from './needs.service.js';
export { canTransition, NEED_STATES, type NeedState, type Urgency } from './needs.rules.js';
// Matching, invitations and need tasks (matching.*, invitations.*).
export { invitationRoutes } from './invitations.routes.js';
export { invitationAnswered, needInvited } from './invitations.events.js';
export { completeNeed, inviteVolunteers, respondInvitation } from './invitations.service.js';
export { matchNeed } from './matching.service.js';
// The person's own data (PIPL access) and closing their account (the privacy module).
export {
  personalDataOf as needsPersonalDataOf,
  renameClosedVolunteerInvitations,
  withdrawOpenNeedsOf,
} from './needs.personal.js';
