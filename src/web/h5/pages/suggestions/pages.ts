// The suggestion-box and partner-claim route group, loaded on first use (its own chunk): see App.tsx.
export { PartnerProjectsPage } from './PartnerProjectsPage';
export { PublicSuggestionsPage } from './PublicSuggestionsPage';
export { SuggestionBoxPage } from './SuggestionBoxPage';
