// The needs module's one door: what other modules (matching, projects, notifications) may use.
export { needStatusChanged, needSubmitted } from './needs.events.js';
export type { NeedTable } from './needs.tables.js';
