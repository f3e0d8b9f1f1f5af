// The activities module's public door.
export { activityRoutes } from './activities.routes.js';
export { createActivity, getActivity, listActivities, publishActivity, type Activity } from './activities.service.js';
export { signUpActivity, cancelSignUp } from './signups.service.js';
export { checkIn, checkOut, closeActivity, getAttendanceCode, markAttendance } from './attendance.service.js';
// Events for notifications, and who to remind before an activity starts.
export { activityCancelled, activityChanged, signupPromoted } from './activities.events.js';
export { listSignupsStartingBetween, type UpcomingSignup } from './activities.reminders.js';
// Attendance for the needs module's matching.
export { attendanceStatsOf } from './activities.matching.js';
