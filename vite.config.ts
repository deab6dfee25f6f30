// `npm start`: the examples in examples/, served from source (the `source` export condition), on loopback.
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const examples = resolve(import.meta.dirname, 'examples');
const pages = Object.fromEntries(
  readdirSync(examples)
    .filter((name) => existsSync(resolve(examples, name, 'index.html')))
    .map((name) => [name, resolve(examples, name, 'index.html')]),
);

/**
 * Vite's dev server serves a JSON file as a JavaScript module, so the browser refuses a dynamic
 * `import('./x.json', { with: { type: 'json' } })` (vitejs/vite#19095), as `@helsekit/protocols/load` does from
 * source. Production builds, and hosts whose dev server pre-bundles the package, are not affected. In dev only, the
 * attribute is dropped, and Vite's own JSON handling takes the import.
 */
const jsonImportAttributesInDev: Plugin = {
  name: 'helsekit:json-import-attributes-in-dev',
  apply: 'serve',
  transform(code, id) {
    if (!/\.[cm]?[jt]s$/.test(id.split('?')[0]!) || !code.includes('.json')) return undefined;
    const stripped = code.replace(/import\((['"][^'"]+\.json['"]),\s*\{\s*with:\s*\{\s*type:\s*['"]json['"]\s*\}\s*\}\)/g, 'import($1)');
    return stripped === code ? undefined : { code: stripped, map: null };
  },
};

export default defineConfig({
  root: examples,
  plugins: [jsonImportAttributesInDev],
  resolve: { conditions: ['source', 'module', 'browser', 'development', 'default'] },
  server: { host: '127.0.0.1', port: Number(process.env.HK_EXAMPLES_PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.HK_EXAMPLES_PORT ?? 5173), strictPort: true },
  build: {
    outDir: resolve(import.meta.dirname, 'examples/dist'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve(examples, 'index.html'), ...pages } },
  },
});
