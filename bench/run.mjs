#!/usr/bin/env node
// `npm run bench [-- <name>…] [-- --runs N]`: runs the benchmarks in bench/benchmarks/*.bench.mjs (all, or the
// ones named) after building their pages (bench/pages/<name>/*, one production build each). Results go to
// bench/results/.
import { readdirSync } from 'node:fs';
import { allPages, buildPages, serve } from './harness.mjs';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : undefined;
const names = args.filter((a, i) => !a.startsWith('--') && (runsIndex < 0 || i !== runsIndex + 1));

const all = readdirSync(new URL('./benchmarks', import.meta.url)).filter((f) => f.endsWith('.bench.mjs'));
const chosen = names.length ? all.filter((f) => names.includes(f.replace('.bench.mjs', ''))) : all;
if (!chosen.length) {
  console.error(`No benchmark named ${names.join(', ')}. Benchmarks: ${all.map((f) => f.replace('.bench.mjs', '')).join(', ')}`);
  process.exit(2);
}

const groups = chosen.map((f) => f.replace('.bench.mjs', ''));
buildPages(allPages().filter((page) => groups.includes(page.split('/')[0])));
const server = await serve();
try {
  for (const file of chosen) {
    const benchmark = await import(`./benchmarks/${file}`);
    await benchmark.default({ origin: server.origin, runs });
  }
} finally {
  await server.close();
}
