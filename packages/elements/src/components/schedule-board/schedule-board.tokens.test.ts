/// <reference types="vite/client" />
/**
 * The CSS API the docs promise is the CSS the board reads: every `@cssprop` of the component's
 * JSDoc (which becomes `custom-elements.json`) is read by its styles, every custom property the
 * styles read is documented, and each documented default is the fallback the CSS really uses.
 */
import { describe, expect, it } from 'vitest';
import type { CSSResult } from 'lit';
import source from './schedule-board.component.ts?raw';
import { styles } from './schedule-board.styles.js';

const css = (styles as CSSResult[]).map((s) => s.cssText).join('\n');
const documented = new Map(
  [...source.matchAll(/@cssprop (--[\w<>-]+) - ([^\n]*)/g)].map((m) => [m[1]!, m[2]!]),
);
/** Custom properties the styles read, without the private `--_` ones. */
const read = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));
read.forEach((name) => name.startsWith('--_') && read.delete(name));

/** A documented name, with `<kind>` standing for any kind. */
const pattern = (name: string): RegExp => new RegExp(`^${name.replace(/<[^>]+>/g, '[a-z-]+?')}$`);
const matches = (name: string, doc: string): boolean => name === doc || pattern(doc).test(name);
/** Documented with its companion: "with `--milieu-color-changed-surface`". */
const companions = [...documented.values()].flatMap((text) =>
  [...text.matchAll(/with `(--[\w-]+)`/g)].map((m) => m[1]!),
);

describe('<milieu-schedule-board> CSS API', () => {
  it('documents every custom property its styles read', () => {
    const undocumented = [...read].filter(
      (name) =>
        ![...documented.keys()].some((doc) => matches(name, doc)) && !companions.includes(name),
    );
    expect(undocumented).toEqual([]);
  });

  it('reads every custom property it documents', () => {
    const unread = [...documented.keys()].filter((doc) => ![...read].some((n) => matches(n, doc)));
    expect(unread).toEqual([]);
  });

  it('each documented default of a board property is the fallback in the CSS', () => {
    const own = [...documented].filter(([name]) => name.startsWith('--milieu-schedule-board-'));
    expect(own.length).toBeGreaterThanOrEqual(6);
    for (const [name, text] of own) {
      const fallback = /Default:? `([^`]+)`/.exec(text)?.[1];
      expect(fallback, `${name} documents its default`).toBeDefined();
      const expected = fallback!.startsWith('--')
        ? `var(${name}, var(${fallback}`
        : `var(${name}, ${fallback})`;
      expect(css, name).toContain(expected);
    }
  });

  it('the hour height is 4em, as documented (not the old 3.5rem), and no size is a rem reset', () => {
    expect(documented.get('--milieu-schedule-board-hour-height')).toContain('`4em`');
    expect(css).toContain('var(--milieu-schedule-board-hour-height, 4em)');
    expect(css).not.toMatch(/font-size:\s*var\(--milieu-font-size/);
    expect(css).not.toMatch(/font-size:[^;]*rem/);
    expect(css).not.toMatch(/--_hour:[^;]*rem/);
  });
});
