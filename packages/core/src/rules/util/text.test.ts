import { describe, expect, it } from 'vitest';
import { countWords, hasWords } from './text.js';

describe('hasWords', () => {
  const texts = [
    '',
    '   ',
    'good',
    'Good job',
    "you're kind",
    'n/a',
    '¡Muy bien, gracias!',
    'one two three four five',
    '5-4-3-2-1 grounding',
    'Listened — really listened.',
  ];
  it.each(texts)('agrees with countWords on %j', (text) => {
    for (let min = 0; min <= 6; min++) expect(hasWords(text, min)).toBe(countWords(text) >= min);
  });

  it('gives the same answer when called again (no state left between calls)', () => {
    expect(hasWords('one two three', 2)).toBe(true);
    expect(hasWords('one', 2)).toBe(false);
    expect(hasWords('one two three', 3)).toBe(true);
  });
});
