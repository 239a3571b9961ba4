import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseFeedbackEntry, parseRoutine } from './parse.js';
import { validDocumentArbitrary } from './__fixtures__/arbitraries.js';
import type { Json } from './__fixtures__/documents.js';

/**
 * Runs of the properties over whole generated documents: each run parses a document of a few
 * hundred values, so 100 keeps each property near a second on a busy 2-core CI machine (300 came
 * within 0.4 s of the 5 s timeout in a full `npm test` under load).
 */
const DOCUMENT_RUNS = 100;

const POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;
type Result = ReturnType<typeof parseDocument | typeof parseRoutine | typeof parseFeedbackEntry>;
const wellFormed = (r: Result) =>
  r.ok ||
  (r.issues.length > 0 &&
    r.issues.every((i) => POINTER.test(i.path) && i.code.length > 0 && i.message.length > 0));
/**
 * What a user relies on for JSON input: a located answer about the document. `unreadable_input`
 * is the parser's last resort when reading the value itself threw (a hostile getter or proxy);
 * for anything `JSON.parse` can produce it would mean a crash was swallowed.
 */
const answered = (r: Result) =>
  wellFormed(r) && (r.ok || r.issues.every((i) => i.code !== 'unreadable_input'));

describe('parseDocument properties', () => {
  it('answers arbitrary JSON with a value or well-formed issues, never unreadable_input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(answered(parseDocument(value))).toBe(true);
        expect(answered(parseRoutine(value))).toBe(true);
        expect(answered(parseFeedbackEntry(value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('answers JSON-shaped objects with hostile keys (__proto__, constructor) without unreadable_input', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string());
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        // Through JSON text, as a document arrives from the network.
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        expect(answered(parseDocument(parsed))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('control: a value whose reading throws is unreadable_input, which the property rejects', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('boom');
        },
      },
    );
    const r = parseDocument(hostile);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.code)).toContain('unreadable_input');
    expect(wellFormed(r)).toBe(true);
    expect(answered(r)).toBe(false);
  });

  it('answers arbitrary JS values (null prototypes, maps, dates, sparse arrays, boxed values) without unreadable_input', () => {
    const anything = fc.anything({
      withNullPrototype: true,
      withMap: true,
      withSet: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        // Not JSON, but still readable: a located answer, not the unreadable_input fallback.
        expect(answered(parseDocument(value))).toBe(true);
        expect(answered(parseRoutine(value))).toBe(true);
        expect(answered(parseFeedbackEntry(value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('answers, without unreadable_input, when any property of a valid document is replaced by arbitrary JSON', () => {
    fc.assert(
      fc.property(validDocumentArbitrary, fc.nat(), fc.jsonValue(), (doc, which, replacement) => {
        const slots: [Record<string, Json> | Json[], string | number][] = [];
        const visit = (v: Json) => {
          if (Array.isArray(v)) {
            v.forEach((c, i) => {
              slots.push([v, i]);
              visit(c);
            });
          } else if (v && typeof v === 'object') {
            for (const k of Object.keys(v)) {
              slots.push([v, k]);
              visit(v[k]!);
            }
          }
        };
        visit(doc);
        const [parent, key] = slots[which % slots.length]!;
        (parent as Record<string | number, Json>)[key] = replacement as Json;
        expect(answered(parseDocument(doc))).toBe(true);
      }),
      { numRuns: DOCUMENT_RUNS },
    );
  });

  it('accepts every valid document and returns an equal, fresh value', () => {
    fc.assert(
      fc.property(validDocumentArbitrary, (doc) => {
        const r = parseDocument(doc);
        if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
        // equal to the input as JSON carries it (the input may hold null-prototype objects; the output never does)
        expect(r.value).toStrictEqual(JSON.parse(JSON.stringify(doc)));
        expect(r.value).not.toBe(doc);
      }),
      { numRuns: DOCUMENT_RUNS },
    );
  });

  it('parse → JSON.stringify → parse is the identity on valid documents', () => {
    fc.assert(
      fc.property(validDocumentArbitrary, (doc) => {
        const first = parseDocument(doc);
        if (!first.ok) throw new Error('expected a valid document');
        const text = JSON.stringify(first.value);
        const second = parseDocument(JSON.parse(text));
        expect(second).toStrictEqual(first);
        expect(JSON.stringify(second.ok && second.value)).toBe(text);
      }),
      { numRuns: DOCUMENT_RUNS },
    );
  });
});
