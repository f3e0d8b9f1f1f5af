// The audit module's public door.
export { auditRoutes } from './audit.routes.js';
export { listAuditEvents } from './audit.service.js';
