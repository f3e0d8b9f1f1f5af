// Vite build for the resident H5. Run from the repo root:
//   npx vite build --config src/web/h5/vite.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
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
        // Libraries change less often than the app: chunks of their own stay cached across releases.
        // Group chunks are named after the entries sharing them (`antd~index~pages~…`): keep just the group name.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
        codeSplitting: {
          groups: [
            // The camera QR decoder: only the lazily loaded QrScanner imports it; its own chunk, not in the first load.
            { name: 'jsqr', test: /node_modules[\\/]jsqr[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/ },
            // entriesAware: split by which entries (the app and each lazy page group) use a module, so components
            // only lazy pages use stay out of the first load; parts under 20 kB join their nearest neighbour.
            { name: 'antd-mobile', test: /node_modules[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 20_000 },
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
