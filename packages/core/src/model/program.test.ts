import { describe, expect, it } from 'vitest';
import { parseProgram } from './parse.js';
import { SETTINGS } from './program.js';
import { examples, get, set, remove, type Json } from './__fixtures__/documents.js';

const program = (): Json => get(examples.minimal(), '/program') ?? null;
const issues = (input: Json) => {
  const r = parseProgram(input);
  return r.ok ? [] : r.issues;
};

describe('parseProgram', () => {
  it('accepts the example programs', () => {
    for (const doc of [
      examples.minimal(),
      examples.inpatient(),
      examples.rehab(),
      examples.outpatient(),
    ]) {
      expect(parseProgram(get(doc, '/program')).ok).toBe(true);
    }
  });

  it('rejects a setting outside the vocabulary and suggests the right case', () => {
    expect(SETTINGS).toContain('inpatient');
    expect(issues(set(program(), '/setting', 'Inpatient'))).toEqual([
      {
        path: '/setting',
        code: 'invalid_value',
        message: expect.stringContaining('did you mean "inpatient"?'),
      },
    ]);
  });

  it('requires boundDays to be a whole number above zero, not a string', () => {
    expect(issues(set(program(), '/stay/boundDays', '28'))).toMatchObject([
      { path: '/stay/boundDays', code: 'invalid_type' },
    ]);
    expect(issues(set(program(), '/stay/boundDays', 0))).toMatchObject([
      { path: '/stay/boundDays', code: 'too_small' },
    ]);
    expect(issues(set(program(), '/stay/boundDays', 27.5))).toMatchObject([
      {
        path: '/stay/boundDays',
        code: 'invalid_type',
        message: 'expected a whole number, got the number 27.5',
      },
    ]);
  });

  it('requires a positive location capacity', () => {
    expect(issues(set(program(), '/locations/0/capacity', -3))).toMatchObject([
      { path: '/locations/0/capacity', code: 'too_small' },
    ]);
    expect(issues(set(program(), '/locations/0/capacity', 0))).toMatchObject([
      { path: '/locations/0/capacity', code: 'too_small' },
    ]);
  });

  it('reports duplicate location ids at the second use', () => {
    const p = set(program(), '/locations/1', { id: 'group-room', name: 'Another room' });
    expect(issues(p)).toEqual([
      {
        path: '/locations/1/id',
        code: 'duplicate_id',
        message: 'duplicate id "group-room": already used at index 0',
      },
    ]);
  });

  it('reports a missing time zone as required, and unknown properties by name', () => {
    const p = remove(program(), '/timeZone');
    set(p, '/timezone', 'America/Chicago');
    expect(issues(p)).toEqual([
      { path: '/timeZone', code: 'required', message: 'required property "timeZone" is missing' },
      { path: '/timezone', code: 'unknown_property', message: 'unknown property "timezone"' },
    ]);
  });

  it('rejects a peer anonymity threshold of zero', () => {
    expect(issues(set(program(), '/policy', { peerAnonymityMinRaters: 0 }))).toMatchObject([
      { path: '/policy/peerAnonymityMinRaters', code: 'too_small' },
    ]);
  });
});
