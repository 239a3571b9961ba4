/**
 * fast-check arbitraries that build VALID milieu documents (every reference resolves), used by
 * the property tests. Test-only.
 *
 * @internal
 * @module
 */
import fc from 'fast-check';
import { WEEKDAYS } from '../routine.js';
import { ACTIVITY_KINDS, ATTENDANCE_STATUSES } from '../vocabulary.js';
import { STAFF_ROLES, GOAL_STATUSES } from '../people.js';
import { SETTINGS } from '../program.js';
import { FEEDBACK_SOURCES, FEEDBACK_VISIBILITIES, REVIEW_STATUSES } from '../records.js';
import { EXPECTATION_CATEGORIES, LADDER_STEP_KINDS } from '../expectations.js';
import { PLAN_TASK_KINDS, PLAN_TASK_STATUSES } from '../transitions.js';
import type { Json } from './documents.js';

type Obj = { [key: string]: Json | undefined };
/** Drops `undefined` properties so the value is exactly what JSON would carry. */
const compact = (o: object): Json => {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v as Json;
  return out;
};
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });

const pad = (n: number): string => String(n).padStart(2, '0');
/** A real civil date between 2000-01-01 and about 2060. */
export const localDate = fc
  .integer({ min: 0, max: 22_000 })
  .map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
const dateFrom = (from: string, maxDays = 400) =>
  fc.integer({ min: 0, max: maxDays }).map((n) => {
    const [y, m, d] = from.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  });
/** A wall-clock time HH:MM. */
export const localTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
/** An instant with seconds and an offset. */
export const instant = fc
  .tuple(
    localDate,
    localTime,
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom('Z', '+00:00', '-05:00', '+05:30', '+14:00', '-04:00'),
  )
  .map(([d, t, s, o]) => `${d}T${t}:${pad(s)}${o}`);
const suffix = fc.stringMatching(/^[A-Za-z0-9_.:-]{0,6}$/);
const ids = (prefix: string, n: number) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => suffix.map((s) => `${prefix}${i}_${s}`)));
const text = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim().length > 0);
const pickSome = <T>(list: T[], min = 0) =>
  list.length < min ? fc.constant([] as T[]) : fc.subarray(list, { minLength: min });

interface Pools {
  participants: string[];
  staff: string[];
  locations: string[];
  groups: string[];
  routines: string[];
  expectations: string[];
}

const pools = fc
  .record({
    p: fc.nat(5),
    s: fc.integer({ min: 1, max: 4 }),
    l: fc.nat(3),
    g: fc.nat(3),
    r: fc.nat(4),
    e: fc.nat(3),
  })
  .chain(({ p, s, l, g, r, e }) =>
    fc.record({
      participants: ids('p', p),
      staff: ids('s', s),
      locations: ids('l', l),
      groups: ids('g', g),
      routines: ids('r', r),
      expectations: ids('e', e),
    }),
  ) as fc.Arbitrary<Pools>;

const recurrence = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY'),
    startDate: localDate,
    end: fc.constantFrom('none', 'until', 'count', 'review'),
  })
  .chain(({ freq, startDate, end }) =>
    fc
      .record({
        interval: maybe(fc.integer({ min: 1, max: 4 })),
        byDay:
          freq === 'WEEKLY'
            ? maybe(fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }))
            : fc.constant(undefined),
        until:
          end === 'until'
            ? dateFrom(startDate).map((d): string | undefined => d)
            : fc.constant(undefined),
        count:
          end === 'count'
            ? fc.integer({ min: 1, max: 500 }).map((n): number | undefined => n)
            : fc.constant(undefined),
        reviewDate:
          end === 'review'
            ? dateFrom(startDate).map((d): string | undefined => d)
            : fc.constant(undefined),
        rdates: maybe(fc.uniqueArray(localDate, { maxLength: 3 })),
        exdates: maybe(fc.uniqueArray(localDate, { maxLength: 3 })),
      })
      .map((rest) => compact({ freq, startDate, ...rest })),
  );

const routine = (id: string, elective: boolean, p: Pools) => {
  const audience = fc.oneof(
    fc.constant<Json>({ type: 'everyone' }),
    ...(p.groups.length
      ? [pickSome(p.groups, 1).map((groupIds): Json => ({ type: 'groups', groupIds }))]
      : []),
    ...(p.participants.length
      ? [
          pickSome(p.participants, 1).map((participantIds): Json => ({
            type: 'participants',
            participantIds,
          })),
        ]
      : []),
  );
  const exception = fc.record({
    kind: fc.constantFrom('cancelled', 'moved', 'changed'),
    reason: text,
    start: localTime,
    end: localTime,
    newDate: maybe(localDate),
    title: maybe(text),
    locationId: p.locations.length
      ? maybe(fc.constantFrom(...p.locations))
      : fc.constant(undefined),
    facilitatorIds: maybe(pickSome(p.staff)),
  });
  return fc
    .record({
      kind: fc.constantFrom(...ACTIVITY_KINDS),
      title: text,
      description: maybe(fc.string({ maxLength: 40 })),
      locationId: p.locations.length
        ? maybe(fc.constantFrom(...p.locations))
        : fc.constant(undefined),
      facilitatorIds: pickSome(p.staff),
      audience,
      capacity: maybe(
        fc
          .integer({ min: 1, max: 40 })
          .chain((max) =>
            fc
              .record({ max: fc.constant(max), min: maybe(fc.integer({ min: 0, max })) })
              .map(compact),
          ),
      ),
      start: localTime,
      end: localTime,
      recurrence,
      exceptionDates: fc.uniqueArray(localDate, { maxLength: 3 }),
      exceptions: fc.array(exception, { maxLength: 3 }),
      roster: p.participants.length
        ? fc.array(
            fc.record({
              participantId: fc.constantFrom(...p.participants),
              action: fc.constantFrom('add', 'remove'),
              effective: localDate,
            }),
            { maxLength: 3 },
          )
        : fc.constant([]),
    })
    .map(({ exceptionDates, exceptions, ...r }) =>
      compact({
        id,
        ...r,
        attendance: elective ? 'elective' : 'required',
        exceptions: exceptionDates.map((date, i): Json => {
          const e = exceptions[i] ?? { kind: 'cancelled', reason: 'closed' };
          if (e.kind === 'cancelled') return { date, type: 'cancelled', reason: e.reason };
          if (e.kind === 'moved')
            return compact({
              date,
              type: 'moved',
              reason: e.reason,
              newDate: 'newDate' in e ? e.newDate : undefined,
              start: 'start' in e ? e.start : '09:00',
              end: 'end' in e ? e.end : '10:00',
              locationId: 'locationId' in e ? e.locationId : undefined,
            });
          return compact({
            date,
            type: 'changed',
            reason: e.reason,
            title: 'title' in e ? e.title : undefined,
            locationId: 'locationId' in e ? e.locationId : undefined,
            facilitatorIds: 'facilitatorIds' in e ? e.facilitatorIds : undefined,
          });
        }),
      }),
    );
};

const expectation = (id: string) =>
  fc
    .record({
      statement: text,
      rationale: maybe(fc.string({ maxLength: 40 })),
      category: fc.constantFrom(...EXPECTATION_CATEGORIES),
      mutual: fc.boolean(),
      agreedAt: maybe(localDate),
      steps: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
      kinds: fc.array(fc.constantFrom(...LADDER_STEP_KINDS), { minLength: 4, maxLength: 4 }),
      reviewAfterDays: maybe(fc.integer({ min: 1, max: 30 })),
      earnBack: maybe(text),
    })
    .map(({ steps, kinds, reviewAfterDays, ...e }) =>
      compact({
        id,
        ...e,
        ladder: [...steps]
          .sort((a, b) => a - b)
          .map((step, i) =>
            compact({
              step,
              kind: kinds[i] ?? 'other',
              description: `step ${step}`,
              reviewAfterDays,
            }),
          ),
      }),
    );

/** A valid milieu document (shape and references). */
export const validDocumentArbitrary: fc.Arbitrary<Json> = pools.chain((p) => {
  const electives = p.routines.filter((_, i) => i % 2 === 1);
  const person = (id: string) =>
    localDate.chain((admissionDate) =>
      fc
        .record({
          preferredName: text,
          lastName: maybe(fc.string({ maxLength: 3 })),
          pronouns: maybe(fc.constantFrom('she/her', 'he/him', 'they/them')),
          anticipatedDischargeDate: maybe(dateFrom(admissionDate, 60)),
          dischargeDate: maybe(dateFrom(admissionDate, 60)),
          levelOfCare: maybe(text),
          groupIds: pickSome(p.groups),
          electiveRoutineIds: pickSome(electives),
          goals: fc.array(
            fc.record({
              statement: text,
              setOn: localDate,
              status: fc.constantFrom(...GOAL_STATUSES),
            }),
            { maxLength: 2 },
          ),
          primaryTherapistId: maybe(fc.constantFrom(...p.staff)),
        })
        .map(({ goals, ...rest }) =>
          compact({
            id,
            admissionDate,
            ...rest,
            goals: goals.map((g, i) => ({ id: `g${i}`, ...g })),
          }),
        ),
    );
  const staffMember = (id: string) =>
    localDate.chain((startDate) =>
      fc
        .record({
          preferredName: text,
          role: fc.constantFrom(...STAFF_ROLES),
          endDate: maybe(dateFrom(startDate)),
        })
        .map((s) => compact({ id, startDate, ...s })),
    );
  const routines = fc.tuple(...p.routines.map((id) => routine(id, electives.includes(id), p)));
  const expectations = fc.tuple(...p.expectations.map((id) => expectation(id)));
  return fc
    .record({
      $schema: maybe(fc.constant('../packages/core/schema.json')),
      program: fc.record({
        name: text,
        setting: fc.constantFrom(...SETTINGS),
        timeZone: fc.constantFrom(
          'America/New_York',
          'Europe/London',
          'Europe/Madrid',
          'UTC',
          'Australia/Lord_Howe',
          'Asia/Kathmandu',
        ),
        locale: fc.constantFrom('en-US', 'en-GB', 'es', 'es-419', 'fr-CA'),
        stay: fc.record({
          model: fc.constantFrom('short-term', 'long-term'),
          boundDays: fc.integer({ min: 1, max: 540 }),
        }),
        capacity: maybe(fc.integer({ min: 1, max: 50 })),
        policy: maybe(fc.record({ peerAnonymityMinRaters: fc.integer({ min: 1, max: 6 }) })),
      }),
      participants: fc.tuple(...p.participants.map(person)),
      staff: fc.tuple(...p.staff.map(staffMember)),
      routines,
      expectations,
      agreedAt: maybe(localDate),
      records: records(p),
      transitions: transitions(p),
    })
    .map(
      ({
        program: { capacity, policy, ...program },
        participants,
        staff,
        routines: rs,
        expectations: es,
        agreedAt,
        records: rec,
        transitions: ts,
        $schema,
      }) =>
        compact({
          $schema,
          milieuVersion: 1,
          program: compact({
            id: 'program-1',
            ...program,
            locations: p.locations.map((id) => compact({ id, name: `Room ${id}`, capacity })),
            groups: p.groups.map((id) => ({ id, name: `Group ${id}` })),
            policy,
          }),
          people: { participants, staff },
          routines: rs,
          expectations: compact({
            agreedAt:
              agreedAt === undefined
                ? undefined
                : compact({ date: agreedAt, routineId: p.routines[0] }),
            items: es,
          }),
          records: withObservations(rec, es, p),
          transitions: ts,
        }),
    );
});

function records(p: Pools) {
  const feedback = fc
    .record({
      source: fc.constantFrom(...FEEDBACK_SOURCES),
      createdAt: instant,
      strengths: text,
      suggestions: maybe(fc.string({ maxLength: 30 })),
      ratings: maybe(
        fc.dictionary(fc.constantFrom('listening', 'effort', 'q1'), fc.constantFrom(1, 2, 3, 4, 5)),
      ),
      answers: maybe(
        fc.dictionary(
          fc.constantFrom('q1', 'q2'),
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 }), fc.integer()),
        ),
      ),
      visibility: fc.constantFrom(...FEEDBACK_VISIBILITIES),
      anonymous: fc.boolean(),
      status: fc.constantFrom(...REVIEW_STATUSES),
      reviewedAt: maybe(instant),
    })
    .filter((f) => p.participants.length > 0 || f.source === 'staff' || f.source === 'therapist')
    .map(({ status, reviewedAt, ...f }) => {
      const byStaff = f.source === 'staff' || f.source === 'therapist';
      return compact({
        ...f,
        authorId: byStaff ? p.staff[0] : p.participants[0],
        subjectId: f.source === 'program' ? undefined : p.participants[0],
        about: p.routines.length
          ? { type: 'activity', id: `${p.routines[0]}@2026-03-08` }
          : { type: 'general' },
        review: compact({ status, reviewedBy: reviewedAt ? p.staff[0] : undefined, reviewedAt }),
      });
    });
  const attendance =
    p.routines.length && p.participants.length
      ? fc
          .uniqueArray(
            fc.record({
              r: fc.constantFrom(...p.routines),
              d: localDate,
              who: fc.constantFrom(...p.participants),
              status: fc.constantFrom(...ATTENDANCE_STATUSES),
            }),
            { selector: (a) => `${a.r}@${a.d}/${a.who}`, maxLength: 6 },
          )
          .map((list) =>
            list.map((a): Json => ({
              occurrenceId: `${a.r}@${a.d}`,
              participantId: a.who,
              status: a.status,
            })),
          )
      : fc.constant<Json[]>([]);
  const coping = p.participants.length
    ? fc
        .array(
          fc.record({
            who: fc.constantFrom(...p.participants),
            skill: text,
            at: instant,
            helpfulness: maybe(fc.constantFrom(1, 2, 3, 4, 5)),
          }),
          { maxLength: 4 },
        )
        .map((l) => l.map(({ who, ...c }, i) => compact({ id: `c${i}`, participantId: who, ...c })))
    : fc.constant<Json[]>([]);
  return fc.record({
    attendance,
    feedback: fc
      .array(feedback, { maxLength: 4 })
      .map((l) => l.map((f, i) => compact({ id: `f${i}`, ...(f as Obj) }))),
    copingPractice: coping,
    at: instant,
  });
}

function withObservations(
  rec: { attendance: Json[]; feedback: Json[]; copingPractice: Json[]; at: string },
  es: Json[],
  p: Pools,
): Json {
  const first = es[0] as { id: string; ladder: { step: number }[] } | undefined;
  const observations: Json[] =
    first && p.participants[0] && p.staff[0]
      ? first.ladder.map((s, i) => ({
          id: `o${i}`,
          participantId: p.participants[0]!,
          expectationId: first.id,
          at: rec.at,
          step: s.step,
          byStaffId: p.staff[0]!,
        }))
      : [];
  return {
    attendance: rec.attendance,
    observations,
    feedback: rec.feedback,
    copingPractice: rec.copingPractice,
  };
}

function transitions(p: Pools) {
  const t = fc.record({
    type: fc.constantFrom(
      'discharge',
      'step-down',
      'step-up',
      'transfer',
      'staff-departure',
      'staff-arrival',
      'schedule-change',
    ),
    effectiveDate: localDate,
    createdOn: maybe(localDate),
    plan: fc.array(
      fc.record({
        kind: fc.constantFrom(...PLAN_TASK_KINDS),
        status: fc.constantFrom(...PLAN_TASK_STATUSES),
        dueDate: maybe(localDate),
        at: maybe(instant),
        note: maybe(text),
        consent: maybe(fc.constant(true)),
      }),
      { maxLength: 3 },
    ),
  });
  return fc.array(t, { maxLength: 3 }).map((list) =>
    list
      .filter(
        (x) =>
          p.participants.length > 0 ||
          !['discharge', 'step-down', 'step-up', 'transfer'].includes(x.type),
      )
      .map((x, i) => {
        const forStaff = x.type === 'staff-departure' || x.type === 'staff-arrival';
        const forParticipant = !forStaff && x.type !== 'schedule-change';
        return compact({
          id: `t${i}`,
          type: x.type,
          participantId: forParticipant ? p.participants[0] : undefined,
          staffId: forStaff ? p.staff[0] : undefined,
          successorStaffId: x.type === 'staff-departure' ? p.staff[p.staff.length - 1] : undefined,
          effectiveDate: x.effectiveDate,
          createdOn: x.createdOn,
          plan: x.plan.map(({ consent, ...task }, k) =>
            compact({
              id: `k${k}`,
              ...task,
              consent: consent
                ? { recordedOn: x.effectiveDate, parties: [p.staff[0]!] }
                : undefined,
            }),
          ),
        });
      }),
  );
}
