/**
 * `@milieu/elements` — Lit web components for a therapeutic milieu.
 *
 * This entry registers nothing: import a tag's own module
 * (`@milieu/elements/expectation-card.js`) to register it, or call
 * {@link defineMilieuElements} to register under a prefix of your own.
 *
 * @packageDocumentation
 */
export { MilieuElement } from './internal/milieu-element.js';
export { SUPPORTED_LANGUAGES, type SupportedLanguage } from './internal/locale.js';
export {
  MilieuExpectationCard,
  type ExpectationCardData,
} from './components/expectation-card/expectation-card.component.js';
export {
  MilieuRationaleToggleEvent,
  type RationaleToggleDetail,
} from './events/rationale-toggle.js';
export {
  defineMilieuElements,
  MILIEU_ELEMENTS,
  type DefineOptions,
  type MilieuElementName,
} from './define.js';
export {
  THEMES,
  KIND_TOKENS,
  CONTRAST_PAIRS,
  token,
  themeCss,
  type ThemeName,
  type TokenName,
} from './styles/tokens.js';
export { contrastRatio } from './styles/contrast.js';
export * from './components/feedback-form/feedback-form.exports.js';
export * from './components/schedule-board/schedule-board.exports.js';
export * from './components/attendance-sheet/attendance-sheet.exports.js';
