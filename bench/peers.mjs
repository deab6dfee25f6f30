// Peers whose npm packages do not install cleanly next to ours, fetched as their published tarballs.
// LHC-Forms (`lforms`) ships a prebuilt web component, but its package.json drags in Angular with peer
// ranges npm cannot settle beside this workspace; the bench needs only the prebuilt files. `npm pack`
// fetches the pinned version from the npm registry and checks its integrity; nothing else is downloaded.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheDir = fileURLToPath(new URL('./.peers/', import.meta.url));

export const PEERS = {
  lforms: { version: '40.1.3', copy: ['dist/lforms/webcomponent', 'dist/lforms/fhir/R4', 'LICENSE.md'] },
};

/** Unpacks a peer once into bench/.peers/<name>@<version>/package and returns that folder. */
export function ensurePeer(name) {
  const { version } = PEERS[name];
  const dir = join(cacheDir, `${name}@${version}`);
  const pkg = join(dir, 'package');
  if (existsSync(pkg)) return pkg;
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `${name}@${version}`, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  rmSync(join(dir, tarball));
  return pkg;
}

/** Copies every peer's files into `<buildDir>/peers/<name>/`, for bench pages to load as plain scripts. */
export function copyPeers(buildDir) {
  for (const [name, { copy }] of Object.entries(PEERS)) {
    const from = ensurePeer(name);
    for (const path of copy) {
      cpSync(join(from, path), join(buildDir, 'peers', name, path.split('/').pop()), { recursive: true });
    }
  }
}
