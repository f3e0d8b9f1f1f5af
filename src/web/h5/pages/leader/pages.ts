// The leader route group, loaded on first use (its own chunk): see App.tsx.
export { LeaderActivityPage } from './LeaderActivityPage';
export { LeaderPage } from './LeaderPage';
export { NewActivityPage } from './NewActivityPage';
