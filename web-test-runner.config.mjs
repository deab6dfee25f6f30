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

/**
 * `hk-block-urls` (payload `{ urls }`): requests from the test page whose URL matches a pattern fail, with the HTTP
 * cache off, so a test can show what a person sees when a part loaded on demand does not come
 * (packages/triage/test/load-failure.test.ts). The page is reused for the next test file: `{ urls: [] }` undoes it.
 */
function networkPlugin() {
  const sessions = new Map(); // page → its CDP session: blocking belongs to the session that set it
  return {
    name: 'hk-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'hk-block-urls') return undefined;
      const page = session.browser.getPage(session.id);
      if (payload.urls.length === 0) {
        await sessions.get(page)?.detach();
        sessions.delete(page);
        return { blocked: [] };
      }
      const cdp = sessions.get(page) ?? (await page.createCDPSession());
      sessions.set(page, cdp);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.setBlockedURLs', { urls: payload.urls });
      return { blocked: payload.urls };
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
    networkPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  // HK_WTR_FILES (comma-separated paths or globs) narrows each group to its own files among them, for one-file runs:
  // `HK_WTR_FILES=packages/triage/test/triage.test.ts … --group triage`.
  groups: packages.map((name) => {
    const only = process.env.HK_WTR_FILES?.split(',').filter((f) => f.startsWith(`packages/${name}/`));
    return { name, files: only?.length ? only : `packages/${name}/test/**/*.test.ts` };
  }),
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
