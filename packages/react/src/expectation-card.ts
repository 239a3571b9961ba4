import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '@milieu/elements/expectation-card.js';
import { MilieuExpectationCard, type MilieuRationaleToggleEvent } from '@milieu/elements';

/**
 * `<milieu-expectation-card>` for React: attributes and properties as props (`expectation`,
 * `statement`, `rationale`, `mutual`, `open`, `locale`), and `onRationaleToggle` for
 * `milieu-rationale-toggle` (`e.detail: { expectationId, open }`).
 *
 * Importing it registers `<milieu-expectation-card>`.
 */
export const ExpectationCard = createComponent({
  tagName: 'milieu-expectation-card',
  elementClass: MilieuExpectationCard,
  react: React,
  events: {
    onRationaleToggle: 'milieu-rationale-toggle' as EventName<MilieuRationaleToggleEvent>,
  },
  displayName: 'ExpectationCard',
});
