// The accounts module's public door.
export { installAuth } from './accounts.auth.js';
export { accountRoutes } from './accounts.routes.js';
export { authenticate, insertNewUser, login, register, startSession, type Me, type RoleAssignment } from './accounts.service.js';
export { ensureRole, grantRole, insertRole, listPeople, revokeRole } from './people.service.js';
