/** Documents made for stories (not shipped): long names, every kind, the autumn DST change. */
import { ACTIVITY_KINDS, type MilieuDocument } from '@milieu/core';
import {
  boardDoc,
  routine,
  weekRoutines,
} from '../components/schedule-board/schedule-board.fixtures.js';
import { feedbackDocument } from './feedback-fixtures.js';

const LONG = 'Featherstonehaugh-Wolfeschlegelsteinhausen';
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** One routine per activity kind, 40 minutes each from 06:00, titled after the kind. */
export function allKindsDoc(): MilieuDocument {
  return boardDoc({
    routines: ACTIVITY_KINDS.map((kind, i) =>
      routine(kind, {
        kind,
        title: kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' '),
        start: hhmm(6 * 60 + i * 45),
        end: hhmm(6 * 60 + i * 45 + 40),
      }),
    ),
  });
}

/** New York's autumn change (2026-11-01): 01:00–02:00 happens twice; a 01:30 round. */
export function dstFallBackDoc(): MilieuDocument {
  const until = { reviewDate: '2026-12-31' };
  return boardDoc({
    routines: [
      routine('night-meds', {
        kind: 'medication',
        title: 'Night medication',
        start: '01:30',
        end: '02:30',
        recurrence: until,
      }),
      routine('breakfast', {
        kind: 'breakfast',
        title: 'Breakfast',
        start: '08:00',
        end: '08:45',
        recurrence: until,
      }),
    ],
  });
}

/** The board fixture week with long program, routine, place and staff names. */
export function longNamesBoardDoc(): MilieuDocument {
  return boardDoc({
    name: 'Riverside Behavioral Health — Adolescent and Young Adult Partial Hospitalization Program, North Campus',
    staff: [
      {
        id: 'st-dana',
        preferredName: 'Maximiliana-Alexandrina',
        lastName: LONG,
        role: 'therapist',
        startDate: '2024-01-08',
      },
      {
        id: 'st-kim',
        preferredName: 'Bartholomew-Christopher',
        lastName: LONG,
        role: 'nurse',
        startDate: '2023-05-02',
      },
    ],
    locations: [
      { id: 'dining', name: 'Main dining room, ground floor, east wing (by the garden door)' },
      { id: 'day-room', name: 'Day room and family visiting lounge, second floor' },
      { id: 'group-room', name: 'Group therapy room 2.114 (the one with the blue chairs)' },
      { id: 'art-room', name: 'Expressive arts and occupational therapy studio' },
    ],
    routines: weekRoutines().map((r) => ({
      ...r,
      title: `${r.title}: an extended session with a deliberately long descriptive title`,
    })),
  });
}

/** The feedback fixture with a long participant name and long goals. */
export function longNamesFeedbackDoc(): MilieuDocument {
  const doc = feedbackDocument();
  const [sam] = doc.people.participants;
  if (sam) {
    sam.preferredName = 'Maximiliana-Alexandrina Esperanza';
    sam.lastName = LONG;
    sam.goals = sam.goals.map((g) => ({
      ...g,
      statement: `${g.statement}, and keep doing it every single day after discharge as well`,
    }));
  }
  return doc;
}
