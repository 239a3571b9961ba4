import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_TERMS, detectSafetyLanguage } from './index.js';

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
      { phrase: 'hurt him', category: 'harm-to-others' },
    ]);
  });

  it('finds Spanish phrases with or without accents and ñ', () => {
    expect(phrases('A veces quiero MORIRME')).toEqual(['quiero morirme']);
    expect(phrases('pienso en hacerme daño')).toEqual(['hacerme daño']);
    expect(phrases('pienso en hacerme dano')).toEqual(['hacerme daño']);
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
    expect(phrases('the overdosed plant')).toEqual([]);
    expect(phrases('We talked about suicidepreventionday.org')).toEqual([]);
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
    const cats = new Set(DEFAULT_SAFETY_TERMS.map((t) => t.category));
    expect(cats).toEqual(new Set(['self-harm', 'harm-to-others']));
    expect(DEFAULT_SAFETY_TERMS.some((t) => t.phrase === 'matarme')).toBe(true);
  });

  it('returns nothing for empty text', () => {
    expect(detectSafetyLanguage('')).toEqual([]);
  });
});
