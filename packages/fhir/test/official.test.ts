import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expandOccurrences, parseDocument } from '@milieu/core';
import { fromFhir } from '../src/index.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const collection = (...resources: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

describe('official examples import (fixtures/README.md names their sources and licences)', () => {
  test("HL7's appointment-example: a plain R4 Appointment becomes a one-off occurrence", () => {
    const result = fromFhir(collection(fixture('hl7-appointment-example.json')), {
      program: { timeZone: 'Europe/London', name: 'Clinic' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(parseDocument(result.value).ok).toBe(true);
    const occ = expandOccurrences(result.value, {
      from: '2013-12-01T00:00:00Z',
      to: '2014-01-01T00:00:00Z',
    });
    expect(occ.map((o) => [o.title, o.start, o.end, o.status])).toEqual([
      [
        'Discussion on the results of your recent MRI',
        '2013-12-10T09:00:00+00:00',
        '2013-12-10T11:00:00+00:00',
        'scheduled',
      ],
    ]);
    expect(occ[0]?.description).toMatch(/^Further expand on the results of the MRI/);
  });

  test('Argonaut Scheduling searchset (hal-dr-y-appts): three proposed Appointments, the OperationOutcome ignored', () => {
    const result = fromFhir(fixture('argonaut-bundle-hal-dr-y-appts.json'), {
      program: { timeZone: 'America/Los_Angeles' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const occ = expandOccurrences(result.value, {
      from: '2017-07-16T00:00:00-07:00',
      to: '2017-07-17T00:00:00-07:00',
    });
    // 00:45Z on 17 July is 17:45 PDT on the 16th.
    expect(occ.map((o) => [o.title, o.start, o.end])).toEqual([
      ['Office Call', '2017-07-16T17:45:00-07:00', '2017-07-16T18:00:00-07:00'],
      ['Office Call', '2017-07-16T18:00:00-07:00', '2017-07-16T18:15:00-07:00'],
      ['Office Call', '2017-07-16T19:00:00-07:00', '2017-07-16T19:15:00-07:00'],
    ]);
    // Ids come from the FHIR ids, so a re-import names the same occurrences.
    expect(occ.map((o) => o.routineId)).toEqual([
      'proposed-appt1a-1',
      'proposed-appt1a-2',
      'proposed-appt1a-3',
    ]);
  });

  test('a QuestionnaireResponse from the FHIR test cases becomes a feedback entry, with located warnings', () => {
    const result = fromFhir(collection(fixture('fhir-test-cases-group-with-string-qr.json')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [entry] = result.value.records.feedback;
    expect(entry).toMatchObject({
      strengths: 'a1 smile',
      source: 'program',
      templateId: 'http://forms-lab.com/Questionnaire/ValidateGroupWithString',
      review: { status: 'pending' },
      visibility: 'staff',
    });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ path: '/entry/0/resource/authored', code: 'invalid_instant' }),
    );
  });
});

describe('fromFhir never throws and locates what it cannot read', () => {
  test.each([
    [null, '/resourceType'],
    ['text', '/resourceType'],
    [{ resourceType: 'Patient' }, '/resourceType'],
    [{ resourceType: 'Bundle', entry: {} }, '/entry'],
  ])('%j', (input, path) => {
    const result = fromFhir(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe(path);
  });

  test('an Appointment without instants is a located warning, the rest still imports', () => {
    const result = fromFhir(
      collection(
        { resourceType: 'Appointment', status: 'booked', participant: [] },
        fixture('hl7-appointment-example.json'),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.routines).toHaveLength(1);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ path: '/entry/0/resource/start', code: 'required' }),
    );
  });

  test('a document that fails parseDocument reports the resource it came from', () => {
    const result = fromFhir(
      collection({
        resourceType: 'Group',
        identifier: [{ system: 'https://milieu-kit.org/fhir/id/program', value: 'unit' }],
        type: 'person',
        actual: true,
        extension: [
          {
            url: 'https://milieu-kit.org/fhir/StructureDefinition/program',
            extension: [{ url: 'timeZone', valueCode: 'Mars/Olympus_Mons' }],
          },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        path: '/entry/0/resource',
        code: 'invalid_time_zone',
        message: expect.stringMatching(/^document \/program\/timeZone/),
      }),
    );
  });
});
