/** Languages every Milieu element ships messages for. */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
/** A language with a shipped message catalog. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Picks the message catalog for a BCP 47 tag (`es-MX` → `es`), falling back
 * to English for anything unknown, empty or malformed.
 */
export function languageOf(locale: string | null | undefined): SupportedLanguage {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(base)
    ? (base as SupportedLanguage)
    : 'en';
}
