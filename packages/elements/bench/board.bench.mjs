// Week view with 50, 500 and 2,000 occurrences, in headless Chromium, side by side in one run:
// <milieu-schedule-board> vs FullCalendar 6 timeGridWeek vs a naive Lit week (no overlap layout,
// the lower bound), rendering the same events. Also the JS heap after 2,000 and the gzipped size
// of `import "@milieu/elements/schedule-board.js"` with Lit and core.
//
// Plain Node: esbuild bundles one page script per contender into a temp dir, node:http serves
// it on 127.0.0.1, playwright-core drives the system Chromium (scripts/chromium.mjs).
// Timing: from creating the element/calendar to its first frame painted (a forced layout, then
// the next animation frame and a macrotask, so deferred work counts). Medians of RUNS runs
// after one warm-up run; the input is handed to the page before timing.
/* global window -- page.evaluate callbacks run in the browser */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../../scripts/chromium.mjs';
import { bundleSize, kb } from '../../../scripts/bundle-size.mjs';

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [50, 500, 2000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOALS = { speedup: 5, naiveFactor: 2, heapMiB: 6, gzipKB: 25 };
const WEEK = '2026-03-08';
const NEXT_WEEK = '2026-03-15';

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'milieu-board-bench-'));

// ── page scripts ─────────────────────────────────────────────────────────
const settle = `const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const layout = () => void document.documentElement.offsetHeight;
const host = () => document.getElementById('host');`;

const pages = {
  milieu: `import '@milieu/elements/schedule-board.js';
${settle}
let el;
window.bench = {
  async first(doc) {
    host().replaceChildren();
    const t0 = performance.now();
    el = document.createElement('milieu-schedule-board');
    el.setAttribute('view', 'week');
    el.setAttribute('date', '${WEEK}');
    el.setAttribute('now', '2026-03-10T10:00:00-04:00');
    el.setAttribute('locale', 'en-US');
    el.document = doc;
    host().append(el);
    await el.updateComplete;
    layout();
    await settle();
    layout();
    return performance.now() - t0;
  },
  async next() {
    const t0 = performance.now();
    el.date = el.date === '${WEEK}' ? '${NEXT_WEEK}' : '${WEEK}';
    await el.updateComplete;
    layout();
    await settle();
    layout();
    return performance.now() - t0;
  },
  count: () => el.shadowRoot.querySelectorAll('button.occ').length,
};`,
  fullcalendar: `import { Calendar } from '@fullcalendar/core';
import timeGridPlugin from '@fullcalendar/timegrid';
${settle}
let cal;
window.bench = {
  async first(events) {
    cal?.destroy();
    host().replaceChildren();
    const div = document.createElement('div');
    host().append(div);
    const t0 = performance.now();
    cal = new Calendar(div, {
      plugins: [timeGridPlugin],
      initialView: 'timeGridWeek',
      initialDate: '${WEEK}',
      timeZone: 'UTC',
      events,
      height: 'auto',
      allDaySlot: false,
      slotMinTime: '06:00:00',
      slotMaxTime: '23:00:00',
    });
    cal.render();
    layout();
    await settle();
    layout();
    return performance.now() - t0;
  },
  async next() {
    const t0 = performance.now();
    const d = cal.getDate().toISOString().slice(0, 10);
    cal.gotoDate(d === '${WEEK}' ? '${NEXT_WEEK}' : '${WEEK}');
    layout();
    await settle();
    layout();
    return performance.now() - t0;
  },
  count: () => document.querySelectorAll('.fc-timegrid-event').length,
};`,
  naive: `import { LitElement, html, css } from 'lit';
${settle}
// The lower bound: a plain Lit week, one absolutely positioned div per event, no overlap lanes,
// no icons, no accessibility, inline styles (which a strict CSP would block).
const min = (iso) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
class NaiveWeek extends LitElement {
  static properties = { events: { attribute: false }, week: {} };
  static styles = css\`.week{display:grid;grid-template-columns:repeat(7,1fr)}
    .day{position:relative;height:1088px;border-left:1px solid #ccc}
    .ev{position:absolute;left:0;right:0;overflow:hidden;font:12px sans-serif;background:#def;border:1px solid #89a}\`;
  render() {
    const start = Date.parse(this.week + 'T00:00:00Z');
    const days = Array.from({ length: 7 }, (_, i) => new Date(start + i * 864e5).toISOString().slice(0, 10));
    return html\`<div class="week">\${days.map((d) => html\`<div class="day">\${this.events
      .filter((e) => e.start.startsWith(d))
      .map((e) => html\`<div class="ev" style="top:\${(min(e.start) - 360) * 1.0667}px;height:\${(min(e.end) - min(e.start)) * 1.0667}px">
        <b>\${e.title}</b> \${e.start.slice(11, 16)}–\${e.end.slice(11, 16)}</div>\`)}</div>\`)}</div>\`;
  }
}
customElements.define('naive-week', NaiveWeek);
let el;
window.bench = {
  async first(events) {
    host().replaceChildren();
    const t0 = performance.now();
    el = document.createElement('naive-week');
    el.week = '${WEEK}';
    el.events = events;
    host().append(el);
    await el.updateComplete;
    layout();
    await settle();
    layout();
    return performance.now() - t0;
  },
  async next() {
    const t0 = performance.now();
    el.week = el.week === '${WEEK}' ? '${NEXT_WEEK}' : '${WEEK}';
    await el.updateComplete;
    layout();
    await settle();
    layout();
    return performance.now() - t0;
  },
  count: () => el.shadowRoot.querySelectorAll('.ev').length,
};`,
};

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'silent',
  conditions: ['@milieu/source', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
};
for (const [name, contents] of Object.entries(pages)) {
  await build({
    ...common,
    stdin: { contents, resolveDir: PKG, loader: 'js' },
    platform: 'browser',
    outfile: join(dir, `${name}.js`),
  });
}
// Fixtures for Node: documents and the same occurrences as FullCalendar/naive events.
await build({
  ...common,
  minify: false,
  stdin: {
    contents: `export { manyDoc } from './src/components/schedule-board/schedule-board.fixtures.ts';
      export { parseDocument, expandOccurrences } from '@milieu/core';`,
    resolveDir: PKG,
    loader: 'js',
  },
  platform: 'node',
  outfile: join(dir, 'fixtures.mjs'),
});
const { manyDoc, parseDocument, expandOccurrences } = await import(
  pathToFileURL(join(dir, 'fixtures.mjs')).href
);

function workload(count) {
  const doc = manyDoc(count, WEEK, 14);
  const parsed = parseDocument(doc);
  if (!parsed.ok) throw new Error(`fixture invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  // Wall-clock strings: FullCalendar (timeZone UTC) and the naive week show program-zone times.
  const events = expandOccurrences(parsed.value, {
    from: `${WEEK}T00:00:00-05:00`,
    to: '2026-03-22T00:00:00-04:00',
  }).map((o) => ({
    id: o.id,
    title: o.title,
    start: o.start.slice(0, 19),
    end: o.end.slice(0, 19),
  }));
  return { doc, events };
}

// ── server and browser ───────────────────────────────────────────────────
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const name = path === '/' ? 'index.html' : path.slice(1);
  const file = join(dir, name);
  if (name.includes('..') || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const type = extname(file) === '.js' ? 'text/javascript' : 'text/html';
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });

async function openPage(name) {
  const page = await context.newPage();
  await page.route('**/index.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><body><div id="host"></div><script type="module" src="/${name}.js"></script></body></html>`,
    }),
  );
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Wall time is what a user waits; main-thread CPU time (Chromium's task duration in thread
// ticks) is what the work costs, and stays meaningful on a busy machine. Goals use CPU time.
async function measure(name, input) {
  const page = await openPage(name);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpu = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
      .value * 1000;
  const timed = async (fn) => {
    const c0 = await cpu();
    const wall = await page.evaluate(fn);
    return { wall, cpu: (await cpu()) - c0 };
  };
  await page.evaluate((i) => (window.input = i), input); // outside the timings
  await page.evaluate(() => window.bench.first(window.input)); // warm-up
  const first = [];
  const next = [];
  for (let r = 0; r < RUNS; r++) first.push(await timed(() => window.bench.first(window.input)));
  for (let r = 0; r < RUNS; r++) next.push(await timed(() => window.bench.next()));
  const count = await page.evaluate(() => window.bench.count());
  await page.close();
  const med = (xs, k) => median(xs.map((x) => x[k]));
  return {
    first: med(first, 'cpu'),
    next: med(next, 'cpu'),
    firstWall: med(first, 'wall'),
    nextWall: med(next, 'wall'),
    count,
  };
}

async function heap(name, input) {
  const page = await openPage(name);
  const cdp = await page.context().newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  await page.evaluate((i) => (window.input = i), input);
  const before = await used();
  await page.evaluate(() => window.bench.first(window.input));
  const after = await used();
  await page.close();
  return { total: after, delta: after - before };
}

// ── run ──────────────────────────────────────────────────────────────────
const contenders = [
  ['milieu', '<milieu-schedule-board>'],
  ['fullcalendar', 'FullCalendar 6 timeGridWeek'],
  ['naive', 'naive Lit week (lower bound)'],
];
const results = {};
try {
  for (const size of SIZES) {
    const { doc, events } = workload(size);
    for (const [name] of contenders) {
      results[`${name}:${size}`] = await measure(name, name === 'milieu' ? doc : events);
    }
  }
  const { doc, events } = workload(2000);
  for (const [name] of contenders) {
    results[`heap:${name}`] = await heap(name, name === 'milieu' ? doc : events);
  }
} finally {
  await browser.close();
  server.close();
}

const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`Week view, medians of ${RUNS} runs after one warm-up, headless Chromium.`);
console.log('Main-thread CPU time (wall-clock time in brackets; it varies with machine load).');
console.log(
  'contender'.padEnd(30),
  'events'.padStart(6),
  'shown'.padStart(6),
  'first render'.padStart(22),
  'after date change'.padStart(22),
);
for (const size of SIZES) {
  for (const [name, label] of contenders) {
    const r = results[`${name}:${size}`];
    console.log(
      label.padEnd(30),
      String(size).padStart(6),
      String(r.count).padStart(6),
      `${ms(r.first)} (${ms(r.firstWall)})`.padStart(22),
      `${ms(r.next)} (${ms(r.nextWall)})`.padStart(22),
    );
  }
}
console.log('\nJS heap after rendering 2,000 (after GC): total / growth from the loaded page');
for (const [name, label] of contenders) {
  const h = results[`heap:${name}`];
  console.log(
    label.padEnd(32),
    `${h.total.toFixed(1)} MiB`.padStart(10),
    `+${h.delta.toFixed(1)} MiB`.padStart(11),
  );
}

// ── size ─────────────────────────────────────────────────────────────────
// The consumer's view (scripts/bundle-size.mjs resolves the built dist/); when dist/ is missing
// or older than the sources, the same esbuild settings are run on the sources instead.
const newest = (d) =>
  readdirSync(d, { recursive: true })
    .filter((f) => /\.ts$/.test(f) && !/\.(test|stories)\.ts$/.test(f))
    .reduce((m, f) => Math.max(m, statSync(join(d, f)).mtimeMs), 0);
const dists = [join(PKG, 'dist/schedule-board.js'), join(PKG, '../core/dist/index.js')];
const fresh =
  dists.every(existsSync) &&
  Math.min(...dists.map((f) => statSync(f).mtimeMs)) >
    Math.max(newest(join(PKG, 'src')), newest(join(PKG, '../core/src')));
const entry = `import "@milieu/elements/schedule-board.js";`;
const fromSource = (code, external = []) =>
  bundleSize(code, PKG, { conditions: common.conditions, external });
const size = fresh
  ? { ...(await bundleSize(entry, PKG)), from: 'dist' }
  : { ...(await fromSource(entry)), from: 'source; dist/ missing or stale' };
// Where the bytes come from (always measured on the sources).
const parts = {
  'Lit alone': await fromSource(`export { LitElement, html } from 'lit';`),
  'board + Lit (core left out)': await fromSource(entry, ['@milieu/core']),
  'core code the board uses': await fromSource(
    `export { parseDocument, expandOccurrences, nowAndNext, dayColumns, layoutDays, hourBounds,
      findGaps, nowPosition, wallClockAt, wallClockOf, weekStart, displayName, addDays,
      parseInstant, localDateToDayNumber } from '@milieu/core';`,
  ),
  'of which parseDocument': await fromSource(`export { parseDocument } from '@milieu/core';`),
};
console.log(`\nSize, minified and gzipped (esbuild, as scripts/bundle-size.mjs)`);
console.log(
  `${'import "@milieu/elements/schedule-board.js" (' + size.from + ')'}`.padEnd(66),
  kb(size.raw).padStart(9),
  kb(size.gzip).padStart(9),
);
for (const [name, r] of Object.entries(parts)) {
  console.log(`  ${name}`.padEnd(66), kb(r.raw).padStart(9), kb(r.gzip).padStart(9));
}

// ── goals ────────────────────────────────────────────────────────────────
const m = results['milieu:2000'];
const fc = results['fullcalendar:2000'];
const nv = results['naive:2000'];
const check = (ok, text) => console.log(`${ok ? '✓' : '✗'} ${text}`);
console.log('\nGoals at 2,000 occurrences');
check(
  fc.first / m.first >= GOALS.speedup,
  `first render ${(fc.first / m.first).toFixed(1)}× faster than FullCalendar (goal ≥ ${GOALS.speedup}×)`,
);
check(
  fc.next / m.next >= GOALS.speedup,
  `date change ${(fc.next / m.next).toFixed(1)}× faster than FullCalendar (goal ≥ ${GOALS.speedup}×)`,
);
check(
  m.first / nv.first <= GOALS.naiveFactor,
  `first render ${(m.first / nv.first).toFixed(2)}× the naive Lit week (goal ≤ ${GOALS.naiveFactor}×)`,
);
check(
  results['heap:milieu'].total <= GOALS.heapMiB,
  `JS heap ${results['heap:milieu'].total.toFixed(1)} MiB (goal ≤ ${GOALS.heapMiB} MiB)`,
);
check(size.gzip / 1024 <= GOALS.gzipKB, `size ${kb(size.gzip)} gzip (goal ≤ ${GOALS.gzipKB} KB)`);
rmSync(dir, { recursive: true, force: true });
