import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_TEMPLATES,
  contextFromDocument,
  isSpecific,
  linkOptions,
  validateFeedback,
  type FeedbackTemplate,
} from './index.js';

const staff = BUILT_IN_TEMPLATES.staff;
const self = BUILT_IN_TEMPLATES.self;
const goals = [
  { id: 'g1', statement: 'Sleep by 11', status: 'active' as const },
  { id: 'g2', statement: 'Call my sister', status: 'met' as const },
];

describe('validateFeedback', () => {
  it('accepts complete values and cleans them', () => {
    const r = validateFeedback(self, {
      strengths: '  Went to group  ',
      mood: '4',
      copingSkills: ['breathing'],
      suggestions: '',
      goals: [],
    });
    expect(r.valid).toBe(true);
    expect(r.values).toEqual({ strengths: 'Went to group', mood: 4, copingSkills: ['breathing'] });
    expect(r.issues).toEqual([]);
    expect(r.summary).toEqual({ formErrors: [], fieldErrors: {} });
  });

  it('reports a missing strength with valueMissing and a kind message', () => {
    const r = validateFeedback(self, { mood: 3 });
    expect(r.fields['strengths']).toEqual({
      fieldId: 'strengths',
      code: 'required',
      flags: { valueMissing: true },
      message: 'Please name at least one strength.',
    });
  });

  it('reports a missing scale and choice in their own words', () => {
    const r = validateFeedback(self, { strengths: 'Walked' });
    expect(r.fields['mood']?.message).toBe('Please choose a number from 1 to 5.');
    const program = BUILT_IN_TEMPLATES.program;
    expect(validateFeedback(program, {}).issues.map((i) => i.fieldId)).toEqual([
      'strengths',
      'feelsSafe',
      'feelsHeard',
    ]);
  });

  it('reports text that is too short or too long', () => {
    const short = validateFeedback(staff, { strengths: 'Kind', progress: 3 });
    expect(short.fields['strengths']).toMatchObject({
      code: 'too_short',
      flags: { tooShort: true },
      message: 'Please write at least 10 characters.',
    });
    const long = validateFeedback(staff, { strengths: 'x'.repeat(2001), progress: 3 });
    expect(long.fields['strengths']).toMatchObject({ code: 'too_long', flags: { tooLong: true } });
  });

  it('asks for specific suggestions', () => {
    const r = validateFeedback(staff, {
      strengths: 'Helped a peer',
      progress: 3,
      suggestions: 'Do better.',
    });
    expect(r.fields['suggestions']).toMatchObject({
      code: 'not_specific',
      flags: { customError: true },
    });
    expect(
      validateFeedback(staff, {
        strengths: 'Helped a peer',
        progress: 3,
        suggestions: 'Use the breathing skill before group',
      }).valid,
    ).toBe(true);
  });

  it('reports options that are not offered and ratings out of range', () => {
    const r = validateFeedback(self, { strengths: 'Ok day', mood: 0, copingSkills: ['flying'] });
    expect(r.fields['mood']).toMatchObject({
      code: 'out_of_range',
      flags: { rangeUnderflow: true },
    });
    expect(r.fields['copingSkills']).toMatchObject({
      code: 'invalid_option',
      flags: { badInput: true },
    });
    expect(validateFeedback(self, { strengths: 'Ok', mood: 2.5 }).fields['mood']?.code).toBe(
      'invalid_option',
    );
  });

  it('reports too many choices', () => {
    const t: FeedbackTemplate = JSON.parse(JSON.stringify(self)) as FeedbackTemplate;
    const skills = t.sections[0]!.items[2]!;
    if (skills.type === 'choice') skills.maxSelected = 1;
    const r = validateFeedback(t, { strengths: 'Ok', mood: 3, copingSkills: ['music', 'other'] });
    expect(r.fields['copingSkills']).toMatchObject({
      code: 'too_many',
      message: 'Please choose at most 1.',
    });
  });

  it('speaks Spanish', () => {
    const r = validateFeedback(self, { mood: 3 }, { locale: 'es-MX' });
    expect(r.fields['strengths']?.message).toBe('Nombra al menos una fortaleza, por favor.');
    expect(r.summary.fieldErrors['strengths']).toEqual([r.fields['strengths']?.message]);
  });

  it('lists issues in template order with a flattenError-style summary', () => {
    const r = validateFeedback(staff, { suggestions: 'meh' });
    expect(r.issues.map((i) => i.fieldId)).toEqual(['strengths', 'suggestions']);
    expect(Object.keys(r.summary.fieldErrors).sort()).toEqual(['strengths', 'suggestions']);
    expect(r.summary.formErrors).toEqual([]);
  });

  it('validates links against the subject goals and skips links with no options', () => {
    const base = { strengths: 'Asked for help calmly', progress: 4 };
    expect(validateFeedback(staff, { ...base, goal: 'g9' }).values).not.toHaveProperty('goal');
    const ctx = { goals };
    expect(validateFeedback(staff, { ...base, goal: 'g1' }, ctx).valid).toBe(true);
    expect(validateFeedback(staff, { ...base, goal: 'g2' }, ctx).fields['goal']?.code).toBe(
      'invalid_option',
    );
  });

  it('reports safety language without making the form invalid', () => {
    const r = validateFeedback(self, { strengths: 'Honestly I want to die', mood: 1 });
    expect(r.valid).toBe(true);
    expect(r.safety).toMatchObject([{ fieldId: 'strengths', phrase: 'want to die' }]);
    const custom = { words: ['the bridge'] };
    expect(
      validateFeedback(self, { strengths: 'the bridge again', mood: 1 }, { safety: custom }).safety,
    ).toHaveLength(1);
  });

  it('is cached: the same input returns the same result object', () => {
    const values = { strengths: 'Walked with a friend', mood: 4 };
    const a = validateFeedback(self, values);
    const b = validateFeedback(self, { ...values });
    expect(b).toBe(a);
    expect(validateFeedback(self, { ...values, mood: 5 })).not.toBe(a);
    expect(validateFeedback(self, values, { locale: 'es' })).not.toBe(a);
  });
});

describe('helpers', () => {
  it('linkOptions filters goals by status and maps expectations', () => {
    const goalItem = staff.sections[0]!.items[1]!;
    expect(linkOptions(goalItem, { goals })).toEqual([{ id: 'g1', label: 'Sleep by 11' }]);
    const expItem = BUILT_IN_TEMPLATES.peer.sections[0]!.items[1]!;
    expect(
      linkOptions(expItem, { expectations: [{ id: 'e1', statement: 'Knock first' }] }),
    ).toEqual([{ id: 'e1', label: 'Knock first' }]);
  });

  it('contextFromDocument copes with no document', () => {
    expect(contextFromDocument(null, 'p1')).toEqual({ goals: [], expectations: [] });
  });

  it('isSpecific wants a few words and no stock phrase', () => {
    expect(isSpecific('Try harder')).toBe(false);
    expect(isSpecific('n/a')).toBe(false);
    expect(isSpecific('Ask staff for a walk when upset')).toBe(true);
    expect(isSpecific('Pedir ayuda antes del grupo')).toBe(true);
  });
});
