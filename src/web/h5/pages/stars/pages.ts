// The star-level route group (星级公示), loaded on first use (its own chunk): see App.tsx.
export { StarPublicityPage } from './StarPublicityPage';
