import { describe, expect, it } from 'vitest';
import { defineMilieuElements, MILIEU_ELEMENTS, MilieuExpectationCard } from './index.js';

describe('defineMilieuElements', () => {
  it('registers under a host prefix beside the default tags', async () => {
    expect(defineMilieuElements({ prefix: 'acme' })).toEqual(
      Object.keys(MILIEU_ELEMENTS).map((name) => `acme-${name}`),
    );
    expect(defineMilieuElements()).toContain('milieu-expectation-card');
    const el = document.createElement('acme-expectation-card');
    expect(el).toBeInstanceOf(MilieuExpectationCard);
    (el as MilieuExpectationCard).statement = 'Share the TV remote.';
    document.body.append(el);
    await (el as MilieuExpectationCard).updateComplete;
    expect(el.shadowRoot!.textContent).toContain('Share the TV remote.');
    el.remove();
  });

  it('is idempotent: a second call registers nothing and throws nothing', () => {
    defineMilieuElements({ prefix: 'twice' });
    expect(defineMilieuElements({ prefix: 'twice' })).toEqual([]);
  });

  it('rejects an invalid prefix with a labelled error', () => {
    expect(() => defineMilieuElements({ prefix: 'Bad Prefix' })).toThrow(
      /defineMilieuElements: prefix/,
    );
  });
});
