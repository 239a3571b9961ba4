// @milieu/fhir benchmark (plain Node, reads the build: run `npx tsup` in core and here first).
//
// 1. toFhir and fromFhir on the inpatient example with a year of Appointments: time and size.
// 2. Gzipped, minified size of a browser bundle importing only `createFhirSource` (a portal),
//    and only `toFhir` + `fromFhir`, with @milieu/core and zod included.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, expandOccurrences } from '@milieu/core';
import { bundleSize } from '../../../scripts/bundle-size.mjs';
import { fromFhir, toFhir } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const raw = JSON.parse(readFileSync(join(here, '../../../examples/inpatient-unit.json'), 'utf8'));
const parsed = parseDocument(raw);
if (!parsed.ok) throw new Error('examples/inpatient-unit.json does not parse');
const doc = parsed.value;
const range = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

function time(label, fn, runs = 5) {
  fn();
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t = performance.now();
    out = fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(runs / 2)].toFixed(0)} ms (of ${runs})`);
  return out;
}

const bundle = time('toFhir, inpatient example, a year of Appointments', () =>
  toFhir(doc, { range }),
);
const text = JSON.stringify(bundle);
console.log(`  ${bundle.entry.length} entries, ${(text.length / 1e6).toFixed(1)} MB of JSON`);
const back = time('fromFhir of that bundle (JSON-parsed)', () => fromFhir(JSON.parse(text)));
if (!back.ok) throw new Error('round trip failed');
const a = expandOccurrences(doc, range).length;
const b = expandOccurrences(back.value, range).length;
console.log(`  occurrences over the year: ${a} before, ${b} after`);

for (const [label, code] of [
  ['createFhirSource only', "export { createFhirSource } from '@milieu/fhir';"],
  ['toFhir + fromFhir', "export { toFhir, fromFhir } from '@milieu/fhir';"],
]) {
  const size = await bundleSize(code, here);
  console.log(
    `bundle, ${label}: ${(size.raw / 1024).toFixed(1)} KB min, ${(size.gzip / 1024).toFixed(1)} KB gzip`,
  );
}
