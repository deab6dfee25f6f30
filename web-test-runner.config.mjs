// Element tests in Debian's Chromium. `npm test` runs this through scripts/test.mjs, which finds the browser.
import { existsSync, readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/reporters/wtr-summary.mjs';

const packages = readdirSync(new URL('./packages', import.meta.url)).filter((name) =>
  existsSync(new URL(`./packages/${name}/test`, import.meta.url)),
);

export default {
  nodeResolve: { exportConditions: ['source', 'development', 'browser'] },
  plugins: [// The plugin reads the file raw (no `extends`): give it the base config, which holds the decorator settings.
    // `json`: @helsekit/protocols imports its protocols as JSON modules.
    esbuildPlugin({ ts: true, json: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
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
