// Safety-language detection: recall and precision on the labelled corpus, and its cost.
// Plain node on the build: run `npm run build -w @milieu/core` first, or `npm run bench`.
//
// The corpus (src/feedback/safety-corpus.json) has a dev split (used while writing the
// patterns) and a holdout split (written at the same time, never used for tuning). "Harm" is
// self-harm or harm to others; a text counts as detected when detectSafetyLanguage finds
// anything. Goal (issue 14): recall ≥ 0.95 on harm and precision ≥ 0.9.
import { readFileSync } from 'node:fs';
import { detectSafetyLanguage, entrySafety } from '../dist/index.js';

const { entries } = JSON.parse(
  readFileSync(new URL('../src/feedback/safety-corpus.json', import.meta.url), 'utf8'),
);

function score(list) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses = [];
  const falseAlarms = [];
  for (const e of list) {
    const hit = detectSafetyLanguage(e.text).length > 0;
    const harm = e.label !== 'none';
    if (hit && harm) tp++;
    else if (hit) {
      fp++;
      falseAlarms.push(e.text);
    } else if (harm) {
      fn++;
      misses.push(e.text);
    }
  }
  return {
    n: list.length,
    tp,
    fp,
    fn,
    recall: tp / (tp + fn),
    precision: tp / (tp + fp),
    misses,
    falseAlarms,
  };
}

const row = (name, s) =>
  `  ${name.padEnd(18)} ${String(s.n).padStart(4)} texts  recall ${s.recall.toFixed(3)}  precision ${s.precision.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

console.log(
  `safety language, ${entries.length} labelled texts (goal: recall ≥ 0.95, precision ≥ 0.9)`,
);
for (const split of ['dev', 'holdout']) {
  const s = score(entries.filter((e) => e.split === split));
  console.log(row(split, s));
  for (const lang of ['en', 'es']) {
    console.log(
      row(`  ${split} ${lang}`, score(entries.filter((e) => e.split === split && e.lang === lang))),
    );
  }
  for (const t of s.misses) console.log(`    missed: ${t}`);
  for (const t of s.falseAlarms) console.log(`    false alarm: ${t}`);
}
const all = score(entries);
console.log(row('all', all));
const ok = (s) => s.recall >= 0.95 && s.precision >= 0.9;
console.log(
  `  goal met on dev: ${ok(score(entries.filter((e) => e.split === 'dev')))}, on holdout: ${ok(score(entries.filter((e) => e.split === 'holdout')))}`,
);

// Cost: one scan of a typical entry (strengths, suggestions, two answers), best of many runs.
const entry = {
  id: 'x',
  createdAt: '2026-03-10T15:00:00-05:00',
  source: 'peer',
  subjectId: 'p-02',
  strengths: 'You listened carefully in group and made space for the new person.',
  suggestions: 'Maybe share a little more about your week; we would like to hear it.',
  answers: { 'coping-skill': 'box breathing', mood: ['calm', 'hopeful'] },
  visibility: 'subject',
  anonymous: false,
  review: { status: 'pending' },
};
for (let i = 0; i < 2000; i++) entrySafety(entry);
const runs = [];
for (let r = 0; r < 9; r++) {
  const t = performance.now();
  for (let i = 0; i < 2000; i++) entrySafety(entry);
  runs.push(((performance.now() - t) * 1000) / 2000);
}
runs.sort((a, b) => a - b);
console.log(
  `  cost: ${runs[0].toFixed(1)} µs best, ${runs[4].toFixed(1)} µs median per entry (entrySafety)`,
);
