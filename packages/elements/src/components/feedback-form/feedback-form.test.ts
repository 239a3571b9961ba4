import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { FeedbackEntry, FeedbackTemplate } from '@milieu/core';
import { MilieuFeedbackSubmitEvent } from '../../events/feedback-submit.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { feedbackDocument } from '../../test/feedback-fixtures.js';
import {
  choose,
  control,
  mount,
  next,
  part,
  submit,
  text,
  type,
} from '../../test/feedback-form-helpers.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';
import { styles } from './feedback-form.styles.js';

afterEach(() => {
  document.body.replaceChildren();
  clearMemoryDrafts();
  sessionStorage.clear();
});

/** Submits and returns the entry of the (uncancelled, host-handled) submit event. */
async function submitted(el: MilieuFeedbackForm): Promise<FeedbackEntry> {
  const event = next(el, 'milieu-feedback-submit');
  await submit(el);
  return (await event).detail.entry;
}

describe('<milieu-feedback-form>: accessibility', () => {
  it.each(['staff', 'peer', 'self', 'program'])(
    'has no axe violations in %s mode',
    async (mode) => {
      const el = await mount(`source="${mode}" subject="p1" author="p2"`);
      await expectNoAxeViolations(el);
    },
  );

  it('has no axe violations with errors, the summary and notes showing', async () => {
    const el = await mount('source="peer" subject="p1" author="p2"');
    await userEvent.click(part(el, '#anonymous-choice'));
    await type(el, 'suggestions', 'hurt them');
    await submit(el);
    expect(text(el, '[part=summary]')).toContain('Please check 2 answers');
    expect(text(el, '#sn-suggestions')).toContain('A staff member will read it soon');
    await expectNoAxeViolations(el);
  });
});

describe('<milieu-feedback-form>: happy path per mode', () => {
  it('staff: a therapist about a participant', async () => {
    const el = await mount('source="staff" subject="p1" author="s1"');
    expect(text(el, '[part=subject]')).toBe('About Sam R.');
    await type(el, 'strengths', 'Asked for help calmly in group');
    await choose(el, 'goal', 2); // "None" is first
    await choose(el, 'progress', 3);
    await type(el, 'suggestions', 'Use the breathing skill before group');
    const entry = await submitted(el);
    expect(entry).toMatchObject({
      source: 'therapist',
      authorId: 's1',
      subjectId: 'p1',
      strengths: 'Asked for help calmly in group',
      suggestions: 'Use the breathing skill before group',
      ratings: { progress: 4 },
      about: { type: 'goal', id: 'g2' },
      review: { status: 'approved' },
      visibility: 'subject',
      templateId: 'milieu.staff.v1',
    });
  });

  it('peer: about another participant, read by staff first', async () => {
    const el = await mount('source="peer" subject="p1" author="p2"');
    expect(text(el, '[part=audience]')).toContain(
      'Sam R. and staff. A staff member reads it first.',
    );
    await type(el, 'strengths', 'Shared the remote without being asked');
    await choose(el, 'expectation', 2);
    const entry = await submitted(el);
    expect(entry).toMatchObject({
      source: 'peer',
      authorId: 'p2',
      anonymous: false,
      about: { type: 'expectation', id: 'e2' },
      review: { status: 'pending' },
    });
  });

  it('self: a daily reflection with goals, coping skills and mood', async () => {
    const el = await mount('source="self" author="p1"');
    expect(text(el, '[part=audience]')).toContain('You and staff.');
    await type(el, 'strengths', 'Went to art group');
    await choose(el, 'goals', 0);
    await choose(el, 'copingSkills', 1);
    await choose(el, 'copingSkills', 4);
    await choose(el, 'mood', 3);
    const entry = await submitted(el);
    expect(entry).toMatchObject({
      source: 'self',
      authorId: 'p1',
      subjectId: 'p1',
      ratings: { mood: 4 },
      answers: { goals: ['g1'], copingSkills: ['grounding', 'journaling'] },
    });
    // the met goal g3 is not offered
    expect(el.shadowRoot!.querySelectorAll('input[name=goals]')).toHaveLength(2);
  });

  it('program: about the milieu, with no subject', async () => {
    const el = await mount('source="program" author="p2"');
    expect(el.shadowRoot!.querySelector('[part=subject]')).toBeNull();
    await type(el, 'strengths', 'Meals are always on time');
    await choose(el, 'feelsSafe', 4);
    await choose(el, 'feelsHeard', 2);
    const entry = await submitted(el);
    expect(entry).toMatchObject({
      source: 'program',
      ratings: { feelsSafe: 5, feelsHeard: 3 },
      visibility: 'staff',
    });
    expect(entry).not.toHaveProperty('subjectId');
  });

  it('speaks Spanish, from the attribute or the program locale', async () => {
    const el = await mount('source="self" author="p1" locale="es-MX"');
    expect(text(el, '[part=title]')).toBe('Reflexión del día');
    await submit(el);
    expect(text(el, '#e-strengths')).toBe('Nombra al menos una fortaleza, por favor.');
    const doc = feedbackDocument();
    doc.program.locale = 'es';
    // The nearest `lang` comes before the program's locale: a Spanish page section wins…
    const inSpanish = await mount(
      'source="program" author="p1"',
      {},
      (h) => `<div lang="es">${h}</div>`,
    );
    expect(text(inSpanish, '[part=submit]')).toBe('Enviar comentarios');
    // …and without any `lang`, the program's locale decides.
    const lang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const other = await mount('source="program" author="p1"', { document: doc });
      expect(text(other, '[part=submit]')).toBe('Enviar comentarios');
    } finally {
      if (lang !== null) document.documentElement.setAttribute('lang', lang);
    }
  });
});

describe('<milieu-feedback-form>: validation', () => {
  it('shows nothing before interaction, then the error next to the field, linked in the same root', async () => {
    const el = await mount('source="staff" subject="p1" author="s1"');
    const box = control(el, 'strengths');
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(el.matches(':state(user-invalid)')).toBe(false);
    await type(el, 'strengths', 'Kind');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const ids = box.getAttribute('aria-describedby')!.split(' ');
    expect(ids).toContain('e-strengths');
    for (const id of ids) expect(el.shadowRoot!.getElementById(id)).not.toBeNull();
    expect(text(el, '#e-strengths')).toBe('Please write at least 10 characters.');
    expect(el.matches(':state(user-invalid)')).toBe(true);
    // a field the user has not touched stays quiet
    expect(control(el, 'suggestions').getAttribute('aria-invalid')).toBe('false');
  });

  it('on submit lists every problem and moves focus to the first', async () => {
    const el = await mount('source="self" author="p1"');
    let fired = 0;
    el.addEventListener('milieu-feedback-submit', () => fired++);
    await submit(el);
    expect(fired).toBe(0);
    expect(text(el, '[part=summary]')).toContain('Please check 2 answers');
    expect(el.shadowRoot!.activeElement).toBe(control(el, 'strengths'));
    expect(part(el, 'fieldset[role=radiogroup]').getAttribute('aria-invalid')).toBe('true');
    expect(text(el, '#e-mood')).toBe('Please choose a number from 1 to 5.');
    // the summary's entries move focus to their field
    await userEvent.click(
      el.shadowRoot!.querySelectorAll<HTMLElement>('[part=summary] button')[1]!,
    );
    expect(el.shadowRoot!.activeElement).toBe(control(el, 'mood'));
  });

  it.each([
    ['too short', 'strengths', 'Kind', 'Please write at least 10 characters.'],
    ['too long', 'strengths', 'x'.repeat(2001), 'Please keep this to 2000 characters or fewer.'],
    [
      'not specific',
      'suggestions',
      'Do better',
      'Please make this more specific: say what to try, and when or how.',
    ],
  ])('%s text', async (_, id, value, message) => {
    const el = await mount('source="staff" subject="p1" author="s1"');
    await type(el, id, value);
    expect(text(el, `#e-${id}`)).toBe(message);
  });

  it('an option that is no longer offered (a met goal in a prior draft)', async () => {
    const el = await mount('source="staff" subject="p1" author="s1"', {
      values: { strengths: 'Asked for help calmly', progress: 3, goal: 'g3' },
    });
    await submit(el);
    expect(text(el, '#e-goal')).toBe('Please choose one of the options shown.');
  });

  it('live: the message updates as the user fixes the answer', async () => {
    const el = await mount('source="staff" subject="p1" author="s1"');
    await type(el, 'strengths', 'Kind');
    await type(el, 'strengths', 'Kind to a new peer at lunch');
    expect(control(el, 'strengths').getAttribute('aria-invalid')).toBe('false');
    expect(part(el, '#e-strengths').hidden).toBe(true);
  });
});

describe('<milieu-feedback-form>: anonymity and safety', () => {
  it('peer: names the reader, and anonymity drops the author by default', async () => {
    const el = await mount('source="peer" subject="p1" author="p2"');
    expect(text(el, '#anonymity-note')).toBe('Sam R. will see that you wrote this.');
    await userEvent.click(part(el, '#anonymous-choice'));
    await el.updateComplete;
    expect(text(el, '#anonymity-note')).toContain('Your name is not saved with this feedback.');
    expect(text(el, '#anonymity-note')).toContain('(3 people or more)');
    await type(el, 'strengths', 'Always says good morning');
    const entry = await submitted(el);
    expect(entry.anonymous).toBe(true);
    expect(entry).not.toHaveProperty('authorId');
  });

  it('keeps the author for reviewers only under that policy, and says so', async () => {
    const doc = feedbackDocument();
    doc.program.policy = { ...doc.program.policy, anonymousAuthors: 'reviewers' };
    const el = await mount('source="peer" subject="p1" author="p2"', { document: doc });
    await userEvent.click(part(el, '#anonymous-choice'));
    await el.updateComplete;
    expect(text(el, '#anonymity-note')).toContain(
      'Only staff who review feedback can see your name; Sam R. never can.',
    );
    await type(el, 'strengths', 'Always says good morning');
    expect(await submitted(el)).toMatchObject({ anonymous: true, authorId: 'p2' });
  });

  it('offers no anonymity to staff', async () => {
    const el = await mount('source="staff" subject="p1" author="s1"');
    expect(el.shadowRoot!.querySelector('#anonymous-choice')).toBeNull();
  });

  it('safety language does not block: it routes to staff review and kindly says so', async () => {
    const el = await mount('source="self" author="p1"');
    const note = part(el, '#sn-strengths');
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe('');
    expect(note.getBoundingClientRect().height).toBe(0); // no empty box before there is news
    await type(el, 'strengths', 'I got up, but some days I want to die');
    expect(note.textContent).toContain('A staff member will read it soon');
    expect(note.getBoundingClientRect().height).toBeGreaterThan(0);
    await choose(el, 'mood', 0);
    const entry = await submitted(el);
    expect(entry).toMatchObject({
      review: { status: 'pending', flags: ['safety-language'] },
      visibility: 'staff',
    });
  });

  it('takes extra safety words', async () => {
    const el = await mount('source="self" author="p1"', { safetyWords: { words: ['the bridge'] } });
    await type(el, 'strengths', 'Thinking about the bridge again');
    expect(text(el, '[part=safety-note]')).toContain('staff member');
  });
});

describe('<milieu-feedback-form>: slot', () => {
  it('shows host content under the title', async () => {
    document.body.innerHTML =
      '<milieu-feedback-form source="self" author="p1"><p>Write a few lines before dinner.</p></milieu-feedback-form>';
    const el = document.querySelector('milieu-feedback-form')!;
    await el.updateComplete;
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).toBe('Write a few lines before dinner.');
    await expectNoAxeViolations(el);
  });
});

describe('<milieu-feedback-form>: text is text', () => {
  it('renders markup in names, goals, expectations and prior values as text', async () => {
    const doc = feedbackDocument();
    const evil = '<img src=x onerror="window.__xss=1">';
    doc.people.participants[0]!.preferredName = evil;
    doc.people.participants[0]!.goals[0]!.statement = '<b>bold</b>';
    doc.expectations.items[0]!.statement = '<script>window.__xss=2</script>';
    const el = await mount('source="staff" subject="p1" author="s1"', {
      document: doc,
      values: { strengths: '</textarea><img src=y onerror="window.__xss=3">' },
    });
    const root = el.shadowRoot!;
    expect(root.querySelector('img, b, script')).toBeNull();
    expect(text(el, '[part=subject]')).toContain(evil);
    expect(root.textContent).toContain('<b>bold</b>');
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toContain('<img src=y');
    const peer = await mount('source="peer" subject="p1" author="p2"', { document: doc });
    expect(peer.shadowRoot!.textContent).toContain('<script>window.__xss=2</script>');
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('<milieu-feedback-form>: events', () => {
  it('fires native input and change only on user action', async () => {
    const el = await mount('source="self" author="p1"');
    const seen: string[] = [];
    for (const t of ['input', 'change', 'milieu-draft-change'])
      el.addEventListener(t, () => seen.push(t));
    el.values = { strengths: 'Set by the host' };
    await el.updateComplete;
    expect(seen).toEqual([]);
    await type(el, 'strengths', 'Typed');
    expect(seen).toContain('input');
    expect(seen).toContain('change');
    expect(seen).toContain('milieu-draft-change');
  });

  it('the submit event is typed, cancelable and composed', async () => {
    const el = await mount('source="self" author="p1"');
    await type(el, 'strengths', 'Went for a walk');
    await choose(el, 'mood', 2);
    const event = next(el, 'milieu-feedback-submit');
    await submit(el);
    const e = await event;
    expect(e).toBeInstanceOf(MilieuFeedbackSubmitEvent);
    expect(e.cancelable && e.composed && e.bubbles).toBe(true);
    expect(e.detail.idempotencyKey).toMatch(/^[0-9a-f-]{32,36}$/);
  });
});

describe('<milieu-feedback-form>: templates', () => {
  const custom: FeedbackTemplate = {
    id: 'acme.checkout.v1',
    mode: 'peer',
    title: { en: 'Quick check-out', es: 'Cierre rápido' },
    visibility: 'subject',
    sections: [
      {
        id: 'main',
        title: 'Main',
        items: [
          { type: 'text', id: 'strengths', role: 'strengths', required: true, label: 'A strength' },
          {
            type: 'choice',
            id: 'energy',
            required: true,
            label: 'Energy',
            options: [
              { value: 'low', label: 'Low' },
              { value: 'high', label: 'High' },
            ],
          },
          { type: 'text', id: 'note', multiline: false, label: 'A note' },
        ],
      },
    ],
  };

  it('renders a host template and fills answers by item id', async () => {
    const el = await mount('source="peer" subject="p1" author="p2"');
    el.template = custom;
    await el.updateComplete;
    expect(text(el, '[part=title]')).toBe('Quick check-out');
    expect(el.shadowRoot!.querySelector('input[type=text]#c-note')).not.toBeNull();
    await type(el, 'strengths', 'Calm');
    await choose(el, 'energy', 1);
    await type(el, 'note', 'Early night');
    const entry = await submitted(el);
    expect(entry).toMatchObject({
      templateId: 'acme.checkout.v1',
      answers: { energy: 'high', note: 'Early night' },
    });
  });

  it('takes a built-in name, and says so kindly when the template is unusable', async () => {
    const el = await mount('source="peer" subject="p1" author="p2" template="program"');
    expect(text(el, '[part=title]')).toBe('Feedback about the program');
    el.template = 'nope';
    await el.updateComplete;
    expect(text(el, '[part=error-message]')).toBe(
      'This form cannot be shown: its template is not valid.',
    );
  });
});

describe('<milieu-feedback-form>: CSS API', () => {
  const css = styles.cssText;
  it('defines every private token it uses and uses every one it defines', () => {
    const used = new Set([...css.matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]));
    const defined = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...defined].sort());
  });

  it('lives in the milieu layer, respects forced colours and reduced motion', () => {
    expect(css).toMatch(/@layer milieu/);
    expect(css).toMatch(/forced-colors: active/);
    // Nothing moves (an opacity transition made axe read a half-faded button), so reduced
    // motion needs no override.
    expect(css).not.toMatch(/\b(transition|animation)\s*:/);
    for (const name of ['background', 'color', 'accent', 'error', 'note-background', 'gap']) {
      expect(css).toContain(`--milieu-feedback-form-${name}`);
    }
  });

  it('renders no style attributes (strict CSP)', async () => {
    const el = await mount('source="peer" subject="p1" author="p2"');
    await submit(el);
    expect(el.shadowRoot!.querySelectorAll('[style]')).toHaveLength(0);
    expect(el.shadowRoot!.querySelectorAll('style')).toHaveLength(0);
  });
});
