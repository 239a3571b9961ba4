/**
 * Message catalogs and formatting of the built-in rules.
 *
 * @module
 */
import type { RuleMessages } from '../types.js';
import { en, type MessageCatalog } from './en.js';
import { es } from './es.js';

export { en, es, type MessageCatalog };
export {
  baseLanguage,
  formatMessage,
  messageTemplate,
  RULE_LOCALES,
  type RuleLocale,
} from './format.js';

/** Every built-in catalog by base language. */
export const ruleCatalogs: Readonly<Record<string, MessageCatalog>> = { en, es };

/**
 * The messages of a built-in rule from the catalogs (`en` and `es`).
 *
 * @param ruleId - a built-in rule id
 */
export function messagesFor(ruleId: string): RuleMessages {
  return { en: en[ruleId] ?? {}, es: es[ruleId] ?? {} };
}
