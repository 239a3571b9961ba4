// Gzipped size of each registration entry, including Lit and the core code it pulls in, and the
// schedule board's `src` path: what `import "@milieu/elements/schedule-board.js"` loads before
// any document is given (the entry and its static imports; the lazily imported document path —
// parseDocument and scheduleResource — is a separate chunk a board fed by `src` never fetches).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { build } from 'esbuild';
import { bundleSize, kb } from '../../../scripts/bundle-size.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_KB = 25;

/**
 * Bundles `code` as a bundler with code splitting would (production condition, minified), and
 * sums the entry chunk plus every chunk it imports statically, then the lazily imported rest.
 */
export async function splitSize(code, resolveDir, overrides = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    splitting: true,
    outdir: '/virtual-out',
    write: false,
    metafile: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    legalComments: 'none',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    ...overrides,
  });
  const files = new Map(
    result.outputFiles.map((f) => [f.path.replace(/^.*virtual-out\//, ''), f.contents]),
  );
  const outputs = result.metafile.outputs;
  const name = (p) => p.replace(/^.*virtual-out\//, '');
  const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint);
  const eager = new Set();
  const visit = (p) => {
    if (eager.has(name(p))) return;
    eager.add(name(p));
    for (const i of outputs[p].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  const sum = (names) => {
    const bytes = Buffer.concat([...names].map((n) => Buffer.from(files.get(n))));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const lazy = [...files.keys()].filter((n) => n.endsWith('.js') && !eager.has(n));
  return { eager: sum(eager), lazy: sum(lazy), chunks: eager.size };
}

const entries = {
  'lit alone (reference)': `import { LitElement, html } from 'lit'; export { LitElement, html };`,
  '@milieu/elements/expectation-card.js': `import '@milieu/elements/expectation-card.js';`,
  '@milieu/elements/schedule-board.js': `import '@milieu/elements/schedule-board.js';`,
  '@milieu/elements/feedback-form.js': `import '@milieu/elements/feedback-form.js';`,
  '@milieu/elements/attendance-sheet.js': `import '@milieu/elements/attendance-sheet.js';`,
  '@milieu/elements/all.js': `import '@milieu/elements/all.js';`,
  '@milieu/elements (defineMilieuElements)': `import { defineMilieuElements } from '@milieu/elements'; defineMilieuElements();`,
};
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('Single-file bundles (no code splitting: lazy imports are inlined)');
  console.log('entry'.padEnd(46), 'min'.padStart(10), 'min+gzip'.padStart(10));
  for (const [name, code] of Object.entries(entries)) {
    const { raw, gzip } = await bundleSize(code, pkg);
    console.log(name.padEnd(46), kb(raw).padStart(10), kb(gzip).padStart(10));
  }
  const board = await splitSize(`import '@milieu/elements/schedule-board.js';`, pkg);
  console.log('\nWith code splitting (what a bundler or the browser loads), gzip -9');
  console.log(
    `${'schedule-board.js, src path (entry + static imports)'.padEnd(56)} ${kb(board.eager.raw).padStart(9)} ${kb(board.eager.gzip).padStart(9)}`,
  );
  console.log(
    `${'  + document path, loaded only with `document`'.padEnd(56)} ${kb(board.lazy.raw).padStart(9)} ${kb(board.lazy.gzip).padStart(9)}`,
  );
  const ok = board.eager.gzip / 1024 <= GOAL_KB;
  console.log(`${ok ? '✓' : '✗'} src path ${kb(board.eager.gzip)} gzip (goal ≤ ${GOAL_KB} KB)`);
  // The attendance sheet loaded with the board (issue #16): what it adds to the board's
  // src path when both are on the page. Measured from the sources (dist or not) on both sides.
  const source = {
    conditions: ['@milieu/source', 'production'],
    tsconfig: join(pkg, 'tsconfig.json'),
  };
  const alone = await splitSize(`import '@milieu/elements/schedule-board.js';`, pkg, source);
  const both = await splitSize(
    `import '@milieu/elements/schedule-board.js'; import '@milieu/elements/attendance-sheet.js';`,
    pkg,
    source,
  );
  const added = both.eager.gzip - alone.eager.gzip;
  const SHEET_GOAL_KB = 6;
  console.log(
    `${added / 1024 <= SHEET_GOAL_KB ? '✓' : '✗'} attendance-sheet.js with the board: +${kb(added)} gzip ` +
      `(board ${kb(alone.eager.gzip)} → both ${kb(both.eager.gzip)}; goal ≤ +${SHEET_GOAL_KB} KB)`,
  );
}
