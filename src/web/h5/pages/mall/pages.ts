// The mall route group, loaded on first use (its own chunk): see App.tsx.
export { ItemPage } from './ItemPage';
export { MallPage } from './MallPage';
export { MyVouchersPage } from './MyVouchersPage';
export { VoucherPage } from './VoucherPage';
