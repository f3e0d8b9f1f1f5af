// The 随手拍 (grid reports) route group, loaded on first use (its own chunk): see App.tsx.
export { MyReportsPage } from './MyReportsPage';
export { NewReportPage } from './NewReportPage';
export { PublicReportsPage } from './PublicReportsPage';
export { ReportPage } from './ReportPage';
