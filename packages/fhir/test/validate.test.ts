import { describe, expect, test } from 'vitest';
import { toFhir } from '../src/index.js';
import { examples, MARCH } from './helpers.js';
import { validate } from './medplum.js';

/** Every element path of a JSON value (array indexes dropped, extension URLs kept). */
function paths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => paths(v, prefix)))].sort();
  if (value === null || typeof value !== 'object') return [prefix];
  const o = value as Record<string, unknown>;
  const here =
    typeof o.url === 'string' && prefix.endsWith('extension') ? `${prefix}[${o.url}]` : prefix;
  return [...new Set(Object.entries(o).flatMap(([k, v]) => paths(v, `${here}.${k}`)))].sort();
}

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
      const shapes = new Set<string>();
      for (const entry of bundle.entry ?? []) {
        const r = entry.resource;
        if (!r) continue;
        seen.set(r.resourceType, (seen.get(r.resourceType) ?? 0) + 1);
        // Every resource is validated; the shapes (the element paths each uses) show the variants
        // covered: cancelled, moved and changed occurrences, anonymous entries, consents, …
        shapes.add(`${r.resourceType}:${paths(r).join(',')}`);
        for (const p of validate(r)) problems.push(`${r.resourceType} ${entry.fullUrl}: ${p}`);
      }
      expect(shapes.size).toBeGreaterThan(20);
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
