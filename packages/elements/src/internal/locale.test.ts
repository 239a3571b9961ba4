import { describe, expect, it } from 'vitest';
import { languageOf } from './locale.js';

describe('languageOf', () => {
  it('maps regional tags to their shipped language', () => {
    expect(languageOf('es-MX')).toBe('es');
    expect(languageOf('en_GB')).toBe('en');
  });
  it('falls back to English for unknown or missing locales', () => {
    expect(languageOf('fr-FR')).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
