// Server processes for the benches: start one (its port read from its "listening" line), stop
// one, stop every one still running. Shared by server.bench.mjs and capacity.bench.mjs.
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
