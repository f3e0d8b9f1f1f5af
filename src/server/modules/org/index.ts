// The org module's public door for other modules.
export {
  createDistrict, createOrgNode, createPartnerUnit, findDistrictByName, findNode, insertDistrict, getNode, listOrgNodes, toOrgNode,
  type OrgNode, type PartnerUnit,
} from './org.service.js';
export { orgRoutes } from './org.routes.js';
