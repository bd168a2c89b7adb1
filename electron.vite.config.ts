/**
 * The desktop build: main (ES module, as package.json says "type": "module"), the preload
 * (CommonJS, one self-contained file: a sandboxed preload can neither be an ES module nor
 * require anything but electron), and the renderer exactly as renderer/vite.config.ts
 * builds it for the browser harness, into out/renderer.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts'), formats: ['es'] },
      // Runtime packages load from node_modules in app.asar; sqlite3's native binding is
      // unpacked beside it (electron-builder.yml asarUnpack).
      externalizeDeps: true,
      rolldownOptions: { external: ['sqlite3'] },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      // Bundle everything (the contract's event names come with zod): a sandboxed preload
      // cannot require packages.
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
