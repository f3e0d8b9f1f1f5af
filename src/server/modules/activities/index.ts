// The activities module's public door.
export { activityRoutes } from './activities.routes.js';
export { createActivity, getActivity, listActivities, publishActivity, type Activity } from './activities.service.js';
export { signUpActivity, cancelSignUp } from './signups.service.js';
// Titles for the audit log's names.
export { activityTitlesByKey } from './activities.repository.js';
// What records need to know of activities (app.ts fills the records module's port with it).
export { activityFactsForRecords } from './activities.facts.js';
export { countPublishedOfTeam } from './activities.repository.js';
export { checkIn, checkOut, closeActivity, getAttendanceCode, markAttendance } from './attendance.service.js';
// Events for notifications, and who to remind before an activity starts.
export { activityCancelled, activityChanged, signupPromoted } from './activities.events.js';
export { listSignupsStartingBetween, type UpcomingSignup } from './activities.reminders.js';
// Attendance for the needs module's matching.
export { attendanceStatsOf } from './activities.matching.js';
// The person's own data (PIPL access) and closing their account (the privacy module).
export { cancelFutureSignUpsOf, personalDataOf as activitiesPersonalDataOf } from './activities.personal.js';
