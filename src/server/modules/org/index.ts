// The org module's public door for other modules.
export {
  createDistrict,
  createOrgNode,
  createPartnerUnit,
  districtNamesOf,
  findDistrictByName,
  findNode,
  findPartnerUnit,
  insertDistrict,
  getNode,
  listCommunitiesWithin,
  listOrgNodes,
  nodeNamesOf,
  toOrgNode,
  type OrgNode,
  type PartnerUnit,
} from './org.service.js';
export { orgRoutes } from './org.routes.js';
// Partner units under some reaches (projects: the units a partner contact may act for).
export { listPartnersWithin as listPartnerUnitsWithin } from './org.repository.js';
// Scope and names as subqueries other modules embed in their own queries (they never name org_nodes themselves).
export { communityOnPath, nodeFieldOf, nodesAt, nodesUnder, nodesWithin } from './org.repository.js';
export { hasAnyNode, listActiveChildren, nodeNamesByKey, partnerNamesByKey } from './org.repository.js';
// Sealing partner-unit contact names still in clear text (the privacy module's startup step).
export { sealClearPartnerContacts } from './org.personal.js';
