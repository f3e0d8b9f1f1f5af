// @ts-check
// ESLint for linli: typescript-eslint type-aware rules, import cycles, module doors and route-schema rules.
//
// Which TypeScript lints: typescript-eslint 8.x needs TypeScript's JavaScript compiler API (peer range
// `typescript >=4.8.4 <6.1.0`), and typescript 7 (the native compiler) ships no such API: its main export is only a
// version string. So package.json installs two TypeScripts:
//   - "typescript": "~6.0.3" is what `import 'typescript'` resolves to, for typescript-eslint (and editors). tsc 6.0.3
//     typechecks this project with the same tsconfig and the same result, only ~2.5x slower.
//   - "typescript7": "npm:typescript@7.0.2" is what `npm run typecheck` runs (node node_modules/typescript7/bin/tsc).
// Both packages declare a `tsc` bin, so `npx tsc` may be either one; use `npm run typecheck`.
// When typescript-eslint supports typescript 7, drop the alias and go back to one "typescript".
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** A module may import another module only through its door, `../<module>/index.js` (docs/ARCHITECTURE.md). */
const moduleDoor = {
  regex: String.raw`^(\.\./(?!\.)|(\.\./)+modules/)[\w-]+/(?!index\.js$)`,
  message: "Import another module only through its index.ts ('../<module>/index.js'); export what you need from there.",
};

/** Web code runs in the browser: it may see the server only as types, through src/web/shared/api-types.ts. */
const serverFromWeb = {
  regex: String.raw`^\.\.?/(\.\./)*server(/|$)`,
  message: 'Web code may not import server code. Re-export the type (type-only) from src/web/shared/api-types.ts.',
};

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'bench/results/**',
      'e2e/screenshots/**',
      '**/node_modules/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads (for no-cycle) only files with these extensions, parsed by this parser.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // Kept at error on purpose (the point of linting with types).
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX attributes are exempt: React and antd take async handlers (onClick, onFinish) and ignore their result;
      // promises passed as plain callbacks (setInterval, process.on, Array#forEach ...) are still errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],

      // Tuned: noisy without finding bugs in this codebase.
      // Numbers and booleans in template strings are fine (messages, SQL fragments, ids); objects are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `_name` marks a deliberately unused argument or destructured rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Fastify handlers and hooks are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      // `import type` keeps server code out of web bundles and matches verbatimModuleSyntax.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },

  // Server modules: other modules only through their door.
  {
    files: ['src/server/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [moduleDoor] }],
    },
  },
  // Web apps: no server code at all ...
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/shared/api-types.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverFromWeb] }],
    },
  },
  // ... except server types, re-exported type-only in one place.
  {
    files: ['src/web/shared/api-types.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...serverFromWeb, allowTypeImports: true }] }],
    },
  },
  // Routes use the schemas from x.schemas.ts (the one contract), never an inline z.object.
  {
    files: ['**/*.routes.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='object']",
          message: 'Declare request/response schemas in x.schemas.ts, not inline z.object( in a routes file.',
        },
      ],
    },
  },

  // Tests read JSON bodies typed `any` (res.json()); checking each access adds casts, not safety.
  {
    files: ['test/**/*.ts', 'e2e/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Plain JavaScript (this file, bin/, scripts/): not in tsconfig, so no type-aware rules.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
