// Element tests in Debian's Chromium. `npm test` runs this through scripts/test.mjs, which finds the browser.
import { existsSync, readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/reporters/wtr-summary.mjs';

/**
 * The local FHIR server (examples/fhir-server) for the durability tests (packages/helsekit/test/durability.test.ts),
 * started on a free loopback port. Browser commands: `hk-fhir` → `{ base }`; `hk-fhir-stop` closes the listener;
 * `hk-fhir-start` listens again on the same port with the same in-memory data (a restart that keeps its storage).
 * tsx loads the TypeScript server into this plain-ESM process.
 */
function fhirServerPlugin() {
  let fhir;
  const listening = () => fhir?.server.listening ?? false;
  return {
    name: 'hk-fhir',
    async serverStart() {
      const { tsImport } = await import('tsx/esm/api');
      const { startFhirServer } = await tsImport('./examples/fhir-server/app.ts', import.meta.url);
      fhir = await startFhirServer({ port: 0 });
    },
    async serverStop() {
      if (listening()) await fhir.close();
    },
    async executeCommand({ command }) {
      if (command === 'hk-fhir') return { base: fhir.baseUrl };
      if (command === 'hk-fhir-stop') {
        if (listening()) await fhir.close();
        return { stopped: true };
      }
      if (command === 'hk-fhir-start') {
        if (!listening()) {
          const { port } = new URL(fhir.origin);
          await new Promise((resolve, reject) => {
            fhir.server.once('error', reject);
            fhir.server.listen(Number(port), '127.0.0.1', () => {
              fhir.server.off('error', reject);
              resolve();
            });
          });
        }
        return { started: true };
      }
      return undefined;
    },
  };
}

const packages = readdirSync(new URL('./packages', import.meta.url)).filter((name) =>
  existsSync(new URL(`./packages/${name}/test`, import.meta.url)),
);

export default {
  nodeResolve: { exportConditions: ['source', 'development', 'browser'] },
  plugins: [// The plugin reads the file raw (no `extends`): give it the base config, which holds the decorator settings.
    // `json`: @helsekit/protocols imports its protocols as JSON modules.
    esbuildPlugin({ ts: true, json: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
    fhirServerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  groups: packages.map((name) => ({ name, files: `packages/${name}/test/**/*.test.ts` })),
  // One page at a time: keyboard tests need focus, and a background page gets no animation frames.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  // Lit announces its dev mode once per page; every other Lit warning is a defect (see testing/lit-warnings.ts).
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="nb">
  <head><meta charset="utf-8"><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), summaryReporter()],
};
