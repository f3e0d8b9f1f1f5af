// What the pre-commit hook (scripts/pre-commit, installed by `npm run hooks:install`) runs on staged files.
// ESLint first (its fixes may reflow code), then Prettier has the last word on layout.
export default {
  '*.{ts,tsx,js,mjs}': ['eslint --fix --no-warn-ignored', 'prettier --write'],
  '*.{json,css,html,yml,yaml}': ['prettier --write'],
};
