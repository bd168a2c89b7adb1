/**
 * Builds the renderer on its own (the browser harness and `npm run build:renderer`, run from
 * the project folder). The output lands where electron-vite puts the renderer, so the desktop
 * build and the e2e tests load the same files. Nothing here reaches for a remote origin:
 * fonts, map data and scripts are all bundled next to index.html.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import countries110m from 'world-atlas/countries-110m.json';
import { drawWorldOutlines } from './src/components/world-outlines';

/**
 * `virtual:world-outlines`: the world map's fixed layers as SVG path data, drawn here once
 * instead of on every page that shows the map (see src/components/world-outlines.ts).
 */
function worldOutlines(): Plugin {
  const id = 'virtual:world-outlines';
  const resolved = `\0${id}`;
  return {
    name: 'world-outlines',
    resolveId: (source) => (source === id ? resolved : null),
    load(source) {
      if (source !== resolved) return null;
      // As JSON text: parsed faster than the same object written as a literal.
      const json = JSON.stringify(drawWorldOutlines(countries110m));
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), worldOutlines()],
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
