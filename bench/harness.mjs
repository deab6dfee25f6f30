// The benchmark harness: builds the pages under bench/pages with Vite (production bundles, as a host would
// ship them), serves them on loopback, and loads each in a fresh headless Chromium context several times.
//
// A page reports through the Performance API: `performance.mark('bench:<name>')` for each moment to time,
// and `performance.mark('bench:done')` when it has finished. The harness measures, per load:
//   - every `bench:*` mark, in ms from navigation start;
//   - long tasks (count and total ms) until `bench:done`;
//   - bytes transferred (encoded, from the network domain), and the JS heap used at the end;
// then prints the median of each metric for every page, and each page's ratio to the first.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from '../scripts/chromium.mjs';
import { copyPeers } from './peers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, 'bench', '.build');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

/** Builds every page under bench/pages (or the ones named, e.g. `triage/helsekit`), each as its own build. */
export function buildPages(pages = allPages()) {
  rmSync(buildDir, { recursive: true, force: true });
  for (const page of pages) {
    execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', join(root, 'bench', 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, HK_BENCH_PAGE: page },
    });
  }
  copyPeers(buildDir);
}

/** Every page: each folder under bench/pages with an index.html, as `group/name`. */
export function allPages() {
  const pagesDir = join(root, 'bench', 'pages');
  return readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => file.replace(/\/?index\.html$/, ''));
}

/** Serves bench/.build on 127.0.0.1; resolves to { origin, close }. */
export function serve(dir = buildDir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    // Compressed as any production host would, so "transferred" means bytes over the wire.
    const body = readFileSync(file);
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && /\.(html|js|css|json)$/.test(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipSync(body, { level: 9 }) : body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function loadOnce(browser, url, { cpuThrottle = 1, timeoutMs = 180000, action } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  let bytes = 0;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await cdp.send('Performance.enable');
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  await page.evaluateOnNewDocument(() => {
    const w = globalThis;
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    } catch {
      // Long tasks are a Chromium API; other browsers report none.
    }
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  if (action) await action(page);
  await page.waitForFunction(() => performance.getEntriesByName('bench:done').length > 0, { timeout: timeoutMs, polling: 20 });
  const result = await page.evaluate(() => {
    const marks = Object.fromEntries(
      performance.getEntriesByType('mark').filter((m) => m.name.startsWith('bench:')).map((m) => [m.name.slice(6), m.startTime]),
    );
    const measures = Object.fromEntries(
      performance.getEntriesByType('measure').filter((m) => m.name.startsWith('bench:')).map((m) => [m.name.slice(6), m.duration]),
    );
    const longTasks = globalThis.__longTasks;
    return { marks, measures, longTaskCount: longTasks.length, longTaskMs: longTasks.reduce((a, b) => a + b, 0) };
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { ...result, bytes, heapBytes: heap };
}

/**
 * Runs one benchmark: `pages` maps a label to a path under bench/.build; the first page is the one the
 * others are compared with. Returns the medians, and writes them to bench/results/<name>.json.
 */
export async function runBenchmark({ name, description, pages, runs = 3, cpuThrottle = 1, action, origin }) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const samples = {};
  try {
    // Interleave pages so a slow moment of the machine hits every page alike.
    for (let run = 0; run < runs; run++) {
      for (const [label, path] of Object.entries(pages)) {
        (samples[label] ??= []).push(await loadOnce(browser, `${origin}${path}`, { cpuThrottle, action }));
      }
    }
  } finally {
    await browser.close();
  }

  const metricNames = new Set();
  for (const list of Object.values(samples)) {
    for (const s of list) {
      for (const key of Object.keys(s.marks)) metricNames.add(`mark ${key} (ms)`);
      for (const key of Object.keys(s.measures)) metricNames.add(`measure ${key} (ms)`);
    }
  }
  const pick = {
    'long tasks (count)': (s) => s.longTaskCount,
    'long tasks (ms)': (s) => s.longTaskMs,
    'transferred (KB)': (s) => s.bytes / 1024,
    'JS heap (MB)': (s) => (s.heapBytes ?? NaN) / 1048576,
  };
  for (const metric of metricNames) {
    const [kind, key] = metric.replace(/ \(ms\)$/, '').split(' ');
    pick[metric] = (s) => (kind === 'mark' ? s.marks[key] : s.measures[key]);
  }

  const medians = {};
  for (const [label, list] of Object.entries(samples)) {
    medians[label] = Object.fromEntries(Object.entries(pick).map(([metric, fn]) => [metric, median(list.map(fn))]));
  }
  const labels = Object.keys(pages);
  const [base] = labels;
  const format = (v) => (v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const rows = Object.keys(pick).map((metric) => [
    metric,
    ...labels.map((label) => format(medians[label][metric])),
    ...labels.slice(1).map((label) => {
      const a = medians[base][metric];
      const b = medians[label][metric];
      return a && b ? `${(a / b).toFixed(2)}×` : '—';
    }),
  ]);
  const header = ['metric', ...labels, ...labels.slice(1).map((l) => `${base} / ${l}`)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(`\n${name}: ${description}\nmedian of ${runs} fresh page loads each${cpuThrottle > 1 ? `, CPU slowed ${cpuThrottle}×` : ''}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));

  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const record = { name, description, date: new Date().toISOString(), runs, cpuThrottle, chromium: await chromiumVersion(executablePath), medians, samples };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

async function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
