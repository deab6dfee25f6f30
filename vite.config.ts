// `npm start`: the examples in examples/, served from source (the `source` export condition), on loopback.
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const examples = resolve(import.meta.dirname, 'examples');
const pages = Object.fromEntries(
  readdirSync(examples)
    .filter((name) => existsSync(resolve(examples, name, 'index.html')))
    .map((name) => [name, resolve(examples, name, 'index.html')]),
);

export default defineConfig({
  root: examples,
  resolve: { conditions: ['source', 'module', 'browser', 'development', 'default'] },
  server: { host: '127.0.0.1', port: Number(process.env.HK_EXAMPLES_PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.HK_EXAMPLES_PORT ?? 5173), strictPort: true },
  build: {
    outDir: resolve(import.meta.dirname, 'examples/dist'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve(examples, 'index.html'), ...pages } },
  },
});
