import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  FEEDBACK_MODES,
  FeedbackTemplateSchema,
  localize,
  parseFeedbackTemplate,
  templateItems,
  type FeedbackTemplate,
} from './index.js';

/** Every LocalizedText in a value, found by walking it. */
function texts(value: unknown, key = ''): { key: string; text: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, key));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    ['title', 'label', 'help', 'description'].includes(k) || (k === 'labels' && Array.isArray(v))
      ? k === 'labels'
        ? (v as unknown[]).map((t) => ({ key: k, text: t }))
        : [{ key: k, text: v }]
      : texts(v, k),
  );
}

const clone = (t: FeedbackTemplate): FeedbackTemplate =>
  JSON.parse(JSON.stringify(t)) as FeedbackTemplate;

describe('built-in templates', () => {
  it.each(FEEDBACK_MODES)('%s is a valid template for its mode', (mode) => {
    const t = BUILT_IN_TEMPLATES[mode];
    expect(FeedbackTemplateSchema.safeParse(t).success).toBe(true);
    expect(t.mode).toBe(mode);
  });

  it.each(FEEDBACK_MODES)('%s names a strength first and asks for specific suggestions', (mode) => {
    const items = templateItems(BUILT_IN_TEMPLATES[mode]);
    expect(items[0]).toMatchObject({ type: 'text', role: 'strengths', required: true });
    const suggestions = items.find((i) => i.type === 'text' && i.role === 'suggestions');
    expect(suggestions).toMatchObject({ specific: true });
  });

  it.each(FEEDBACK_MODES)('%s has English and Spanish for every text', (mode) => {
    for (const { text } of texts(BUILT_IN_TEMPLATES[mode])) {
      expect(text).toEqual({ en: expect.any(String), es: expect.any(String) });
    }
  });

  it('covers the asked-for questions of each mode', () => {
    const ids = (mode: keyof typeof BUILT_IN_TEMPLATES): string[] =>
      templateItems(BUILT_IN_TEMPLATES[mode]).map((i) => i.id);
    expect(ids('self')).toEqual(
      expect.arrayContaining(['strengths', 'goals', 'copingSkills', 'mood']),
    );
    expect(ids('program')).toEqual(
      expect.arrayContaining(['strengths', 'feelsSafe', 'feelsHeard', 'suggestions']),
    );
    expect(BUILT_IN_TEMPLATES.peer.anonymity).toBe('choice');
    expect(BUILT_IN_TEMPLATES.peer.review).toBe('pending');
    expect(BUILT_IN_TEMPLATES.staff.anonymity).toBe('never');
  });
});

describe('FeedbackTemplateSchema', () => {
  const codes = (t: unknown): unknown[] => {
    const r = FeedbackTemplateSchema.safeParse(t);
    return r.success
      ? []
      : r.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code ?? i.code);
  };

  it('rejects a template whose strengths item is not first', () => {
    const t = clone(BUILT_IN_TEMPLATES.staff);
    t.sections.reverse();
    expect(codes(t)).toContain('strengths_not_first');
  });

  it('rejects a template without a strengths item', () => {
    const t = clone(BUILT_IN_TEMPLATES.peer);
    t.sections[0]!.items.shift();
    expect(codes(t)).toContain('strengths_missing');
  });

  it('rejects duplicate item ids and an optional strengths item', () => {
    const t = clone(BUILT_IN_TEMPLATES.self);
    const first = t.sections[0]!.items[0]!;
    first.required = false;
    t.sections[1]!.items[0]!.id = 'strengths';
    expect(codes(t)).toEqual(expect.arrayContaining(['duplicate_id', 'strengths_not_first']));
  });

  it('rejects scales without exactly five labels, and localized text without English', () => {
    const t = clone(BUILT_IN_TEMPLATES.self);
    const mood = t.sections[1]!.items[0]!;
    if (mood.type === 'scale') mood.labels = mood.labels!.slice(0, 4);
    t.title = { es: 'Hoy' } as never;
    expect(codes(t).length).toBeGreaterThanOrEqual(2);
  });

  it('rejects unknown properties (strict)', () => {
    expect(codes({ ...BUILT_IN_TEMPLATES.self, colour: 'blue' })).toContain('unrecognized_keys');
  });
});

describe('parseFeedbackTemplate', () => {
  it('returns a fresh valid template, or located issues', () => {
    const ok = parseFeedbackTemplate(JSON.parse(JSON.stringify(BUILT_IN_TEMPLATES.peer)));
    expect(ok).toMatchObject({ ok: true, value: { id: 'milieu.peer.v1' } });
    const bad = parseFeedbackTemplate({
      ...BUILT_IN_TEMPLATES.peer,
      id: 'has space',
      mode: 'boss',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['/id', '/mode']));
  });
});

describe('localize', () => {
  it('picks the exact tag, then the base language, then English', () => {
    const text = { en: 'Hello', es: 'Hola', 'es-MX': 'Qué onda' };
    expect(localize(text, 'es-MX')).toBe('Qué onda');
    expect(localize(text, 'es-AR')).toBe('Hola');
    expect(localize(text, 'fr')).toBe('Hello');
    expect(localize('Plain', 'es')).toBe('Plain');
    expect(localize(undefined)).toBe('');
  });
});
