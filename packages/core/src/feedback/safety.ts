/**
 * Safety-language detection: phrases about self-harm or harming others in free text, English
 * and Spanish. A match never blocks anything: it routes the entry to staff review and lets the
 * form tell the writer, kindly, that a staff member will read it. Detection is deliberately
 * broad (negations such as "I would never hurt myself" match too): a person decides, the code
 * only routes.
 *
 * The detector is local and small: a list of patterns over case- and accent-folded text, no
 * network and no model. Its recall and precision are measured on a labelled corpus
 * (`safety-corpus.json`, see `docs/safety-language.md` and `bench/safety.bench.mjs`).
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
  /** Use `words` instead of the default English and Spanish patterns. Default `false`. */
  replace?: boolean;
}

/** One phrase found in a text. `index` and `text` refer to the text in Unicode NFC form. */
export interface SafetyMatch {
  /** The name of the pattern that matched (for example `hang myself`), or the listed phrase. */
  phrase: string;
  category: SafetyCategory;
  /** The words as written. */
  text: string;
  index: number;
}

/**
 * A default pattern: a name (shown to reviewers as `phrase`), a category and a regular
 * expression over folded text (lower case, no accents, `’` as `'`), where a space stands for
 * any run of white space and ` ?` for optional white space. Patterns use no capturing groups.
 */
export interface SafetyPattern {
  phrase: string;
  category: SafetyCategory;
  pattern: string;
}

const S = 'self-harm' as const;
const H = 'harm-to-others' as const;
const SELF = 'my ?self';
const PEOPLE =
  "(?:you|him|her|them|u|someone|somebody|everyone|everybody|people|y'?all|all of (?:you|them|u)|staff|the (?:staff|nurses?|doctor|counselor|teacher|therapist|guard|new kid|kid|boy|girl|guy)|my (?:brother|sister|mom|mother|dad|father|step ?-?dad|step ?-?mom|roommate|roomie|peer|teacher|therapist|nurse|doctor|counselor|boyfriend|girlfriend|ex|husband|wife|son|daughter|friend|neighbou?r|cousin|uncle|aunt|boss|family|parents?|grandma|grandpa)|(?:this|that) (?:guy|girl|kid|dude|nurse|person))";
const NOT_A_GAME =
  "(?! (?:at|to it|an? (?:email|text|message|line|note|call|look|smile|question)|feelings?|'s feelings|in (?:a |the )?(?:game|match|chess|cards|volleyball|basketball|race|trivia|uno|ping))(?![a-z]))";
const ES_BODY =
  '(?! (?:el|la|las|los|un|una) (?:pelo|cabello|flequillo|fleco|unas|barba|dedo|rodilla|tobillo|mochila|ropa))';
const ES_NOT_FUN = '(?! de (?:risa|hambre|ganas|sueno|verguenza|frio|calor|aburrimiento))';

/** The default patterns, English then Spanish. Extend them (or replace them) with {@link SafetyOptions}. */
export const DEFAULT_SAFETY_PATTERNS: readonly SafetyPattern[] = [
  // English: self-harm
  {
    phrase: 'hurt myself',
    category: S,
    pattern: `(?:(?:kill|hang|hung|hurt|harm|cut|shoot|shot|drown|burn|stab|starv|strangl|poison|chok|suffocat|overdos)[a-z]{0,4}|off) ${SELF}`,
  },
  {
    phrase: 'end my life',
    category: S,
    pattern: '(?:end|ending|ended|take|taking|took) my (?:own )?life',
  },
  {
    phrase: 'end it all',
    category: S,
    pattern: 'end(?:ing|ed)? it (?:all|tonight|today|now|for good)',
  },
  {
    phrase: 'end it',
    category: S,
    pattern:
      '(?:plan|planning|going|gonna|want|wanna|ready|decided|saved|way) to end (?:it|things|everything)(?! (?:with|between)(?![a-z]))',
  },
  {
    phrase: 'want to die',
    category: S,
    pattern:
      '(?:want|wanna|going|gonna|ready|deserve|plan|planning|trying|tried|should just|could just|need) (?:to )?(?:just )?die(?! (?:of|laughing|from|for|happy|trying)(?![a-z]))',
  },
  {
    phrase: 'wish I was dead',
    category: S,
    pattern:
      'wish(?:ed)? (?:that )?i (?:was|were|could be|had been|would be) (?:dead|gone|never born)',
  },
  { phrase: 'better off dead', category: S, pattern: 'better (?:off )?(?:dead|without me)' },
  { phrase: 'be dead', category: S, pattern: '(?:want|wanna|rather|ready|like) (?:to )?be dead' },
  { phrase: 'suicide', category: S, pattern: 'suicid[a-z]*' },
  { phrase: 'self-harm', category: S, pattern: 'self[-\\s]*harm[a-z]*' },
  { phrase: 'overdose', category: S, pattern: 'overdos(?:e|es|ed|ing)' },
  {
    phrase: 'cut my wrists',
    category: S,
    pattern: '(?:slit|cut|slash)[a-z]{0,4} (?:my |both )?wrists?',
  },
  {
    phrase: 'no reason to live',
    category: S,
    pattern: '(?:no|any|a|zero) reasons? (?:left )?to (?:live|go on|keep going|be alive)',
  },
  { phrase: 'not worth living', category: S, pattern: "(?:not|isn'?t|never) worth living" },
  {
    phrase: 'no point in living',
    category: S,
    pattern: '(?:no|any|the) point (?:in|of) (?:living|life|being alive|going on)',
  },
  {
    phrase: "can't go on",
    category: S,
    pattern:
      "(?:can'?t|cannot|can not) (?:go on|keep going|keep living)(?! (?:the|a|an|that|this|my|our|your|trips?|outings?|vacations?|rides?|with|to)(?![a-z]))",
  },
  {
    phrase: "don't want to live",
    category: S,
    pattern:
      "(?:do ?n'?t|do not|no longer|never|not) (?:really )?(?:want|wanna|wish) (?:to )?(?:live|be alive|exist|be here any ?more)(?! (?:with|in|at|near|on|by|there|somewhere|alone|like|here|together|without)(?![a-z]))",
  },
  { phrase: 'stop existing', category: S, pattern: 'stop (?:existing|living|breathing)' },
  {
    phrase: 'tired of living',
    category: S,
    pattern: '(?:tired|sick|done) (?:of|with) (?:living|life|being alive|existing)',
  },
  {
    phrase: 'take all my pills',
    category: S,
    pattern:
      '(?:took|take|taking|swallow[a-z]*|down(?:ed)?) (?:them )?(?:all|too many|a (?:bunch|lot|handful)) (?:of )?(?:my |the |those |these )?(?:pills|meds|medications?|tablets)',
  },
  {
    phrase: 'saving pills',
    category: S,
    pattern:
      '(?:(?:saving|saved|hoarding|stockpiling|stashing|hiding) (?:up )?(?:my |the |some )?(?:pills|meds|medications?)|(?:pills|meds) (?:saved|stashed|hidden|stored) (?:up )?to)',
  },
  { phrase: 'goodbye note', category: S, pattern: '(?:goodbye|suicide) (?:note|letter)s?' },
  {
    phrase: 'want to disappear',
    category: S,
    pattern:
      '(?:want|wanna|wish i could|going|gonna) (?:to )?(?:just )?disappear(?! (?:into|in|from|under)(?![a-z]))',
  },
  {
    phrase: 'never wake up',
    category: S,
    pattern:
      "(?:(?:sleep|go to sleep) and (?:never|not) wake up|(?:want|wish|hope|rather)[^.!?]{0,20}?(?:never|not|n'?t) (?:to )?wake up)",
  },
  {
    phrase: 'nobody would miss me',
    category: S,
    pattern:
      '(?:no ?one|nobody) (?:would|will) (?:even )?(?:miss me|(?:notice|care) if i (?:died|disappeared|was gone|were gone))',
  },
  {
    phrase: 'jump off',
    category: S,
    pattern:
      '(?:(?:jump|leap)[a-z]{0,3}|throw[a-z]{0,3} myself) (?:off|from|in front of|out of) (?:a |an |the |my )?(?:bridge|roof|building|cliff|train|car|bus|truck|window|balcony|tower|overpass|ledge)',
  },
  {
    phrase: 'in front of a train',
    category: S,
    pattern: '(?:step|walk|lie down)[a-z]{0,3} in front of (?:a|the) (?:train|car|bus|truck)',
  },
  { phrase: 'ways to die', category: S, pattern: 'ways to (?:die|kill myself|end (?:it|my life))' },
  {
    phrase: 'not be around much longer',
    category: S,
    pattern:
      '(?:not|never) (?:going to|gonna) be (?:around|here|alive) (?:much |for )?(?:longer|long)',
  },
  { phrase: 'until it bleeds', category: S, pattern: 'until (?:it|they|i) (?:bleed|bleeds|bled)' },
  // English: harm to others
  {
    phrase: 'hurt them',
    category: H,
    pattern: `(?:kill|murder|stab|shoot|shot|hurt|harm|attack|strangl|chok|punch|beat|smash|poison|hit|slap|kick)[a-z]{0,4} (?:up )?${PEOPLE}(?![a-z])${NOT_A_GAME}`,
  },
  {
    phrase: 'break his face',
    category: H,
    pattern:
      '(?:break|smash|bash|punch|kick)[a-z]{0,3} (?:his|her|their|your|ur) (?:face|head|neck|teeth|jaw|nose|legs?|arms?)',
  },
  {
    phrase: 'burn his house',
    category: H,
    pattern: '(?:burn|set fire to) (?:his|her|their|your|the) (?:house|room|car|place|stuff)',
  },
  {
    phrase: 'shoot up the school',
    category: H,
    pattern: '(?:shoot|kill|stab|bomb) up (?:the|this|my) (?:place|school|unit|building|ward)',
  },
  // Spanish: self-harm (folded: no accents, ñ as n)
  {
    phrase: 'matarme, hacerme daño',
    category: S,
    pattern: `(?:matarme|suicidarme|ahorcarme|envenenarme|ahogarme|autolesionarme|quitarme la vida|lastimarme|hacerme dano|morirme${ES_NOT_FUN}|colgarme(?! (?:la|el|los|las) )|cortarme${ES_BODY})`,
  },
  {
    phrase: 'me voy a matar',
    category: S,
    pattern: `me (?:voy a |quiero |quisiera |puedo |podria |vaya a |pienso |dan ganas de |gustaria |tengo que )?(?:matar|suicidar|ahorcar|quitar la vida|envenenar|ahogar|cortar las venas|hacer dano|morir${ES_NOT_FUN}|colgar(?! (?:la|el|los|las|un|una|mis?) )|desaparecer)(?![a-z])`,
  },
  {
    phrase: 'me corto',
    category: S,
    pattern: `me (?:corto|lastimo|hago dano|haria dano|hare dano|hago cortes|estoy cortando|estoy lastimando|he cortado|quemo)${ES_BODY}`,
  },
  {
    phrase: 'tirarme del puente',
    category: S,
    pattern:
      '(?:me (?:voy a |quiero |quisiera )?(?:tirar|lanzar|aventar|arrojar)|tirarme|lanzarme|aventarme|arrojarme) (?:de|del|por|desde|a las|al|bajo)(?![a-z])',
  },
  { phrase: 'autolesión', category: S, pattern: '(?:autolesi[a-z]*|sobredosis)' },
  {
    phrase: 'acabar con todo',
    category: S,
    pattern:
      '(?:terminar|acabar) (?:con )?(?:mi vida|todo(?: esto)?(?! (?:lo|el|la|los|las|de|que)(?![a-z])))',
  },
  {
    phrase: 'quiero morir',
    category: S,
    pattern: `(?:quiero|quisiera|ganas de|deseo|necesito) (?:morir(?:me)?${ES_NOT_FUN}|estar muert[oa]|desaparecer|dejar de (?:existir|vivir)|dormir y no despertar|no (?:despertar|despertarme|volver a despertar))`,
  },
  {
    phrase: 'no quiero vivir',
    category: S,
    pattern:
      'no (?:quiero|deseo) (?:seguir )?(?:vivir|viviendo|estar viv[oa]|existir)(?! (?:con|en|aqui|alli|ahi|sol[oa]|cerca|lejos|junto)(?![a-z]))',
  },
  {
    phrase: 'estar muerto',
    category: S,
    pattern: '(?:ojala|me gustaria|quisiera|quiero) (?:estar |estuviera )(?:ya )?muert[oa]',
  },
  { phrase: 'mejor muerto', category: S, pattern: 'mejor muert[oa]s?' },
  {
    phrase: 'no vale la pena vivir',
    category: S,
    pattern:
      '(?:no (?:vale|valdria) la pena|no tiene sentido) (?:vivir|seguir)|no (?:tengo|hay|encuentro) (?:ninguna |ningun )?(?:razon|razones|motivos?) para (?:vivir|seguir)',
  },
  {
    phrase: 'mejor sin mí',
    category: S,
    pattern:
      '(?:(?:estarian|estaria|estarias|seria|serian) mejor sin mi|mejor si (?:yo )?no (?:existiera|estuviera))(?![a-z])',
  },
  {
    phrase: 'harta de vivir',
    category: S,
    pattern:
      '(?:harta|harto|cansad[oa]) de (?:vivir|la vida|existir)|no aguanto mas (?:la vida|vivir|esta vida)',
  },
  {
    phrase: 'todas las pastillas',
    category: S,
    pattern:
      '(?:tom|trag)[a-z]{0,5} (?:todas las|muchas|un monton de|un frasco de) (?:pastillas|medicinas|pildoras)',
  },
  // Spanish: harm to others
  {
    phrase: 'matarlo, hacerle daño',
    category: H,
    pattern:
      '(?:matar|apunalar|lastimar|golpear|estrangular|ahorcar|disparar|herir|acuchillar)(?:te|l[oae]s?)|pegarle un tiro|hacer(?:te|l[ea]s?) dano',
  },
  {
    phrase: 'te voy a matar',
    category: H,
    pattern:
      '(?:te|lo|la|los|las|le|les) (?:voy a|vamos a|quiero|van a|va a|tengo que) (?:matar|apunalar|lastimar|golpear|estrangular|ahorcar|quemar|disparar|herir|acuchillar|pegar|hacer dano|romper la cara|partir la (?:cara|madre)|dar una paliza|reventar)',
  },
  {
    phrase: 'matar a alguien',
    category: H,
    pattern:
      '(?:matar|apunalar|lastimar|golpear|herir|hacer dano|disparar) a (?:alguien|todos|todo el mundo|mis? [a-z]+|ese|esa|el|ella|ellos|ellas|la gente|los demas)(?![a-z])',
  },
  {
    phrase: 'quemar su casa',
    category: H,
    pattern: 'quemar (?:su|tu) (?:casa|cuarto|carro|coche|ropa)',
  },
];

const MARKS = /[\u0300-\u036f]/g;

/**
 * A cheap pre-check for the default patterns: every match of every default pattern contains one
 * of these stems at the start of a word (folded text), so a text without any cannot match and the full expression is
 * skipped. Keep it in step with {@link DEFAULT_SAFETY_PATTERNS}: the corpus test and the
 * equivalence test in `safety.test.ts` fail when a pattern can match without a stem.
 */
const STEMS =
  /(?<![a-z])(?:my\s*self|alive|self|life|end|die|dead|wish|better|suicid|harm|overdos|wrist|reason|worth|point|can|keep|wan|liv|exist|stop|pill|med|tablet|note|letter|disappear|wake|miss|notice|care|jump|leap|throw|front|ways|around|long|bleed|bled|kill|murder|stab|shoot|shot|hurt|attack|strangl|chok|punch|beat|smash|poison|hit|slap|kick|break|bash|burn|fire|bomb|matar|ahorc|envenen|ahog|autolesi|quitar|lastim|dano|morir|colgar|cort|quem|tirar|lanzar|aventar|arrojar|sobredosis|acabar|terminar|muert|desaparec|despert|viv|seguir|mejor|vida|pastilla|medicina|pildora|apunal|golpe|estrangul|dispar|herir|acuchill|tiro|pegar|romper|partir|paliza|revent)/;

/**
 * Lower case without accents (`ñ` as `n`), curly apostrophes as `'`, one code unit for one:
 * indexes into the folded text are indexes into the original.
 */
function fold(text: string): string {
  const ascii = /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
  return ascii.replace(/[^\t\n\r\x20-\x7e]/g, (ch) => {
    if (ch === '’' || ch === '‘') return "'";
    const bare = ch.normalize('NFD').replace(MARKS, '');
    const one = bare.length === 1 ? bare : ch;
    const lower = one.toLowerCase(); // `İ` lowers to two code units: keep one for one
    return lower.length === 1 ? lower : one;
  });
}

/** A listed phrase as a pattern over folded text: spaces any white space, hyphen optional. */
function phrasePattern(phrase: string): string {
  let out = '';
  for (const ch of fold(phrase.trim())) {
    if (/\s/.test(ch)) out += ' ';
    else if (ch === "'") out += "'?";
    else if (ch === '-') out += '[-\\s]*';
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

interface Compiled {
  regex: RegExp;
  names: { phrase: string; category: SafetyCategory }[];
}

let defaults: Compiled | undefined;
const custom = new WeakMap<readonly (string | SafetyTerm)[], Compiled[]>();

function compile(patterns: readonly SafetyPattern[]): Compiled {
  const body =
    patterns.map((p) => `(${p.pattern.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')})`).join('|') ||
    '(?!)';
  return {
    regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu'),
    names: patterns.map(({ phrase, category }) => ({ phrase, category })),
  };
}

const toPattern = (w: string | SafetyTerm): SafetyPattern => {
  const term = typeof w === 'string' ? { phrase: w, category: S } : w;
  return { ...term, pattern: phrasePattern(term.phrase) };
};

function compiledFor(options: SafetyOptions): Compiled {
  const words = options.words;
  if (!words || words.length === 0) {
    return options.replace ? compile([]) : (defaults ??= compile(DEFAULT_SAFETY_PATTERNS));
  }
  const cached = custom.get(words);
  const slot = options.replace ? 1 : 0;
  const hit = cached?.[slot];
  if (hit) return hit;
  // Listed phrases first, longest first, so they win over an overlapping default pattern.
  const extra = words
    .filter((w) => (typeof w === 'string' ? w : w.phrase).trim() !== '')
    .map(toPattern)
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const made = compile(options.replace ? extra : [...extra, ...DEFAULT_SAFETY_PATTERNS]);
  const list = cached ?? [];
  list[slot] = made;
  custom.set(words, list);
  return made;
}

/**
 * Finds safety language in free text: phrases about self-harm or harming others, as whole words
 * (Unicode-aware boundaries), ignoring case, accents and extra spaces. English and Spanish
 * patterns ship ({@link DEFAULT_SAFETY_PATTERNS}); pass `words` to add phrases or
 * `replace: true` to use only yours.
 *
 * @param text - free text written by a person
 * @param options - extra or replacement phrases
 * @returns every match in reading order; empty when none
 *
 * @example
 * ```ts
 * detectSafetyLanguage('Some days I want to die.');
 * // [{ phrase: 'want to die', category: 'self-harm', text: 'want to die', index: 10 }]
 * ```
 */
export function detectSafetyLanguage(text: string, options: SafetyOptions = {}): SafetyMatch[] {
  if (!text) return [];
  const { regex, names } = compiledFor(options);
  const source = text.normalize('NFC');
  const folded = fold(source);
  const matches: SafetyMatch[] = [];
  if (regex === defaults?.regex && !STEMS.test(folded)) return matches;
  for (const m of folded.matchAll(regex)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const name = names[group - 1];
    if (name)
      matches.push({
        phrase: name.phrase,
        category: name.category,
        text: source.slice(m.index, m.index + m[0].length),
        index: m.index,
      });
  }
  return matches;
}
