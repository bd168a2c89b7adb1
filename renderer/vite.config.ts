/**
 * Builds the renderer on its own (the browser harness and `npm run build:renderer`, run from
 * the project folder). The output lands where electron-vite puts the renderer, so the desktop
 * build and the e2e tests load the same files. Nothing here reaches for a remote origin:
 * fonts, map data and scripts are all bundled next to index.html.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    // Relative to root: <project>/out/renderer.
    outDir: '../out/renderer',
    emptyOutDir: true,
    // The page loads from app:// in Electron and from 127.0.0.1 in the harness; a preload
    // polyfill would be an inline script, which the CSP refuses.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
