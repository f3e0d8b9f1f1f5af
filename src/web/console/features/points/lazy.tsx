// The points pages, loaded on first use.
import { lazyPages } from '../../lib/lazyPages';

export const PointsPage = lazyPages(() => import('./pages'), {
  accounts: (m) => m.AccountsPage,
  journals: (m) => m.JournalsPage,
  contributions: (m) => m.ContributionsPage,
  rules: (m) => m.RulesPage,
  yearSummary: (m) => m.YearSummaryPage,
  verification: (m) => m.VerificationPage,
});
