// Schedule engine benchmark (plain Node, reads the build: run `npx tsup` first).
//
// 1. Expansion throughput: the inpatient example (~30 routines) over 12 months, our
//    `expandOccurrences` vs `rrule` (with `tzid`) expanding the same routines in the same run.
// 2. `findConflicts` on 10k and 100k occurrences, and the time ratio (≈10 for linear-ish).
// 3. Gzipped, minified size of a bundle importing only `expandOccurrences`.
import { bundleSize } from '../../../scripts/bundle-size.mjs';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rrulePkg from 'rrule';
import * as core from '../dist/index.js';

const { RRule, RRuleSet, datetime } = rrulePkg;
const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, '..');
const { expandOccurrences, findConflicts, zonedToInstant } = core;
const gc = globalThis.gc ?? (() => {});

// ---------------------------------------------------------------- the document
function loadDoc() {
  const file = join(pkgDir, '../../examples/inpatient-unit.json');
  if (existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = core.parseDocument ? core.parseDocument(raw) : { ok: true, value: raw };
    if (parsed.ok) return { doc: parsed.value, source: 'examples/inpatient-unit.json' };
    console.warn('examples/inpatient-unit.json did not parse; using it unparsed');
    return { doc: raw, source: 'examples/inpatient-unit.json (unparsed)' };
  }
  return { doc: generatedDoc(), source: 'generated 30-routine unit' };
}

function generatedDoc() {
  const days = [
    ['MO', 'TU', 'WE', 'TH', 'FR'],
    ['SA', 'SU'],
    ['MO', 'WE', 'FR'],
    ['TU', 'TH'],
  ];
  const routines = Array.from({ length: 30 }, (_, i) => {
    const h = 7 + Math.floor(i / 2);
    return {
      id: `r${i}`,
      kind: 'group-therapy',
      title: `Routine ${i}`,
      facilitatorIds: [],
      audience: { type: 'everyone' },
      attendance: 'required',
      start: `${String(h).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      end: `${String(h).padStart(2, '0')}:${i % 2 ? '55' : '25'}`,
      recurrence:
        i % 3 === 0
          ? { freq: 'DAILY', startDate: '2026-01-05' }
          : { freq: 'WEEKLY', byDay: days[i % 4], startDate: '2026-01-05' },
      exceptions: [],
      roster: [],
    };
  });
  const participants = Array.from({ length: 20 }, (_, i) => ({
    id: `p${i}`,
    preferredName: `P${i}`,
    admissionDate: '2026-01-01',
    groupIds: [],
    electiveRoutineIds: [],
    goals: [],
  }));
  return {
    milieuVersion: 1,
    program: {
      id: 'unit',
      name: 'Unit',
      setting: 'inpatient',
      timeZone: 'America/New_York',
      locale: 'en-US',
      stay: { model: 'short-term', boundDays: 30 },
      locations: [],
      groups: [],
    },
    people: { participants, staff: [] },
    routines,
    expectations: { items: [] },
    records: { attendance: [], observations: [], feedback: [], copingPractice: [] },
    transitions: [],
  };
}

// ---------------------------------------------------------------- timing helpers
/**
 * Runs `fn` for at least `minMs` of wall time (after one warm-up call) and reports the cost per
 * run as the median of per-run wall times: robust to other processes competing for the CPU.
 * Total process CPU time per run (all threads, so GC included) is reported alongside.
 */
function time(fn, minMs = 2000) {
  fn();
  gc();
  const samples = [];
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < minMs || samples.length < 3) {
    const s = performance.now();
    fn();
    now = performance.now();
    samples.push(now - s);
  }
  const cpu = process.cpuUsage(cpu0);
  samples.sort((x, y) => x - y);
  const msPer = samples[samples.length >> 1];
  return {
    runs: samples.length,
    msPer,
    fastest: samples[0],
    perSec: 1000 / msPer,
    cpuMsPer: (cpu.user + cpu.system) / 1000 / samples.length,
  };
}
const fmt = (n, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const [i, r] of rows.entries()) {
    console.log(
      r
        .map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c])))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
}

// ---------------------------------------------------------------- 1. expansion
const { doc, source } = loadDoc();
const zone = doc.program.timeZone;
const from = zonedToInstant('2026-01-01', '00:00', zone).ms;
const to = zonedToInstant('2027-01-01', '00:00', zone).ms;
const range = { from: new Date(from), to: new Date(to) };

const WD = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};
const floating = (date, time = '00:00') => {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return datetime(y, m, d, hh, mm);
};
/** The same recurrence set as our engine: RRULE (+ RDATE/EXDATE) with TZID, from the routine's start time. */
function rruleFor(r, noCache, tzid = zone) {
  const rec = r.recurrence;
  const rule = new RRule(
    {
      freq: rec.freq === 'DAILY' ? RRule.DAILY : RRule.WEEKLY,
      interval: rec.interval ?? 1,
      byweekday: rec.byDay ? rec.byDay.map((c) => WD[c]) : null,
      wkst: RRule.MO,
      dtstart: floating(rec.startDate, r.start),
      tzid,
      until: rec.until ? floating(rec.until, '23:59') : null,
      count: rec.count ?? null,
    },
    noCache,
  );
  if (!rec.rdates?.length && !rec.exdates?.length) return rule;
  const set = new RRuleSet(noCache);
  set.rrule(rule);
  if (tzid) set.tzid(tzid);
  for (const d of rec.rdates ?? []) set.rdate(floating(d, r.start));
  for (const d of rec.exdates ?? []) set.exdate(floating(d, r.start));
  return set;
}
const rAfter = new Date(from);
const rBefore = new Date(to);
const rruleRun = (rules) => {
  let n = 0;
  for (const rule of rules) n += rule.between(rAfter, rBefore, true).length;
  return n;
};

// Ours first, before rrule has run, so neither heap nor caches carry the other's state.
const t0 = performance.now();
const first = expandOccurrences(doc, range);
const coldMs = performance.now() - t0;
const ours = time(() => expandOccurrences(doc, range), 4000);
const rruleCount = rruleRun(doc.routines.map((r) => rruleFor(r, true)));
const prebuilt = doc.routines.map((r) => rruleFor(r, true));
const rrPerRun = time(() => rruleRun(doc.routines.map((r) => rruleFor(r, true))));
const rrPrebuilt = time(() => rruleRun(prebuilt));
const rrFloating = time(() => rruleRun(doc.routines.map((r) => rruleFor(r, true, null))), 4000);

console.log(
  `\nExpansion: ${source}, ${doc.routines.length} routines, ${zone}, 2026-01-01 → 2027-01-01 (12 months)`,
);
console.log(
  `  our occurrences per expansion: ${fmt(first.length)} (start + end instants and ISO strings, audience, exceptions); rrule start dates: ${fmt(rruleCount)}`,
);
console.log(
  `  first (cold) expansion, incl. reading the zone's offsets from Intl: ${fmt(coldMs, 1)} ms`,
);
console.log(
  '  expansions/s and ms from the median run; CPU = process CPU time per run (all threads, GC included)\n',
);
const row = (label, t) => [
  label,
  fmt(t.perSec, 1),
  fmt(t.msPer, 2),
  fmt(t.fastest, 2),
  fmt(t.cpuMsPer, 2),
  `${fmt(t.perSec / rrPerRun.perSec, 1)}×`,
];
table([
  ['variant', 'expansions/s', 'ms', 'fastest ms', 'CPU ms', 'vs rrule'],
  row('milieu expandOccurrences (doc → occurrences, DST-correct)', ours),
  row('rrule + tzid, RRule objects built per run (noCache)', rrPerRun),
  row('rrule + tzid, RRule objects built once (noCache)', rrPrebuilt),
  row('rrule without tzid (floating UTC: NOT DST-correct), per run', rrFloating),
]);
console.log(
  `\n  ratio vs rrule with tzid, both building from the document each run: ${fmt(ours.perSec / rrPerRun.perSec, 1)}× (goal ≥ 10×)`,
);
console.log(
  `  ratio vs rrule without tzid (wrong across DST, for scale): ${fmt(ours.perSec / rrFloating.perSec, 1)}×`,
);

// ---------------------------------------------------------------- 2. conflicts
// Everyone admitted for the whole span keeps the density constant, so 100k is 10× the work of 10k.
const steady = JSON.parse(JSON.stringify(doc));
for (const p of steady.people.participants) {
  p.admissionDate = '2020-01-01';
  delete p.dischargeDate;
}
for (const r of steady.routines) {
  delete r.recurrence.until;
  delete r.recurrence.count;
}
const many = expandOccurrences(steady, {
  from: new Date(from),
  to: new Date(from + 16 * 366 * 86_400_000),
});
const conflictRows = [
  ['occurrences', 'participant refs', 'conflicts', 'ms/run', 'CPU ms/run', 'time ratio'],
];
let base;
for (const n of [10_000, 100_000]) {
  if (many.length < n) continue;
  const occ = many.slice(0, n);
  const refs = occ.reduce((s, o) => s + o.participantIds.length, 0);
  const found = findConflicts(occ, { locations: doc.program.locations }).length;
  const t = time(() => findConflicts(occ, { locations: doc.program.locations }), 2500);
  base ??= t.msPer;
  conflictRows.push([
    fmt(n),
    fmt(refs),
    fmt(found),
    fmt(t.msPer, 1),
    fmt(t.cpuMsPer, 1),
    `${fmt(t.msPer / base, 1)}×`,
  ]);
}
console.log(
  `\nfindConflicts (occurrences of the same unit over ${fmt(many.length)} expanded, sorted input):\n`,
);
table(conflictRows);

// ---------------------------------------------------------------- 3. bundle size
const bundleOf = (contents) => bundleSize(contents, pkgDir, { loader: 'ts', platform: 'neutral' });
const fromSource = await bundleOf("export { expandOccurrences } from './src/schedule/expand.ts';");
const fromDist = await bundleOf("export { expandOccurrences } from './dist/index.js';");
console.log('\nBundle importing only expandOccurrences (esbuild, minified):\n');
table([
  ['entry', 'minified', 'gzip'],
  [
    'src/schedule/expand.ts (the expansion entry point)',
    `${fmt(fromSource.raw / 1024, 1)} KB`,
    `${fmt(fromSource.gzip / 1024, 1)} KB`,
  ],
  [
    'dist/index.js (package root, as published today)',
    `${fmt(fromDist.raw / 1024, 1)} KB`,
    `${fmt(fromDist.gzip / 1024, 1)} KB`,
  ],
]);
