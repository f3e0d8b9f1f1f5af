// The reports module's one door (随手拍): what app.ts, notifications and the demo may use.
export { reportRoutes } from './reports.routes.js';
export { reportEscalated, reportStatusChanged, reportSubmitted } from './reports.events.js';
export {
  autoConfirmReports,
  escalateOverdueReports,
  removeUnattachedPhotos,
  runReportJobs,
  startReportWorker,
} from './reports.jobs.js';
export {
  createReport,
  reporterStep,
  staffStep,
  uploadReportPhoto,
  flagReport,
  joinReport,
  type CreateReportInput,
} from './reports.service.js';
export type { ReportTables } from './reports.tables.js';
export { personalDataOf as reportsPersonalDataOf } from './reports.personal.js';
