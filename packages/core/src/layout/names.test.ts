import { describe, expect, it } from 'vitest';
import { DISPLAY_NAME_POLICIES } from '../model/index.js';
import { sharedScreenName } from './names.js';

describe('sharedScreenName', () => {
  const dana = { preferredName: 'Dana', lastName: 'Rivera' };

  it('follows policy.displayNames: first-initial by default, initials, or no name at all', () => {
    expect(sharedScreenName(dana)).toBe('Dana R.');
    expect(sharedScreenName(dana, 'first-initial')).toBe('Dana R.');
    expect(sharedScreenName(dana, 'initials')).toBe('D. R.');
    expect(sharedScreenName(dana, 'none')).toBe('');
  });

  it('never shows a last name in full, under any policy', () => {
    for (const policy of DISPLAY_NAME_POLICIES) {
      expect(sharedScreenName(dana, policy)).not.toContain('Rivera');
    }
  });

  it('reads letters, not punctuation or spaces, and copes with a missing last name', () => {
    expect(sharedScreenName({ preferredName: ' ana ', lastName: "  o'Brien" }, 'initials')).toBe(
      'A. O.',
    );
    expect(sharedScreenName({ preferredName: 'Seán' }, 'initials')).toBe('S.');
    expect(sharedScreenName({ preferredName: 'Seán' }, 'first-initial')).toBe('Seán');
    expect(sharedScreenName({ preferredName: '' }, 'initials')).toBe('');
  });
});
