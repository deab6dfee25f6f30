// Finds the browser for tests and benchmarks. No tool in this repo downloads one.
import { existsSync } from 'node:fs';

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: install Debian\'s with `apt-get install -y chromium`, or set CHROME_PATH to a Chromium or Chrome binary.';

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}

/** Flags for headless Chromium on these machines: root needs --no-sandbox; the closed network needs the rest. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
