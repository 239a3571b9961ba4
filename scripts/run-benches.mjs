// Runs every bench/*.bench.mjs of the current package in order, one process each,
// so a package's `npm run bench` prints all its numbers in one run.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = join(process.cwd(), 'bench');
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.bench.mjs'))
      .sort()
  : [];
let failed = 0;
for (const file of files) {
  console.log(`\n── ${file} ${'─'.repeat(Math.max(0, 60 - file.length))}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(dir, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (failed) process.exit(1);
