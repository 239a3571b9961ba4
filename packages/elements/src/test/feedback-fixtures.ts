import type { MilieuDocument } from '@milieu/core';

/**
 * A small milieu document for feedback-form tests and stories: two participants (one with
 * goals), a therapist and a nurse, and two community expectations.
 */
export function feedbackDocument(): MilieuDocument {
  return {
    milieuVersion: 1,
    program: {
      id: 'unit-4',
      name: 'Unit 4',
      setting: 'inpatient',
      timeZone: 'America/New_York',
      locale: 'en-US',
      stay: { model: 'short-term', boundDays: 30 },
      locations: [],
      groups: [],
      policy: { peerAnonymityMinRaters: 3 },
    },
    people: {
      participants: [
        {
          id: 'p1',
          preferredName: 'Sam',
          lastName: 'Rivera',
          admissionDate: '2026-03-01',
          groupIds: [],
          electiveRoutineIds: [],
          goals: [
            { id: 'g1', statement: 'Go to bed by 11 pm', setOn: '2026-03-02', status: 'active' },
            {
              id: 'g2',
              statement: 'Ask for help before I feel overwhelmed',
              setOn: '2026-03-02',
              status: 'active',
            },
            { id: 'g3', statement: 'Call my sister', setOn: '2026-03-02', status: 'met' },
          ],
          primaryTherapistId: 's1',
        },
        {
          id: 'p2',
          preferredName: 'Ana',
          admissionDate: '2026-03-03',
          groupIds: [],
          electiveRoutineIds: [],
          goals: [],
        },
      ],
      staff: [
        { id: 's1', preferredName: 'Lee', role: 'therapist', startDate: '2020-01-06' },
        { id: 's2', preferredName: 'Kim', role: 'nurse', startDate: '2021-05-03' },
      ],
    },
    routines: [],
    expectations: {
      items: [
        {
          id: 'e1',
          statement: 'Knock before entering a room',
          rationale: 'Rooms are private.',
          category: 'privacy',
          mutual: true,
          ladder: [],
        },
        {
          id: 'e2',
          statement: 'Speak to each other with respect',
          rationale: 'Everyone needs to feel safe to talk.',
          category: 'respect',
          mutual: true,
          ladder: [],
        },
      ],
    },
    records: { attendance: [], observations: [], feedback: [], copingPractice: [] },
    transitions: [],
  };
}
