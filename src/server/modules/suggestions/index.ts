// The suggestion box's public door (意见箱).
export { suggestionRoutes } from './suggestions.routes.js';
export { answerSuggestion, createSuggestion, suggestionToNeed, suggestionToProject } from './suggestions.service.js';
export { suggestionAnswered } from './suggestions.events.js';
// The person's own data (PIPL access) and closing their account (the privacy module).
export { personalDataOf as suggestionsPersonalDataOf, renameClosedAuthor } from './suggestions.personal.js';
