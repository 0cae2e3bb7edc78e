// Standalone build of the analysis-panels harness (not part of the app build):
//   node renderer/analysis/dev/screenshot.mjs [index.html | real-run.html] [out.png]
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/analysis-harness', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        'real-run': fileURLToPath(new URL('./real-run.html', import.meta.url)),
      },
    },
  },
});
