// The volunteers module's public door.
export {
  activateVolunteer, communityInScope, findApprovedVolunteer, getVolunteer, listVolunteers, presentVolunteers, realNameOf,
  type Volunteer,
} from './volunteers.service.js';
export { canManageTeam, findTeam, type Team } from './teams.service.js';
export { publicBaseUrl, volunteerRoutes } from './volunteers.routes.js';
