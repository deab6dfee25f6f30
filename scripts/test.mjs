#!/usr/bin/env node
// `npm test [-- --group <package>] [-- --node-only | --browser-only]`
//
// Node tests: packages/*/src/**/*.test.ts and scripts/**/*.test.mjs, run by `node --test` through tsx.
// Browser tests: packages/*/test/**/*.test.ts, run by @web/test-runner in Debian's Chromium.
// Each part ends with a plain `N passed, N failed` line; the last line sums both.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const groupIndex = args.indexOf('--group');
const group = groupIndex >= 0 ? args[groupIndex + 1] : undefined;
const nodeOnly = args.includes('--node-only');
const browserOnly = args.includes('--browser-only');

const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json')),
);
if (group && group !== 'tooling' && !packages.includes(group)) {
  console.error(`Unknown group "${group}". Groups: tooling, ${packages.join(', ')}`);
  process.exit(2);
}

function walk(dir, accept, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, accept, out);
    else if (accept(name)) out.push(relative(root, path));
  }
  return out;
}

const selected = group ? (group === 'tooling' ? [] : [group]) : packages;
const nodeFiles = selected.flatMap((pkg) => walk(join(root, 'packages', pkg, 'src'), (n) => n.endsWith('.test.ts')));
if (!group || group === 'tooling') nodeFiles.push(...walk(join(root, 'scripts'), (n) => n.endsWith('.test.mjs')));
const browserGroups = selected.filter((pkg) => walk(join(root, 'packages', pkg, 'test'), (n) => n.endsWith('.test.ts')).length > 0);

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    let summary = '';
    let pending = '';
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      // Keep the runner's own summary line, wherever it lands in the output.
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/^(node|wtr): \d+ passed, \d+ failed/.test(line)) summary = line;
    });
    child.on('close', (code) => {
      if (/^(node|wtr): \d+ passed, \d+ failed/.test(pending)) summary = pending;
      const m = /(\d+) passed, (\d+) failed/.exec(summary);
      resolve({ code: code ?? 1, passed: m ? Number(m[1]) : 0, failed: m ? Number(m[2]) : 0 });
    });
  });
}

const totals = { passed: 0, failed: 0 };
let exitCode = 0;

if (!browserOnly && nodeFiles.length > 0) {
  const result = await run(process.execPath, [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/reporters/node-summary.mjs')}`,
    '--test-reporter-destination=stdout',
    ...nodeFiles,
  ]);
  totals.passed += result.passed;
  totals.failed += result.failed;
  if (result.code !== 0) exitCode = 1;
}

if (!nodeOnly && browserGroups.length > 0) {
  const chromium = findChromium();
  if (!chromium) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  const wtrArgs = ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'];
  if (group) wtrArgs.push('--group', group);
  const result = await run(process.execPath, wtrArgs, { CHROME_PATH: chromium });
  totals.passed += result.passed;
  totals.failed += result.failed;
  if (result.code !== 0) exitCode = 1;
}

if (totals.passed + totals.failed === 0) {
  console.error(`No tests found${group ? ` in group "${group}"` : ''}.`);
  exitCode = 1;
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode);
