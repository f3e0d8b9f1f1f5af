// The settings module's public door.
export { getNeedSettings, getVolunteering, updateNeedSettings, updateVolunteering } from './settings.service.js';
export { DEFAULT_VOLUNTEERING, starLevel, type VolunteeringSettings } from './settings.rules.js';
export { DEFAULT_NEED_SETTINGS, type NeedCategory, type NeedSettings } from './settings.rules.js';
export { getReportSettings, updateReportSettings } from './settings.service.js';
export { DEFAULT_REPORT_SETTINGS, type ReportCategory, type ReportSettings } from './settings.rules.js';
export { settingsRoutes } from './settings.routes.js';
