// Week view with 50, 500 and 2,000 occurrences, in headless Chromium, side by side in one run:
// <milieu-schedule-board> fed through `src` (GET /api/v1/occurrences, the occurrences already
// expanded as the server sends them) vs FullCalendar 6 timeGridWeek vs a naive Lit week
// (positioned divs, no overlap layout, no interaction: the lower bound), rendering the same
// events. Also the JS heap after 2,000 and the gzipped size of the board's `src` path.
//
// Plain Node: esbuild bundles one page script per contender into a temp dir, node:http serves
// it and the schedule resource (core's scheduleResource on the fixture) on 127.0.0.1,
// playwright-core drives the system Chromium (scripts/chromium.mjs).
// Timing: from creating the element/calendar to its first frame painted with the events (a
// forced layout, then the next animation frame and a macrotask, so deferred work counts); the
// board's time includes its request, JSON parsing and validation. Medians of RUNS runs after
// one warm-up run. Main-thread CPU time, wall time and Chromium's style-recalculation and
// layout time (CDP Performance metrics) are reported for each.
/* global window -- page.evaluate callbacks run in the browser */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../../scripts/chromium.mjs';
import { kb } from '../../../scripts/bundle-size.mjs';
import { splitSize } from './size.bench.mjs';

const PKG = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '50,500,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOALS = { speedup: 8, nextSpeedup: 10, naiveFactor: 1.5, heapMiB: 5, gzipKB: 25 };
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
const ready = async () => {
  await el.updateComplete;
  while (!el.matches(':state(ready)')) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};
// The prefetched neighbours are in the cache before a navigation is timed.
const prefetched = (n) => new Promise((resolve) => {
  const check = () =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/occurrences')).length >= n
      ? resolve()
      : setTimeout(check, 5);
  check();
});
let seen = 0;
window.bench = {
  reset() {
    host().replaceChildren();
    performance.clearResourceTimings();
  },
  async first(src) {
    const t0 = performance.now();
    el = document.createElement('milieu-schedule-board');
    el.setAttribute('view', 'week');
    el.setAttribute('date', '${WEEK}');
    el.setAttribute('now', '2026-03-10T10:00:00-04:00');
    el.setAttribute('locale', 'en-US');
    el.setAttribute('src', src);
    host().append(el);
    await ready();
    layout();
    await settle();
    layout();
    const t = performance.now() - t0;
    await prefetched(2);
    seen = 2;
    return t;
  },
  async next() {
    const t0 = performance.now();
    el.date = el.date === '${WEEK}' ? '${NEXT_WEEK}' : '${WEEK}';
    await ready();
    layout();
    await settle();
    layout();
    const t = performance.now() - t0;
    if (seen < 3) await prefetched((seen = 3)); // the week after next, fetched once
    return t;
  },
  count: () => el.shadowRoot.querySelectorAll('button.occ').length,
};`,
  fullcalendar: `import { Calendar } from '@fullcalendar/core';
import timeGridPlugin from '@fullcalendar/timegrid';
${settle}
let cal;
window.bench = {
  reset() {
    cal?.destroy();
    host().replaceChildren();
  },
  async first(events) {
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
  reset() {
    host().replaceChildren();
  },
  async first(events) {
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
  // A profile or heap summary keeps names readable.
  minifyIdentifiers: !process.env.BENCH_PROFILE && !process.env.BENCH_HEAP,
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
      export { parseDocument, expandOccurrences, scheduleResource, zonedToInstant } from '@milieu/core';`,
    resolveDir: PKG,
    loader: 'js',
  },
  platform: 'node',
  outfile: join(dir, 'fixtures.mjs'),
});
const { manyDoc, parseDocument, expandOccurrences, scheduleResource, zonedToInstant } =
  await import(pathToFileURL(join(dir, 'fixtures.mjs')).href);

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
  return { doc: parsed.value, events };
}

// The schedule resource per workload: GET /api/v1/occurrences?size=N&from&to, as the reference
// server shapes it for BENCH_ROLE (default `kiosk`, a hallway TV; `staff` adds each occurrence's
// participants and attendance records). Bodies are cached per query, as the server caches them.
const ROLE = process.env.BENCH_ROLE === 'staff' ? 'staff' : 'kiosk';
const docs = new Map();
const bodies = new Map();
function occurrences(url) {
  const q = url.searchParams;
  const size = Number(q.get('size'));
  const key = `${size}|${q.get('from')}|${q.get('to')}`;
  if (!bodies.has(key)) {
    if (!docs.has(size)) docs.set(size, workload(size).doc);
    const doc = docs.get(size);
    const zone = doc.program.timeZone;
    const at = (d) => zonedToInstant(d, '00:00', zone).ms;
    const body = scheduleResource(
      doc,
      { kind: ROLE },
      { from: at(q.get('from')), to: at(q.get('to')) },
    );
    bodies.set(key, JSON.stringify(body));
  }
  return bodies.get(key);
}

// ── server and browser ───────────────────────────────────────────────────
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  if (path === '/api/v1/occurrences') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(occurrences(url));
    return;
  }
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
  const metrics = async () => {
    const list = (await cdp.send('Performance.getMetrics')).metrics;
    const get = (n) => list.find((m) => m.name === n).value * 1000;
    return {
      cpu: get('TaskDuration'),
      style: get('RecalcStyleDuration'),
      layout: get('LayoutDuration'),
    };
  };
  const timed = async (fn) => {
    const m0 = await metrics();
    const wall = await page.evaluate(fn);
    const m1 = await metrics();
    return {
      wall,
      cpu: m1.cpu - m0.cpu,
      style: m1.style - m0.style,
      layout: m1.layout - m0.layout,
    };
  };
  await page.evaluate((i) => (window.input = i), input); // outside the timings
  await page.evaluate(() => window.bench.first(window.input)); // warm-up
  const first = [];
  const next = [];
  // Tearing down the previous run happens outside the timings.
  for (let r = 0; r < RUNS; r++) {
    await page.evaluate(() => window.bench.reset());
    first.push(await timed(() => window.bench.first(window.input)));
  }
  for (let r = 0; r < RUNS; r++) next.push(await timed(() => window.bench.next()));
  const count = await page.evaluate(() => window.bench.count());
  if (process.env.BENCH_PROFILE === name) {
    // Where the first render's main-thread time goes: self time by function (sampled).
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.evaluate(() => window.bench.reset());
    await cdp.send('Profiler.start');
    await page.evaluate(() => window.bench.first(window.input));
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const id of profile.samples) {
      const f = byId.get(id).callFrame;
      const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(k, (self.get(k) ?? 0) + dt);
    }
    console.log(`\nProfile of one first render (${name}, ${input.length ?? input}):`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
    }
  }
  await page.close();
  const med = (xs, k) => median(xs.map((x) => x[k]));
  return {
    first: med(first, 'cpu'),
    next: med(next, 'cpu'),
    firstWall: med(first, 'wall'),
    nextWall: med(next, 'wall'),
    firstStyle: med(first, 'style'),
    firstLayout: med(first, 'layout'),
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
  if (process.env.BENCH_HEAP === name) await heapSummary(cdp, name);
  await page.close();
  return { total: after, delta: after - before };
}

// Where the heap goes (BENCH_HEAP=milieu|fullcalendar|naive): self size by constructor of a heap
// snapshot taken after the 2,000 render, with strings, arrays and closures as V8 names them.
async function heapSummary(cdp, name) {
  let json = '';
  const onChunk = (e) => (json += e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(json);
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((k) => f.indexOf(k));
  const by = new Map();
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + iType]];
    // Blink's own objects (type `native`) live outside the JS heap that getHeapUsage reports.
    if (type === 'native') continue;
    const label = type === 'object' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const e = by.get(label) ?? { size: 0, count: 0 };
    e.size += snap.nodes[i + iSize];
    e.count++;
    by.set(label, e);
  }
  console.log(`\nHeap snapshot after 2,000 (${name}), self size of V8 objects by constructor:`);
  for (const [k, v] of [...by].sort((a, b) => b[1].size - a[1].size).slice(0, 25)) {
    console.log(
      `${(v.size / 1024).toFixed(0).padStart(8)} KB ${String(v.count).padStart(8)}  ${k.slice(0, 60)}`,
    );
  }
}

// ── run ──────────────────────────────────────────────────────────────────
const contenders = [
  ['milieu', '<milieu-schedule-board>'],
  ['fullcalendar', 'FullCalendar 6 timeGridWeek'],
  ['naive', 'naive Lit week (lower bound)'],
];
const results = {};
const srcOf = (size) => `/api/v1/occurrences?size=${size}`;
try {
  for (const size of SIZES) {
    const { events } = workload(size);
    for (const [name] of contenders) {
      results[`${name}:${size}`] = await measure(name, name === 'milieu' ? srcOf(size) : events);
    }
  }
  const { events } = workload(2000);
  for (const [name] of contenders) {
    results[`heap:${name}`] = await heap(name, name === 'milieu' ? srcOf(2000) : events);
  }
} finally {
  await browser.close();
  server.close();
}

const ms = (n) => `${n.toFixed(1)} ms`;
console.log(
  `Week view, medians of ${RUNS} runs after one warm-up, headless Chromium; the board reads the ${ROLE} schedule resource.`,
);
console.log('Main-thread CPU time (wall-clock time in brackets; it varies with machine load).');
console.log(
  'contender'.padEnd(30),
  'events'.padStart(6),
  'shown'.padStart(6),
  'first render'.padStart(22),
  'after date change'.padStart(22),
  'style / layout (first)'.padStart(24),
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
      `${ms(r.firstStyle)} / ${ms(r.firstLayout)}`.padStart(24),
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
// The consumer's view with code splitting (size.bench.mjs): the entry and its static imports,
// measured on the sources (the `@milieu/source` condition) so the number never depends on a
// stale dist/; the lazily imported document path is reported apart.
const size = await splitSize(`import "@milieu/elements/schedule-board.js";`, PKG, {
  conditions: common.conditions,
});
console.log(`\nSize, minified and gzipped -9 (esbuild with code splitting, production condition)`);
console.log(
  'import "@milieu/elements/schedule-board.js", src path'.padEnd(66),
  kb(size.eager.raw).padStart(9),
  kb(size.eager.gzip).padStart(9),
);
console.log(
  '  document path, imported only when `document` is set'.padEnd(66),
  kb(size.lazy.raw).padStart(9),
  kb(size.lazy.gzip).padStart(9),
);

// ── goals ────────────────────────────────────────────────────────────────
const m = results['milieu:2000'];
const fc = results['fullcalendar:2000'];
const nv = results['naive:2000'];
const check = (ok, text) => console.log(`${ok ? '✓' : '✗'} ${text}`);
console.log('\nGoals at 2,000 occurrences');
for (const [k, label] of [
  ['', 'CPU'],
  ['Wall', 'wall'],
]) {
  const f = (r, w) => r[`${w}${k}`];
  check(
    f(fc, 'first') / f(m, 'first') >= GOALS.speedup,
    `first render ${(f(fc, 'first') / f(m, 'first')).toFixed(1)}× faster than FullCalendar, ${label} (goal ≥ ${GOALS.speedup}×)`,
  );
  check(
    f(fc, 'next') / f(m, 'next') >= GOALS.nextSpeedup,
    `next week ${(f(fc, 'next') / f(m, 'next')).toFixed(1)}× faster than FullCalendar, ${label} (goal ≥ ${GOALS.nextSpeedup}×)`,
  );
  check(
    f(m, 'first') / f(nv, 'first') <= GOALS.naiveFactor,
    `first render ${(f(m, 'first') / f(nv, 'first')).toFixed(2)}× the naive Lit week, ${label} (goal ≤ ${GOALS.naiveFactor}×)`,
  );
}
check(
  results['heap:milieu'].total <= GOALS.heapMiB,
  `JS heap ${results['heap:milieu'].total.toFixed(1)} MiB (goal ≤ ${GOALS.heapMiB} MiB)`,
);
check(
  size.eager.gzip / 1024 <= GOALS.gzipKB,
  `src path ${kb(size.eager.gzip)} gzip (goal ≤ ${GOALS.gzipKB} KB)`,
);
rmSync(dir, { recursive: true, force: true });
