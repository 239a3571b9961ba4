// Importing only the tag module types the tag AND its events (see check-event-types.mjs).
import { expectTypeOf } from 'vitest';
import '@milieu/elements/expectation-card.js';
import type { MilieuRationaleToggleEvent } from '@milieu/elements/expectation-card.js';
import { type MilieuExpectationCard } from '@milieu/elements/expectation-card.js';

const card = document.createElement('milieu-expectation-card');
expectTypeOf(card).toEqualTypeOf<MilieuExpectationCard>();
card.addEventListener('milieu-rationale-toggle', (e) => {
  expectTypeOf(e).toEqualTypeOf<MilieuRationaleToggleEvent>();
  expectTypeOf(e.detail.open).toEqualTypeOf<boolean>();
});
// Control: the board's events are not typed by the card's module.
card.addEventListener('milieu-load-error', (e) => {
  // @ts-expect-error -- a plain Event has no detail
  void e.detail;
});
