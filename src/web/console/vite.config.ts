// Vite build for the staff console, served by the API server under /admin/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/web/console', import.meta.url)),
    emptyOutDir: true,
    // A desktop console on office networks: one antd bundle (~510 kB gzip) is fine; no need to warn.
    // Feature pages loaded on first use (the points pages) come as their own chunks.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    // LINLI_API points the dev server at an API on another port.
    proxy: { '/api': process.env.LINLI_API ?? 'http://localhost:3000' },
  },
});
