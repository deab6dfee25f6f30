// The self-registering browser module: dist/browser/helsekit.js plus one chunk per lazily loaded part.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'default'] },
  build: {
    outDir: 'dist/browser',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: 'src/auto.ts', formats: ['es'], fileName: () => 'helsekit.js' },
    // Library mode keeps whitespace in ES output for downstream bundlers; this file is what a page
    // downloads as it is, so minify it fully.
    rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
  },
});
