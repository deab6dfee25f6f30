// The examples `npm start` serves: the index links every example page, so none is lost, and the GP office example
// works from source on the dev server, as a new user first sees it.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

it('examples/index.html links every example page', () => {
  const index = readFileSync(join(examples, 'index.html'), 'utf8');
  const pages = readdirSync(examples).filter((name) => existsSync(join(examples, name, 'index.html')));
  assert.ok(pages.length >= 10, `found ${pages.length} example pages`);
  for (const page of pages) assert.match(index, new RegExp(`href="/${page}/`), `${page} is not linked`);
});

it('npm start: the GP office example opens <hk-triage> with the shipped protocols, from source on the dev server', async (t) => {
  const executablePath = findChromium();
  if (!executablePath) return t.skip(NO_CHROMIUM_MESSAGE);
  // The dev server serves source, which bundles never see: a dynamic JSON import with `type: 'json'` failed here
  // while every build and test passed (vite.config.ts says why).
  const server = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    server: { port: 0, strictPort: false },
  });
  await server.listen();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const failures = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => message.type() === 'error' && !/favicon/.test(message.location().url ?? '') && failures.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && failures.push(`${response.status()} ${response.url()}`));
    await page.goto(new URL('gp-office/', server.resolvedUrls.local[0]).href, { waitUntil: 'load', timeout: 120000 });
    await page.click('#open-contact');
    // The reason list, or the error state that says to ring instead.
    const shown = await page.waitForFunction(
      () => {
        const root = document.querySelector('hk-triage')?.shadowRoot;
        const buttons = [...(root?.querySelectorAll('[part="reason-button"]') ?? [])];
        const error = root?.querySelector('[part="error"]')?.textContent;
        return buttons.length > 0 ? buttons.map((b) => b.textContent.trim()) : error ? { error: error.trim() } : false;
      },
      { timeout: 60000, polling: 100 },
    );
    const titles = await shown.jsonValue();
    assert.ok(Array.isArray(titles), `the error state: ${JSON.stringify(titles)}; ${[...new Set(failures)].join('; ')}`);
    assert.ok(titles.length >= 15, `${titles.length} reasons`);
    assert.ok(titles.includes('Feber hos voksne'));
    assert.deepEqual(failures, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
