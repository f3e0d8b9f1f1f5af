// Every mall page, loaded together as one chunk the first time a mall page opens.
export { CatalogPage } from './CatalogPage';
export { MerchantsPage } from './MerchantsPage';
export { StatementsPage } from './StatementsPage';
export { StatsPage } from './StatsPage';
