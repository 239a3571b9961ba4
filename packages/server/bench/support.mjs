// What the benches share: server processes (start one, its port read from its "listening" line;
// stop one; stop every one still running), the arguments of a bench server, and the feedback
// entry the write benches post.
import { spawn } from 'node:child_process';

const running = new Set();

/**
 * Starts a process that prints `listening on http://127.0.0.1:PORT` and resolves once it has.
 *
 * @param {string} command - the executable (`process.execPath`, or `taskset` to pin it)
 * @param {string[]} args - its arguments
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string }>}
 */
export function startServer(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening (?:on )?(?:http:\/\/127\.0\.0\.1:)?(\d+)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/**
 * Stops a process started by {@link startServer} (SIGTERM) and waits for it to exit.
 *
 * @param {import('node:child_process').ChildProcess} child
 */
export function stopServer(child) {
  running.delete(child);
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Stops every process still running (for `finally`). */
export async function stopAll() {
  for (const child of [...running]) await stopServer(child);
}

/**
 * The `serve` arguments of a bench server: the built bin, a free port, no rate limit, errors-only
 * logs.
 *
 * @param {string} bin - path of `bin/milieu-server.js`
 * @param {string[]} database - `--db FILE` or `--database-url URL`
 * @param {string[]} [extra] - more flags
 */
export function serveArgs(bin, database, extra = []) {
  return [
    bin,
    'serve',
    ...database,
    '--port',
    '0',
    '--rate-limit',
    '0',
    '--log-level',
    'error',
    ...extra,
  ];
}

/**
 * A peer feedback entry about `p-05` of the inpatient example, as the write benches post it.
 *
 * @param {string} id - the entry id (also the idempotency key)
 * @param {Record<string, unknown>} [overrides] - fields to change (e.g. `authorId`, `anonymous`)
 */
export function peerFeedback(id, overrides = {}) {
  return {
    id,
    createdAt: '2026-03-10T15:00:00-04:00',
    source: 'peer',
    subjectId: 'p-05',
    strengths: 'You made the new people feel welcome at breakfast.',
    visibility: 'subject',
    anonymous: true,
    review: { status: 'pending' },
    ratings: { listening: 4 },
    ...overrides,
  };
}
