// Rule engine benchmark (plain node on the build: run `npm run build` first, or `npm run bench`).
//
// 1. The inpatient example over 4 weeks: ms per checkDocument, findings.
// 2. The inpatient example over 12 weeks: `check / expand`, checkDocument with all rules vs one
//    expandOccurrences of the same range. Goal (issue 18): at most 3×.
// 3. A 40-participant program over 12 weeks (the inpatient example with every participant
//    cloned once): the same comparison with twice the people.
// 4. The slowest rules of run 3, timed inside one check.
import { readFileSync } from 'node:fs';
import {
  checkDocument,
  builtinRules,
  defineRule,
  expandOccurrences,
  findConflicts,
  parseDocument,
} from '../dist/index.js';

const example = new URL('../../../examples/inpatient-unit.json', import.meta.url);
const raw = readFileSync(example, 'utf8');
const parsed = parseDocument(JSON.parse(raw));
if (!parsed.ok) {
  console.error('inpatient example is invalid', parsed.issues.slice(0, 5));
  process.exit(1);
}
const doc = parsed.value;
const NOW = '2026-03-28T20:00:00-04:00';

/**
 * Median and best ms of `fn` over at least `minRuns` runs and `minMs` of wall time, after a
 * warm-up. The best run is the steadier figure on a busy machine; both are printed.
 */
function measure(fn, { minRuns = 15, minMs = 1500 } = {}) {
  for (let i = 0; i < 3; i++) fn();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], best: times[0], runs: times.length };
}

const fmt = (ms) => `${ms.toFixed(2)} ms`;
const both = (m) => `${fmt(m.median)} median, ${fmt(m.best)} best`;

// 1. Inpatient example, 4 weeks.
const range4 = { from: '2026-03-02T00:00:00-05:00', to: '2026-03-30T00:00:00-04:00' };
let result = checkDocument(doc, { now: NOW, range: range4 });
const check4 = measure(() => checkDocument(doc, { now: NOW, range: range4 }));
const expand4 = measure(() => expandOccurrences(doc, range4));
console.log(
  `inpatient example (${doc.people.participants.length} participants, ${doc.routines.length} routines), ` +
    `4 weeks, ${expandOccurrences(doc, range4).length} occurrences:`,
);
console.log(`  checkDocument      ${both(check4)} (${check4.runs} runs)`);
console.log(
  `  findings           ${result.findings.length} (${result.summary.errors} errors, ${result.summary.warnings} warnings)`,
);
console.log(`  expandOccurrences  ${both(expand4)}`);
console.log(
  `  check / expansion  ${(check4.median / expand4.median).toFixed(2)}× median, ${(check4.best / expand4.best).toFixed(2)}× best`,
);

// 2. The inpatient example, 12 weeks: check / expand.
const range12 = { from: '2026-02-16T00:00:00-05:00', to: '2026-05-11T00:00:00-04:00' };
{
  const check = measure(() => checkDocument(doc, { now: NOW, range: range12 }));
  const expand = measure(() => expandOccurrences(doc, range12));
  // What every check pays before any rule logic: the expansion, the per-day index and the
  // conflicts, forced by one rule that reads them and reports nothing.
  const shared = defineRule({
    id: 'bench-shared',
    concern: 'structure',
    defaultSeverity: 'warn',
    messages: { en: {} },
    docs: { description: 'bench', rationale: 'bench', source: 'bench' },
    check(ctx) {
      ctx.scheduledOn(ctx.range.dates[0] ?? '');
      ctx.conflicts();
      return [];
    },
  });
  const base = measure(() => checkDocument(doc, { now: NOW, range: range12, rules: [shared] }));
  // A first check of a document never checked before (nothing memoised for its objects, as in
  // one `milieu check` run): a freshly parsed copy per run, the parse outside the timing; and
  // the first expansion of such a copy, for the same ratio.
  const fresh = (fn) => {
    const times = [];
    for (let batch = 0; batch < 6; batch++) {
      const copies = Array.from({ length: 8 }, () => parseDocument(JSON.parse(raw)).value);
      for (const copy of copies) {
        const t = performance.now();
        fn(copy);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], best: times[0] };
  };
  const coldCheck = fresh((copy) => checkDocument(copy, { now: NOW, range: range12 }));
  const coldExpand = fresh((copy) => expandOccurrences(copy, range12));
  const ratio = check.best / expand.best;
  console.log(
    `\ninpatient example, 12 weeks, ${expandOccurrences(doc, range12).length} occurrences:`,
  );
  console.log(`  checkDocument      ${both(check)} (${check.runs} runs)`);
  console.log(`  expandOccurrences  ${both(expand)}`);
  console.log(
    `  shared by rules    ${both(base)} (${(base.best / expand.best).toFixed(2)}× expand: expansion, per-day index, conflicts)`,
  );
  console.log(
    `  rules              ${fmt(check.best - base.best)} best (${((check.best - base.best) / expand.best).toFixed(2)}× expand)`,
  );
  console.log(
    `  first check        ${both(coldCheck)}, first expansion ${both(coldExpand)}: ${(coldCheck.best / coldExpand.best).toFixed(2)}× best (a freshly parsed copy each time)`,
  );
  console.log(
    `  check / expand     ${ratio.toFixed(2)}× best (${(check.median / expand.median).toFixed(2)}× median) — goal ≤ 3×: ${ratio <= 3 ? 'met' : 'NOT met'}`,
  );
}

// 3. 40 participants, 12 weeks.
const big = JSON.parse(JSON.stringify(doc));
for (const p of doc.people.participants) {
  big.people.participants.push({ ...JSON.parse(JSON.stringify(p)), id: `${p.id}-b` });
}
result = checkDocument(big, { now: NOW, range: range12 });
const occurrences = expandOccurrences(big, range12);
const check12 = measure(() => checkDocument(big, { now: NOW, range: range12 }));
const expand12 = measure(() => expandOccurrences(big, range12));
const live = occurrences.filter((o) => o.status !== 'cancelled');
const conflicts12 = measure(() => findConflicts(live, { locations: big.program.locations }));
const ratio = check12.best / expand12.best;
const rulesOnly = (check12.best - expand12.best) / expand12.best;
console.log(
  `\n${big.people.participants.length} participants, 12 weeks, ${occurrences.length} occurrences:`,
);
console.log(
  `  checkDocument      ${both(check12)} (${check12.runs} runs), ${result.findings.length} findings`,
);
console.log(`  expandOccurrences  ${both(expand12)}`);
console.log(`  findConflicts      ${both(conflicts12)} (schedule engine, shared by the rules)`);
console.log(
  `  check / expansion  ${ratio.toFixed(2)}× best (${(check12.median / expand12.median).toFixed(2)}× median); ` +
    `rules beyond the expansion ${rulesOnly.toFixed(2)}× — goal ≤ 3×: ${rulesOnly <= 3 ? 'met' : 'NOT met'}`,
);

// 4. Time per rule (inside one shared context, so the expansion is paid by the first rule that asks).
const spent = new Map();
const timed = builtinRules.map((rule) =>
  defineRule({
    ...rule,
    check(ctx) {
      const t = performance.now();
      const reports = rule.check(ctx);
      spent.set(rule.id, (spent.get(rule.id) ?? 0) + performance.now() - t);
      return reports;
    },
  }),
);
const runs = 10;
for (let i = 0; i < runs; i++) checkDocument(big, { now: NOW, range: range12, rules: timed });
const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(
  `\nslowest rules (mean of ${runs} checks; the first to read occurrences or conflicts pays for them):`,
);
for (const [id, ms] of slowest) console.log(`  ${id.padEnd(28)} ${fmt(ms / runs)}`);
