/**
 * Test fixtures for the model: fresh copies of the example documents and JSON-pointer patching.
 * Test-only; not exported from the package.
 *
 * @internal
 * @module
 */
import minimal from '../../../../../examples/minimal.json' with { type: 'json' };
import inpatient from '../../../../../examples/inpatient-unit.json' with { type: 'json' };
import rehab from '../../../../../examples/residential-rehab.json' with { type: 'json' };
import outpatient from '../../../../../examples/outpatient-group.json' with { type: 'json' };

/** A JSON value as tests build it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const copy = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Fresh copies of the committed example documents. */
export const examples = {
  minimal: (): Json => copy(minimal),
  inpatient: (): Json => copy(inpatient),
  rehab: (): Json => copy(rehab),
  outpatient: (): Json => copy(outpatient),
};

/** A fresh, valid, small document (examples/minimal.json). */
export const validDocument = examples.minimal;

function walk(root: Json, pointer: string): { parent: Json; key: string } {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = parts.pop();
  if (key === undefined) throw new Error('cannot patch the root');
  let parent: Json = root;
  for (const part of parts) {
    if (parent === null || typeof parent !== 'object') throw new Error(`no ${pointer}`);
    const next: Json | undefined = Array.isArray(parent) ? parent[Number(part)] : parent[part];
    if (next === undefined) throw new Error(`no ${pointer}`);
    parent = next;
  }
  return { parent, key };
}

/** Returns `doc` with the value at `pointer` replaced (or added) — mutates and returns it. */
export function set(doc: Json, pointer: string, value: Json): Json {
  const { parent, key } = walk(doc, pointer);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (parent !== null && typeof parent === 'object') parent[key] = value;
  return doc;
}

/** Returns `doc` with the property at `pointer` removed — mutates and returns it. */
export function remove(doc: Json, pointer: string): Json {
  const { parent, key } = walk(doc, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (parent !== null && typeof parent === 'object') delete parent[key];
  return doc;
}

/** Reads the value at `pointer`. */
export function get(doc: Json, pointer: string): Json | undefined {
  const { parent, key } = walk(doc, pointer);
  if (Array.isArray(parent)) return parent[Number(key)];
  return parent !== null && typeof parent === 'object' ? parent[key] : undefined;
}
