// The examples `npm start` serves: the index links every example page, so none is lost; the GP office example
// works from source on the dev server, as a new user first sees it; and every page, host page and components
// together, passes axe (WCAG 2.1 A and AA), since the host page is what a visitor of an example sees (issue #17).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import puppeteer from 'puppeteer-core';
import { createLogger, createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');
const indexHtml = readFileSync(join(examples, 'index.html'), 'utf8');
const AXE_SOURCE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

it('examples/index.html links every example page', () => {
  const pages = readdirSync(examples).filter((name) => existsSync(join(examples, name, 'index.html')));
  assert.ok(pages.length >= 10, `found ${pages.length} example pages`);
  for (const page of pages) assert.match(indexHtml, new RegExp(`href="/${page}/`), `${page} is not linked`);
});

/** What the dev server said (it reloads pages after optimizing dependencies). */
const viteLog = [];

// One FHIR server, one dev server and one browser for the browser tests below, started on first use.
let environment;
function start() {
  environment ??= startEnvironment();
  return environment;
}
after(async () => {
  if (!environment) return;
  const env = await environment.catch(() => undefined);
  await env?.close();
});

/**
 * As `npm start` does: the local FHIR server (on an ephemeral port, so a developer's running `npm start` is not in
 * the way; VITE_HK_FHIR_PORT tells the pages, see examples/shared/config.ts) and the Vite dev server.
 */
async function startEnvironment() {
  const fhir = await startFhirServer();
  process.env.VITE_HK_FHIR_PORT = String(new URL(fhir.baseUrl).port);
  const logger = createLogger('info');
  for (const level of ['info', 'warn', 'error']) logger[level] = (message) => viteLog.push(stripVTControlCharacters(message));
  // The dev server serves source, which bundles never see: a dynamic JSON import with `type: 'json'` failed here
  // while every build and test passed (vite.config.ts says why).
  const server = await createServer({
    configFile: join(root, 'vite.config.ts'),
    customLogger: logger,
    // No file watching and no HMR: other work on the sources while this runs must not reload the pages under test.
    server: { port: 0, strictPort: false, watch: null, hmr: false },
  });
  await server.listen();
  const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  return {
    origin: server.resolvedUrls.local[0],
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
      await fhir.close();
    },
  };
}

function startFhirServer() {
  const child = spawn(process.execPath, ['--experimental-websocket', '--import', 'tsx', 'examples/fhir-server/server.ts'], {
    cwd: root,
    env: { ...process.env, HK_FHIR_PORT: '0', HK_FHIR_LOG: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const close = () =>
    new Promise((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the FHIR server did not start in 60 s:\n${output}`)), 60000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /helsekit FHIR R4 server: (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ baseUrl: m[1], close });
      }
    });
    child.once('exit', (code) => fail(new Error(`the FHIR server exited (${code}):\n${output}`)));
  });
}

/**
 * A new tab that records what went wrong on the page (uncaught errors, console errors, failed requests), the
 * requests in flight and when the network was last busy, and how often the top frame navigated.
 */
async function openTab(browser) {
  const page = await browser.newPage();
  const tab = { page, failures: [], inFlight: new Set(), lastActivity: Date.now(), navigations: 0 };
  const busy = () => (tab.lastActivity = Date.now());
  page.on('pageerror', (error) => tab.failures.push(error.message));
  page.on('console', (message) => message.type() === 'error' && !/favicon/.test(message.location().url ?? '') && tab.failures.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && tab.failures.push(`${response.status()} ${response.url()}`));
  page.on('request', (request) => (tab.inFlight.add(request), busy()));
  page.on('requestfinished', (request) => (tab.inFlight.delete(request), busy()));
  page.on('requestfailed', (request) => (tab.inFlight.delete(request), busy()));
  page.on('framenavigated', (frame) => frame === page.mainFrame() && tab.navigations++);
  return tab;
}

const SETTLE_SECONDS = 60;

/**
 * Waits until the page has settled: every helsekit element (in every frame) defined, rendered and updated, and none
 * of them still loading (aria-busy); then no request for half a second, or the elements ready for 3 s (the
 * worklist and the dashboard poll their store). False if that did not happen in SETTLE_SECONDS.
 */
async function settle(tab) {
  const { page } = tab;
  const deadline = Date.now() + SETTLE_SECONDS * 1000;
  const ready = (frame) =>
    frame
      .evaluate(async () => {
        const deep = (node) => [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
        const hk = deep(document).filter((el) => el.localName.startsWith('hk-'));
        if (document.readyState !== 'complete' || hk.some((el) => !customElements.get(el.localName))) return false;
        await Promise.all(hk.map((el) => el.updateComplete));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return hk.every((el) => !el.shadowRoot || (el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('[aria-busy="true"]')));
      })
      .catch((error) => {
        if (/Execution context was destroyed|detached/i.test(error.message)) throw error;
        return false;
      });
  let readySince;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const frames = page.frames().filter((frame) => !frame.detached);
    if (!(await Promise.all(frames.map(ready))).every(Boolean)) {
      readySince = undefined;
      continue;
    }
    readySince ??= Date.now();
    const quiet = tab.inFlight.size === 0 && Date.now() - tab.lastActivity >= 500;
    if (quiet || Date.now() - readySince >= 3000) return true;
  }
  return false;
}

/** What the helsekit elements show: their error parts, or that one never rendered. For failure messages. */
async function componentStates(page) {
  const states = [];
  for (const frame of page.frames()) {
    states.push(
      ...(await frame
        .evaluate(() => {
          const deep = (node) => [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
          return deep(document)
            .filter((el) => el.localName.startsWith('hk-') && el.shadowRoot)
            .flatMap((el) => {
              if (!customElements.get(el.localName)) return [`<${el.localName}> is not defined`];
              if (el.shadowRoot.childElementCount === 0) return [`<${el.localName}> rendered nothing`];
              if (el.shadowRoot.querySelector('[aria-busy="true"]')) return [`<${el.localName}> is still loading`];
              const errors = [...el.shadowRoot.querySelectorAll('[part~="error"]:not([hidden])')]
                .map((e) => e.textContent.trim().replace(/\s+/g, ' '))
                .filter(Boolean);
              return errors.length ? [`<${el.localName}> shows an error: ${errors.join(' | ')}`] : [];
            });
        })
        .catch(() => [])),
    );
  }
  return states;
}

/** axe over the whole document of every frame (the host page and the components' open shadow roots). */
async function axeViolations(page) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank' || frame.detached) continue;
    await frame.evaluate(AXE_SOURCE);
    const violations = await frame.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> '), summary: n.failureSummary })),
      }));
    }, AXE_TAGS);
    found.push(...violations.map((v) => ({ ...v, frame: frame === page.mainFrame() ? undefined : frame.url() })));
  }
  return found;
}

function describeViolations(where, violations, states, failures) {
  const lines = [`axe (${AXE_TAGS.join(', ')}): ${violations.length} rule(s) fail on ${where}`];
  for (const v of violations) {
    lines.push(`  ${v.id} (${v.impact}): ${v.help}${v.frame ? ` [in the frame ${v.frame}]` : ''}`);
    for (const n of v.nodes) lines.push(`    ${n.target}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`);
  }
  if (states.length) lines.push(`  components: ${states.join('; ')}`);
  if (failures.length) lines.push(`  page errors: ${[...new Set(failures)].join('; ')}`);
  return lines.join('\n');
}

/**
 * Runs `check` in a new tab. Vite reloads a page when it has just optimized a dependency it found late, which
 * pulls the page from under a running check: then the check runs once more, in a new tab.
 */
async function inTab(browser, t, check) {
  for (let attempt = 1; ; attempt++) {
    const tab = await openTab(browser);
    try {
      return await check(tab);
    } catch (error) {
      const navigated = tab.navigations > 1 || /Execution context was destroyed|detached/i.test(error?.message ?? '');
      if (attempt >= 2 || !navigated) throw error;
      t.diagnostic(`the page reloaded under the check (${viteLog.filter((line) => /reload|optimiz/i.test(line)).join(' / ') || error.message}); once more`);
    } finally {
      await tab.page.close().catch(() => {});
    }
  }
}

it('npm start: the GP office example opens <hk-triage> with the shipped protocols, from source on the dev server', async (t) => {
  if (!findChromium()) return t.skip(NO_CHROMIUM_MESSAGE);
  const { browser, origin } = await start();
  await inTab(browser, t, async (tab) => {
    const { page, failures } = tab;
    await page.goto(new URL('gp-office/', origin).href, { waitUntil: 'load', timeout: 120000 });
    await page.click('#open-contact');
    // The who-for screen first: an adult answering for herself.
    await page
      .waitForFunction(() => document.querySelector('hk-triage')?.shadowRoot?.querySelector('form.person'), { timeout: 60000, polling: 100 })
      .catch(async () => {
        const text = await page.evaluate(() => document.querySelector('hk-triage')?.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(0, 300));
        assert.fail(`<hk-triage> did not show the who-for screen in 60 s; it shows: ${text ?? '(no <hk-triage>)'}`);
      });
    await page.evaluate(async () => {
      const root = document.querySelector('hk-triage').shadowRoot;
      const pick = async (label) => {
        [...root.querySelectorAll('label.option')].find((l) => l.textContent.trim() === label).querySelector('input').click();
        await new Promise((r) => setTimeout(r, 50));
      };
      for (const label of ['Meg selv', '18–64 år', 'Kvinne / jente', 'Nei']) await pick(label);
      root.querySelector('[part="next-button"]').click();
    });
    // The reason list, or the error state that says to ring instead.
    const shown = await page
      .waitForFunction(
        () => {
          const root = document.querySelector('hk-triage')?.shadowRoot;
          const buttons = [...(root?.querySelectorAll('[part="reason-button"]') ?? [])];
          const error = root?.querySelector('[part="error"]')?.textContent;
          return buttons.length > 0 ? buttons.map((b) => b.textContent.trim()) : error ? { error: error.trim() } : false;
        },
        { timeout: 60000, polling: 100 },
      )
      .catch(async () => {
        const text = await page.evaluate(() => document.querySelector('hk-triage')?.shadowRoot?.textContent.replace(/\s+/g, ' ').trim().slice(0, 300));
        assert.fail(`<hk-triage> showed neither the reason list nor its error state in 60 s; it shows: ${text ?? '(no <hk-triage>)'}${failures.length ? `; page errors: ${[...new Set(failures)].join('; ')}` : ''}`);
      });
    const titles = await shown.jsonValue();
    assert.ok(
      Array.isArray(titles),
      `<hk-triage> shows its error state, not the reason list: ${titles.error}${failures.length ? `; page errors: ${[...new Set(failures)].join('; ')}` : ''}`,
    );
    assert.ok(titles.length >= 15, `${titles.length} reasons`);
    assert.ok(titles.includes('Feber hos voksne'));
    // "Noe annet" and 113 / 116117 are there beside the list.
    const beside = await page.evaluate(() => {
      const root = document.querySelector('hk-triage').shadowRoot;
      return { other: !!root.querySelector('[part="other-button"]'), call113: !!root.querySelector('[part="emergency"] a[href="tel:113"]') };
    });
    assert.deepEqual(beside, { other: true, call113: true });
    assert.deepEqual(failures, []);
  });
});

// The index and every page it links, as they first show; and the GP office page with its contact dialog open.
const pages = [
  ...['/', ...new Set([...indexHtml.matchAll(/href="(\/[^"]+\/)"/g)].map((m) => m[1]))].map((path) => ({ path, name: path })),
  { path: '/gp-office/', click: '#open-contact', name: '/gp-office/ with the contact dialog open' },
];

it('every example page passes axe (WCAG 2.1 A and AA) over the whole document, host page included', async (t) => {
  if (!findChromium()) return t.skip(NO_CHROMIUM_MESSAGE);
  const { browser, origin } = await start();
  assert.ok(pages.length >= 12, `found ${pages.length} pages`);
  for (const { path, click, name } of pages) {
    await t.test(name, async (st) => {
      await inTab(browser, st, async (tab) => {
        const { page, failures } = tab;
        const started = Date.now();
        await page.goto(new URL(path, origin).href, { waitUntil: 'load', timeout: 60000 });
        if (click) await page.click(click);
        const settled = await settle(tab);
        const states = await componentStates(page);
        st.diagnostic(
          `settled in ${((Date.now() - started) / 1000).toFixed(1)} s, ${page.frames().length} frame(s); ${states.length ? states.join('; ') : 'no element loading or showing an error'}`,
        );
        if (!settled) {
          const pending = [...tab.inFlight].map((request) => request.url()).slice(0, 5);
          assert.fail(
            `${name} did not settle in ${SETTLE_SECONDS} s, so axe would not see it as a visitor does: ${states.join('; ') || 'the elements are not ready'}` +
              `${pending.length ? `; in flight: ${pending.join(', ')}` : ''}${failures.length ? `; page errors: ${[...new Set(failures)].join('; ')}` : ''}`,
          );
        }
        const violations = await axeViolations(page);
        if (violations.length) assert.fail(describeViolations(name, violations, states, failures));
      });
    });
  }
});
