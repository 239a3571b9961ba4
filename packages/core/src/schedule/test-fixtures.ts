/**
 * Typed fixture factories for schedule tests: plain objects typed as the model's types, so tests
 * do not depend on parsing. Not part of the public API.
 *
 * @module
 * @internal
 */
import type { MilieuDocument, Participant, Recurrence, Routine, Staff } from '../model/index.js';

/** Builds a routine with sensible defaults (daily 09:00–10:00 from 2026-01-05, everyone, required). @internal */
export function makeRoutine(
  id: string,
  overrides: Partial<Omit<Routine, 'recurrence'>> & { recurrence?: Partial<Recurrence> } = {},
): Routine {
  const { recurrence, ...rest } = overrides;
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
    recurrence: { freq: 'DAILY', startDate: '2026-01-05', ...recurrence },
  };
}

/** Builds a participant admitted on 2026-01-01 with no groups or electives. @internal */
export function makeParticipant(id: string, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    preferredName: id,
    admissionDate: '2026-01-01',
    groupIds: [],
    electiveRoutineIds: [],
    goals: [],
    ...overrides,
  };
}

/** Builds a staff member who started on 2025-01-01. @internal */
export function makeStaff(id: string, overrides: Partial<Staff> = {}): Staff {
  return { id, preferredName: id, role: 'nurse', startDate: '2025-01-01', ...overrides };
}

/** Options of {@link makeDoc}. @internal */
export interface DocFixture {
  timeZone?: string;
  routines?: Routine[];
  participants?: Participant[];
  staff?: Staff[];
  locations?: { id: string; name: string; capacity?: number }[];
  groups?: { id: string; name: string }[];
}

/** Builds a minimal valid milieu document (program `unit`, zone America/New_York by default). @internal */
export function makeDoc(f: DocFixture = {}): MilieuDocument {
  return {
    milieuVersion: 1,
    program: {
      id: 'unit',
      name: 'Test unit',
      setting: 'inpatient',
      timeZone: f.timeZone ?? 'America/New_York',
      locale: 'en-US',
      stay: { model: 'short-term', boundDays: 30 },
      locations: f.locations ?? [
        { id: 'dayroom', name: 'Day room', capacity: 20 },
        { id: 'group-room', name: 'Group room', capacity: 8 },
      ],
      groups: f.groups ?? [
        { id: 'track-a', name: 'Track A' },
        { id: 'track-b', name: 'Track B' },
      ],
    },
    people: {
      participants: f.participants ?? [makeParticipant('p1'), makeParticipant('p2')],
      staff: f.staff ?? [makeStaff('s1')],
    },
    routines: f.routines ?? [],
    expectations: { items: [] },
    records: { attendance: [], observations: [], feedback: [], copingPractice: [] },
    transitions: [],
  };
}
