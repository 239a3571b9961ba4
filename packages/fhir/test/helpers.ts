/**
 * Test helpers: the example documents of the repository, parsed.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, type MilieuDocument } from '@milieu/core';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** Every `examples/*.json`, parsed (a parse failure fails the test that asks for it). */
export function examples(): { name: string; doc: MilieuDocument }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = parseDocument(JSON.parse(readFileSync(EXAMPLES + name, 'utf8')));
      if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
      return { name, doc: parsed.value };
    });
}

/** A year around the examples' data (they are set in early 2026), spanning both DST changes. */
export const YEAR = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } as const;

/** A month, for exports that list each occurrence. */
export const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } as const;
