// The volunteer route group, loaded on first use (its own chunk): see App.tsx.
export { VolunteerApplyPage } from './VolunteerApplyPage';
export { VolunteerCardPage } from './VolunteerCardPage';
