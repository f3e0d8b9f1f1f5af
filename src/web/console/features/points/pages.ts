// Every points page, loaded together as one chunk the first time a points page opens.
export { AccountsPage } from './AccountsPage';
export { ContributionsPage } from './ContributionsPage';
export { JournalsPage } from './JournalsPage';
export { RulesPage } from './RulesPage';
export { VerificationPage } from './VerificationPage';
export { YearSummaryPage } from './YearSummaryPage';
