// The points route group, loaded on first use (its own chunk): see App.tsx.
export { DonatePage } from './DonatePage';
export { GiftPage } from './GiftPage';
export { LedgerPage } from './LedgerPage';
export { MyPointsPage } from './MyPointsPage';
