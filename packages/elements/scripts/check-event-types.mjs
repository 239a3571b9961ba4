// Type test of the published `.d.ts`: importing one tag module (`@milieu/elements/<tag>.js`)
// types that tag and its events, and only its events. Each fixture in test/types/ is compiled
// as its own program against dist/ (no `@milieu/source` condition), so one fixture's imports
// cannot type another's events. Part of `check:package` (after the build).
//
//   node scripts/check-event-types.mjs        exit 1 with the diagnostics when a fixture fails
import ts from 'typescript';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(PKG_DIR, 'test', 'types');

const base = ts.getParsedCommandLineOfConfigFile(
  join(PKG_DIR, '..', '..', 'tsconfig.base.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
const options = {
  ...base.options,
  customConditions: [], // the published types, as a portal's compiler sees them
  types: [],
  noEmit: true,
  declaration: false,
  sourceMap: false,
};

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.ts'));
let failed = 0;
for (const name of fixtures) {
  const program = ts.createProgram([join(FIXTURES, name)], options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) {
    failed++;
    console.error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => PKG_DIR,
        getNewLine: () => '\n',
      }),
    );
  }
}
if (failed) {
  console.error(`check-event-types: ${failed} of ${fixtures.length} fixtures failed.`);
  process.exitCode = 1;
} else {
  console.log(`check-event-types: ${fixtures.length} tag modules type their own events.`);
}
