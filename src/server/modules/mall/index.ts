// The mall module's public door.
export { mallRoutes } from './mall.routes.js';
export { placeOrder, redeemVoucher } from './orders.service.js';
export { expireVouchers } from './refunds.service.js';
export { applyMerchant, fileMerchant, findFiledMerchant, reviewMerchant } from './merchants.service.js';
export { createCatalogItem } from './catalog.service.js';
