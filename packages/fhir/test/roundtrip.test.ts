import { describe, expect, test } from 'vitest';
import {
  expandOccurrences,
  parseDocument,
  type MilieuDocument,
  type Occurrence,
} from '@milieu/core';
import { fromFhir, toFhir } from '../src/index.js';
import { examples, MARCH, YEAR } from './helpers.js';

/** What a board, a rule or an export reads of an occurrence. */
function shape(o: Occurrence) {
  return {
    id: o.id,
    kind: o.kind,
    title: o.title,
    description: o.description ?? '',
    start: o.start,
    end: o.end,
    localDate: o.localDate,
    status: o.status,
    locationId: o.locationId,
    facilitatorIds: o.facilitatorIds,
    participantIds: o.participantIds,
    attendance: o.attendance,
    exception: o.exception ? { type: o.exception.type, reason: o.exception.reason } : undefined,
    dstShifted: o.dstShifted ?? false,
  };
}

const expand = (doc: MilieuDocument) => expandOccurrences(doc, YEAR).map(shape);

function roundTrip(
  doc: MilieuDocument,
  type: 'collection' | 'transaction' = 'collection',
  range: { from: string; to: string } = YEAR,
): MilieuDocument {
  // JSON in between, as over a network.
  const bundle = JSON.parse(JSON.stringify(toFhir(doc, { range, type })));
  const result = fromFhir(bundle);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5), null, 1));
  return result.value;
}

describe('fromFhir(toFhir(doc)) expands to the same occurrences over a year (DST changes included)', () => {
  for (const { name, doc } of examples()) {
    test(name, () => {
      const back = roundTrip(doc);
      expect(parseDocument(back).ok).toBe(true);
      const before = expand(doc);
      expect(before.length).toBeGreaterThan(50);
      // The year spans both DST changes of the program's zone.
      expect(new Set(before.map((o) => o.start.slice(-6))).size).toBe(2);
      expect(expand(back)).toEqual(before);
    });
  }
});

describe('fromFhir(toFhir(doc)) keeps people, records and transitions', () => {
  for (const { name, doc } of examples()) {
    test(name, () => {
      const back = roundTrip(doc, 'transaction', MARCH);
      expect(back.program).toEqual(doc.program);
      expect(back.people).toEqual(doc.people);
      expect(back.routines).toEqual(doc.routines);
      expect(back.records.attendance).toEqual(doc.records.attendance);
      expect(back.transitions).toEqual(doc.transitions);
      // Anonymous entries travel without their author (the export omits it).
      const expected = doc.records.feedback.map((f) => {
        const copy = structuredClone(f);
        if (copy.anonymous) delete copy.authorId;
        return copy;
      });
      expect(back.records.feedback).toEqual(expected);
    });
  }
});

describe('the Appointments alone (R5 recurrenceTemplate, no ActivityDefinition) give the same times', () => {
  for (const { name, doc } of examples()) {
    test(name, () => {
      const bundle = toFhir(doc, { range: YEAR });
      bundle.entry = bundle.entry?.filter(
        (e) => !['ActivityDefinition', 'PlanDefinition'].includes(e.resource?.resourceType ?? ''),
      );
      const result = fromFhir(JSON.parse(JSON.stringify(bundle)));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const times = (d: MilieuDocument) =>
        expandOccurrences(d, YEAR)
          .map((o) => `${o.start} ${o.end} ${o.status === 'cancelled' ? 'cancelled' : 'on'}`)
          .sort();
      expect(times(result.value)).toEqual(times(doc));
    });
  }
});
