// `npm run bench` (in packages/server): load-tests the built server with autocannon on loopback,
// 50 connections, beside a bare Hono baseline (hello-world, and a route reading one SQLite row)
// measured in the same run. Servers run as child processes, so the load generator does not share
// their event loop.
//
// Machines drift (other work, thermal limits), so the run is interleaved: every target — the
// baselines and each endpoint — is loaded for BENCH_SECONDS / BENCH_ROUNDS seconds per round,
// round after round, and each endpoint is compared with the baseline of the same round.
//
//   node bench/server.bench.mjs   BENCH_SECONDS=8 BENCH_ROUNDS=2 BENCH_CONNECTIONS=50 BENCH_PG=1
//
// Needs `npm run build` first (it runs dist/ and bin/, as operators do).
//
// CPU pinning (Linux, `taskset`): the servers and PostgreSQL get one CPU set and the load
// generator (autocannon, which runs in this process) another, so they do not fight over the same
// cores. The bench pins itself to BENCH_SERVER_CPUS (default `0`) while it starts the baseline,
// the servers and PostgreSQL (children inherit the affinity), then moves all of its own threads
// to BENCH_LOAD_CPUS (default `1`) before loading. BENCH_PIN=0 turns pinning off (every process
// may then use every core). The line printed above the table says what was used.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres } from '../scripts/pg-cluster.mjs';
import { peerFeedback, serveArgs, startServer, stopAll } from './support.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = join(pkg, 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('bench: build first (npm run build), the benchmark runs dist/');
  process.exit(1);
}
const { openStore } = await import(dist);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SEED = fileURLToPath(new URL('../../../examples/inpatient-unit.json', import.meta.url));
const WEEK = '/api/v1/occurrences?from=2026-03-09&to=2026-03-16';
const dir = mkdtempSync(join(tmpdir(), 'milieu-bench-'));
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS ?? '0';
const LOAD_CPUS = process.env.BENCH_LOAD_CPUS ?? '1';

/** Sets the CPU affinity of every thread of this process; returns whether it worked. */
function pinSelf(cpus) {
  const r = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], {
    encoding: 'utf8',
  });
  return r.status === 0;
}
let pinning = 'not pinned (BENCH_PIN=0): servers, PostgreSQL and autocannon share every core';
const pin = process.env.BENCH_PIN !== '0' && pinSelf(SERVER_CPUS);
if (process.env.BENCH_PIN !== '0' && !pin) {
  pinning = 'not pinned (taskset failed or is missing): everything shares every core';
}

// BENCH_PROF=dir: the servers write V8 CPU profiles there (`--cpu-prof`) when they stop.
const PROF = process.env.BENCH_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`]
  : [];

function start(args) {
  return startServer(process.execPath, [...PROF, ...args]);
}

async function load(url, request) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS / ROUNDS,
    requests: [request],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

async function prepare(target) {
  const store = await openStore(target);
  await store.seed(JSON.parse(readFileSync(SEED, 'utf8')));
  const admin = (await store.createToken({ role: 'admin' })).token;
  const participant = (await store.createToken({ role: 'participant', participantId: 'p-06' }))
    .token;
  await store.close();
  return { admin, participant };
}

async function serve(database) {
  return start(serveArgs(join(pkg, 'bin', 'milieu-server.js'), database));
}

/**
 * The endpoints measured on one kind of database: reads on one server, writes on another with
 * its own database, so the growing feedback table does not change what the reads return.
 */
function targets(label, [url, tokens], [writeUrl, writeTokens]) {
  const auth = (t) => ({ authorization: `Bearer ${t}` });
  const gzip = { 'accept-encoding': 'gzip' };
  let n = 0;
  return [
    {
      name: `${label} GET /api/v1/document (445 KB; gzip)`,
      url,
      request: {
        method: 'GET',
        path: '/api/v1/document',
        headers: { ...auth(tokens.admin), ...gzip },
      },
    },
    {
      name: `${label} GET occurrences (1 participant, 1 week; 52 KB)`,
      url,
      goal: label === 'sqlite' ? 0.3 : 0.15,
      request: { method: 'GET', path: WEEK, headers: auth(tokens.participant) },
    },
    {
      name: `${label} GET occurrences (same; gzip, as browsers ask)`,
      url,
      goal: label === 'sqlite' ? 0.3 : 0.15,
      request: { method: 'GET', path: WEEK, headers: { ...auth(tokens.participant), ...gzip } },
    },
    {
      name: `${label} POST /api/v1/feedback (fresh keys, committed)`,
      url: writeUrl,
      goal: 0.1,
      request: {
        method: 'POST',
        path: '/api/v1/feedback',
        setupRequest(req) {
          n += 1;
          const id = `bench-${label}-${n}-${randomUUID().slice(0, 8)}`;
          req.headers = {
            ...auth(writeTokens.participant),
            'content-type': 'application/json',
            'idempotency-key': id,
          };
          req.body = JSON.stringify(peerFeedback(id));
          return req;
        },
      },
    },
  ];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let cluster;
try {
  const base = await start([join(pkg, 'bench', 'baseline-server.mjs'), join(dir, 'baseline.db')]);
  const hello = { name: 'baseline: Hono hello-world', url: base.url, request: { path: '/hello' } };
  const row = { name: 'baseline: Hono + one SQLite row', url: base.url, request: { path: '/row' } };
  const sqliteServer = async (name) => {
    const file = join(dir, name);
    const tokens = await prepare({ kind: 'sqlite', file });
    return [(await serve(['--db', file])).url, tokens];
  };
  const all = [
    hello,
    row,
    ...targets('sqlite', await sqliteServer('reads.db'), await sqliteServer('writes.db')),
  ];
  if (process.env.BENCH_PG !== '0') {
    try {
      cluster = await startPostgres({ durable: true });
    } catch (error) {
      console.error(`bench: PostgreSQL run skipped: ${error.message.split('\n')[0]}`);
    }
    if (cluster) {
      const pgServer = async (name) => {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        await client.query(`create database ${name}`);
        await client.end();
        const url = cluster.url.replace(/\/postgres$/, `/${name}`);
        const tokens = await prepare({ kind: 'postgres', url });
        return [(await serve(['--database-url', url])).url, tokens];
      };
      all.push(...targets('postgres', await pgServer('reads'), await pgServer('writes')));
    }
  }

  if (pin) {
    pinning = pinSelf(LOAD_CPUS)
      ? `taskset: servers + PostgreSQL on CPU ${SERVER_CPUS}, autocannon (this process) on CPU ${LOAD_CPUS}`
      : `partly pinned: everything on CPU ${SERVER_CPUS} (moving autocannon failed)`;
  }
  // BENCH_ONLY=regex: load only the matching targets (and the baselines), for quick iterations.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  if (only)
    all.splice(0, all.length, ...all.filter((t) => t === hello || t === row || only.test(t.name)));
  const runs = new Map(all.map((t) => [t, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of all) runs.get(target).push(await load(target.url, target.request));
  }

  const rowRuns = runs.get(row);
  const pad = (s, n) => String(s).padEnd(n);
  const padL = (s, n) => String(s).padStart(n);
  console.log(
    `\n@milieu/server on loopback: ${CONNECTIONS} connections, ${SECONDS} s per target in ${ROUNDS} interleaved rounds, Node ${process.version}\n`,
  );
  console.log(`CPU: ${pinning}\n`);
  console.log(
    `${pad('target', 62)}${padL('req/s', 8)}${padL('p50 ms', 8)}${padL('p99 ms', 8)}${padL('vs row', 8)}${padL('non-2xx', 9)}`,
  );
  const verdicts = [];
  for (const target of all) {
    const r = runs.get(target);
    const rps = Math.round(median(r.map((x) => x.rps)));
    const share = median(r.map((x, i) => x.rps / rowRuns[i].rps));
    const p50 = median(r.map((x) => x.p50));
    const p99 = Math.max(...r.map((x) => x.p99)); // the worst round
    const bad = r.reduce((a, x) => a + x.bad, 0);
    console.log(
      `${pad(target.name, 62)}${padL(rps, 8)}${padL(p50, 8)}${padL(p99, 8)}${padL(`${Math.round(share * 100)}%`, 8)}${padL(bad, 9)}`,
    );
    if (target.goal !== undefined) {
      const pass = share >= target.goal && p99 < 50 && bad === 0;
      verdicts.push(
        `${pass ? 'PASS' : 'MISS'} ${target.name}: goal ≥ ${target.goal * 100}% of the SQLite-row baseline, p99 < 50 ms`,
      );
    }
  }
  console.log(
    `\nbaseline row per round: ${rowRuns.map((x) => Math.round(x.rps)).join(', ')} req/s\n`,
  );
  for (const line of verdicts) console.log(line);
} finally {
  await stopAll();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
