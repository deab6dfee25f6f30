#!/usr/bin/env node
// `npm run build`: the cut-down fhirpath model (scripts/fhirpath-model.mjs), every package as ESM with .d.ts
// (tsc -b), custom-elements.json for packages with elements, the umbrella's self-registering browser module (Vite),
// and the docs' API tables.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });

const packages = readdirSync(join(root, 'packages')).filter((name) => existsSync(join(root, 'packages', name, 'package.json')));

for (const pkg of packages) {
  rmSync(join(root, 'packages', pkg, 'dist'), { recursive: true, force: true });
  for (const file of readdirSync(join(root, 'packages', pkg))) {
    if (file.endsWith('.tsbuildinfo')) rmSync(join(root, 'packages', pkg, file));
  }
}

console.log('build: fhirpath model for Questionnaires');
run(process.execPath, [join(root, 'scripts', 'fhirpath-model.mjs')]);

console.log('build: TypeScript → ESM + .d.ts');
run(bin('tsc'), ['-b', 'tsconfig.build.json']);

// A package has elements when its manifest field says so.
for (const pkg of packages) {
  const dir = join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!manifest.customElements) continue;
  console.log(`build: custom-elements.json for ${manifest.name}`);
  run(bin('cem'), ['analyze', '--config', join(root, 'custom-elements-manifest.config.mjs'), '--quiet'], dir);
}

console.log('build: helsekit browser module');
run(bin('vite'), ['build', '--logLevel', 'warn'], join(root, 'packages', 'helsekit'));

console.log('build: docs API tables');
run(process.execPath, [join(root, 'scripts', 'docs-api.mjs')]);
console.log('build: done');
