// The audit module's public door.
export { auditRoutes } from './audit.routes.js';
export { listAuditActions, listAuditEvents } from './audit.service.js';
