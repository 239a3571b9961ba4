import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '@milieu/core';
import { messages } from './schedule-board.messages.js';

describe('<milieu-schedule-board> messages', () => {
  it.each(ACTIVITY_KINDS)('names the kind %s in Spanish, not in English', (kind) => {
    const es = messages.es.kinds[kind];
    expect(es, kind).toBeTruthy();
    expect(es).not.toBe(messages.en.kinds[kind]);
    // A kind label is shown beside a title: short enough for a badge-sized line.
    expect(es.length).toBeLessThanOrEqual(22);
  });

  it('has words for every kind of load failure in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const kind of ['not-found', 'forbidden', 'server', 'offline', 'other'] as const) {
        const { title, action } = messages[lang].errors[kind];
        expect(title, `${lang} ${kind}`).toMatch(/^[A-ZÁÉÍÓÚÑ¿]/);
        expect(action, `${lang} ${kind}`).toMatch(/\.$/);
      }
    }
  });
});
