// `npm run test:stress`: the suite on a machine that is busy, the way CI's shared 2-core
// runners are. Starts one busy process per core (stress-ng when it is installed, otherwise a
// Node busy loop per core), then runs `npm test` RUNS times in a row while they compete; stops
// at the first failure. A test that fails here but passes on a quiet machine depends on timing:
// make it cheaper or wait on a condition, never raise its timeout blindly.
//
//   node scripts/test-stress.mjs                      npm test, 3 passes in a row
//   node scripts/test-stress.mjs --runs 1             one pass
//   node scripts/test-stress.mjs --hog node           Node busy loops even when stress-ng exists
//   node scripts/test-stress.mjs -- npx vitest run --project storybook   another command
//
// Exit status: 0 when every run passed, otherwise that of the failing run.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes < 0 ? argv : argv.slice(0, dashes);
const command = dashes < 0 ? ['npm', 'test'] : argv.slice(dashes + 1);
const option = (name, fallback) => {
  const i = own.indexOf(name);
  return i < 0 ? fallback : own[i + 1];
};
const runs = Number(option('--runs', '3'));
const cores = availableParallelism();
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);
if (command.length === 0) throw new Error('nothing to run after --');

const hasStressNg = spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0;
const kind = option('--hog', hasStressNg ? 'stress-ng' : 'node');
if (kind === 'stress-ng' && !hasStressNg) throw new Error('--hog stress-ng: stress-ng not found');

/** The CPU hog: one busy process per core. */
const hogs =
  kind === 'stress-ng'
    ? [spawn('stress-ng', ['--cpu', String(cores), '--quiet'], { stdio: 'ignore' })]
    : Array.from({ length: cores }, () =>
        spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
      );
const stopHogs = () => {
  for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGTERM');
};
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopHogs();
    process.exit(130);
  });
}
for (const hog of hogs) {
  hog.on('error', (e) => {
    console.error(`test:stress: the CPU hog failed to start: ${e.message}`);
    process.exit(1);
  });
}

const hogName = kind === 'stress-ng' ? `stress-ng --cpu ${cores}` : `${cores} Node busy loop(s)`;
console.log(`test:stress: ${hogName} competing; running \`${command.join(' ')}\` ${runs}×`);

const results = [];
let status = 0;
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const child = spawn(command[0], command.slice(1), { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise((resolve) => {
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push(`run ${run}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s`);
  if (code !== 0) {
    status = code;
    break;
  }
}
stopHogs();
console.log(`\ntest:stress (${hogName}): ${results.join('; ')}`);
process.exitCode = status;
