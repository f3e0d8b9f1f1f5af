// Mediation's public door (调解).
export { mediationRoutes } from './mediation.routes.js';
export {
  mediationCaseClosed,
  mediationCaseOpened,
  mediationMediatorsAssigned,
  mediationMessagePosted,
} from './mediation.events.js';
export { assignMediators, closeCase, openCase, postMessage, recordSession } from './mediation.service.js';
// The person's own data (PIPL access): for the privacy module's list of parts.
export { personalDataOf as mediationPersonalDataOf } from './mediation.personal.js';
