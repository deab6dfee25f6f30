// Production builds of the bench pages, one entry per folder in bench/pages.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const pagesDir = resolve(import.meta.dirname, 'pages');
const input = Object.fromEntries(
  readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && existsSync(resolve(pagesDir, file)))
    .map((file) => [file.replace(/\/?index\.html$/, '').replace(/\//g, '-') || 'index', resolve(pagesDir, file)]),
);

export default defineConfig({
  root: pagesDir,
  base: './',
  logLevel: 'warn',
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'default'] },
  build: { outDir: resolve(import.meta.dirname, '.build'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input } },
});
