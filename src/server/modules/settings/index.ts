// The settings module's public door.
export { getVolunteering, updateVolunteering } from './settings.service.js';
export { DEFAULT_VOLUNTEERING, starLevel, type VolunteeringSettings } from './settings.rules.js';
export { settingsRoutes } from './settings.routes.js';
