// The audit module's public door.
export { auditRoutes } from './audit.routes.js';
export { listAuditActions, listAuditEvents } from './audit.service.js';
// The audit events about a person (PIPL access, the privacy module).
export { personalDataOf as auditPersonalDataOf } from './audit.personal.js';
