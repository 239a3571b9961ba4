import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '@milieu/elements/expectation-card.js';
import { MilieuExpectationCard, type MilieuRationaleToggleEvent } from '@milieu/elements';

/**
 * `<milieu-expectation-card>` for React: attributes and properties as props,
 * `onRationaleToggle` for `milieu-rationale-toggle`.
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
