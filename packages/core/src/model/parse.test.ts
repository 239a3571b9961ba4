import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentJson, parseRoutine } from './parse.js';
import { examples, get, set, remove, type Json } from './__fixtures__/documents.js';

const issuesOf = (r: ReturnType<typeof parseDocument>) => (r.ok ? [] : r.issues);

describe('parseDocument: what is not a document', () => {
  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['{"milieuVersion":1}', 'the string "{\\"milieuVersion\\":1}"'],
    [42, 'the number 42'],
    [undefined, 'nothing'],
  ])('rejects %j with one root issue', (input, got) => {
    expect(parseDocument(input)).toEqual({
      ok: false,
      issues: [
        {
          path: '',
          code: 'invalid_type',
          message: `expected a milieu document (a JSON object), got ${got}`,
        },
      ],
    });
  });

  it('reports every missing section of an empty object', () => {
    expect(issuesOf(parseDocument({})).map((i) => `${i.code} ${i.path}`)).toEqual([
      'required /milieuVersion',
      'required /program',
      'required /people',
      'required /routines',
      'required /expectations',
      'required /records',
      'required /transitions',
    ]);
  });
});

describe('parseDocument: versions', () => {
  it('reports an unknown milieuVersion as one clear issue, whatever else is wrong', () => {
    const doc = set(examples.minimal(), '/milieuVersion', 2);
    set(doc, '/routines', 'not even an array');
    expect(parseDocument(doc)).toEqual({
      ok: false,
      issues: [
        {
          path: '/milieuVersion',
          code: 'unsupported_version',
          message:
            'milieuVersion 2 is not supported: this version of @milieu/core reads milieuVersion 1 only',
        },
      ],
    });
  });
  it('explains a version sent as a string', () => {
    expect(issuesOf(parseDocument(set(examples.minimal(), '/milieuVersion', '1')))).toEqual([
      {
        path: '/milieuVersion',
        code: 'invalid_type',
        message: 'expected milieuVersion 1 (a number), got the string "1"',
      },
    ]);
  });
  it('explains a missing version and names the supported one', () => {
    expect(issuesOf(parseDocument(remove(examples.minimal(), '/milieuVersion')))).toEqual([
      {
        path: '/milieuVersion',
        code: 'required',
        message:
          'required property "milieuVersion" is missing (this package reads milieuVersion 1)',
      },
    ]);
  });
});

describe('parseDocument: $schema and unknown properties', () => {
  it('accepts an optional $schema string', () => {
    expect(
      parseDocument(set(examples.minimal(), '/$schema', 'https://example.org/milieu.schema.json'))
        .ok,
    ).toBe(true);
    expect(parseDocument(remove(examples.minimal(), '/$schema')).ok).toBe(true);
    expect(issuesOf(parseDocument(set(examples.minimal(), '/$schema', 1)))).toMatchObject([
      { path: '/$schema', code: 'invalid_type' },
    ]);
  });
  it('reports unknown properties, escaping "/" and "~" in pointers', () => {
    const doc = set(examples.minimal(), '/program/a~1b', 1);
    set(doc, '/extra~0x', true);
    expect(issuesOf(parseDocument(doc))).toEqual([
      { path: '/program/a~1b', code: 'unknown_property', message: 'unknown property "a/b"' },
      { path: '/extra~0x', code: 'unknown_property', message: 'unknown property "extra~x"' },
    ]);
  });
});

describe('parseDocument: forbidden keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])(
    'rejects "%s" anywhere, without polluting prototypes',
    (key) => {
      const text = JSON.stringify(examples.minimal())
        .replace('"program":{', `"program":{"${key}":{"polluted":true},`)
        .replace('"ratings"', '"x"')
        .replace('"strengths":', `"ratings":{"${key}":5},"strengths":`);
      const r = parseDocument(JSON.parse(text));
      expect(issuesOf(r)).toEqual([
        {
          path: `/program/${key}`,
          code: 'forbidden_key',
          message: `the key "${key}" is not allowed anywhere in a milieu document`,
        },
        {
          path: `/records/feedback/0/ratings/${key}`,
          code: 'forbidden_key',
          message: `the key "${key}" is not allowed anywhere in a milieu document`,
        },
      ]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('still reports the other issues of a document with a forbidden key', () => {
    const doc = JSON.parse('{"__proto__":{"admin":true},"milieuVersion":1}') as Json;
    const codes = issuesOf(parseDocument(doc)).map((i) => i.code);
    expect(codes[0]).toBe('forbidden_key');
    expect(codes).toContain('required');
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('finds forbidden keys in unknown subtrees too, and in per-entity parsers', () => {
    const doc = set(
      examples.minimal(),
      '/vendor',
      JSON.parse('{"deep":[{"constructor":{"prototype":1}}]}') as Json,
    );
    expect(issuesOf(parseDocument(doc)).map((i) => `${i.code} ${i.path}`)).toEqual([
      'forbidden_key /vendor/deep/0/constructor',
      'unknown_property /vendor',
    ]);
    const routine = JSON.parse(
      JSON.stringify(get(examples.minimal(), '/routines/0')).replace('{', '{"__proto__":null,'),
    ) as Json;
    const r = parseRoutine(routine);
    expect(r.ok ? [] : r.issues).toMatchObject([{ path: '/__proto__', code: 'forbidden_key' }]);
  });
});

describe('parseDocument: robustness', () => {
  it('returns a fresh value: mutating it leaves the input alone', () => {
    const input = examples.minimal();
    const r = parseDocument(input);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value).toEqual(input);
    expect(r.value).not.toBe(input);
    r.value.routines[0]!.title = 'Changed';
    expect(get(input, '/routines/0/title')).toBe('Community meeting');
  });

  it('never throws on hostile objects: getters that throw, proxies, cycles', () => {
    const throwing = examples.minimal() as Record<string, Json>;
    Object.defineProperty(throwing, 'program', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(issuesOf(parseDocument(throwing))).toEqual([
      { path: '', code: 'unreadable_input', message: 'the input could not be read: boom' },
    ]);

    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('nope');
        },
      },
    );
    expect(parseDocument(proxy).ok).toBe(false);

    const cyclic = examples.minimal() as Record<string, unknown>;
    cyclic['self'] = cyclic;
    expect(issuesOf(parseDocument(cyclic))).toEqual([
      { path: '/self', code: 'unknown_property', message: 'unknown property "self"' },
    ]);
  });

  it('collects every issue of a typical broken vendor export in one pass', () => {
    const doc = examples.minimal();
    set(doc, '/program/timeZone', 'Europe/Londn');
    set(doc, '/program/stay/boundDays', '21');
    set(doc, '/people/participants/0/admissionDate', '2026-02-30');
    set(doc, '/people/staff/2', {
      id: 'st-1',
      preferredName: 'Ana',
      role: 'nurse',
      startDate: '2025-01-06',
    });
    set(doc, '/routines/1/end', '24:00');
    set(doc, '/routines/1/facilitatorIds/0', 'st-42');
    set(doc, '/records/copingPractice/0/at', '2026-03-09T08:20:00');
    expect(issuesOf(parseDocument(doc)).map((i) => `${i.code} ${i.path}`)).toEqual([
      'invalid_time_zone /program/timeZone',
      'invalid_type /program/stay/boundDays',
      'invalid_date /people/participants/0/admissionDate',
      'duplicate_id /people/staff/2/id',
      'invalid_time /routines/1/end',
      'invalid_instant /records/copingPractice/0/at',
      'unknown_reference /routines/1/facilitatorIds/0',
    ]);
  });
});

describe('parseDocumentJson', () => {
  it('parses JSON text', () => {
    expect(parseDocumentJson(JSON.stringify(examples.minimal())).ok).toBe(true);
  });
  it('reports malformed JSON as one invalid_json issue', () => {
    const r = parseDocumentJson('{"milieuVersion": 1,');
    expect(r).toMatchObject({ ok: false, issues: [{ path: '', code: 'invalid_json' }] });
  });
});
