/**
 * Word-list matching for rules that read free text (expectations, ladders, feedback, titles).
 * Case- and accent-insensitive, on whole words or phrases, English and Spanish alike.
 *
 * @internal
 * @module
 */

const NON_ASCII = /[^\x20-\x7e\t\n\r]/;

/** Lower-cases and strips diacritics (`Jamás` → `jamas`) and curly apostrophes. */
export function normalizeText(text: string): string {
  if (!NON_ASCII.test(text))
    return (text.includes('`') ? text.replace(/`/g, "'") : text).toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’`]/g, "'")
    .toLowerCase();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compiled list of words or phrases (see {@link compileWordList}). */
export interface WordMatcher {
  /** Every listed word or phrase found in `text`, in list order. */
  find(text: string): string[];
  /** Whether any listed word or phrase occurs in `text`. */
  test(text: string): boolean;
}

const BEFORE = "(?<![\\p{L}\\p{N}'])";
const AFTER = '(?![\\p{L}\\p{N}])';
const cache = new Map<string, WordMatcher>();

function build(words: readonly string[]): WordMatcher {
  const entries = [
    ...new Set(words.map((w) => normalizeText(w).trim()).filter((w) => w.length > 0)),
  ].map((word) => ({
    word,
    source: word.split(/\s+/).map(escape).join('\\s+'),
  }));
  const any =
    entries.length === 0
      ? undefined
      : new RegExp(`${BEFORE}(?:${entries.map((e) => e.source).join('|')})${AFTER}`, 'u');
  let each: { word: string; re: RegExp }[] | undefined;
  return {
    find(text) {
      const t = normalizeText(text);
      if (!any?.test(t)) return [];
      each ??= entries.map((e) => ({
        word: e.word,
        re: new RegExp(`${BEFORE}${e.source}${AFTER}`, 'u'),
      }));
      return each.filter((e) => e.re.test(t)).map((e) => e.word);
    },
    test(text) {
      return any?.test(normalizeText(text)) ?? false;
    },
  };
}

/**
 * Compiles a word list into a matcher on whole words: `no` matches "No smoking" but not "note";
 * phrases match across any run of spaces. One combined expression tests a text; matchers are
 * cached by list content, so option lists are compiled once per process, not once per check.
 *
 * @param words - words or phrases, any case, with or without accents
 */
export function compileWordList(words: readonly string[]): WordMatcher {
  const key = words.join('\u0000');
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size > 200) cache.clear();
    matcher = build(words);
    cache.set(key, matcher);
  }
  return matcher;
}

/** Words of a text (letters and digits runs). */
export function wordsOf(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}']+/gu) ?? [];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Whether a text has at least `min` words as {@link countWords} counts them, stopping at the
 * `min`-th word and allocating nothing (`countWords(text) >= min`).
 */
export function hasWords(text: string, min: number): boolean {
  if (min <= 0) return true;
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.test(text)) {
    if (++count >= min) {
      WORD.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/** Counts the words of a text (runs of letters or digits), without normalising it. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
