/**
 * Message formatting: `{name}` placeholders and locale resolution for rule messages.
 *
 * @module
 */
import type { MessageData, MessageValue, RuleMessages } from '../types.js';

/** Locales the built-in catalogs cover. Other locales fall back to English. */
export const RULE_LOCALES = ['en', 'es'] as const;
/** A locale the built-in catalogs cover (see {@link RULE_LOCALES}). */
export type RuleLocale = (typeof RULE_LOCALES)[number];

/**
 * The base language of a BCP 47 tag, lower-cased: `es-MX` → `es`, `EN_us` → `en`; `en` when empty.
 *
 * @param locale - a BCP 47 tag such as `en-US` or `es`
 */
export function baseLanguage(locale: string | undefined): string {
  const base = (locale ?? '').trim().split(/[-_]/)[0]?.toLowerCase();
  return base ? base : 'en';
}

function show(value: MessageValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.join(', ');
}

/**
 * Replaces `{name}` placeholders with values from `data` (lists joined with `, `); unknown
 * placeholders are left as they are, so a missing value is visible rather than silently empty.
 *
 * @param template - e.g. `No {kind} on {date}.`
 * @param data - values by name
 * @example
 * ```ts
 * formatMessage('No {meals} on {date}.', { meals: ['lunch', 'dinner'], date: '2026-03-09' });
 * // 'No lunch, dinner on 2026-03-09.'
 * ```
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(
    /\{([A-Za-z0-9_]+)\}/g,
    (whole, name: string) => show(data[name]) ?? whole,
  );
}

/**
 * The template of a message id in a locale: the locale's base language first, then English, then
 * the id itself (so a missing translation never throws).
 *
 * @param messages - a rule's messages
 * @param messageId - the message id
 * @param locale - a BCP 47 tag
 */
export function messageTemplate(messages: RuleMessages, messageId: string, locale: string): string {
  const lang = baseLanguage(locale);
  return messages[lang]?.[messageId] ?? messages.en[messageId] ?? messageId;
}
