#!/usr/bin/env node
// Regenerates the example documents deterministically (seeded PRNG, fixed dates):
//   node examples/generate.mjs          write the files
//   node examples/generate.mjs --check  fail if a committed file differs from what would be written
// Each document is self-checked against the practice rules of shared/domain.md before writing.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { practiceProblems } from './lib/practice.mjs';
import * as inpatient from './programs/inpatient.mjs';
import * as rehab from './programs/residential-rehab.mjs';
import * as outpatient from './programs/outpatient.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes('--check');
const targets = [
  ['inpatient-unit.json', inpatient, { daily: true }],
  ['residential-rehab.json', rehab, { daily: true }],
  ['outpatient-group.json', outpatient, { daily: false }],
];

let failed = false;
for (const [file, program, options] of targets) {
  const doc = program.build();
  const problems = practiceProblems(doc, { ...program.window, ...options });
  if (problems.length) {
    failed = true;
    console.error(`${file}: ${problems.length} practice problem(s)\n  ${problems.slice(0, 30).join('\n  ')}`);
  }
  const text = JSON.stringify(doc, null, 2) + '\n';
  const path = join(here, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      failed = true;
      console.error(`${file} is out of date: run node examples/generate.mjs`);
    }
  } else {
    writeFileSync(path, text);
  }
  console.log(`${file}: ${doc.people.participants.length} participants, ${doc.routines.length} routines, ${doc.records.attendance.length} attendance, ${doc.records.feedback.length} feedback, ${(text.length / 1024).toFixed(0)} KB`);
}
if (failed) process.exit(1);
