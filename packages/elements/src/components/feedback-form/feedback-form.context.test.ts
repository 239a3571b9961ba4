import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  createFetch,
  feedbackContextEndpoint,
  feedbackContextHandlers,
  participantFeedbackContext,
  type FeedbackContextScenario,
} from '@milieu/msw';
import type { FeedbackContextResponse } from '@milieu/core';
import { expectNoAxeViolations } from '../../test/axe.js';
import {
  choose,
  control,
  next,
  part,
  submit,
  text,
  type,
} from '../../test/feedback-form-helpers.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';

afterEach(() => {
  document.body.replaceChildren();
  clearMemoryDrafts();
});

/** Mounts a form fed by `context-src`, answered by the msw handlers through `fetcher`. */
async function mountSrc(
  attrs: string,
  fetcher: typeof fetch,
  wrap = (h: string): string => h,
): Promise<MilieuFeedbackForm> {
  document.body.innerHTML = wrap(
    `<milieu-feedback-form context-src="/api/v1/feedback/context" ${attrs}></milieu-feedback-form>`,
  );
  const el = document.body.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;
  el.fetcher = fetcher;
  await el.updateComplete;
  return el;
}

/** Waits until the form shows its questions. */
async function loaded(el: MilieuFeedbackForm): Promise<void> {
  await expect.poll(() => el.shadowRoot!.querySelector('[part=title]')).not.toBeNull();
  await el.updateComplete;
}

/** A fetch that answers with `first` once, then with `then`. */
function sequence(first: FeedbackContextScenario, then: FeedbackContextScenario): typeof fetch {
  let calls = 0;
  const a = createFetch(feedbackContextHandlers(first));
  const b = createFetch(feedbackContextHandlers(then));
  return (input, init) => (calls++ === 0 ? a(input, init) : b(input, init));
}

describe('<milieu-feedback-form>: fed by context-src', () => {
  it('never downloads the document path', async () => {
    const el = await mountSrc('source="peer" subject="p1"', createFetch(feedbackContextHandlers()));
    await loaded(el);
    expect(text(el, '[part=title]')).toBe('Feedback for a peer');
    const urls = performance.getEntriesByType('resource').map((r) => r.name);
    expect(urls.some((u) => u.includes('feedback-form.document'))).toBe(false);
    expect(urls.some((u) => u.includes('feedback-form.builtins'))).toBe(false);
  });

  it('asks for its source (not a subject) as a peer, names the subject, and has no axe violations', async () => {
    const endpoint = feedbackContextEndpoint('participant');
    const el = await mountSrc('source="peer" subject="p1"', createFetch(endpoint.handlers));
    await loaded(el);
    const url = endpoint.requests[0]!;
    expect(url.searchParams.get('source')).toBe('peer');
    expect(url.searchParams.has('subject')).toBe(false);
    expect(text(el, '[part=subject]')).toBe('About Sam R.');
    expect(part(el, '[part=subject] bdi').textContent).toBe('Sam R.');
    expect(text(el, '.who')).toBe(
      'Who will read this: Sam R. and staff. A staff member reads it first.',
    );
    await expectNoAxeViolations(el);
  });

  it('asks for the subject as staff, and lists the subject’s goals from the context', async () => {
    const endpoint = feedbackContextEndpoint('staff');
    const el = await mountSrc(
      'source="staff" subject="p1" author="s1"',
      createFetch(endpoint.handlers),
    );
    await loaded(el);
    expect(endpoint.requests[0]!.searchParams.get('subject')).toBe('p1');
    const goals = [...el.shadowRoot!.querySelectorAll('input[name=goal]')].map(
      (i) => (i as HTMLInputElement).value,
    );
    expect(goals).toEqual(['', 'g1', 'g2']);
  });

  it('a goal of "None" needs no progress rating', async () => {
    const el = await mountSrc(
      'source="staff" subject="p1" author="s1"',
      createFetch(feedbackContextHandlers('staff')),
    );
    await loaded(el);
    await type(el, 'strengths', 'Asked for help calmly in group');
    const event = next(el, 'milieu-feedback-submit');
    await submit(el);
    expect((await event).detail.entry).not.toHaveProperty('ratings');
  });

  it.each([
    ['forbidden', 'You do not have permission to write this feedback here.', false],
    ['server-error', 'a problem on the server', true],
    ['offline', 'there is no connection', true],
    ['invalid', 'the server sent information it could not read', false],
  ] as const)(
    '%s: says what happened; Retry only where it helps',
    async (scenario, words, retry) => {
      const warn = console.warn;
      const warned: unknown[] = [];
      console.warn = (...args: unknown[]) => void warned.push(args);
      try {
        document.body.innerHTML = '';
        const errors: Event[] = [];
        document.addEventListener('milieu-load-error', (e) => errors.push(e), { once: true });
        const el = await mountSrc(
          'source="peer" subject="p1"',
          createFetch(feedbackContextHandlers(scenario)),
        );
        await expect.poll(() => text(el, '[part=error-message]')).toContain(words);
        expect(!!el.shadowRoot!.querySelector('[part=retry]')).toBe(retry);
        expect(errors).toHaveLength(1);
        expect(warned.length).toBeGreaterThan(0);
        // End users see plain words; the details (URL, status, JSON paths) go to the console.
        expect(text(el, '[part=error-message]')).not.toMatch(/\/api\/|\b\d{3}\b|\//);
        await expectNoAxeViolations(el);
      } finally {
        console.warn = warn;
      }
    },
  );

  it('Retry loads again, and what was typed is still there', async () => {
    const el = await mountSrc('source="peer" subject="p1"', createFetch(feedbackContextHandlers()));
    await loaded(el);
    await type(el, 'strengths', 'Always says good morning');
    // The host points the form at another URL for the same writer and subject; it fails once.
    el.fetcher = sequence('server-error', 'participant');
    el.contextSrc = `${location.origin}/api/v1/feedback/context`;
    await expect.poll(() => el.shadowRoot!.querySelector('[part=retry]')).not.toBeNull();
    await userEvent.click(part(el, '[part=retry]'));
    await loaded(el);
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toBe('Always says good morning');
  });
});

describe('<milieu-feedback-form>: the context property', () => {
  async function mountContext(
    attrs: string,
    context: unknown,
    wrap = (h: string): string => h,
  ): Promise<MilieuFeedbackForm> {
    document.body.innerHTML = wrap(`<milieu-feedback-form ${attrs}></milieu-feedback-form>`);
    const el = document.body.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;
    el.context = context as FeedbackContextResponse;
    await el.updateComplete;
    return el;
  }

  it('rejects a context that fails the contract schema, with a plain message', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const { policy: _p, ...broken } = participantFeedbackContext();
      const el = await mountContext('source="peer" subject="p1"', broken);
      expect(text(el, '[part=error-message]')).toContain('could not read');
      expect(el.shadowRoot!.querySelector('[part=retry]')).toBeNull();
    } finally {
      console.warn = warn;
    }
  });

  it('will not write a source the context does not allow', async () => {
    const el = await mountContext('source="staff" subject="p1"', participantFeedbackContext());
    expect(text(el, '[part=error-message]')).toBe('You cannot write this kind of feedback here.');
  });

  it.each([
    [
      'nobody',
      'en',
      'Your name is not saved with this feedback. Sam R. sees anonymous feedback only together with feedback from others (3 people or more).',
    ],
    [
      'reviewers',
      'en',
      'Only staff who review feedback can see your name; Sam R. never can. Sam R. sees anonymous feedback only together with feedback from others (3 people or more).',
    ],
    ['nobody', 'es', 'Tu nombre no se guarda con estos comentarios.'],
    [
      'reviewers',
      'es',
      'Solo el personal que revisa los comentarios puede ver tu nombre; Sam R. nunca puede verlo.',
    ],
  ] as const)(
    'anonymous under %s (%s) says exactly who can see the name',
    async (who, lang, words) => {
      const context = participantFeedbackContext();
      context.policy.anonymousAuthors = who;
      const el = await mountContext(`source="peer" subject="p1" locale="${lang}"`, context);
      await userEvent.click(part(el, '#anonymous-choice'));
      await el.updateComplete;
      expect(text(el, '#anonymity-note')).toContain(words);
      await type(el, 'strengths', 'Always says good morning');
      const event = next(el, 'milieu-feedback-submit');
      await submit(el);
      const entry = (await event).detail.entry;
      expect(entry.anonymous).toBe(true);
    },
  );

  it('starts a sentence in upper case when the subject is not in the context', async () => {
    const el = await mountContext('source="peer" subject="p9"', participantFeedbackContext());
    expect(text(el, '.who')).toContain('The person and staff.');
    expect(text(el, '#anonymity-note')).toBe('The person will see that you wrote this.');
  });

  it('puts the safety note under the answer that triggered it, naming the crisis resource', async () => {
    const el = await mountContext('source="self" author="p2"', participantFeedbackContext());
    await type(el, 'strengths', 'I got up, but some days I want to die');
    const note = part(el, '#sn-strengths');
    expect(note.previousElementSibling?.id).toBe('e-strengths'); // right after the field's error line
    expect(note.textContent).toContain('988 Suicide & Crisis Lifeline');
    const links = [...note.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['tel:988', 'https://988lifeline.org']);
    expect(text(el, '#sn-suggestions')).toBe('');
    await expectNoAxeViolations(el);
  });

  it('the error summary joins a question and its message without "?:"', async () => {
    const el = await mountContext('source="self" author="p2"', participantFeedbackContext());
    await submit(el);
    expect(text(el, '[part=summary]')).toContain('What went well today? Please name');
    expect(text(el, '[part=summary]')).not.toContain('?:');
  });

  it('sets "(optional)" like "(required)"', async () => {
    const el = await mountContext('source="self" author="p2"', participantFeedbackContext());
    const markers = [...el.shadowRoot!.querySelectorAll('.marker')].map((m) => [
      m.textContent,
      getComputedStyle(m).fontWeight,
    ]);
    expect(markers).toContainEqual(['(optional)', '400']);
    expect(markers).toContainEqual(['(required)', '400']);
  });

  it('confirms a save clearly: announced, focused, and saying who reads it first', async () => {
    const el = await mountContext('source="peer" subject="p1"', participantFeedbackContext());
    await type(el, 'strengths', 'Always says good morning');
    el.addEventListener('milieu-feedback-submit', () => queueMicrotask(() => el.markSaved()), {
      once: true,
    });
    await submit(el);
    await expect
      .poll(() => text(el, '[part=status]'))
      .toBe('Saved. Thank you for your feedback. A staff member reads it first.');
    const status = part(el, '[part=status]');
    expect(status.getAttribute('role')).toBe('status');
    await expect.poll(() => el.shadowRoot!.activeElement).toBe(status);
  });

  it('the scale is one row of equal options, or one column on a phone', async () => {
    const el = await mountContext(
      'source="self" author="p2"',
      participantFeedbackContext(),
      (h) => `<div id="frame">${h}</div>`,
    );
    const frame = document.getElementById('frame')!;
    const rows = (): number[] => {
      const tops = [...el.shadowRoot!.querySelectorAll('.scale .option')].map((o) =>
        Math.round(o.getBoundingClientRect().top),
      );
      return [...new Set(tops)];
    };
    const widths = (): number[] =>
      [...el.shadowRoot!.querySelectorAll('.scale .option')].map((o) =>
        Math.round(o.getBoundingClientRect().width),
      );
    frame.style.width = '900px';
    await expect.poll(() => rows().length).toBe(1);
    expect(new Set(widths()).size).toBe(1);
    frame.style.width = '320px';
    await expect.poll(() => rows().length).toBe(5);
    expect(new Set(widths()).size).toBe(1);
    await choose(el, 'mood', 2);
  });
});
