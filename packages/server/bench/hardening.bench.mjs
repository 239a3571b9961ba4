// `npm run bench` (in packages/server): the hardening goals of issue 19, measured.
//
// 1. Header parsing in linear time: the time to answer `GET /api/v1/document` with a 16 KiB
//    `Accept-Encoding` of several adversarial shapes (in process, `app.request`, so Node's own
//    16 KiB header limit does not cut it short), beside the old regular expression alone on the
//    same headers. Goal: under 10 ms per request.
// 2. Cache memory: a server process (the built bin, default 64 MiB cache budget) answers 600
//    distinct 28-day windows (`from` shifted by one second per request, gzip on every other);
//    its RSS after them against its RSS before + the budget + a fixed margin of 64 MiB (V8 heap
//    slack, the gzip and JSON buffers of requests in flight). The same run with the budget
//    raised to 1 TiB (the count limit of 512 alone, as before) shows what the budget saves.
//
//   node --expose-gc bench/hardening.bench.mjs     BENCH_WINDOWS=600
//
// Needs `npm run build` first (it runs dist/ and bin/, as operators do).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveArgs, startServer, stopServer } from './support.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = join(pkg, 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('bench: build first (npm run build), the benchmark runs dist/');
  process.exit(1);
}
const { createApp, openStore } = await import(dist);
const SEED = fileURLToPath(new URL('../../../examples/inpatient-unit.json', import.meta.url));
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 600);
const MiB = 1024 * 1024;
const BUDGET_MIB = 64;
const MARGIN_MIB = 64;
const dir = mkdtempSync(join(tmpdir(), 'milieu-hardening-bench-'));
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

// ── 1. Accept-Encoding ────────────────────────────────────────────────────────────────────
const OLD_GZIP = /(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?\s*(?:,|$)/i;
const KB16 = 16 * 1024;
const fill = (unit, tail = '') => unit.repeat(Math.ceil((KB16 - tail.length) / unit.length)) + tail;
const shapes = {
  'gzip + 16 KiB of spaces + x': 'gzip' + fill(' ', 'x'),
  '"gzip;q=0," repeated': fill('gzip;q=0,'),
  '"gzip ;q=0. " repeated': fill('gzip ;q=0. '),
  'commas and spaces, then gzip': fill(' ,', 'gzip'),
};

const store = await openStore({ kind: 'sqlite', file: ':memory:' });
const doc = JSON.parse(readFileSync(SEED, 'utf8'));
await store.seed(doc);
const { token } = await store.createToken({ role: 'admin' });
const app = createApp(store, { rateLimitPerMinute: 0 });
const headers = (ae) => ({ authorization: `Bearer ${token}`, 'accept-encoding': ae });
for (let i = 0; i < 20; i++)
  await (await app.request('/api/v1/document', { headers: headers('gzip') })).arrayBuffer();

console.log(
  'Accept-Encoding of 16 KiB: time to answer GET /api/v1/document (median of 30, in process)',
);
let worstNew = 0;
for (const [name, value] of Object.entries(shapes)) {
  const times = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const res = await app.request('/api/v1/document', { headers: headers(value) });
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[15];
  worstNew = Math.max(worstNew, median);
  const o = performance.now();
  OLD_GZIP.exec(value);
  const old = performance.now() - o;
  console.log(
    `  ${name.padEnd(32)} ${median.toFixed(2).padStart(7)} ms   (old regex alone: ${old.toFixed(2)} ms)`,
  );
}
console.log(
  `  goal < 10 ms per request: ${worstNew.toFixed(2)} ms worst median → ${verdict(worstNew < 10)}`,
);
await store.close();

// ── 2. Cache memory after many windows ──────────────────────────────────────────────────────
function start(db, args) {
  return startServer(
    process.execPath,
    serveArgs(join(pkg, 'bin', 'milieu-server.js'), ['--db', db], args),
  );
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function windows(budgetMiB) {
  const db = join(dir, `windows-${budgetMiB}.db`);
  const setup = await openStore({ kind: 'sqlite', file: db });
  await setup.seed(doc);
  const staff = (await setup.createToken({ role: 'staff', staffId: 'st-1' })).token;
  const kiosk = (await setup.createToken({ role: 'kiosk' })).token;
  await setup.close();
  const { child, url } = await start(db, ['--cache-budget', String(budgetMiB)]);
  try {
    const get = async (i) => {
      const from = Date.parse('2026-03-02T00:00:00Z') + i * 1000;
      const q = `from=${new Date(from).toISOString()}&to=${new Date(from + 28 * 86_400_000).toISOString()}`;
      const res = await globalThis.fetch(`${url}/api/v1/occurrences?${q}`, {
        headers: {
          authorization: `Bearer ${i % 3 === 2 ? kiosk : staff}`,
          ...(i % 2 ? { 'accept-encoding': 'gzip' } : {}),
        },
      });
      if (res.status !== 200) throw new Error(`window ${i}: ${res.status}`);
      return (await res.arrayBuffer()).byteLength;
    };
    for (let i = 0; i < 5; i++) await get(-1 - i); // warm up
    const before = rssMiB(child.pid);
    let bytes = 0;
    for (let i = 0; i < WINDOWS; i++) bytes += await get(i);
    const after = rssMiB(child.pid);
    return { before, after, bytes };
  } finally {
    await stopServer(child);
  }
}

try {
  console.log(
    `\n${WINDOWS} distinct 28-day windows of the inpatient example (staff and kiosk, gzip on every other)`,
  );
  const bounded = await windows(BUDGET_MIB);
  const limit = bounded.before + BUDGET_MIB + MARGIN_MIB;
  console.log(
    `  budget ${BUDGET_MIB} MiB: RSS ${bounded.before.toFixed(0)} → ${bounded.after.toFixed(0)} MiB (sent ${(bounded.bytes / MiB).toFixed(0)} MiB)`,
  );
  const unbounded = await windows(1_048_576);
  console.log(
    `  budget 1 TiB (count limit only, as before): RSS ${unbounded.before.toFixed(0)} → ${unbounded.after.toFixed(0)} MiB`,
  );
  console.log(
    `  goal RSS ≤ start + budget + ${MARGIN_MIB} MiB margin = ${limit.toFixed(0)} MiB: ${bounded.after.toFixed(0)} MiB → ${verdict(bounded.after <= limit)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
