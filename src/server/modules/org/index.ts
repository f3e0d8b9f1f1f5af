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
