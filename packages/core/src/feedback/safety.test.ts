import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_PATTERNS, detectSafetyLanguage } from './index.js';
import corpus from './safety-corpus.json' with { type: 'json' };

const phrases = (text: string, options = {}): string[] =>
  detectSafetyLanguage(text, options).map((m) => m.phrase);

describe('detectSafetyLanguage', () => {
  it('finds English self-harm phrases, ignoring case and extra spaces', () => {
    const found = detectSafetyLanguage('Some days I WANT to   die.');
    expect(found).toEqual([
      { phrase: 'want to die', category: 'self-harm', text: 'WANT to   die', index: 12 },
    ]);
    expect(phrases('I keep thinking about suicide')).toEqual(['suicide']);
    expect(phrases('I can’t go on like this')).toEqual(["can't go on"]);
  });

  it('finds harm to others', () => {
    expect(detectSafetyLanguage('If he does that again I will hurt him')).toMatchObject([
      { phrase: 'hurt them', category: 'harm-to-others', text: 'hurt him' },
    ]);
  });

  it('finds Spanish phrases with or without accents and ñ', () => {
    expect(phrases('A veces quiero MORIRME')).toEqual(['quiero morir']);
    expect(detectSafetyLanguage('pienso en hacerme daño')[0]).toMatchObject({
      text: 'hacerme daño',
      category: 'self-harm',
    });
    expect(phrases('pienso en hacerme dano')).toEqual(phrases('pienso en hacerme daño'));
    expect(phrases('tuve ideas de autolesion')).toEqual(['autolesión']);
    expect(detectSafetyLanguage('voy a matarlo')[0]).toMatchObject({ category: 'harm-to-others' });
  });

  it('treats a hyphen as optional: self-harm, self harm, selfharm', () => {
    for (const text of ['self-harm', 'self harm', 'SELFHARM']) {
      expect(phrases(`urges to ${text} today`)).toEqual(['self-harm']);
    }
  });

  it('matches whole words only', () => {
    expect(phrases('She has great skill: myself, I learned from her')).toEqual([]);
    expect(phrases('the overdosedplant')).toEqual([]);
    expect(phrases('a kill myselfie stick')).toEqual([]);
  });

  it('leaves everyday text alone', () => {
    for (const text of [
      'She killed it at the talent show.',
      'He cut his hair and looked proud.',
      'I could die laughing at his jokes.',
      'Le ayudó mucho la respiración.',
    ]) {
      expect(phrases(text)).toEqual([]);
    }
  });

  it('reports every match in reading order', () => {
    expect(phrases('I want to die, and I might hurt them.')).toEqual(['want to die', 'hurt them']);
  });

  it('adds words by default and replaces the list on request', () => {
    expect(phrases('thinking about the bridge again', { words: ['the bridge'] })).toEqual([
      'the bridge',
    ]);
    const words = [{ phrase: 'jump', category: 'self-harm' as const }];
    expect(phrases('I want to die; jump', { words, replace: true })).toEqual(['jump']);
    expect(phrases('I want to die', { replace: true })).toEqual([]);
  });

  it('ships both categories in both languages', () => {
    const cats = new Set(DEFAULT_SAFETY_PATTERNS.map((t) => t.category));
    expect(cats).toEqual(new Set(['self-harm', 'harm-to-others']));
    expect(phrases('Me voy a ahorcar')).toHaveLength(1);
    expect(phrases('Te voy a matar')).toHaveLength(1);
  });

  it('finds the phrasings the December review found missing', () => {
    for (const text of [
      "I'm going to hang myself",
      "I don't want to live anymore",
      'ending it all',
      'no quiero seguir viviendo',
      'quiero desaparecer',
    ]) {
      expect(phrases(text), text).not.toEqual([]);
    }
  });

  it('leaves hard negatives alone', () => {
    for (const text of [
      'this group is killing me with boredom',
      'I hung the poster',
      'I beat him at chess',
      'Can you shoot them an email?',
      'Ya no quiero vivir con mi tía',
      'Me voy a cortar el pelo',
    ]) {
      expect(phrases(text), text).toEqual([]);
    }
  });

  it('keeps index and text on the original, accented text', () => {
    const [m] = detectSafetyLanguage('Ayer: ¡Quiero MORIR!');
    expect(m).toMatchObject({ text: 'Quiero MORIR', index: 7 });
    // Letters whose lower case is longer (İ) or ligatures do not shift the index.
    const [n] = detectSafetyLanguage('İİ ﬁne. ÉSTOY PENSANDO EN SUICIDARME');
    expect(n).toMatchObject({ text: 'SUICIDARME', index: 26 });
  });

  it('returns nothing for empty text', () => {
    expect(detectSafetyLanguage('')).toEqual([]);
  });
});

interface CorpusEntry {
  text: string;
  lang: 'en' | 'es';
  label: 'self-harm' | 'harm-to-others' | 'none';
  split: 'dev' | 'holdout';
}

/** Recall and precision of "any match" against "harm" (self-harm or harm to others). */
function score(entries: readonly CorpusEntry[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of entries) {
    const hit = detectSafetyLanguage(e.text).length > 0;
    if (hit && e.label !== 'none') tp += 1;
    else if (hit) fp += 1;
    else if (e.label !== 'none') fn += 1;
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp) };
}

describe('the labelled corpus (accuracy, not timing)', () => {
  const entries = corpus.entries as CorpusEntry[];

  it('has at least 300 texts in English and Spanish, with a held-out part', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(entries.map((e) => e.lang))).toEqual(new Set(['en', 'es']));
    expect(entries.filter((e) => e.split === 'holdout').length).toBeGreaterThanOrEqual(100);
    expect(new Set(entries.map((e) => e.text)).size).toBe(entries.length);
  });

  it('skips no match with its pre-check (the same answers as a full scan)', () => {
    // A listed phrase that never occurs turns the pre-check off and leaves the defaults on.
    const full = { words: [{ phrase: 'qqzzqq', category: 'self-harm' as const }] };
    const texts = entries.flatMap((e) => [
      e.text,
      e.text.toUpperCase(),
      e.text.replace(/ /g, '  '),
    ]);
    for (const text of texts)
      expect(detectSafetyLanguage(text), text).toEqual(detectSafetyLanguage(text, full));
  });

  for (const split of ['dev', 'holdout'] as const) {
    it(`meets the goals on the ${split} split: recall ≥ 0.95 on harm, precision ≥ 0.9`, () => {
      const { recall, precision } = score(entries.filter((e) => e.split === split));
      expect(recall).toBeGreaterThanOrEqual(0.95);
      expect(precision).toBeGreaterThanOrEqual(0.9);
    });
  }
});
