// Embedding numbers, in one run:
//
// 1. Size of each CDN file (dist/cdn/**/*.js): minified, gzip -9 and brotli, and for each
//    registering file the gzip total of it and the chunks it imports.
// 2. Time from navigation to the first rendered week board on the demo's unit page
//    (apps/demo, examples/inpatient-unit.json, week of 8 March 2026), served by apps/demo/serve.mjs
//    under its strict CSP, side by side with the SAME page where the board is
//    - loaded by a plain <script type="module"> from dist/cdn/schedule-board.js, and
//    - replaced by FullCalendar 6 timeGridWeek (@fullcalendar/core + timegrid), fed the same
//      week through @milieu/core (fetch, parseDocument, expandOccurrences).
//    "Rendered" = the first animation frame in which an occurrence of the board (a
//    `button.occ` in its shadow root, or a `.fc-timegrid-event`) is in the DOM, timed by an init
//    script from navigation start. Every run is a fresh browser context; the server sends
//    `cache-control: no-store`. Medians of RUNS runs after one warm-up.
//
// Needs `npm run build` first (the root `npm run bench` does it).
/* global window, document, requestAnimationFrame -- page code runs in the browser */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../../scripts/chromium.mjs';
import { createDemoServer, csp, listen } from '../../../apps/demo/serve.mjs';

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..');
const CDN = join(PKG, 'dist', 'cdn');
const DEMO = join(PKG, '..', '..', 'apps', 'demo', 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WEEK = { from: '2026-03-08T00:00:00-05:00', to: '2026-03-15T00:00:00-04:00' };

for (const file of [join(CDN, 'integrity.json'), join(DEMO, 'index.html')]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ── 1. sizes ────────────────────────────────────────────────────────────
const manifest = JSON.parse(readFileSync(join(CDN, 'integrity.json'), 'utf8'));
console.log(
  `CDN files of @milieu/elements ${manifest.version} (dist/cdn), Lit production build inside`,
);
const width = Math.max(...Object.keys(manifest.files).map((n) => n.length)) + 2;
console.log(
  'file'.padEnd(width),
  'min'.padStart(10),
  'gzip -9'.padStart(10),
  'brotli'.padStart(10),
  'gzip with imports'.padStart(18),
);
for (const name of Object.keys(manifest.files)) {
  const bytes = readFileSync(join(CDN, name));
  // What a page downloads for a registering file: it and every chunk it imports.
  const loads = manifest.loads?.[name];
  console.log(
    name.padEnd(width),
    kb(bytes.length).padStart(10),
    kb(gzipSync(bytes, { level: 9 }).length).padStart(10),
    kb(brotliCompressSync(bytes).length).padStart(10),
    (loads ? kb(loads.gzip) : '').padStart(18),
  );
}

// ── 2. pages ────────────────────────────────────────────────────────────
const unitHtml = readFileSync(join(DEMO, 'index.html'), 'utf8');
const BOARD = /<milieu-schedule-board[\s\S]*?<\/milieu-schedule-board>/;
const VITE_ASSETS =
  /\s*<script type="module" crossorigin src="\/assets\/[^"]+"><\/script>|\s*<link rel="modulepreload"[^>]*>/g;
if (!BOARD.test(unitHtml))
  throw new Error('apps/demo/dist/index.html has no <milieu-schedule-board>');

// The same page, the board from the CDN file and its own `src`.
const sri = manifest.files['schedule-board.js'].integrity;
const cdnPage = unitHtml
  .replace(VITE_ASSETS, '')
  .replace(
    '</head>',
    `  <script type="module" src="/cdn/schedule-board.js" integrity="${sri}" crossorigin="anonymous"></script>\n  </head>`,
  )
  .replace('<milieu-schedule-board', '<milieu-schedule-board src="/api/v1/document"');

// The same page with FullCalendar. FullCalendar injects a <style> element: it needs the nonce
// (read from <meta name="csp-nonce">) and `style-src 'nonce-…'` in the policy.
const fcScript = await build({
  stdin: {
    contents: `
      import { Calendar } from '@fullcalendar/core';
      import timeGridPlugin from '@fullcalendar/timegrid';
      import { parseDocument, expandOccurrences } from '@milieu/core';
      const response = await fetch('/api/v1/document', { headers: { Accept: 'application/json' } });
      const parsed = parseDocument(await response.json());
      if (!parsed.ok) throw new Error('invalid document');
      // Wall-clock strings in the program's zone (FullCalendar needs a plugin for named zones).
      const events = expandOccurrences(parsed.value, ${JSON.stringify(WEEK)}).map((o) => ({
        id: o.id, title: o.title, start: o.start.slice(0, 19), end: o.end.slice(0, 19),
      }));
      new Calendar(document.getElementById('calendar'), {
        plugins: [timeGridPlugin], initialView: 'timeGridWeek', initialDate: '2026-03-09',
        timeZone: 'UTC', events, height: 'auto', allDaySlot: false, nowIndicator: false,
      }).render();`,
    resolveDir: PKG,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  logLevel: 'silent',
});
const fcPage = unitHtml
  .replace(VITE_ASSETS, '')
  .replace(BOARD, '<div id="calendar"></div>')
  .replace(
    '</head>',
    '  <meta name="csp-nonce" content="__CSP_NONCE__">\n    <script type="module" src="/bench/fullcalendar.js"></script>\n  </head>',
  );

const benchDir = mkdtempSync(join(tmpdir(), 'milieu-embed-bench-'));
writeFileSync(join(benchDir, 'fullcalendar.js'), fcScript.outputFiles[0].contents);
const pages = { '/bench/cdn.html': cdnPage, '/bench/fullcalendar.html': fcPage };
const mounts = { '/bench/': benchDir };
// The demo's exact policy for every page…
const strict = createDemoServer({ pages, mounts });
// …and the least FullCalendar needs: its <style> nonce'd, its data: icon font, and no
// Trusted Types enforcement (it assigns HTML strings to innerHTML).
const relaxed = createDemoServer({
  pages,
  mounts,
  csp: (nonce) =>
    csp(nonce)
      .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'; font-src data:`)
      .replace("; require-trusted-types-for 'script'; trusted-types lit-html", ''),
});
const strictOrigin = `http://127.0.0.1:${await listen(strict, 0)}`;
const relaxedOrigin = `http://127.0.0.1:${await listen(relaxed, 0)}`;

const contenders = [
  [strictOrigin, '/', 'demo unit page (npm ESM, Vite bundle)'],
  [strictOrigin, '/bench/cdn.html', 'same page, CDN <script> schedule-board.js'],
  [relaxedOrigin, '/bench/fullcalendar.html', 'same page, FullCalendar 6 timeGridWeek *'],
];

function watchFirstBoard() {
  const look = () => {
    const board = document.querySelector('milieu-schedule-board');
    const found =
      board?.shadowRoot?.querySelector('button.occ') ??
      document.querySelector('.fc-timegrid-event');
    if (found) window.__firstBoard = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
async function run(origin, path, { probe = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const violations = [];
  const errors = [];
  let js = Buffer.alloc(0);
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (!/javascript/.test(r.headers()['content-type'] ?? '')) return;
    r.body().then(
      (body) => (js = Buffer.concat([js, body])),
      () => {}, // the page went away first: nothing to count
    );
  });
  await page.exposeFunction('__violation', (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violation(e.violatedDirective),
    ),
  );
  await page.addInitScript(watchFirstBoard);
  await page.goto(origin + path);
  if (probe) {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const rendered = await page.evaluate(() => window.__firstBoard !== undefined);
    await context.close();
    return { rendered, violations: [...new Set(violations)] };
  }
  try {
    await page.waitForFunction(() => window.__firstBoard !== undefined, null, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`${path}: no board after 30 s (${[...violations, ...errors].join('; ')})`, {
      cause: error,
    });
  }
  const ms = await page.evaluate(() => window.__firstBoard);
  const shown = await page.evaluate(
    () =>
      document.querySelector('milieu-schedule-board')?.shadowRoot?.querySelectorAll('button.occ')
        .length ?? document.querySelectorAll('.fc-timegrid-event').length,
  );
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ms, shown, violations, errors, js: gzipSync(js, { level: 9 }).length };
}

const results = [];
let probe;
try {
  probe = await run(strictOrigin, '/bench/fullcalendar.html', { probe: true });
  for (const [origin, path, label] of contenders) {
    await run(origin, path); // warm-up (browser, server, disk cache of the files)
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(origin, path));
    results.push({ label, runs });
  }
} finally {
  await browser.close();
  strict.close();
  relaxed.close();
  rmSync(benchDir, { recursive: true, force: true });
}

console.log(
  `\nNavigation → first rendered week board, headless Chromium, ${RUNS} runs each (median, min–max)`,
);
console.log(
  'page'.padEnd(44),
  'JS gzip'.padStart(9),
  'events'.padStart(7),
  'median'.padStart(9),
  'min–max'.padStart(15),
  '  CSP',
);
for (const { label, runs } of results) {
  const ms = runs.map((r) => r.ms);
  const last = runs.at(-1);
  const problems = [...new Set(runs.flatMap((r) => [...r.violations, ...r.errors]))];
  console.log(
    label.padEnd(44),
    kb(last.js).padStart(9),
    String(last.shown).padStart(7),
    `${median(ms).toFixed(0)} ms`.padStart(9),
    `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} ms`.padStart(15),
    ' ',
    problems.length ? problems.join('; ') : 'no violation',
  );
}
console.log(
  `\n* Under the demo's strict policy FullCalendar ${probe.rendered ? 'rendered' : 'renders nothing'}` +
    ` (violations: ${probe.violations.join(', ') || 'none'}); it was timed under that policy with a` +
    ' style nonce, `font-src data:` and no Trusted Types. The Milieu pages run under the strict policy.',
);
