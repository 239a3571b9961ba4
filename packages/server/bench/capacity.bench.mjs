// `npm run bench` (in packages/server): requests per second per core for the load a hospital's
// peak is made of, and the cores that peak needs (the projection in docs/scaling.md).
//
// The server (and PostgreSQL's processes) run pinned to CPU 0, the load generator to CPU 1
// (`taskset`), so what the server achieves is what one core achieves. The peak of a 200-bed
// hospital is modelled from its parts:
//   - every participant opens the app at 07:00: the week they see, the next week the board
//     prefetches, and the feedback form's context — three requests each;
//   - every kiosk (two per unit) refreshes its day once a minute;
//   - staff open the board at shift change and record attendance for the 08:00 meeting.
// Each part is loaded on its own with 50 connections, rotating through one token per
// participant of the example, so the response caches see as many distinct keys as a unit does.
//
//   node bench/capacity.bench.mjs   BENCH_SECONDS=4 BENCH_PG=0 BEDS=200 UNITS=12 OPEN_WINDOW_S=60
//
// Needs `npm run build` first (it runs dist/ and bin/, as operators do), and `taskset` (util-linux).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres } from '../scripts/pg-cluster.mjs';
import { serveArgs, startServer, stopAll, stopServer } from './support.mjs';

const self = fileURLToPath(import.meta.url);
const pinning =
  spawnSync('taskset', ['-V'], { encoding: 'utf8' }).status === 0 && cpus().length > 1;
if (pinning && process.env.MILIEU_BENCH_PINNED !== '1') {
  // Re-run this file with the load generator on CPU 1; the servers are started on CPU 0.
  const r = spawnSync('taskset', ['-c', '1', process.execPath, ...process.execArgv, self], {
    stdio: 'inherit',
    env: { ...process.env, MILIEU_BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = join(pkg, 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('bench: build first (npm run build), the benchmark runs dist/');
  process.exit(1);
}
const { openStore } = await import(dist);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BEDS = Number(process.env.BEDS ?? 200);
const UNITS = Number(process.env.UNITS ?? 12);
const OPEN_WINDOW_S = Number(process.env.OPEN_WINDOW_S ?? 60);
const SEED = fileURLToPath(new URL('../../../examples/inpatient-unit.json', import.meta.url));
const doc = JSON.parse(readFileSync(SEED, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'milieu-capacity-'));

function start(args) {
  return pinning
    ? startServer('taskset', ['-c', '0', process.execPath, ...args])
    : startServer(process.execPath, args);
}

const stop = stopServer;

/** Tokens: one per participant staying on the example's date, a kiosk, a staff member. */
async function prepare(target) {
  const store = await openStore(target);
  await store.seed(doc);
  const day = '2026-03-10';
  const staying = doc.people.participants.filter(
    (p) => p.admissionDate <= day && (p.dischargeDate === undefined || p.dischargeDate >= day),
  );
  const participants = [];
  for (const p of staying) {
    participants.push(
      (await store.createToken({ role: 'participant', participantId: p.id })).token,
    );
  }
  const kiosk = (await store.createToken({ role: 'kiosk' })).token;
  const staff = (await store.createToken({ role: 'staff', staffId: doc.people.staff[0]?.id }))
    .token;
  await store.close();
  return { participants, staying: staying.map((p) => p.id), kiosk, staff };
}

async function load(url, requests) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

const auth = (t) => ({ authorization: `Bearer ${t}`, 'accept-encoding': 'gzip' });

/** The parts of the peak, as autocannon request sequences. */
function parts(tokens, pairs) {
  let i = 0;
  const nextParticipant = () => tokens.participants[i++ % tokens.participants.length];
  let current = nextParticipant();
  let n = 0;
  return [
    {
      name: 'participant opens the app (week, next week, feedback context)',
      perEvent: 3,
      requests: [
        {
          method: 'GET',
          path: '/api/v1/occurrences?from=2026-03-09&to=2026-03-16',
          setupRequest(req) {
            current = nextParticipant();
            req.headers = auth(current);
            return req;
          },
        },
        {
          method: 'GET',
          path: '/api/v1/occurrences?from=2026-03-16&to=2026-03-23',
          setupRequest(req) {
            req.headers = auth(current);
            return req;
          },
        },
        {
          method: 'GET',
          path: '/api/v1/feedback/context',
          setupRequest(req) {
            req.headers = auth(current);
            return req;
          },
        },
      ],
    },
    {
      name: 'kiosk refreshes its day',
      perEvent: 1,
      requests: [
        {
          method: 'GET',
          path: '/api/v1/occurrences?from=2026-03-10&to=2026-03-11',
          headers: auth(tokens.kiosk),
        },
      ],
    },
    {
      name: 'staff record attendance (committed write)',
      perEvent: 1,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/attendance',
          setupRequest(req) {
            n += 1;
            req.headers = {
              ...auth(tokens.staff),
              'content-type': 'application/json',
              'idempotency-key': randomUUID(),
            };
            const [occurrenceId, participantId] = pairs[n % pairs.length];
            req.body = JSON.stringify({
              occurrenceId,
              participantId,
              status: n % 7 === 0 ? 'absent' : 'present',
            });
            return req;
          },
        },
      ],
    },
  ];
}

async function measure(label, database, tokens) {
  const server = await start(serveArgs(join(pkg, 'bin', 'milieu-server.js'), database));
  const rows = [];
  try {
    // The (occurrence, participant) pairs staff can record: what the board shows them.
    const res = await fetch(`${server.url}/api/v1/occurrences?from=2026-03-10&to=2026-03-13`, {
      headers: { authorization: `Bearer ${tokens.staff}` },
    });
    const { occurrences } = await res.json();
    const pairs = occurrences.flatMap((o) => (o.participants ?? []).map((p) => [o.id, p.id]));
    if (pairs.length === 0) throw new Error('bench: the example has no occurrence to record');
    for (const part of parts(tokens, pairs)) {
      const r = await load(server.url, part.requests);
      rows.push({ label, ...part, ...r });
    }
  } finally {
    await stop(server.child);
  }
  return rows;
}

/** Pins every process of the PostgreSQL cluster (postmaster and backends) to CPU 0. */
async function pinPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    "select setting from pg_settings where name = 'data_directory'",
  );
  await client.end();
  const pid = readFileSync(join(rows[0].setting, 'postmaster.pid'), 'utf8').split('\n')[0];
  spawnSync('taskset', ['-a', '-cp', '0', pid], { stdio: 'ignore' });
}

let cluster;
try {
  const results = [];
  const file = join(dir, 'capacity.db');
  results.push(
    ...(await measure('sqlite', ['--db', file], await prepare({ kind: 'sqlite', file }))),
  );
  if (process.env.BENCH_PG !== '0') {
    try {
      cluster = await startPostgres({ durable: true });
      if (pinning) await pinPostgres(cluster.url);
      const tokens = await prepare({ kind: 'postgres', url: cluster.url });
      results.push(...(await measure('postgres', ['--database-url', cluster.url], tokens)));
    } catch (error) {
      console.error(`bench: PostgreSQL run skipped: ${error.message.split('\n')[0]}`);
    }
  }

  const pad = (s, n) => String(s).padEnd(n);
  const padL = (s, n) => String(s).padStart(n);
  console.log(
    `\nCapacity of one core (${pinning ? 'server + database pinned to CPU 0, load generator to CPU 1' : 'NOT pinned: taskset missing or one CPU'}), ${CONNECTIONS} connections, ${SECONDS} s per part, Node ${process.version}\n`,
  );
  console.log(`${pad('part', 72)}${padL('req/s', 8)}${padL('p99 ms', 8)}${padL('non-2xx', 9)}`);
  for (const r of results) {
    console.log(
      `${pad(`${r.label}: ${r.name}`, 72)}${padL(Math.round(r.rps), 8)}${padL(r.p99, 8)}${padL(r.bad, 9)}`,
    );
  }

  // The peak of one hospital, from its parts.
  const kiosks = 2 * UNITS;
  const staffAtShift = 8 * UNITS;
  const peak = [
    {
      part: 0,
      what: `${BEDS} participants open the app within ${OPEN_WINDOW_S} s`,
      rps: (BEDS * 3) / OPEN_WINDOW_S,
    },
    { part: 1, what: `${kiosks} kiosks refresh every 60 s`, rps: kiosks / 60 },
    {
      part: 2,
      what: `${staffAtShift} staff record ${BEDS} attendances within 60 s`,
      rps: BEDS / 60,
    },
  ];
  for (const label of [...new Set(results.map((r) => r.label))]) {
    const mine = results.filter((r) => r.label === label);
    // Core-seconds per second: each part's rate divided by what one core does for that part.
    const cores = peak.reduce((sum, p) => sum + p.rps / Math.max(1, mine[p.part]?.rps ?? 1), 0);
    const total = peak.reduce((sum, p) => sum + p.rps, 0);
    console.log(
      `\n${label}: a ${BEDS}-bed hospital (${UNITS} units) at its 07:00 peak asks ${total.toFixed(1)} req/s:`,
    );
    for (const p of peak) console.log(`  ${p.what}: ${p.rps.toFixed(1)} req/s`);
    console.log(
      `  → ${cores.toFixed(3)} cores at the measured per-core rates (${(cores * 100).toFixed(1)}% of one core); ` +
        `the same ${BEDS * 3} opening requests within 1 s would need ${((BEDS * 3) / Math.max(1, mine[0]?.rps ?? 1)).toFixed(2)} cores for that second`,
    );
  }
} finally {
  await stopAll();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
