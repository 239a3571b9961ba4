import { describe, expect, it } from 'vitest';
import { parseExpectation, parseExpectationSet } from './parse.js';
import { examples, get, set, type Json } from './__fixtures__/documents.js';

const expectation = (): Json => get(examples.minimal(), '/expectations/items/0') ?? null;
const issues = (input: Json) => {
  const r = parseExpectation(input);
  return r.ok ? [] : r.issues;
};

describe('parseExpectation', () => {
  it('accepts the examples', () => {
    for (const doc of [
      examples.minimal(),
      examples.inpatient(),
      examples.rehab(),
      examples.outpatient(),
    ]) {
      expect(parseExpectationSet(get(doc, '/expectations')).ok).toBe(true);
    }
  });

  it('requires ladder steps to increase strictly', () => {
    const e = set(expectation(), '/ladder/2/step', 2);
    expect(issues(e)).toEqual([
      {
        path: '/ladder/2/step',
        code: 'not_increasing',
        message: 'step 2 must be greater than the step before it (2)',
      },
    ]);
    const swapped = set(set(expectation(), '/ladder/0/step', 3), '/ladder/2/step', 1);
    expect(issues(swapped).map((i) => i.path)).toEqual(['/ladder/1/step', '/ladder/2/step']);
  });

  it('rejects step 0, a ladder kind outside the vocabulary and a non-positive review period', () => {
    expect(issues(set(expectation(), '/ladder/0/step', 0))).toMatchObject([
      { path: '/ladder/0/step', code: 'too_small' },
    ]);
    expect(issues(set(expectation(), '/ladder/0/kind', 'punishment'))).toMatchObject([
      { path: '/ladder/0/kind', code: 'invalid_value' },
    ]);
    expect(issues(set(expectation(), '/ladder/1/reviewAfterDays', 0))).toMatchObject([
      { path: '/ladder/1/reviewAfterDays', code: 'too_small' },
    ]);
  });

  it('rejects mutual sent as a string and an unknown category', () => {
    expect(issues(set(expectation(), '/mutual', 'yes'))).toMatchObject([
      {
        path: '/mutual',
        code: 'invalid_type',
        message: 'expected true or false, got the string "yes"',
      },
    ]);
    expect(issues(set(expectation(), '/category', 'rules'))).toMatchObject([
      { path: '/category', code: 'invalid_value' },
    ]);
  });

  it('rejects a set reviewed before it was agreed, and duplicate expectation ids', () => {
    const set1 = set(
      get(examples.minimal(), '/expectations') ?? null,
      '/lastReviewed',
      '2025-12-01',
    );
    const r = parseExpectationSet(set(set1, '/items/1', expectation()));
    expect(r.ok ? [] : r.issues).toMatchObject([
      { path: '/items/1/id', code: 'duplicate_id' },
      { path: '/lastReviewed', code: 'invalid_range' },
    ]);
  });
});
