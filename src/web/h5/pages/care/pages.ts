// The care route group (我关照的人), loaded on first use (its own chunk): see App.tsx.
export { CareVisitPage } from './CareVisitPage';
export { MyCarePeoplePage } from './MyCarePeoplePage';
