/**
 * Cross-reference checks: every id that points somewhere must point at something that exists.
 * Written defensively over untrusted input, so `parseDocument` runs them alongside the shape
 * checks and reports both kinds of issue in one pass.
 *
 * @module
 */
import type { MilieuDocument } from './document.js';
import type { Issue } from './issues.js';
import { toPointer } from './pointer.js';
import { OCCURRENCE_ID_PATTERN } from './scalars.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Paths stay arrays until an issue needs a pointer: building strings for every valid id would cost more than the check. */
const at = (...path: PropertyKey[]): PropertyKey[] => path;

/** Indexes `items` by their string `id` (first one wins). */
function index(items: unknown[]): Map<string, Obj> {
  const map = new Map<string, Obj>();
  for (const item of items) {
    const o = obj(item);
    const id = str(o?.['id']);
    if (o && id !== undefined && !map.has(id)) map.set(id, o);
  }
  return map;
}

/**
 * Checks every cross-reference of a milieu document and returns one `unknown_reference` issue
 * per dangling id (or `invalid_reference` when the target exists but is the wrong kind, e.g. an
 * elective id naming a required routine, or an observation step missing from the ladder).
 * Also reports an id shared by a participant and a staff member as `duplicate_id`.
 *
 * @param doc - a document that passed shape validation (malformed parts are skipped, not thrown on)
 * @returns issues in document order; empty when every reference resolves
 */
export function checkReferences(doc: MilieuDocument): Issue[] {
  return collectReferenceIssues(doc);
}

/** @internal {@link checkReferences} over untrusted input. */
export function collectReferenceIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const doc = obj(input);
  if (!doc) return issues;
  const program = obj(doc['program']);
  const people = obj(doc['people']);
  const records = obj(doc['records']);
  const expectationSet = obj(doc['expectations']);

  const participants = index(arr(people?.['participants']));
  const staff = index(arr(people?.['staff']));
  const locations = index(arr(program?.['locations']));
  const groups = index(arr(program?.['groups']));
  const routines = index(arr(doc['routines']));
  const expectations = index(arr(expectationSet?.['items']));

  const ref = (
    value: unknown,
    target: Map<string, Obj>,
    what: string,
    path: PropertyKey[],
  ): Obj | undefined => {
    const id = str(value);
    if (id === undefined) return undefined;
    const found = target.get(id);
    if (!found)
      issues.push({
        path: toPointer(path),
        code: 'unknown_reference',
        message: `no ${what} has the id "${id}"`,
      });
    return found;
  };
  const refs = (
    value: unknown,
    target: Map<string, Obj>,
    what: string,
    ...base: PropertyKey[]
  ): void => {
    arr(value).forEach((id, i) => ref(id, target, what, at(...base, i)));
  };
  const person = (value: unknown, path: PropertyKey[]): void => {
    const id = str(value);
    if (id !== undefined && !participants.has(id) && !staff.has(id)) {
      issues.push({
        path: toPointer(path),
        code: 'unknown_reference',
        message: `no participant or staff member has the id "${id}"`,
      });
    }
  };

  arr(people?.['staff']).forEach((s, i) => {
    const id = str(obj(s)?.['id']);
    if (id !== undefined && participants.has(id)) {
      issues.push({
        path: toPointer(at('people', 'staff', i, 'id')),
        code: 'duplicate_id',
        message: `"${id}" is also a participant's id; people ids must be unique across participants and staff`,
      });
    }
  });

  arr(people?.['participants']).forEach((item, i) => {
    const p = obj(item);
    if (!p) return;
    const base = ['people', 'participants', i] as const;
    refs(p['groupIds'], groups, 'group', ...base, 'groupIds');
    arr(p['electiveRoutineIds']).forEach((id, k) => {
      const path = at(...base, 'electiveRoutineIds', k);
      const routine = ref(id, routines, 'routine', path);
      if (routine && routine['attendance'] !== 'elective') {
        issues.push({
          path: toPointer(path),
          code: 'invalid_reference',
          message: `routine "${String(id)}" is not elective (attendance is "${String(routine['attendance'])}")`,
        });
      }
    });
    ref(p['primaryTherapistId'], staff, 'staff member', at(...base, 'primaryTherapistId'));
  });

  arr(doc['routines']).forEach((item, i) => {
    const r = obj(item);
    if (!r) return;
    ref(r['locationId'], locations, 'location', at('routines', i, 'locationId'));
    refs(r['facilitatorIds'], staff, 'staff member', 'routines', i, 'facilitatorIds');
    const audience = obj(r['audience']);
    refs(audience?.['groupIds'], groups, 'group', 'routines', i, 'audience', 'groupIds');
    refs(
      audience?.['participantIds'],
      participants,
      'participant',
      'routines',
      i,
      'audience',
      'participantIds',
    );
    arr(r['exceptions']).forEach((e, k) => {
      const ex = obj(e);
      ref(
        ex?.['locationId'],
        locations,
        'location',
        at('routines', i, 'exceptions', k, 'locationId'),
      );
      refs(
        ex?.['facilitatorIds'],
        staff,
        'staff member',
        'routines',
        i,
        'exceptions',
        k,
        'facilitatorIds',
      );
    });
    arr(r['roster']).forEach((c, k) => {
      ref(
        obj(c)?.['participantId'],
        participants,
        'participant',
        at('routines', i, 'roster', k, 'participantId'),
      );
    });
  });

  ref(
    obj(expectationSet?.['agreedAt'])?.['routineId'],
    routines,
    'routine',
    at('expectations', 'agreedAt', 'routineId'),
  );

  checkRecords(records, { participants, staff, routines, expectations }, ref, person, issues);

  arr(doc['transitions']).forEach((item, i) => {
    const t = obj(item);
    if (!t) return;
    ref(t['participantId'], participants, 'participant', at('transitions', i, 'participantId'));
    ref(t['staffId'], staff, 'staff member', at('transitions', i, 'staffId'));
    ref(t['successorStaffId'], staff, 'staff member', at('transitions', i, 'successorStaffId'));
    arr(t['plan']).forEach((task, k) => {
      arr(obj(obj(task)?.['consent'])?.['parties']).forEach((party, j) =>
        person(party, at('transitions', i, 'plan', k, 'consent', 'parties', j)),
      );
    });
  });
  return issues;
}

type Ref = (
  value: unknown,
  target: Map<string, Obj>,
  what: string,
  path: PropertyKey[],
) => Obj | undefined;
interface Targets {
  participants: Map<string, Obj>;
  staff: Map<string, Obj>;
  routines: Map<string, Obj>;
  expectations: Map<string, Obj>;
}

function checkRecords(
  records: Obj | undefined,
  t: Targets,
  ref: Ref,
  person: (v: unknown, path: PropertyKey[]) => void,
  issues: Issue[],
): void {
  const seenAttendance = new Map<string, number>();
  arr(records?.['attendance']).forEach((item, i) => {
    const a = obj(item);
    if (!a) return;
    const occurrenceId = str(a['occurrenceId']);
    const match = occurrenceId === undefined ? null : OCCURRENCE_ID_PATTERN.exec(occurrenceId);
    if (match) ref(match[1], t.routines, 'routine', at('records', 'attendance', i, 'occurrenceId'));
    const participantId = str(a['participantId']);
    ref(
      participantId,
      t.participants,
      'participant',
      at('records', 'attendance', i, 'participantId'),
    );
    if (occurrenceId !== undefined && participantId !== undefined) {
      const key = `${occurrenceId}\u0000${participantId}`;
      const first = seenAttendance.get(key);
      if (first === undefined) seenAttendance.set(key, i);
      else
        issues.push({
          path: toPointer(at('records', 'attendance', i)),
          code: 'duplicate_value',
          message: `attendance of "${participantId}" at "${occurrenceId}" is already recorded at index ${first}`,
        });
    }
  });

  arr(records?.['observations']).forEach((item, i) => {
    const o = obj(item);
    if (!o) return;
    ref(
      o['participantId'],
      t.participants,
      'participant',
      at('records', 'observations', i, 'participantId'),
    );
    ref(o['byStaffId'], t.staff, 'staff member', at('records', 'observations', i, 'byStaffId'));
    const expectation = ref(
      o['expectationId'],
      t.expectations,
      'expectation',
      at('records', 'observations', i, 'expectationId'),
    );
    const steps = arr(expectation?.['ladder']).map((s) => obj(s)?.['step']);
    if (expectation && typeof o['step'] === 'number' && !steps.includes(o['step'])) {
      issues.push({
        path: toPointer(at('records', 'observations', i, 'step')),
        code: 'invalid_reference',
        message: `step ${o['step']} is not on the ladder of expectation "${String(o['expectationId'])}" (steps: ${steps.join(', ') || 'none'})`,
      });
    }
  });

  arr(records?.['feedback']).forEach((item, i) => {
    const f = obj(item);
    if (!f) return;
    const base = ['records', 'feedback', i] as const;
    const source = f['source'];
    if (source === 'therapist' || source === 'staff')
      ref(f['authorId'], t.staff, 'staff member', at(...base, 'authorId'));
    else if (source === 'peer' || source === 'self' || source === 'program')
      ref(f['authorId'], t.participants, 'participant', at(...base, 'authorId'));
    else person(f['authorId'], at(...base, 'authorId'));
    const subject = ref(f['subjectId'], t.participants, 'participant', at(...base, 'subjectId'));
    ref(
      obj(f['review'])?.['reviewedBy'],
      t.staff,
      'staff member',
      at(...base, 'review', 'reviewedBy'),
    );
    const about = obj(f['about']);
    const aboutId = str(about?.['id']);
    if (aboutId === undefined) return;
    const path = at(...base, 'about', 'id');
    if (about?.['type'] === 'expectation') ref(aboutId, t.expectations, 'expectation', path);
    if (about?.['type'] === 'activity') {
      const match = OCCURRENCE_ID_PATTERN.exec(aboutId);
      ref(match ? match[1] : aboutId, t.routines, 'routine', path);
    }
    if (about?.['type'] === 'goal' && subject) {
      ref(
        aboutId,
        index(arr(subject['goals'])),
        `goal of participant "${String(f['subjectId'])}"`,
        path,
      );
    }
  });

  arr(records?.['copingPractice']).forEach((item, i) => {
    ref(
      obj(item)?.['participantId'],
      t.participants,
      'participant',
      at('records', 'copingPractice', i, 'participantId'),
    );
  });
}
