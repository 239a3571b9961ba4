// Where the CPU goes under load: runs one endpoint on PostgreSQL (or SQLite) with autocannon for
// a few seconds and prints the CPU time the server process and the PostgreSQL processes used
// per request (from /proc, Linux only). For tuning; not part of `npm run bench`.
//   node bench/cpu-split.mjs [post|occ|occgz] [pg|sqlite]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startPostgres } from '../scripts/pg-cluster.mjs';
import { peerFeedback, serveArgs, startServer, stopServer } from './support.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const { openStore } = await import(join(pkg, 'dist', 'index.js'));
const SEED = fileURLToPath(new URL('../../../examples/inpatient-unit.json', import.meta.url));
const what = process.argv[2] ?? 'post';
const db = process.argv[3] ?? 'pg';
const seconds = Number(process.env.CPU_SECONDS ?? 5);
const tick = 100; // USER_HZ

function cpuOf(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    if (process.env.CPU_SPLIT_SYS) return Number(f[12]) / tick;
    return (Number(f[11]) + Number(f[12])) / tick;
  } catch {
    return 0;
  }
}
function postgresCpu() {
  let sum = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim().startsWith('postgres')) sum += cpuOf(d);
    } catch {
      // the process ended meanwhile
    }
  }
  return sum;
}

let cluster;
let target;
if (db === 'pg') {
  cluster = await startPostgres({ durable: true });
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  await c.query('create database cpu');
  await c.end();
  target = { kind: 'postgres', url: cluster.url.replace(/\/postgres$/, '/cpu') };
} else {
  target = { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'cpu-')), 'x.db') };
}
const store = await openStore(target);
await store.seed(JSON.parse(readFileSync(SEED, 'utf8')));
const token = (await store.createToken({ role: 'participant', participantId: 'p-06' })).token;
await store.close();
const dbArgs = db === 'pg' ? ['--database-url', target.url] : ['--db', target.file];
const { child, url } = await startServer(process.execPath, [
  ...(process.env.CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF}`] : []),
  ...serveArgs(join(pkg, 'bin', 'milieu-server.js'), dbArgs),
]);
const auth = { authorization: `Bearer ${token}` };
const requests = {
  post: {
    method: 'POST',
    path: '/api/v1/feedback',
    setupRequest(req) {
      const id = `cpu-${randomUUID()}`;
      req.headers = { ...auth, 'content-type': 'application/json', 'idempotency-key': id };
      req.body = JSON.stringify(peerFeedback(id));
      return req;
    },
  },
  occ: { method: 'GET', path: '/api/v1/occurrences?from=2026-03-09&to=2026-03-16', headers: auth },
  occgz: {
    method: 'GET',
    path: '/api/v1/occurrences?from=2026-03-09&to=2026-03-16',
    headers: { ...auth, 'accept-encoding': 'gzip' },
  },
}[what];
await autocannon({ url, connections: 50, duration: 1, requests: [requests] }); // warm up
const s0 = cpuOf(child.pid);
const p0 = postgresCpu();
const r = await autocannon({ url, connections: 50, duration: seconds, requests: [requests] });
const s1 = cpuOf(child.pid);
const p1 = postgresCpu();
const n = r.requests.total;
console.log(
  `${what} on ${db}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}; CPU per request: server ${(((s1 - s0) / n) * 1e6).toFixed(0)} µs, postgres ${(((p1 - p0) / n) * 1e6).toFixed(0)} µs; server busy ${(((s1 - s0) / seconds) * 100).toFixed(0)}%, postgres ${(((p1 - p0) / seconds) * 100).toFixed(0)}% of a core`,
);
await stopServer(child);
await cluster?.stop();
