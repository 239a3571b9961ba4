/**
 * Real `milieu-server serve` processes for multi-instance tests: the package's own bin launcher
 * (`bin/milieu-server.js`, copied unchanged) over a bundle of `src/main.ts`, so no prior build is
 * needed and the child runs exactly this source. Each instance listens on port 0; its URL is
 * read from the "listening on" line it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles the server from source into `node_modules/.cache/<name>/dist/main.js` (core included,
 * database drivers and Hono left to `node_modules`) beside a copy of the real bin launcher, which
 * imports `../dist/main.js` exactly as in the published package.
 *
 * @param name - the cache folder (one per test file, so parallel files never share a bundle)
 * @returns the path of the launcher to run with `node`
 */
export async function buildServer(name: string): Promise<string> {
  const out = join(pkg, 'node_modules', '.cache', name);
  mkdirSync(join(out, 'dist'), { recursive: true });
  mkdirSync(join(out, 'bin'), { recursive: true });
  // Below node_modules Node looks no further up for a package scope: declare ESM here.
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: [join(pkg, 'src/main.ts')],
    outfile: join(out, 'dist', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@milieu/source'],
    external: ['better-sqlite3', 'pg', 'kysely', 'hono', '@hono/*'],
    logLevel: 'silent',
  });
  const bin = join(out, 'bin', 'milieu-server.js');
  copyFileSync(join(pkg, 'bin', 'milieu-server.js'), bin);
  return bin;
}

/** A running server process. */
export interface Instance {
  /** A short name for messages (`A`, `B`, …). */
  readonly name: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code or signal when the process has ended. */
  readonly exited: Promise<string>;
  /** What the process wrote to stderr so far (its error log). */
  stderr(): string;
  /** Sends `SIGKILL` and waits for the process to end. */
  kill(): Promise<void>;
}

/**
 * Starts `milieu-server serve` with these arguments and waits until it listens.
 *
 * @param bin - the launcher from {@link buildServer}
 * @param name - a short name for messages
 * @param args - arguments after `serve` (`--port 0` is added)
 * @param startTimeoutMs - how long to wait for the "listening" line
 */
export function startInstance(
  bin: string,
  name: string,
  args: readonly string[],
  startTimeoutMs = 45_000,
): Promise<Instance> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? String(code)));
  });
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise<Instance>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`instance ${name} did not listen within ${startTimeoutMs} ms: ${err}`));
    }, startTimeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ name, url, child, exited, stderr: () => err, kill });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited (${how}) before listening: ${err}`));
    });
  });
}

/** A response, read. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely
  json: any;
}

/** Options of {@link call}. */
export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Gives up (rejects) after this long, so a hung server fails the test instead of stalling it. */
  timeoutMs?: number;
}

/**
 * One HTTP request to an instance.
 *
 * @param instance - where to send it
 * @param method - the method
 * @param path - path and query
 * @param options - token, JSON body, headers
 * @throws when the connection fails (for example, the instance was killed)
 */
export async function call(
  instance: Pick<Instance, 'url'>,
  method: string,
  path: string,
  { token, body, headers = {}, timeoutMs = 30_000 }: CallOptions = {},
): Promise<Reply> {
  const h: Record<string, string> = { ...headers };
  if (token !== undefined) h['authorization'] = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(instance.url + path, {
    method,
    headers: h,
    signal: AbortSignal.timeout(timeoutMs),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * Polls `check` until it returns a value other than `undefined`, or fails at the deadline.
 *
 * @param what - what is awaited, for the failure message
 * @param deadlineMs - how long to keep trying
 * @param check - returns the result once the condition holds
 * @param everyMs - pause between attempts
 */
export async function waitFor<T>(
  what: string,
  deadlineMs: number,
  check: () => Promise<T | undefined>,
  everyMs = 25,
): Promise<T> {
  const until = performance.now() + deadlineMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (performance.now() > until) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
