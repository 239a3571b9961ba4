import { defineElement } from './internal/milieu-element.js';
import { MilieuExpectationCard } from './components/expectation-card/expectation-card.component.js';
import { MilieuScheduleBoard } from './components/schedule-board/schedule-board.component.js';
import { MilieuFeedbackForm } from './components/feedback-form/feedback-form.component.js';
import { MilieuAttendanceSheet } from './components/attendance-sheet/attendance-sheet.component.js';

/** Every Milieu element class by its unprefixed name (`<prefix>-<name>` is the tag). */
export const MILIEU_ELEMENTS = {
  'expectation-card': MilieuExpectationCard,
  'schedule-board': MilieuScheduleBoard,
  'feedback-form': MilieuFeedbackForm,
  'attendance-sheet': MilieuAttendanceSheet,
} as const satisfies Record<string, CustomElementConstructor>;

/** Unprefixed name of a Milieu element, e.g. `'expectation-card'`. */
export type MilieuElementName = keyof typeof MILIEU_ELEMENTS;

/** Options of {@link defineMilieuElements}. */
export interface DefineOptions {
  /** Tag prefix; tags become `<prefix>-<name>`. Default `'milieu'`. */
  prefix?: string;
  /** Only register these elements. Default: all of them. */
  elements?: readonly MilieuElementName[];
}

const PREFIX = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Registers Milieu elements for hosts that cannot use the auto-defining entry
 * points, for example to rename tags (`acme-expectation-card`). Tags already
 * registered are left as they are, so calling it twice is harmless.
 *
 * @returns the tags this call registered.
 * @throws {TypeError} when `prefix` is not a valid custom-element prefix.
 *
 * @example
 * ```js
 * import { defineMilieuElements } from '@milieu/elements';
 * defineMilieuElements({ prefix: 'acme' }); // <acme-expectation-card>
 * ```
 */
export function defineMilieuElements(options: DefineOptions = {}): string[] {
  const prefix = options.prefix ?? 'milieu';
  if (!PREFIX.test(prefix)) {
    throw new TypeError(
      `defineMilieuElements: prefix "${prefix}" is not valid; use lowercase letters, digits and inner hyphens, starting with a letter (e.g. "acme").`,
    );
  }
  const names = options.elements ?? (Object.keys(MILIEU_ELEMENTS) as MilieuElementName[]);
  const defined: string[] = [];
  for (const name of names) {
    const base = MILIEU_ELEMENTS[name];
    const tag = `${prefix}-${name}`;
    // A constructor can be registered once only: other prefixes get a subclass.
    const ctor = prefix === 'milieu' ? base : class extends (base as CustomElementConstructor) {};
    if (defineElement(tag, ctor)) defined.push(tag);
  }
  return defined;
}
