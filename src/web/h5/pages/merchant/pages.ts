// The merchant route group, loaded on first use (its own chunk): see App.tsx.
export { MerchantApplyPage } from './MerchantApplyPage';
export { MerchantDeskPage } from './MerchantDeskPage';
export { RedeemPage } from './RedeemPage';
export { StatementPage } from './StatementPage';
