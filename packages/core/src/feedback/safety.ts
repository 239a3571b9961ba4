/**
 * Safety-language detection: phrases about self-harm or harming others in free text. A match
 * never blocks anything: it routes the entry to staff review and lets the form tell the writer,
 * kindly, that a staff member will read it. Detection is deliberately broad (negations such as
 * "I would never hurt myself" match too): a person decides, the code only routes.
 *
 * @module
 */

/** What a safety phrase is about. */
export const SAFETY_CATEGORIES = ['self-harm', 'harm-to-others'] as const;
/** What a safety phrase is about (see {@link SAFETY_CATEGORIES}). */
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

/** One phrase to look for. A plain string counts as `self-harm`. */
export interface SafetyTerm {
  phrase: string;
  category: SafetyCategory;
}

/** Options of {@link detectSafetyLanguage}. */
export interface SafetyOptions {
  /** Extra phrases (added to the defaults), or the only phrases when `replace` is true. */
  words?: readonly (string | SafetyTerm)[];
  /** Use `words` instead of the default English and Spanish lists. Default `false`. */
  replace?: boolean;
}

/** One phrase found in a text. `index` and `text` refer to the text in Unicode NFC form. */
export interface SafetyMatch {
  /** The listed phrase that matched. */
  phrase: string;
  category: SafetyCategory;
  /** The words as written. */
  text: string;
  index: number;
}

const cross = (verbs: string[], objects: string[]): string[] =>
  verbs.flatMap((v) => objects.map((o) => `${v} ${o}`));

const SELF_EN = [
  ...cross(['kill', 'killing', 'hurt', 'hurting', 'harm', 'harming', 'cut', 'cutting'], ['myself']),
  'end my life',
  'ending my life',
  'take my own life',
  'take my life',
  'suicide',
  'suicidal',
  'want to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
  'better off dead',
  'self-harm',
  'overdose',
  'no reason to live',
  'not worth living',
  "can't go on",
];
const OTHERS_EN = cross(
  ['kill', 'hurt', 'stab', 'shoot', 'beat up', 'attack'],
  ['you', 'him', 'her', 'them', 'someone', 'somebody', 'everyone', 'staff'],
);
const SELF_ES = [
  'matarme',
  'suicidarme',
  'suicidio',
  'suicida',
  'quitarme la vida',
  'acabar con mi vida',
  'quiero morir',
  'quiero morirme',
  'hacerme daño',
  'lastimarme',
  'cortarme',
  'no quiero vivir',
  'mejor muerto',
  'mejor muerta',
  'sobredosis',
  'autolesión',
  'autolesionarme',
];
const OTHERS_ES = [
  'matarte',
  'matarlo',
  'matarla',
  'matarlos',
  'matarlas',
  'voy a matar',
  'hacerte daño',
  'hacerle daño',
  'hacerles daño',
  'lastimarte',
  'lastimarlo',
  'lastimarla',
  'apuñalar',
  'pegarle un tiro',
];

/** The default phrases, English then Spanish. Extend or replace them with {@link SafetyOptions}. */
export const DEFAULT_SAFETY_TERMS: readonly SafetyTerm[] = [
  ...[...SELF_EN, ...SELF_ES].map((phrase) => ({ phrase, category: 'self-harm' as const })),
  ...[...OTHERS_EN, ...OTHERS_ES].map((phrase) => ({
    phrase,
    category: 'harm-to-others' as const,
  })),
];

const VOWELS: Record<string, string> = {
  a: 'aáàâä',
  e: 'eéèêë',
  i: 'iíìîï',
  o: 'oóòôö',
  u: 'uúùûü',
  ñ: 'ñn',
};

/**
 * A phrase as a pattern: accents optional on vowels, any run of spaces, both apostrophes, and a
 * hyphen that may also be a space or nothing (`self-harm`, `self harm`, `selfharm`).
 */
function phrasePattern(phrase: string): string {
  const bare = phrase
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, (mark) => (mark === '\u0303' ? mark : ''))
    .normalize('NFC')
    .toLowerCase()
    .trim();
  let out = '';
  for (const ch of bare) {
    if (/\s/.test(ch)) out += '\\s+';
    else if (ch === "'" || ch === '’') out += "['’]";
    else if (ch === '-') out += '[-\\s]*';
    else if (VOWELS[ch]) out += `[${VOWELS[ch]}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

interface Compiled {
  regex: RegExp;
  terms: SafetyTerm[];
}

let defaults: Compiled | undefined;
const custom = new WeakMap<readonly (string | SafetyTerm)[], Compiled[]>();

function compile(terms: SafetyTerm[]): Compiled {
  // Longest phrase first, so "kill myself" wins over a shorter overlapping phrase.
  const sorted = terms
    .filter((t) => t.phrase.trim())
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const body = sorted.map((t) => `(${phrasePattern(t.phrase)})`).join('|') || '(?!)';
  return {
    regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu'),
    terms: sorted,
  };
}

const toTerm = (w: string | SafetyTerm): SafetyTerm =>
  typeof w === 'string' ? { phrase: w, category: 'self-harm' } : w;

function compiledFor(options: SafetyOptions): Compiled {
  const words = options.words;
  if (!words || words.length === 0) {
    return options.replace ? compile([]) : (defaults ??= compile([...DEFAULT_SAFETY_TERMS]));
  }
  const cached = custom.get(words);
  const slot = options.replace ? 1 : 0;
  const hit = cached?.[slot];
  if (hit) return hit;
  const extra = words.map(toTerm);
  const made = compile(options.replace ? extra : [...DEFAULT_SAFETY_TERMS, ...extra]);
  const list = cached ?? [];
  list[slot] = made;
  custom.set(words, list);
  return made;
}

/**
 * Finds safety language in free text: phrases about self-harm or harming others, as whole words
 * (Unicode-aware boundaries), ignoring case, accents on vowels and extra spaces. English and
 * Spanish phrases ship; pass `words` to add phrases or `replace: true` to use only yours.
 *
 * @param text - free text written by a person
 * @param options - extra or replacement phrases
 * @returns every match in reading order; empty when none
 *
 * @example
 * ```ts
 * detectSafetyLanguage('Some days I want to die.');
 * // [{ phrase: 'want to die', category: 'self-harm', text: 'want to die', index: 12 }]
 * ```
 */
export function detectSafetyLanguage(text: string, options: SafetyOptions = {}): SafetyMatch[] {
  if (!text) return [];
  const { regex, terms } = compiledFor(options);
  const source = text.normalize('NFC');
  const matches: SafetyMatch[] = [];
  for (const m of source.matchAll(regex)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const term = terms[group - 1];
    if (term)
      matches.push({ phrase: term.phrase, category: term.category, text: m[0], index: m.index });
  }
  return matches;
}
