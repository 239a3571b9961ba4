import { describe, expect, it } from 'vitest';
import { CONTRAST_PAIRS, THEMES, themeCss, token, type ThemeName } from './tokens.js';
import { contrastRatio } from './contrast.js';

describe('design tokens', () => {
  it('computes WCAG ratios correctly', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const theme of Object.keys(THEMES) as ThemeName[]) {
    it(`every text/background pair meets WCAG 2.2 AA in the ${theme} theme`, () => {
      const t = THEMES[theme] as Record<string, string>;
      const failures = CONTRAST_PAIRS.flatMap(([fg, bg, min]) => {
        const ratio = contrastRatio(t[fg]!, t[bg]!);
        return ratio >= min ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`];
      });
      expect(failures).toEqual([]);
    });
  }

  it('every theme defines the same tokens', () => {
    const names = Object.keys(THEMES.default).sort();
    for (const theme of Object.values(THEMES)) expect(Object.keys(theme).sort()).toEqual(names);
  });

  it('renders tokens with their default as fallback, and themes as CSS', () => {
    expect(String(token('color-text'))).toBe('var(--milieu-color-text, #1b1f24)');
    expect(themeCss('dark')).toContain('--milieu-color-surface: #15181d;');
  });
});

describe('KIND_TOKENS', () => {
  it('lists exactly the activity kinds of @milieu/core', async () => {
    const { ACTIVITY_KINDS } = await import('@milieu/core');
    const { KIND_TOKENS } = await import('./tokens.js');
    expect([...KIND_TOKENS]).toEqual([...ACTIVITY_KINDS]);
  });
});
