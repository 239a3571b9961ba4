/**
 * Template helpers that carry no schema: the modes, item kinds, localised text and item lists.
 *
 * @module
 */
import type { FeedbackItem, FeedbackTemplate, LocalizedText } from './template.js';

/** The four modes of the feedback form, by who writes about whom. */
export const FEEDBACK_MODES = ['staff', 'peer', 'self', 'program'] as const;
/**
 * A feedback mode: `staff` (personnel about a participant), `peer` (one participant about
 * another), `self` (daily reflection) or `program` (a participant about the milieu).
 */
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

/** The kinds of template item. */
export const FEEDBACK_ITEM_TYPES = [
  'text',
  'scale',
  'choice',
  'goal-link',
  'expectation-link',
] as const;
/** A kind of template item (see {@link FEEDBACK_ITEM_TYPES}). */
export type FeedbackItemType = (typeof FEEDBACK_ITEM_TYPES)[number];

/**
 * Picks the text for a BCP 47 language tag: the exact tag, then its base language (`es-MX` →
 * `es`), then English.
 *
 * @param text - one string or a map of language to text
 * @param locale - the reader's language tag
 */
export function localize(text: LocalizedText | undefined, locale = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const map = text as Record<string, string>;
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return map[locale] ?? map[base] ?? map['en'] ?? '';
}

/** Every item of a template, in order. */
export function templateItems(template: FeedbackTemplate): FeedbackItem[] {
  return template.sections.flatMap((s) => s.items);
}
