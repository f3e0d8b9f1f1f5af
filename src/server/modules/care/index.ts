// The care registry's public door (关爱台账).
export { careRoutes } from './care.routes.js';
export { careAlert } from './care.events.js';
export { runCareJobs, startCareWorker } from './care.jobs.js';
export { assignCareVisitor, createCareSubject, logCareVisit, updateCareTier } from './care.service.js';
// The person's own data (PIPL access): for the privacy module's list of parts.
export { personalDataOf as carePersonalDataOf } from './care.personal.js';
