// Vite build for the staff console, served by the API server under /admin/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { assetFileNames, chunkFileNames } from '../shared/viteChunkNames.js';
import { englishChunk } from '../shared/viteEnglishChunk.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/admin/',
  plugins: [react(), englishChunk()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/web/console', import.meta.url)),
    emptyOutDir: true,
    // Budget: scripts/bundle-budget.mjs (console first load ≤ 400 kB gzip). Page groups are lazy (App.tsx).
    rolldownOptions: {
      output: {
        chunkFileNames,
        assetFileNames,
        // Libraries change less often than the app: chunks of their own stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/ },
            // entriesAware: split by which entries (the app and each lazy page group) use a module, so components
            // only lazy pages use stay out of the first load; parts under 20 kB join their nearest neighbour
            // (measured with `npm run size`: a larger threshold can merge lazy-only code into a first-load chunk).
            { name: 'antd', test: /node_modules[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 20_000 },
          ],
        },
      },
    },
  },
  server: {
    // LINLI_API points the dev server at an API on another port.
    proxy: { '/api': process.env.LINLI_API ?? 'http://localhost:3000' },
  },
});
