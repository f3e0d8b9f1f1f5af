// The mall module's public door.
export { mallRoutes } from './mall.routes.js';
export { placeOrder, redeemVoucher } from './orders.service.js';
export { expireVouchers } from './refunds.service.js';
export { applyMerchant, fileMerchant, findFiledMerchant, reviewMerchant } from './merchants.service.js';
export { createCatalogItem } from './catalog.service.js';
// Names for the audit log.
export { itemTitlesByKey, merchantNamesByKey } from './mall.repository.js';
// Events for notifications, and vouchers about to expire (reminders).
export { merchantApplied, merchantReviewed } from './mall.events.js';
export { listVouchersExpiringBetween, type ExpiringVoucher } from './mall.expiring.js';
// The person's own data (PIPL access) and sealing clear contact names (the privacy module).
export {
  cancelActiveVouchersOf,
  personalDataOf as mallPersonalDataOf,
  sealClearMerchantContacts,
} from './mall.personal.js';
