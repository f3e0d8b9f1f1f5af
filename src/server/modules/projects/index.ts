// The projects module's public door: resources (资源清单), projects (项目清单) and claims (认领).
export { projectRoutes } from './projects.routes.js';
export { createResource } from './resources.service.js';
export { createProject, getProject, insertProject, publishProject, type NewProject } from './projects.service.js';
export { claimProject, reviewClaim } from './claims.service.js';
export { projectClaimReviewed } from './projects.events.js';
// The person's own data (PIPL access, the privacy module).
export { personalDataOf as projectsPersonalDataOf } from './projects.personal.js';
