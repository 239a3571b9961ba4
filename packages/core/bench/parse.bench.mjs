#!/usr/bin/env node
// Parse throughput for examples/inpatient-unit.json and the size of what a user's bundler ships
// for `import { parseDocument, MilieuDocumentSchema } from '@milieu/core'`.
// Needs a build first: `npx tsup` (or `npm run build`) in packages/core.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleSize, kb } from '../../../scripts/bundle-size.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const repo = join(pkg, '..', '..');
const { parseDocument, parseDocumentJson } = await import(join(pkg, 'dist', 'index.js'));

// ── throughput ──────────────────────────────────────────────────────────────
const file = join(repo, 'examples', 'inpatient-unit.json');
const text = JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))); // minified, as over the wire
const value = JSON.parse(text);
const mb = text.length / 1_048_576;
if (!parseDocument(value).ok) throw new Error('inpatient-unit.json does not parse clean');

/**
 * Runs every function in ~100 ms batches, round-robin, for `seconds` in total, so load on a busy
 * machine hits all of them alike; reports the median and the fastest batch of each.
 */
function measureAll(fns, seconds = 6) {
  for (const fn of fns) for (let i = 0; i < 20; i++) fn(); // warm-up
  const batches = fns.map(() => []);
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    fns.forEach((fn, k) => {
      globalThis.gc?.();
      let runs = 0;
      const start = performance.now();
      while (performance.now() - start < 100) {
        fn();
        runs++;
      }
      batches[k].push((performance.now() - start) / runs);
    });
  }
  return batches.map((list) => {
    list.sort((a, b) => a - b);
    const ms = list[Math.floor(list.length / 2)];
    return { perSecond: 1000 / ms, ms, best: list[0] };
  });
}

// The same parser with `zod/mini` swapped for classic `zod` (same functional API), for comparison.
async function classicParser() {
  const out = join(tmpdir(), `milieu-classic-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: `export { parseDocument } from '@milieu/core';`,
      resolveDir: pkg,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    conditions: ['@milieu/source'],
    alias: { 'zod/mini': 'zod' },
    logLevel: 'silent',
  });
  try {
    return (await import(out)).parseDocument;
  } finally {
    rmSync(out, { force: true });
  }
}
const classic = await classicParser().catch(() => undefined);
if (classic && !classic(value).ok) throw new Error('classic zod build rejects the example');

const cases = [
  ['parseDocument(object)', () => parseDocument(value)],
  ['parseDocumentJson(text) (incl. JSON.parse)', () => parseDocumentJson(text)],
  ...(classic ? [['parseDocument(object), classic zod', () => classic(value)]] : []),
  ['JSON.parse(text) alone, for reference', () => JSON.parse(text)],
];
const results = measureAll(cases.map(([, fn]) => fn));
const rows = cases.map(([name], i) => [name, results[i]]);
console.log(
  `\nParse throughput: examples/inpatient-unit.json (${(text.length / 1024).toFixed(0)} KB minified; ${value.records.attendance.length} attendance, ${value.records.feedback.length} feedback records)\n`,
);
console.log(
  `| ${'operation'.padEnd(44)} | ${'docs/s'.padStart(8)} | ${'MB/s'.padStart(7)} | ${'ms/doc'.padStart(7)} | ${'best ms'.padStart(7)} |`,
);
console.log(
  `|${'-'.repeat(46)}|${'-'.repeat(10)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(9)}|`,
);
for (const [name, r] of rows) {
  console.log(
    `| ${name.padEnd(44)} | ${r.perSecond.toFixed(1).padStart(8)} | ${(r.perSecond * mb).toFixed(1).padStart(7)} | ${r.ms.toFixed(2).padStart(7)} | ${r.best.toFixed(2).padStart(7)} |`,
  );
}
console.log('(median of ~100 ms batches run round-robin; "best" = fastest batch)');

// ── bundle size ─────────────────────────────────────────────────────────────
const bundle = (contents, conditions, alias) =>
  bundleSize(contents, pkg, { conditions, ...(alias ? { alias } : {}) });
// `dist`: what the published package ships today. `modules`: the same import resolved to the
// source modules (the `@milieu/source` condition) with the package's `sideEffects: false`, i.e.
// what a per-module build ships; unused modules (schedule, rules, …) drop out entirely.
const DIST = ['production'];
const MODULES = ['@milieu/source', 'production'];
const entries = [
  [
    'dist: schemas + parseDocument',
    `export { parseDocument, MilieuDocumentSchema } from '@milieu/core';`,
    DIST,
  ],
  [
    'modules: schemas + parseDocument',
    `export { parseDocument, MilieuDocumentSchema } from '@milieu/core';`,
    MODULES,
  ],
  [
    'modules: parseFeedbackEntry only',
    `export { parseFeedbackEntry } from '@milieu/core';`,
    MODULES,
  ],
  [
    'modules: documentJsonSchema only',
    `export { documentJsonSchema } from '@milieu/core';`,
    MODULES,
  ],
  [
    'modules: schemas + parseDocument, classic zod',
    `export { parseDocument, MilieuDocumentSchema } from '@milieu/core';`,
    MODULES,
    { 'zod/mini': 'zod' },
  ],
  [
    'zod/mini only: z.strictObject + z.string',
    `import * as z from 'zod/mini'; export const s = z.strictObject({ a: z.string() });`,
    DIST,
  ],
];
const sizes = [];
for (const [name, code, conditions, alias] of entries) {
  try {
    sizes.push([name, await bundle(code, conditions, alias)]);
  } catch (error) {
    sizes.push([name, { error: String(error.message ?? error).split('\n')[0] }]);
  }
}
console.log('\nBundle size (esbuild, minify + tree-shake, browser ESM, gzip -9)\n');
console.log(`| ${'entry'.padEnd(46)} | ${'minified'.padStart(9)} | ${'gzip'.padStart(8)} |`);
console.log(`|${'-'.repeat(48)}|${'-'.repeat(11)}|${'-'.repeat(10)}|`);
for (const [name, s] of sizes) {
  if (s.error)
    console.log(
      `| ${name.padEnd(46)} | ${'n/a'.padStart(9)} | ${'n/a'.padStart(8)} |  (${s.error})`,
    );
  else console.log(`| ${name.padEnd(46)} | ${kb(s.raw).padStart(9)} | ${kb(s.gzip).padStart(8)} |`);
}
