// The privacy module's public door: the person's own data and closing their account (PIPL), the startup name step.
export { privacyRoutes } from './privacy.routes.js';
export { closeMyAccount, exportMyData, getMyContact } from './privacy.service.js';
export { myDataWorkbook } from './privacy.excel.js';
export { sealClearNames } from './privacy.seal.js';
