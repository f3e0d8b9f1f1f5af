// The activities side of the records module's port (records.ports.ts): app.ts plugs this in, so records show an
// activity's title, category and window without importing activities (which import records).
import type { ActivityFacts } from '../records/index.js';
import * as repo from './activities.repository.js';

export const activityFactsForRecords: ActivityFacts = {
  fieldOf: (db, field, districtId, activityId) => repo.activityFieldOf(db, field, districtId, activityId),
  find: (db, activityId) => repo.findActivityById(db, activityId),
  attended: async (db, districtId, activityId, userId) =>
    !!(await repo.findAttendance(db, districtId, activityId, userId)),
};
