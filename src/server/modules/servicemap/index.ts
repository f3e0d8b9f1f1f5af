// The service map module's public door.
export { serviceMapRoutes } from './servicemap.routes.js';
export { createServicePoint, type ServicePoint } from './servicemap.service.js';
