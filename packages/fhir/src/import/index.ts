/**
 * `fromFhir`: a FHIR R4 Bundle as a milieu document. Never throws.
 *
 * @module
 */
import { parseDocument, type Issue, type MilieuDocument, type Routine } from '@milieu/core';
import type { ActivityDefinition, Appointment, Bundle } from '@medplum/fhirtypes';
import { canon, RECURRENCE_TEMPLATE_URL } from '../constants.js';
import { findExt, identifierValue } from '../util.js';
import { BundleIndex, sub } from './bundle.js';
import { findUnit, readPeople, readProgram, type ProgramDefaults } from './people.js';
import { readAttendance, readFeedback, readTransitions } from './records.js';
import { coveredBy, routinesFromAppointments } from './appointments.js';
import { routineFromActivity } from './schedule.js';

/** Options of {@link fromFhir}. */
export interface FromFhirOptions {
  /** The canonical base the bundle's milieu extensions and identifiers use (as given to `toFhir`). */
  canonicalBase?: string;
  /**
   * What to use for the program when the bundle has no milieu unit Group (a bundle of plain
   * Appointments): id, name, setting, IANA time zone (default: the zone of the first
   * recurrence template, else `UTC`) and locale.
   */
  program?: ProgramDefaults;
}

/**
 * The outcome of {@link fromFhir}: like core's `ParseResult`, plus `warnings` on success for
 * what was skipped. Every issue is located by a JSON pointer into the bundle
 * (`/entry/12/resource/timingTiming`); issues that `parseDocument` finds in the assembled
 * document point at the resource it came from and name the document path in the message.
 */
export type FromFhirResult =
  { ok: true; value: MilieuDocument; warnings: Issue[] } | { ok: false; issues: Issue[] };

function zoneHint(ix: BundleIndex): string | undefined {
  for (const { resource } of ix.all<Appointment>('Appointment')) {
    const tz: unknown = sub(findExt(resource, RECURRENCE_TEMPLATE_URL), 'timezone')
      ?.valueCodeableConcept?.coding?.[0]?.code;
    if (typeof tz === 'string' && tz !== '') return tz;
  }
  return undefined;
}

/**
 * Imports a FHIR R4 Bundle as a milieu document: the resources {@link toFhir} writes (read
 * back element by element), and foreign data — Appointments with the R5 `recurrenceTemplate`
 * extension become series, plain R4 Appointments one-off routines, Patients and Practitioners
 * the people they name. Never throws: unreadable input and resources that cannot be mapped are
 * issues (or warnings, when the rest still makes a document) located by JSON pointers.
 *
 * The document passes `parseDocument`; `expandOccurrences` over it gives the same occurrences
 * as the document that was exported (the package's round-trip tests check this over a year,
 * across DST changes).
 *
 * @param bundle - a parsed JSON value: a `Bundle` of any type (`collection`, `transaction`, `searchset`, …)
 * @param options - canonical base and program defaults
 * @example
 * ```ts
 * const result = fromFhir(await response.json(), { program: { timeZone: 'America/New_York' } });
 * if (result.ok) console.log(result.value.routines.length, result.warnings);
 * ```
 */
export function fromFhir(bundle: unknown, options: FromFhirOptions = {}): FromFhirResult {
  try {
    return importBundle(bundle, options);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return {
      ok: false,
      issues: [
        { path: '', code: 'unreadable_input', message: `the bundle could not be read${detail}` },
      ],
    };
  }
}

function importBundle(bundle: unknown, options: FromFhirOptions): FromFhirResult {
  const b = bundle as Bundle | null;
  if (b === null || typeof b !== 'object' || Array.isArray(b) || b.resourceType !== 'Bundle') {
    return {
      ok: false,
      issues: [
        {
          path: '/resourceType',
          code: 'invalid_type',
          message: 'expected a FHIR Bundle (resourceType "Bundle")',
        },
      ],
    };
  }
  if (b.entry !== undefined && !Array.isArray(b.entry)) {
    return {
      ok: false,
      issues: [{ path: '/entry', code: 'invalid_type', message: 'Bundle.entry must be an array' }],
    };
  }
  const ix = new BundleIndex(canon(options.canonicalBase), b.entry ?? []);
  const unit = findUnit(ix);
  const programId =
    (unit ? identifierValue(unit.resource, ix.c.identifier('program')) : undefined) ??
    options.program?.id;
  if (programId !== undefined) ix.scope(programId);
  const program = readProgram(ix, unit, options.program ?? {}, zoneHint(ix));
  if (unit) ix.origins.set(program, unit.pointer);

  const routines: Routine[] = [];
  const routineByUrl = new Map<string, string>();
  const activities = new Set<object>();
  for (const located of ix.all<ActivityDefinition>('ActivityDefinition')) {
    const routine = ix.guard(located, () => routineFromActivity(ix, located));
    if (!routine) continue;
    ix.origins.set(routine, located.pointer);
    routines.push(routine);
    activities.add(located.resource);
    if (located.resource.url) routineByUrl.set(located.resource.url, routine.id);
  }
  const firstSeen = new Map<string, string>();
  const occurrenceIds = new Map<Appointment, string>();
  const covered = coveredBy(ix, new Set(routines.map((r) => r.id)), activities);
  for (const r of routinesFromAppointments(
    ix,
    program.timeZone,
    covered,
    firstSeen,
    occurrenceIds,
  )) {
    routines.push(r);
  }
  const dates = [...firstSeen.values(), ...routines.map((r) => r.recurrence.startDate)].sort();
  const fallbackDate = dates[0] ?? '1970-01-01';
  const people = readPeople(ix, unit, firstSeen, routineByUrl, fallbackDate);
  const staffIds = new Set(people.staff.map((s) => s.id));
  const participantIds = new Set(people.participants.map((p) => p.id));
  const routineIds = new Set(routines.map((r) => r.id));
  const electives = new Set(routines.filter((r) => r.attendance === 'elective').map((r) => r.id));
  for (const p of people.participants) {
    p.electiveRoutineIds = p.electiveRoutineIds.filter((id) => electives.has(id));
    if (p.primaryTherapistId !== undefined && !staffIds.has(p.primaryTherapistId))
      delete p.primaryTherapistId;
  }
  for (const r of routines) {
    r.facilitatorIds = r.facilitatorIds.filter((id) => staffIds.has(id));
    if (r.audience.type === 'participants') {
      const ids = r.audience.participantIds.filter((id) => participantIds.has(id));
      r.audience = ids.length
        ? { type: 'participants', participantIds: ids }
        : { type: 'everyone' };
    }
    r.roster = r.roster.filter((c) => participantIds.has(c.participantId));
  }

  const occurrenceOf = (a: Appointment): string | undefined =>
    identifierValue(a, ix.c.identifier('occurrence')) ?? occurrenceIds.get(a);
  const attendance = readAttendance(ix, occurrenceOf).filter((rec) => {
    const ok =
      participantIds.has(rec.participantId) &&
      routineIds.has(rec.occurrenceId.slice(0, rec.occurrenceId.lastIndexOf('@')));
    if (!ok)
      ix.issue(
        '/entry',
        'unknown_reference',
        `attendance for ${rec.occurrenceId} / ${rec.participantId} names an unknown routine or participant; skipped`,
      );
    return ok;
  });
  const known = (id: string | undefined): boolean =>
    id === undefined || participantIds.has(id) || staffIds.has(id);
  const feedback = readFeedback(ix, unit ? program.id : undefined).filter((f) => {
    if (f.subjectId !== undefined && !participantIds.has(f.subjectId)) return false;
    if (!known(f.authorId)) delete f.authorId;
    if (!known(f.review.reviewedBy)) delete f.review.reviewedBy;
    return true;
  });
  const transitions = readTransitions(ix).filter((t) => {
    if (t.participantId !== undefined && !participantIds.has(t.participantId)) return false;
    if (t.staffId !== undefined && !staffIds.has(t.staffId)) return false;
    if (t.successorStaffId !== undefined && !staffIds.has(t.successorStaffId))
      delete t.successorStaffId;
    return t.participantId !== undefined || t.staffId !== undefined || t.type === 'schedule-change';
  });

  const doc: MilieuDocument = {
    milieuVersion: 1,
    program,
    people,
    routines,
    expectations: { items: [] },
    records: { attendance, observations: [], feedback, copingPractice: [] },
    transitions,
  };
  const parsed = parseDocument(doc);
  if (parsed.ok) return { ok: true, value: parsed.value, warnings: ix.issues };
  const origins = new Map<string, string>();
  const note = (path: string, value: object): void => {
    const pointer = ix.origins.get(value);
    if (pointer !== undefined) origins.set(path, pointer);
  };
  note('/program', doc.program);
  doc.routines.forEach((r, i) => note(`/routines/${i}`, r));
  doc.people.participants.forEach((p, i) => note(`/people/participants/${i}`, p));
  doc.people.staff.forEach((s, i) => note(`/people/staff/${i}`, s));
  doc.records.attendance.forEach((r, i) => note(`/records/attendance/${i}`, r));
  doc.records.feedback.forEach((f, i) => note(`/records/feedback/${i}`, f));
  doc.transitions.forEach((t, i) => note(`/transitions/${i}`, t));
  const located = parsed.issues.map((i): Issue => {
    let origin = '';
    let best = -1;
    for (const [prefix, pointer] of origins) {
      if ((i.path === prefix || i.path.startsWith(`${prefix}/`)) && prefix.length > best) {
        origin = pointer;
        best = prefix.length;
      }
    }
    return { path: origin, code: i.code, message: `document ${i.path || '/'}: ${i.message}` };
  });
  return { ok: false, issues: [...ix.issues, ...located] };
}
