import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseFeedbackEntry, parseRoutine } from './parse.js';
import { validDocumentArbitrary } from './__fixtures__/arbitraries.js';
import type { Json } from './__fixtures__/documents.js';

const POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;
const wellFormed = (r: ReturnType<typeof parseDocument>) =>
  r.ok ||
  (r.issues.length > 0 &&
    r.issues.every((i) => POINTER.test(i.path) && i.code.length > 0 && i.message.length > 0));

describe('parseDocument properties', () => {
  it('never throws on arbitrary JSON, and every issue is well-formed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseDocument(value);
        expect(wellFormed(r)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JS values (null prototypes, maps, dates, sparse arrays, boxed values)', () => {
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
        expect(() => parseDocument(value)).not.toThrow();
        expect(() => parseRoutine(value)).not.toThrow();
        expect(() => parseFeedbackEntry(value)).not.toThrow();
        expect(wellFormed(parseDocument(value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any property of a valid document is replaced by arbitrary JSON', () => {
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
        expect(wellFormed(parseDocument(doc))).toBe(true);
      }),
      { numRuns: 300 },
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
      { numRuns: 300 },
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
      { numRuns: 300 },
    );
  });
});
