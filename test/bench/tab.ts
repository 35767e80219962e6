// Benchmark 6 (tab) — the tab's initial JS (gzip) and its first render in headless Chromium.
// Size: the JS `plugin/dist/index.html` loads up front (entry script + modulepreloads), the JS the browser
// actually fetched before the engagement page showed its heading (the entry plus the lazy meeting chunks),
// and every chunk together; each file gzipped with node:zlib (level 9, what a static server would send).
// The tab is built for production into a directory of its own (see buildForProduction).
// Render: the real app (createTestApp: real HTTP on port 0, real SQLite, in this process, not pinned)
// serves that build; a fresh browser context per repeat, signed in the way the tab keeps its session
// (sessionStorage `convene.session`), opens the Chair's engagement page. We
// record, in the page's own clock (0 = navigation start), when the first <h1> enters the DOM (a
// MutationObserver installed before any script) and first-contentful-paint. That <h1> is the engagement's
// title (checked below): since issue 3 the page's shell shows it from the stream's snapshot before the
// console's code has loaded, so the bench also records when the console itself is there (its first tab).
// Baseline: a static page with one heading served by a bare node:http server on the same host (the floor
// for "a page with a heading").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { systemClock } from '../../server/clock.js';
import { findChromium, launchChromium } from '../e2e/support/chromium.js';
import { createTestApp } from '../support/createTestApp.js';
import type { ExtraBenchmark } from './extras.js';
import { setUpMeeting } from './lib/api.js';
import { ROOT } from './lib/processes.js';

const TARGET_JS_KB = 250;
const TARGET_RENDER_MS = 1000;

/**
 * A production build of the tab in a directory of its own: plugin/dist is shared and rebuilt by whoever
 * runs the e2e tests, and a build made with NODE_ENV other than `production` is a development build
 * (a jsx-dev-runtime chunk, unminified React), which would overstate both the size and the render time.
 */
function buildForProduction(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'convene-tab-'));
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'plugin/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build exited ${result.status}`);
  }
  return outDir;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The scripts and modulepreloads of the built entry page: what every route loads before it renders. */
function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([...srcs, ...preloads])];
}

const distFile = (dist: string, urlPath: string) => join(dist, urlPath.replace(/^\//, '').split('?')[0]);

interface Render {
  heading: string;
  headingMs: number;
  /** When the console's first tab entered the DOM (null on the baseline page). */
  consoleMs: number | null;
  fcpMs: number | null;
  scripts: string[];
}

/** Records, in page time, when the first <h1> is inserted (installed before any page script runs). */
const WATCH_HEADING = () => {
  const w = window as unknown as { __headingAt?: number; __consoleAt?: number };
  new MutationObserver((_, observer) => {
    if (w.__headingAt === undefined && document.querySelector('h1')) w.__headingAt = performance.now();
    if (w.__consoleAt === undefined && document.querySelector('[role="tab"]')) w.__consoleAt = performance.now();
    if (w.__headingAt !== undefined && w.__consoleAt !== undefined) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

async function render(browser: Browser, url: string, session: string | null): Promise<Render> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    if (session) await context.addInitScript((value) => sessionStorage.setItem('convene.session', value), session);
    await context.addInitScript(WATCH_HEADING);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('h1', { timeout: 30_000 });
    if (session) await page.waitForSelector('[role="tab"]', { timeout: 30_000 });
    // FCP is reported after the paint that follows; give it a frame or two.
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 5_000 })
      .catch(() => undefined);
    return await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname.endsWith('.js'))
        .map((r) => new URL(r.name).pathname);
      return {
        heading: document.querySelector('h1')?.textContent?.trim() ?? '',
        headingMs: (window as unknown as { __headingAt?: number }).__headingAt ?? performance.now(),
        consoleMs: (window as unknown as { __consoleAt?: number }).__consoleAt ?? null,
        fcpMs: fcp ? fcp.startTime : null,
        scripts,
      };
    });
  } finally {
    await context.close();
  }
}

function staticHeadingServer(): Promise<{ server: Server; url: string }> {
  const body =
    '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Baseline</title></head><body><h1>Convene</h1></body></html>';
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const r0 = (ms: number) => Math.round(ms);

async function measure(dist: string): Promise<string[]> {
  const initial = initialScripts(dist);
  const initialGzip = initial.reduce((n, path) => n + gzipBytes(distFile(dist, path)), 0);
  const allJs = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
  const allGzip = allJs.reduce((n, name) => n + gzipBytes(join(dist, 'assets', name)), 0);
  const allRaw = allJs.reduce((n, name) => n + readFileSync(join(dist, 'assets', name)).length, 0);
  console.log(
    `tab: initial JS of index.html (${initial.length} files: entry + modulepreloads) ${kb(initialGzip)} gzip (target ≤ ${TARGET_JS_KB} KB); all ${allJs.length} JS chunks ${kb(allGzip)} gzip, ${kb(allRaw)} raw`,
  );
  const lines = [
    `tab initial JS: ${kb(initialGzip)} gzip (target ≤ ${TARGET_JS_KB} KB) ${initialGzip <= TARGET_JS_KB * 1024 ? 'MET' : 'MISSED'}; all chunks ${kb(allGzip)} gzip`,
  ];

  const executablePath = findChromium();
  if (!executablePath) {
    console.log('tab first render: not measured: no Chromium (set CHROMIUM_PATH)');
    return [...lines, 'tab first render: not measured: no Chromium'];
  }
  const repeats = 5;
  // The real app (createTestApp: real HTTP, real SQLite, nothing mocked) serving the production build.
  const app = await createTestApp({ clock: systemClock, staticDir: dist });
  const server = { baseUrl: app.baseUrl, stop: () => app.close() };
  const baselineHost = await staticHeadingServer();
  let browser: Browser | undefined;
  try {
    const meeting = await setUpMeeting(server.baseUrl, 20);
    const me = await meeting.chair.ok<{ user?: { id: string; displayName: string } }>('GET', '/api/me').catch(() => ({ user: undefined }));
    const session = JSON.stringify({
      token: meeting.chair.token,
      user: me.user ?? { id: 'dev:bench-chair', displayName: 'Bench Chair' },
      kind: 'convene',
    });
    const url = `${server.baseUrl}/e/${encodeURIComponent(meeting.engagementId)}`;
    browser = await launchChromium(executablePath);
    await render(browser, url, session); // warm-up: Chromium's own start, the server's first static reads
    await render(browser, baselineHost.url, null);
    const tab: Render[] = [];
    const base: Render[] = [];
    for (let i = 0; i < repeats; i += 1) {
      tab.push(await render(browser, url, session));
      base.push(await render(browser, baselineHost.url, null));
    }
    const { settings } = await meeting.chair.ok<{ settings: { title: string } }>(
      'GET',
      `/api/engagements/${encodeURIComponent(meeting.engagementId)}`,
    );
    const wrong = tab.find((r) => r.heading !== settings.title);
    if (wrong) throw new Error(`the tab showed "${wrong.heading}" instead of the engagement's title: the render was not measured`);
    const fetched = [...new Set(tab.flatMap((r) => r.scripts))];
    const routeGzip = fetched.reduce((n, path) => n + gzipBytes(distFile(dist, path)), 0);
    const heading = tab.map((r) => r.headingMs);
    const fcp = tab.map((r) => r.fcpMs ?? NaN).filter(Number.isFinite);
    const consoleAt = tab.map((r) => r.consoleMs ?? NaN).filter(Number.isFinite);
    const baseHeading = base.map((r) => r.headingMs);
    const baseFcp = base.map((r) => r.fcpMs ?? NaN).filter(Number.isFinite);
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : 'n/a');
    const perFile = fetched.map((path) => ({ path, bytes: gzipBytes(distFile(dist, path)) })).sort((a, b) => b.bytes - a.bytes);
    console.log(
      `tab: JS fetched before the Chair console's heading (${fetched.length} files) ${kb(routeGzip)} gzip: ${perFile.map((f) => `${f.path.replace('/assets/', '')} ${kb(f.bytes)}`).join(', ')}`,
    );
    console.log(
      `tab first render, Chair console of a live engagement (20 stakeholders; heading "${tab[0].heading}"), ${repeats} fresh contexts, warm server and browser, Chromium not pinned:`,
    );
    console.log(
      `  heading in DOM: p50 ${r0(median(heading))} / max ${r0(Math.max(...heading))} ms; first-contentful-paint p50 ${fcp.length ? r0(median(fcp)) : 'n/a'} / max ${fcp.length ? r0(Math.max(...fcp)) : 'n/a'} ms (target ≤ ${TARGET_RENDER_MS} ms)`,
    );
    console.log(
      `  console's first tab in DOM: p50 ${consoleAt.length ? r0(median(consoleAt)) : 'n/a'} / max ${consoleAt.length ? r0(Math.max(...consoleAt)) : 'n/a'} ms`,
    );
    console.log(
      `  baseline static page with one heading: heading p50 ${r0(median(baseHeading))} ms, FCP p50 ${baseFcp.length ? r0(median(baseFcp)) : 'n/a'} ms → heading ratio ${ratio(median(heading), median(baseHeading))}x`,
    );
    lines.push(
      `tab JS before first render of the console: ${kb(routeGzip)} gzip (${fetched.length} files)`,
      `tab first render: heading p50 ${r0(median(heading))} / max ${r0(Math.max(...heading))} ms (target ≤ ${TARGET_RENDER_MS} ms) ${Math.max(...heading) <= TARGET_RENDER_MS ? 'MET' : 'MISSED'}; FCP p50 ${fcp.length ? r0(median(fcp)) : 'n/a'} ms; console tabs p50 ${consoleAt.length ? r0(median(consoleAt)) : 'n/a'} ms; static one-heading page ${r0(median(baseHeading))} ms → ${ratio(median(heading), median(baseHeading))}x`,
    );
    return lines;
  } finally {
    await browser?.close();
    baselineHost.server.close();
    await server.stop();
  }
}

export const tabBenchmark: ExtraBenchmark = {
  name: 'tab',
  async run() {
    let dist: string;
    try {
      dist = buildForProduction();
    } catch (error) {
      console.log(`tab: not measured: the plugin did not build (${(error as Error).message})`);
      return ['tab: not measured: the plugin did not build'];
    }
    try {
      return await measure(dist);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  },
};
