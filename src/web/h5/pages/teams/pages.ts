// The teams route group, loaded on first use (its own chunk): see App.tsx.
export { TeamPage } from './TeamPage';
export { TeamsPage } from './TeamsPage';
