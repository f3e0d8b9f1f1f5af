// The mall pages, loaded on first use.
import { lazyPages } from '../../lib/lazyPages';

export const MallPage = lazyPages(() => import('./pages'), {
  merchants: (m) => m.MerchantsPage,
  catalog: (m) => m.CatalogPage,
  statements: (m) => m.StatementsPage,
  stats: (m) => m.StatsPage,
});
