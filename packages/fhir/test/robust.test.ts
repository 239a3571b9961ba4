import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Bundle } from '@medplum/fhirtypes';
import { fromFhir, toFhir } from '../src/index.js';
import { examples, MARCH } from './helpers.js';

const json = fc.jsonValue({ maxDepth: 2 });

describe('fromFhir on damaged bundles', () => {
  const { doc } = examples().find((e) => e.name === 'minimal.json')!;
  const base = toFhir(doc, { range: MARCH });

  test('any element replaced by any JSON value: a result with located issues, never an internal failure', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), json, (entryIndex, keyIndex, value) => {
        const bundle = structuredClone(base) as Bundle & {
          entry: { resource: Record<string, unknown> }[];
        };
        const entry = bundle.entry[entryIndex % bundle.entry.length]!;
        const keys = Object.keys(entry.resource);
        entry.resource[keys[keyIndex % keys.length]!] = value;
        const result = fromFhir(bundle);
        const issues = result.ok ? result.warnings : result.issues;
        // 'unreadable_input' is the catch-all: seeing it means the import crashed inside.
        expect(issues.filter((i) => i.code === 'unreadable_input')).toEqual([]);
        for (const i of issues) expect(i.path).toMatch(/^(\/entry(\/\d+(\/[^/]+)*)?|)$/);
      }),
      // The first example is a counterexample fast-check found: a `null` unit Group member.
      { numRuns: 150, examples: [[2147483646, 2119848615, [null]]] },
    );
  });

  test('any nested element replaced by any JSON value: still no internal failure', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 2, maxLength: 6 }), json, (steps, value) => {
        const bundle = structuredClone(base) as unknown as Record<string, unknown>;
        let node = bundle;
        for (const step of steps.slice(0, -1)) {
          const keys = Object.keys(node);
          const next = node[keys[step % keys.length]!];
          if (next === null || typeof next !== 'object') break;
          node = next as Record<string, unknown>;
        }
        const keys = Object.keys(node);
        if (keys.length === 0) return;
        node[keys[steps[steps.length - 1]! % keys.length]!] = value;
        const result = fromFhir(bundle);
        const issues = result.ok ? result.warnings : result.issues;
        expect(issues.filter((i) => i.code === 'unreadable_input')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
