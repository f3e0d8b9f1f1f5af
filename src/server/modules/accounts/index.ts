// The accounts module's public door.
export { clearSessionCookies, installAuth } from './accounts.auth.js';
export { accountRoutes } from './accounts.routes.js';
export {
  authenticate,
  insertNewUser,
  login,
  register,
  startSession,
  type Me,
  type RoleAssignment,
} from './accounts.service.js';
export {
  ensureRole,
  grantRole,
  homeNodeOf,
  insertRole,
  listPeople,
  resetPassword,
  revokeRole,
} from './people.service.js';
export { type DistrictStart, grantPlatformAdmin, startDistrict } from './districts.service.js';
// People's names and homes for other modules (the ledger): read-only, no phone or password columns.
export {
  displayNamesOf,
  findPersonContact,
  findPersonHome,
  firstRoleHolder,
  findPersonIdByPhoneIndex,
  listPersonHomes,
  type PersonHome,
  userNameOf,
  userPhoneEncOf,
  usersNamedLike,
} from './accounts.repository.js';
export { listPersonContacts } from './accounts.repository.js';
// The person's own data and closing their account (the privacy module: PIPL access and erasure).
export {
  assertOwnPassword,
  type ClosedAccount,
  closedAccountName,
  closedNameOf,
  closeUserAccount,
  ownContactOf,
  personalDataOf as accountsPersonalDataOf,
} from './accounts.personal.js';
// Staff to notify and a phone for SMS (the notifications module).
export { findPhoneForSms, listRoleHoldersAbove } from './accounts.staff.js';
