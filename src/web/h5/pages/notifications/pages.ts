// The inbox pages, loaded on first use (their own chunk).
export { InboxPage } from './InboxPage';
export { PreferencesPage } from './PreferencesPage';
