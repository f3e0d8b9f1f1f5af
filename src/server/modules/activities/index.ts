// The activities module's public door.
export { activityRoutes } from './activities.routes.js';
export { createActivity, getActivity, listActivities, publishActivity, type Activity } from './activities.service.js';
export { signUpActivity, cancelSignUp } from './signups.service.js';
export { checkIn, checkOut, closeActivity, getAttendanceCode, markAttendance } from './attendance.service.js';
