// The production build of ONE bench page (HK_BENCH_PAGE, e.g. `triage/helsekit-one`), as a host that ships only
// that page would build it: a build of every page at once would share chunks between unrelated pages and so put
// other pages' code into this page's bytes. bench/harness.mjs runs one build per page into the same output folder.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const pagesDir = resolve(import.meta.dirname, 'pages');
const page = process.env.HK_BENCH_PAGE;
if (!page) throw new Error('HK_BENCH_PAGE is not set: bench/harness.mjs builds one page at a time');
const input = { [page.replace(/\//g, '-')]: resolve(pagesDir, page, 'index.html') };

export default defineConfig({
  root: pagesDir,
  base: './',
  logLevel: 'warn',
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'default'] },
  build: { outDir: resolve(import.meta.dirname, '.build'), emptyOutDir: false, target: 'es2022', rolldownOptions: { input } },
});
