import { describe, expect, test } from 'vitest';
import { sharedScreenName } from '../src/index.js';

describe('sharedScreenName: names on shared screens per program.policy.displayNames', () => {
  const dana = { preferredName: 'Dana', lastName: 'de la Cruz' };
  test.each([
    ['first-initial', 'Dana D.'],
    ['initials', 'D. D.'],
    ['none', undefined],
  ] as const)('%s', (policy, expected) => {
    expect(sharedScreenName(dana, policy)).toBe(expected);
  });
  test('without a last name', () => {
    expect(sharedScreenName({ preferredName: 'Ana' }, 'first-initial')).toBe('Ana');
    expect(sharedScreenName({ preferredName: 'Ana' }, 'initials')).toBe('A.');
  });
});
