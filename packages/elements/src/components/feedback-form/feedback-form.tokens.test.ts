/// <reference types="vite/client" />
/**
 * The CSS API the docs promise is the CSS the form reads: every `@cssprop` of the component's
 * JSDoc (which becomes `custom-elements.json`) is used by its styles, every custom property the
 * styles read is documented, and each documented default is the fallback the CSS really uses.
 */
import { describe, expect, it } from 'vitest';
import source from './feedback-form.component.ts?raw';
import { styles } from './feedback-form.styles.js';

const css = styles.cssText;
const documented = new Map(
  [...source.matchAll(/@cssprop (--[\w-]+) - ([^\n]*)/g)].map((m) => [m[1]!, m[2]!]),
);
/** Custom properties the styles read, without the private `--_` ones. */
const read = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));
read.forEach((name) => name.startsWith('--_') && read.delete(name));

describe('<milieu-feedback-form> CSS API', () => {
  it('documents exactly the custom properties its styles read', () => {
    expect([...documented.keys()].sort()).toEqual([...read].sort());
  });

  it('documents no token it does not read (the old --milieu-color-danger and -info-surface)', () => {
    expect(documented.has('--milieu-color-danger')).toBe(false);
    expect(documented.has('--milieu-color-info-surface')).toBe(false);
  });

  it('each documented default is the fallback in the CSS', () => {
    for (const [name, text] of documented) {
      const fallback = /Default `([^`]+)`/.exec(text)?.[1];
      if (!name.startsWith('--milieu-feedback-form-')) continue;
      expect(fallback, `${name} documents its default`).toBeDefined();
      const expected = fallback!.startsWith('--')
        ? `var(${name}, var(${fallback}`
        : `var(${name}, ${fallback})`;
      expect(css, name).toContain(expected);
    }
  });
});
