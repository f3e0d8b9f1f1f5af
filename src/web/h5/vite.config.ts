// Vite build for the resident H5. Run from the repo root:
//   npx vite build --config src/web/h5/vite.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { assetFileNames, chunkFileNames } from '../shared/viteChunkNames.js';
import { englishChunk } from '../shared/viteEnglishChunk.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../../dist/web/h5', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), englishChunk()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        chunkFileNames,
        assetFileNames,
        // Libraries change less often than the app: chunks of their own stay cached across releases.
        codeSplitting: {
          groups: [
            // The camera QR decoder: only the lazily loaded QrScanner imports it; its own chunk, not in the first load.
            { name: 'jsqr', test: /node_modules[\\/]jsqr[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/ },
            // entriesAware: split by which entries (the app and each lazy page group) use a module, so components
            // only lazy pages use stay out of the first load; parts under 10 kB join their nearest neighbour
            // (measured with `npm run size`: a larger threshold can merge lazy-only code into a first-load chunk).
            { name: 'antd-mobile', test: /node_modules[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 10_000 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
