/**
 * Fixture documents for the schedule board's tests, stories and benchmark. Plain objects typed
 * as core's model, valid for `parseDocument`. Not part of the public API.
 *
 * @internal
 */
import {
  ACTIVITY_KINDS,
  addDays,
  type MilieuDocument,
  type Participant,
  type Routine,
  type Staff,
} from '@milieu/core';

/** Monday of the fixture week (2026-03-09 … 2026-03-15, America/New_York, EDT). */
export const WEEK_OF = '2026-03-09';

type RoutineInit = Partial<Omit<Routine, 'recurrence'>> & {
  recurrence?: Partial<Routine['recurrence']>;
};

/** A daily routine from 2026-01-05 with a review date; override anything. */
export function routine(id: string, init: RoutineInit = {}): Routine {
  const { recurrence, ...rest } = init;
  return {
    id,
    kind: 'group-therapy',
    title: id,
    facilitatorIds: [],
    audience: { type: 'everyone' },
    attendance: 'required',
    start: '09:00',
    end: '10:00',
    exceptions: [],
    roster: [],
    ...rest,
    recurrence: {
      freq: 'DAILY',
      startDate: '2026-01-05',
      ...(recurrence?.until || recurrence?.count ? {} : { reviewDate: '2026-07-06' }),
      ...recurrence,
    },
  };
}

const staff: Staff[] = [
  {
    id: 'st-dana',
    preferredName: 'Dana',
    lastName: 'Rivera',
    role: 'therapist',
    startDate: '2024-01-08',
  },
  {
    id: 'st-kim',
    preferredName: 'Kim',
    lastName: 'Nguyen',
    role: 'nurse',
    startDate: '2023-05-02',
  },
];

const participants: Participant[] = [
  {
    id: 'p-ana',
    preferredName: 'Ana',
    lastName: 'Lopez-Garcia',
    admissionDate: '2026-03-01',
    levelOfCare: 'LEVEL-SECRET-2',
    groupIds: ['track-a'],
    electiveRoutineIds: ['art'],
    goals: [
      { id: 'g1', statement: 'GOAL-SECRET sleep routine', setOn: '2026-03-02', status: 'active' },
    ],
    primaryTherapistId: 'st-dana',
  },
  {
    id: 'p-ben',
    preferredName: 'Ben',
    lastName: 'Okafor',
    admissionDate: '2026-03-03',
    groupIds: ['track-b'],
    electiveRoutineIds: [],
    goals: [],
  },
];

/** The fixture week's routines: meals, a moved group, a changed meeting, a cancelled elective. */
export function weekRoutines(): Routine[] {
  return [
    routine('breakfast', {
      kind: 'breakfast',
      title: 'Breakfast',
      start: '08:00',
      end: '08:45',
      locationId: 'dining',
      facilitatorIds: ['st-kim'],
    }),
    routine('meds', {
      kind: 'medication',
      title: 'Morning medication',
      start: '08:45',
      end: '09:00',
      locationId: 'dining',
      facilitatorIds: ['st-kim'],
    }),
    routine('community', {
      kind: 'community-meeting',
      title: 'Community meeting',
      start: '09:00',
      end: '09:30',
      locationId: 'day-room',
      facilitatorIds: ['st-dana'],
      recurrence: { freq: 'WEEKLY', byDay: ['MO', 'TH'] },
      exceptions: [
        {
          date: '2026-03-12',
          type: 'changed',
          reason: 'The day room is being painted.',
          locationId: 'dining',
        },
      ],
    }),
    routine('group', {
      kind: 'group-therapy',
      title: 'Group therapy',
      start: '14:00',
      end: '15:00',
      locationId: 'group-room',
      facilitatorIds: ['st-dana'],
      exceptions: [
        {
          date: '2026-03-10',
          type: 'moved',
          reason: 'Staff training.',
          start: '10:00',
          end: '11:00',
        },
      ],
    }),
    routine('track-a', {
      kind: 'psychoeducation',
      title: 'Track A: sleep',
      start: '11:00',
      end: '11:45',
      locationId: 'group-room',
      audience: { type: 'groups', groupIds: ['track-a'] },
      recurrence: { freq: 'WEEKLY', byDay: ['MO', 'WE', 'FR'] },
    }),
    routine('lunch', {
      kind: 'lunch',
      title: 'Lunch',
      start: '12:00',
      end: '12:45',
      locationId: 'dining',
    }),
    routine('art', {
      kind: 'art-therapy',
      title: 'Open art studio',
      attendance: 'elective',
      start: '15:30',
      end: '16:30',
      locationId: 'art-room',
      facilitatorIds: ['st-dana'],
      recurrence: { freq: 'WEEKLY', byDay: ['TU', 'TH'] },
      exceptions: [{ date: '2026-03-12', type: 'cancelled', reason: 'The art therapist is away.' }],
    }),
    routine('dinner', {
      kind: 'dinner',
      title: 'Dinner',
      start: '17:30',
      end: '18:15',
      locationId: 'dining',
    }),
    routine('lights-out', {
      kind: 'lights-out',
      title: 'Lights out',
      start: '22:00',
      end: '22:15',
    }),
  ];
}

/** Options of {@link boardDoc}. */
export interface BoardDocInit {
  timeZone?: string;
  locale?: string;
  routines?: Routine[];
  participants?: Participant[];
  staff?: Staff[];
  locations?: { id: string; name: string }[];
  name?: string;
}

/** A valid document for the fixture week; with records a shared screen must never show. */
export function boardDoc(init: BoardDocInit = {}): MilieuDocument {
  const routines = init.routines ?? weekRoutines();
  const ids = new Set(routines.map((r) => r.id));
  const staffIds = new Set((init.staff ?? staff).map((s) => s.id));
  const people = (init.participants ?? participants).map((p) => {
    const q = { ...p, electiveRoutineIds: p.electiveRoutineIds.filter((id) => ids.has(id)) };
    if (q.primaryTherapistId && !staffIds.has(q.primaryTherapistId)) delete q.primaryTherapistId;
    return q;
  });
  return {
    milieuVersion: 1,
    program: {
      id: 'unit',
      name: init.name ?? '4 North',
      setting: 'inpatient',
      timeZone: init.timeZone ?? 'America/New_York',
      locale: init.locale ?? 'en-US',
      stay: { model: 'short-term', boundDays: 30 },
      locations: init.locations ?? [
        { id: 'dining', name: 'Dining room' },
        { id: 'day-room', name: 'Day room' },
        { id: 'group-room', name: 'Group room' },
        { id: 'art-room', name: 'Art room' },
      ],
      groups: [
        { id: 'track-a', name: 'Track A' },
        { id: 'track-b', name: 'Track B' },
      ],
    },
    people: { participants: people, staff: init.staff ?? staff },
    routines,
    expectations: {
      items: [
        {
          id: 'respect',
          statement: 'Speak to each other with respect.',
          rationale: 'Everyone needs to feel safe to talk.',
          category: 'respect',
          mutual: true,
          ladder: [
            { step: 1, kind: 'reminder', description: 'A quiet reminder.', expiresAfterDays: 2 },
          ],
        },
      ],
    },
    records: {
      attendance: [],
      observations:
        people.some((p) => p.id === 'p-ana') && (init.staff ?? staff).some((p) => p.id === 'st-kim')
          ? [
              {
                id: 'obs-1',
                participantId: 'p-ana',
                expectationId: 'respect',
                at: '2026-03-09T10:00:00-04:00',
                step: 1,
                byStaffId: 'st-kim',
                note: 'OBSERVATION-SECRET raised voice',
              },
            ]
          : [],
      feedback: [],
      copingPractice: [],
    },
    transitions: [],
  };
}

/**
 * Spring-forward night in New York (2026-03-08): a 02:30–04:00 medication round starts at
 * 03:30 EDT (the wall clock skips 02:00–03:00) and is marked `dstShifted`.
 */
export function dstDoc(): MilieuDocument {
  return boardDoc({
    routines: [
      routine('night-meds', {
        kind: 'medication',
        title: 'Night medication',
        start: '02:30',
        end: '04:00',
      }),
      routine('breakfast', { kind: 'breakfast', title: 'Breakfast', start: '08:00', end: '08:45' }),
    ],
  });
}

/** Titles and names containing markup, which must render as text. */
export function xssDoc(): MilieuDocument {
  return boardDoc({
    name: '<img src=x onerror="window.__xss=1">Unit',
    staff: [
      {
        id: 'st-x',
        preferredName: '<b id="xss-name">Eve</b>',
        lastName: '<i>Mallory</i>',
        role: 'nurse',
        startDate: '2024-01-01',
      },
    ],
    locations: [{ id: 'x-room', name: '<script>window.__xss=2</script>Room' }],
    routines: [
      routine('xss', {
        title: '<img src=x onerror="window.__xss=3"><svg onload="window.__xss=4">',
        locationId: 'x-room',
        facilitatorIds: ['st-x'],
      }),
    ],
    participants: [],
  });
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A document with exactly `count` occurrences in each week of `days` days from `weekOf`
 * (default: the en-US fixture week from Sunday 2026-03-08): daily routines at pseudo-random
 * times 06:00–21:00 (deterministic), every kind, many overlapping; the remainder as one
 * weekly routine.
 */
export function manyDoc(count: number, weekOf = '2026-03-08', days = 7): MilieuDocument {
  const rnd = lcg(count);
  const pad = (v: number): string => String(v).padStart(2, '0');
  const daily = Math.floor(count / 7);
  const rest = count % 7;
  const order = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
  const routines: Routine[] = [];
  for (let i = 0; i < daily + (rest ? 1 : 0); i++) {
    const start = 6 * 60 + Math.floor(rnd() * 180) * 5;
    const end = start + [30, 45, 60, 90][Math.floor(rnd() * 4)]!;
    const until = addDays(weekOf, days - 1);
    routines.push(
      routine(`r${i}`, {
        kind: ACTIVITY_KINDS[i % ACTIVITY_KINDS.length]!,
        title: `Activity ${i + 1}`,
        start: `${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
        end: `${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
        locationId: ['dining', 'day-room', 'group-room', 'art-room'][i % 4]!,
        facilitatorIds: [i % 2 ? 'st-dana' : 'st-kim'],
        attendance: i % 5 === 0 ? 'elective' : 'required',
        recurrence:
          i < daily
            ? { startDate: weekOf, until }
            : { freq: 'WEEKLY', byDay: [...order.slice(0, rest)], startDate: weekOf, until },
      }),
    );
  }
  return boardDoc({ routines });
}
