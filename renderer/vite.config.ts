// Builds the renderer into dist/renderer with relative asset paths, so the same
// files load from the app (file://) and from `serve` (http://127.0.0.1).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP allows scripts from 'self' only: no inline preload polyfill.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    // One bundle read from the app's own files or 127.0.0.1, never over a network: its size costs no download.
    chunkSizeWarningLimit: 1000,
  },
});
