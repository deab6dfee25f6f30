#!/usr/bin/env node
// Imports only go down: core ← base ← component ← helsekit (DESIGN.md, "Layers").
//   core        imports no other helsekit package, no lit, and touches no DOM.
//   base        imports core.
//   protocols   content: imports core.
//   components  (triage, health-form, measurement-dashboard) import core, base and protocols, never each other.
//   helsekit    the umbrella: imports anything.
// `npm run check:layers` exits 1 and lists every violation.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const LAYER = { core: 0, base: 1, protocols: 1, themes: 1, helsekit: 3 };
const layerOf = (pkg) => LAYER[pkg] ?? 2;
const DOM_GLOBALS = /\b(document|window|customElements|HTMLElement|localStorage|sessionStorage|shadowRoot)\s*[.([]/;

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The helsekit package an import specifier points at, or null for third-party modules. */
function targetPackage(specifier, fromFile, packagesDir) {
  const scoped = /^@helsekit\/([^/]+)/.exec(specifier);
  if (scoped) return scoped[1];
  if (specifier === 'helsekit' || specifier.startsWith('helsekit/')) return 'helsekit';
  if (specifier.startsWith('.')) {
    const target = relative(packagesDir, resolve(dirname(fromFile), specifier));
    if (!target.startsWith('..')) return target.split(sep)[0];
  }
  return null;
}

function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Returns the list of violations under `root` (a folder with `packages/`). */
export function checkLayers(root) {
  const packagesDir = join(root, 'packages');
  const violations = [];
  for (const pkg of readdirSync(packagesDir)) {
    const srcDir = join(packagesDir, pkg, 'src');
    for (const file of walk(srcDir)) {
      const where = relative(root, file);
      const source = readFileSync(file, 'utf8');
      const { importedFiles } = ts.preProcessFile(source, true, true);
      for (const { fileName: specifier } of importedFiles) {
        const target = targetPackage(specifier, file, packagesDir);
        if (pkg === 'core' && (specifier === 'lit' || specifier.startsWith('lit/') || specifier.startsWith('@lit/'))) {
          violations.push(`${where}: core imports "${specifier}"; core has no Lit`);
        }
        if (target === null || target === pkg) continue;
        if (specifier.startsWith('.')) {
          violations.push(`${where}: reaches into package "${target}" by a relative path; import @helsekit/${target}`);
        } else if (layerOf(target) >= layerOf(pkg)) {
          const why = layerOf(target) === 2 && layerOf(pkg) === 2 ? 'components never import each other' : 'imports go down the layers only';
          violations.push(`${where}: ${pkg} imports "${specifier}"; ${why}`);
        }
      }
      if (pkg === 'core') {
        const code = stripComments(source);
        const match = DOM_GLOBALS.exec(code);
        if (match) violations.push(`${where}: core touches the DOM ("${match[1]}"); keep DOM code in base or a component`);
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('..', import.meta.url));
  const violations = checkLayers(root);
  if (violations.length) {
    console.error(`Layer check failed (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}`);
    process.exit(1);
  }
  console.log('Layer check passed: imports go down core ← base ← component ← helsekit.');
}
