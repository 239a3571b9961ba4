/**
 * Test fixtures: a small program (the minimal example plus three participants, so anonymous
 * peer feedback can reach the three-rater aggregate) and feedback entries.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeedbackEntry, MilieuDocument } from '@milieu/core';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The inpatient example (large: 28 routines, 20 participants, ~1 700 records). */
export function inpatientExample(): MilieuDocument {
  return JSON.parse(readFileSync(examples + 'inpatient-unit.json', 'utf8')) as MilieuDocument;
}

/** Path of the inpatient example file. */
export const INPATIENT_FILE = examples + 'inpatient-unit.json';

/** A fresh copy of the test program. */
export function testDocument(): MilieuDocument {
  const doc = JSON.parse(readFileSync(examples + 'minimal.json', 'utf8')) as MilieuDocument;
  doc.program.policy = { peerAnonymityMinRaters: 3 };
  for (const [id, name, last] of [
    ['p-03', 'Dana', 'Rivera'],
    ['p-04', 'Eli', 'Okafor'],
    ['p-05', 'Fran', "O'Brien"],
  ] as const) {
    doc.people.participants.push({
      id,
      preferredName: name,
      lastName: last,
      admissionDate: '2026-03-02',
      anticipatedDischargeDate: '2026-03-27',
      groupIds: [],
      electiveRoutineIds: [],
      goals: [],
      levelOfCare: 'secret-level',
    });
  }
  return doc;
}

let counter = 0;

/**
 * A valid feedback entry with a fresh id.
 *
 * @param overrides - fields to change
 */
export function entry(overrides: Partial<FeedbackEntry> = {}): FeedbackEntry {
  counter += 1;
  return {
    id: `t-${Date.now().toString(36)}-${counter}`,
    createdAt: '2026-03-10T15:00:00-05:00',
    source: 'peer',
    subjectId: 'p-02',
    strengths: 'You listened carefully in group.',
    visibility: 'subject',
    anonymous: false,
    review: { status: 'approved' },
    ...overrides,
  };
}
