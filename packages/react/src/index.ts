/**
 * `@milieu/react` — React components for the Milieu web components, made with `@lit/react`.
 * Importing a wrapper registers its custom element.
 *
 * @packageDocumentation
 */
export { ExpectationCard } from './expectation-card.js';
