// The needs route group, loaded on first use (its own chunk): see App.tsx.
export { MyNeedsPage } from './MyNeedsPage';
export { NeedPage } from './NeedPage';
export { NewNeedPage } from './NewNeedPage';
