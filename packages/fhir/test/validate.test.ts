import { describe, expect, test } from 'vitest';
import { toFhir } from '../src/index.js';
import { examples, MARCH } from './helpers.js';
import { validate } from './medplum.js';

test('the validator rejects what R4 forbids (so the checks below can fail)', () => {
  expect(
    validate({ resourceType: 'Appointment', status: 'nonsense' } as never).length,
  ).toBeGreaterThan(0);
  expect(validate({ resourceType: 'Encounter', status: 'finished' } as never).join('\n')).toMatch(
    /class/,
  );
  expect(
    validate({
      resourceType: 'Timing' as never,
    } as never).length,
  ).toBeGreaterThan(0);
});

describe('every resource toFhir emits validates against the FHIR R4 profiles (@medplum/core validateResource)', () => {
  for (const { name, doc } of examples()) {
    test(name, () => {
      const bundle = toFhir(doc, { range: MARCH });
      const problems: string[] = [];
      const seen = new Map<string, number>();
      for (const entry of bundle.entry ?? []) {
        const r = entry.resource;
        if (!r) continue;
        // One of each kind of resource is enough to find a shape problem; a few more catch variants.
        const n = seen.get(r.resourceType) ?? 0;
        seen.set(r.resourceType, n + 1);
        if (n > 40) continue;
        for (const p of validate(r)) problems.push(`${r.resourceType} ${entry.fullUrl}: ${p}`);
      }
      expect(problems.slice(0, 20)).toEqual([]);
      expect([...seen.keys()]).toEqual(
        expect.arrayContaining([
          'Group',
          'Patient',
          'EpisodeOfCare',
          'Practitioner',
          'CareTeam',
          'ActivityDefinition',
          'PlanDefinition',
          'Appointment',
          'Questionnaire',
          'CodeSystem',
          'ValueSet',
          'CarePlan',
          'Encounter',
          'QuestionnaireResponse',
          'Goal',
          'Location',
        ]),
      );
      // The bundle itself, with its entries.
      expect(validate({ ...bundle, entry: bundle.entry?.slice(0, 50) })).toEqual([]);
    });
  }
});
