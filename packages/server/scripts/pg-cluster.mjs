// Starts a throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp dir, pg_ctl
// on a free loopback port, trust auth, removed again by stop(). Runs the binaries as the
// `postgres` OS user when we are root (PostgreSQL refuses to run as root).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT =
  'PostgreSQL is needed for these tests: install it (Debian/Ubuntu: `apt-get install -y postgresql`), ' +
  'point MILIEU_PG_BIN at the folder holding initdb and pg_ctl, or set MILIEU_TEST_DATABASE_URL=postgres://… ' +
  'to use a running server.';

function findBinDir() {
  const fromEnv = process.env.MILIEU_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.replace(/\/initdb$/, '') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUser() {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const uid = Number(r.stdout.trim());
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return r.status === 0 ? { uid, gid: Number(g.stdout.trim()) } : undefined;
}

/**
 * Starts a cluster. Resolves to `{ url, stop }`; `url` names the `postgres` database.
 * Throws with {@link INSTALL_HINT} when PostgreSQL cannot be started.
 *
 * @param {{ durable?: boolean }} [options] durable: keep fsync on (benchmarks of committed writes)
 */
export async function startPostgres(options = {}) {
  if (process.env.MILIEU_TEST_DATABASE_URL) {
    return { url: process.env.MILIEU_TEST_DATABASE_URL, external: true, stop: async () => {} };
  }
  const bin = findBinDir();
  if (!bin) throw new Error(`no initdb/pg_ctl found. ${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), 'milieu-pg-'));
  const asRoot = process.getuid?.() === 0;
  let run = (cmd, args) => spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
  if (asRoot) {
    const user = postgresUser();
    if (!user)
      throw new Error(`running as root but there is no "postgres" OS user. ${INSTALL_HINT}`);
    chownSync(dir, user.uid, user.gid);
    run = (cmd, args) =>
      spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' });
  }
  const fail = (what, r) => {
    let log;
    try {
      log = readFileSync(join(dir, 'log'), 'utf8').slice(-2000);
    } catch {
      log = '';
    }
    rmSync(dir, { recursive: true, force: true });
    return new Error(
      `${what} failed (exit ${r.status}): ${(r.stderr || r.error?.message || '').trim()}\n${log}\n${INSTALL_HINT}`,
    );
  };
  const data = join(dir, 'data');
  const init = run('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  if (init.status !== 0) throw fail('initdb', init);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(options.durable
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = run('pg_ctl', [
    '-D',
    data,
    '-o',
    settings,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);
  if (start.status !== 0) throw fail('pg_ctl start', start);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    external: false,
    async stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
