// Mediation's public door (调解).
export { mediationRoutes } from './mediation.routes.js';
export {
  mediationCaseClosed,
  mediationCaseOpened,
  mediationMediatorsAssigned,
  mediationMessagePosted,
} from './mediation.events.js';
export { assignMediators, closeCase, openCase, postMessage, recordSession } from './mediation.service.js';
