// The system module's public door.
export { systemRoutes } from './system.routes.js';
