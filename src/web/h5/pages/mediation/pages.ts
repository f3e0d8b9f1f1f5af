// The mediation route group (我的调解), loaded on first use (its own chunk): see App.tsx.
export { MediationCasePage } from './MediationCasePage';
export { MyMediationPage } from './MyMediationPage';
export { NewMediationPage } from './NewMediationPage';
