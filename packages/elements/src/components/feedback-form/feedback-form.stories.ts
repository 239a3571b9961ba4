import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type {
  FeedbackContextResponse,
  FeedbackTemplate,
  FeedbackValue,
  MilieuDocument,
} from '@milieu/core';
import {
  createFetch,
  FEEDBACK_CONTEXT_SCENARIOS,
  feedbackContextHandlers,
  participantFeedbackContext,
  type FeedbackContextScenario,
} from '@milieu/msw';
import inpatientJson from '../../../../../examples/inpatient-unit.json';
import './feedback-form.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import { feedbackDocument } from '../../test/feedback-fixtures.js';
import { longNamesFeedbackDoc } from '../../test/story-documents.js';
import { goOffline, mediaEmulated, realKeys, settle } from '../../test/story-helpers.js';
import {
  FEEDBACK_SERVERS,
  feedbackNetFor,
  makeFeedbackNet,
  serving,
  type FeedbackNet,
  type FeedbackServerMode,
} from '../../test/story-network.js';

const inpatient = inpatientJson as unknown as MilieuDocument;

/** The documents the form can be given (a control). */
const DOCUMENTS = {
  unit: feedbackDocument,
  inpatient: () => inpatient,
  'long-names': longNamesFeedbackDoc,
  none: () => null,
} as const satisfies Record<string, () => MilieuDocument | null>;

type Args = {
  source: 'staff' | 'peer' | 'self' | 'program';
  subject: string;
  author: string;
  /** Empty: the toolbar's locale. */
  locale: string;
  draftStorage: 'memory' | 'session';
  anonymousAuthor: 'omit' | 'keep-for-reviewers';
  disabled: boolean;
  document: keyof typeof DOCUMENTS;
  /**
   * `document`: the form is given the document above; otherwise it reads `context-src`, which
   * the shared msw handlers answer as this scenario says (and `document` is not set).
   */
  context: 'document' | FeedbackContextScenario;
  /** A crisis resource in the context's policy (context scenarios only). */
  crisis: boolean;
  /** The context's `policy.anonymousAuthors` (context scenarios only). */
  anonymousAuthors: 'nobody' | 'reviewers';
  /** What the mock endpoint (the shared msw handlers) answers. */
  server: FeedbackServerMode;
  maxAttempts: number;
  values: Record<string, FeedbackValue>;
  template: FeedbackTemplate | string | null;
};

/** A fetch answering the context GET from the msw handlers, and everything else as `rest`. */
function contextFetch(a: Args, rest: typeof fetch | null): typeof fetch {
  let options = {};
  if (a.context === 'participant') {
    const served: FeedbackContextResponse = participantFeedbackContext();
    served.policy.anonymousAuthors = a.anonymousAuthors;
    if (!a.crisis) delete served.policy.crisisResource;
    options = { context: served };
  }
  const answer = createFetch(
    feedbackContextHandlers(a.context as FeedbackContextScenario, options),
  );
  return (input, init) =>
    String(input instanceof Request ? input.url : input).includes('/feedback/context')
      ? answer(input, init)
      : (rest ?? globalThis.fetch)(input, init);
}

const render = (a: Args, context: StoryContext<Args>): TemplateResult => {
  const net = feedbackNetFor(a.server, context.loaded);
  if (a.context !== 'document') {
    return html`<milieu-feedback-form
      source=${a.source}
      subject=${ifDefined(a.subject || undefined)}
      author=${ifDefined(a.author || undefined)}
      locale=${a.locale || String(context.globals['locale'] ?? '')}
      context-src="/api/v1/feedback/context"
      action=${net.fetcher ? '/api/v1/feedback' : ''}
      ?disabled=${a.disabled}
      .values=${a.values}
      .fetcher=${contextFetch(a, net.fetcher)}
      .retry=${{ maxAttempts: a.maxAttempts, baseDelayMs: 300, maxDelayMs: 600, timeoutMs: 1500 }}
    ></milieu-feedback-form>`;
  }
  return html`<milieu-feedback-form
    source=${a.source}
    subject=${ifDefined(a.subject || undefined)}
    author=${ifDefined(a.author || undefined)}
    locale=${a.locale || String(context.globals['locale'] ?? '')}
    draft-storage=${a.draftStorage}
    anonymous-author=${a.anonymousAuthor}
    action=${net.fetcher ? '/api/v1/feedback' : ''}
    ?disabled=${a.disabled}
    .template=${a.template}
    .document=${DOCUMENTS[a.document]()}
    .values=${a.values}
    .fetcher=${net.fetcher}
    .retry=${{ maxAttempts: a.maxAttempts, baseDelayMs: 300, maxDelayMs: 600, timeoutMs: 1500 }}
  ></milieu-feedback-form>`;
};

// ── helpers for play functions ─────────────────────────────────────────
const form = (root: HTMLElement): MilieuFeedbackForm =>
  root.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;
const part = <T extends HTMLElement = HTMLElement>(el: MilieuFeedbackForm, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: MilieuFeedbackForm, selector: string): string =>
  (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: MilieuFeedbackForm): Element | null => el.shadowRoot!.activeElement;

async function inState(el: MilieuFeedbackForm, state: string): Promise<void> {
  await waitFor(() => expect(el.matches(`:state(${state})`)).toBe(true), { timeout: 6000 });
  await settle(el);
}

async function submit(el: MilieuFeedbackForm): Promise<void> {
  await el.updateComplete;
  part(el, '[part=submit]').click();
  await el.updateComplete;
}

const netOf = (loaded: Record<string, unknown>): FeedbackNet => loaded['net'] as FeedbackNet;

const meta: Meta<Args> = {
  title: 'Components/Feedback form',
  component: 'milieu-feedback-form',
  render,
  loaders: [({ args }) => ({ net: makeFeedbackNet((args as Args).server) })],
  beforeEach: () => {
    // Drafts survive a re-mount on purpose; each story starts from its own args.
    clearMemoryDrafts();
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith('milieu-feedback-draft:')) sessionStorage.removeItem(key);
    }
  },
  argTypes: {
    source: { control: 'inline-radio', options: ['staff', 'peer', 'self', 'program'] },
    locale: { control: 'select', options: ['', 'en', 'es'] },
    draftStorage: { control: 'inline-radio', options: ['memory', 'session'] },
    anonymousAuthor: { control: 'inline-radio', options: ['omit', 'keep-for-reviewers'] },
    document: { control: 'select', options: Object.keys(DOCUMENTS) },
    context: { control: 'select', options: ['document', ...FEEDBACK_CONTEXT_SCENARIOS] },
    anonymousAuthors: { control: 'inline-radio', options: ['nobody', 'reviewers'] },
    server: { control: 'select', options: Object.keys(FEEDBACK_SERVERS) },
    maxAttempts: { control: { type: 'number', min: 1, max: 5 } },
    template: { control: false },
  },
  args: {
    source: 'peer',
    subject: 'p1',
    author: 'p2',
    locale: '',
    draftStorage: 'memory',
    anonymousAuthor: 'omit',
    disabled: false,
    document: 'unit',
    context: 'document',
    crisis: true,
    anonymousAuthors: 'nobody',
    server: 'success',
    maxAttempts: 2,
    values: {},
    template: null,
  },
};
export default meta;
type Story = StoryObj<Args>;

const filled = { strengths: 'Went to art group and finished a painting', mood: 4 };
const self = { source: 'self', subject: '', author: 'p1' } as const;

export const Playground: Story = {};

// ── modes ──────────────────────────────────────────────────────────────
export const Staff: Story = { args: { source: 'staff', subject: 'p1', author: 's1' } };
export const Peer: Story = { args: { source: 'peer', subject: 'p1', author: 'p2' } };
/** Peer feedback, anonymous: the note says honestly what anonymity means under the policy. */
/** Anonymous under the document's policy (default `nobody`): the name is not saved. */
export const PeerAnonymous: Story = {
  args: { source: 'peer', subject: 'p1', author: 'p2' },
  play: async ({ canvasElement, userEvent }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    await userEvent.click(part(el, '#anonymous-choice'));
    await waitFor(() =>
      expect(text(el, '[part=anonymity-note]')).toContain(
        'Your name is not saved with this feedback.',
      ),
    );
  },
};
export const Self: Story = { args: { ...self } };
/** A participant's feedback about the program (feels safe, feels heard). */
export const Program: Story = { args: { source: 'program', subject: '', author: 'p2' } };
/** Staff feedback about a participant of the inpatient example, linked to their goals. */
export const FromExampleDocument: Story = {
  args: {
    source: 'staff',
    document: 'inpatient',
    subject: inpatient.people.participants[0]?.id ?? '',
    author: inpatient.people.staff[2]?.id ?? '',
  },
};
export const LongNames: Story = {
  args: { source: 'staff', subject: 'p1', author: 's1', document: 'long-names' },
};
/** Without a document: no names or goals to offer, neutral wording. */
export const WithoutDocument: Story = { args: { document: 'none' } };
/** A broken custom template: the form says it cannot be shown. */
export const InvalidTemplate: Story = {
  args: { template: { id: 'broken', mode: 'self' } as unknown as FeedbackTemplate },
};
export const Disabled: Story = { args: { ...self, values: filled, disabled: true } };

// ── validation and keyboard ────────────────────────────────────────────
/** Submit with answers missing: the summary lists them and focus moves to the first. */
export const ValidationErrors: Story = {
  args: { source: 'staff', subject: 'p1', author: 's1', values: { suggestions: 'Do better' } },
  play: async ({ canvasElement, userEvent, step }) => {
    const el = form(canvasElement);
    await step('submitting shows the summary and focuses the first problem', async () => {
      await submit(el);
      await waitFor(() => expect(part(el, '[part=summary]')).toBeTruthy());
      expect(text(el, '.summary-title')).toMatch(/Please check \d+ answers?:/);
      await waitFor(() => expect(focused(el)?.id).toBe('c-strengths'));
      expect(part(el, '#c-strengths').getAttribute('aria-invalid')).toBe('true');
      expect(el.matches(':state(user-invalid)')).toBe(true);
    });
    await step('each summary entry moves focus to its question', async () => {
      const links = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=summary] button');
      const last = links[links.length - 1]!;
      await userEvent.click(last);
      await waitFor(() => expect(focused(el)?.id).toBe(`c-${last.dataset['focus'] ?? ''}`));
    });
  },
};

/**
 * Keyboard only: type the strength, Tab to the mood scale, choose with the arrow keys, Tab to the
 * button and press Enter; saved. Under the test runner these are real key presses; in the UI,
 * `user-event` (which cannot Tab or walk a radio group inside a shadow root) focuses the option.
 */
export const KeyboardFillAndSubmit: Story = {
  args: { ...self },
  play: async ({ canvasElement, userEvent, loaded, step }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    const press = realKeys();
    await step('type the strength', async () => {
      part(el, '#c-strengths').focus();
      await userEvent.keyboard('Went to art group');
      await waitFor(() => expect(el.values['strengths']).toBe('Went to art group'));
    });
    await step('choose a point on the mood scale', async () => {
      if (press) {
        // strengths → goals (or its note) → coping skills → … → the mood scale
        for (let i = 0; i < 12 && focused(el)?.getAttribute('name') !== 'mood'; i++) {
          await press('Tab');
        }
        expect(focused(el)?.getAttribute('name')).toBe('mood');
        await press(' ');
        for (let i = 0; i < 3; i++) await press('ArrowRight');
      } else {
        part(el, '#c-mood-3').focus();
        await userEvent.keyboard(' ');
      }
      await waitFor(() => expect(el.values['mood']).toBe(4));
    });
    await step('Enter on the submit button sends it', async () => {
      if (press) {
        for (let i = 0; i < 6 && focused(el)?.getAttribute('part') !== 'submit'; i++) {
          await press('Tab');
        }
        expect(focused(el)?.getAttribute('part')).toBe('submit');
        await press('Enter');
      } else {
        part(el, '[part=submit]').focus();
        await userEvent.keyboard('{Enter}');
      }
      await inState(el, 'saved');
      expect(text(el, '[part=status]')).toBe('Saved. Thank you for your feedback.');
    });
    expect(netOf(loaded).mock.saved).toHaveLength(1);
  },
};

// ── saving (the shared msw handlers) ───────────────────────────────────
export const Saved: Story = {
  args: { ...self, values: filled },
  play: async ({ canvasElement, loaded }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'saved');
    expect(netOf(loaded).mock.saved).toHaveLength(1);
  },
};

/** A 500 (the entry was stored, the answer lost); the user presses Send again: one entry saved. */
export const RetryAfter500: Story = {
  ...serving('flaky'),
  args: { ...self, server: 'flaky', values: filled, maxAttempts: 1 },
  play: async ({ canvasElement, userEvent, loaded, step }) => {
    const el = form(canvasElement);
    await step('the first attempt answers 500', async () => {
      await submit(el);
      await inState(el, 'error');
      expect(text(el, '[part=error-message]')).toContain('could not be saved yet');
    });
    await step('Send again: the same Idempotency-Key, saved once', async () => {
      await userEvent.click(part(el, '[part=submit]'));
      await inState(el, 'saved');
    });
    const { mock } = netOf(loaded);
    expect(mock.requests).toHaveLength(2);
    expect(new Set(mock.requests.map((r) => r.key)).size).toBe(1);
    expect(mock.saved).toHaveLength(1);
  },
};

/** 500, then an automatic retry with the same key: "Trying again…", then saved. */
export const AutomaticRetry: Story = {
  ...serving('flaky'),
  args: { ...self, server: 'flaky', values: filled, maxAttempts: 2 },
  play: async ({ canvasElement, loaded }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'saved');
    expect(netOf(loaded).mock.requests).toHaveLength(2);
    expect(netOf(loaded).mock.saved).toHaveLength(1);
  },
};

/** Every attempt answers 500: what was written is kept, with a clear message. */
export const ServerError: Story = {
  ...serving('error-500'),
  args: { ...self, server: 'error-500', values: filled },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'error');
  },
};

/** 422: the server's own message is shown; the answers are kept to fix and resend. */
export const Rejected422: Story = {
  ...serving('invalid-422'),
  args: { ...self, server: 'invalid-422', values: { ...filled, strengths: 'Kind' } },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'error');
    expect(text(el, '[part=error-message]')).toContain('must name a strength in your own words');
    expect(el.values['strengths']).toBe('Kind');
  },
};

/** 403 with the server's message. */
export const Rejected403: Story = {
  ...serving('rejected-403'),
  args: { server: 'rejected-403', values: { strengths: 'Shared the remote without being asked' } },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'error');
    expect(text(el, '[part=error-message]')).toContain('Peer feedback is closed');
  },
};

/** The request fails at the network (the browser still thinks it is online). */
export const NetworkError: Story = {
  ...serving('network-error'),
  args: { ...self, server: 'network-error', values: filled, maxAttempts: 1 },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'error');
  },
};

/** The server never answers: each attempt times out, then the error is shown. */
export const Timeout: Story = {
  ...serving('timeout'),
  args: { ...self, server: 'timeout', values: filled, maxAttempts: 1 },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await submit(el);
    await inState(el, 'error');
  },
};

/** Offline: a note says the draft is kept and sent when the network is back. */
export const Offline: Story = {
  args: { ...self, values: filled },
  beforeEach: goOffline,
  play: async ({ canvasElement, loaded }) => {
    const el = form(canvasElement);
    await inState(el, 'offline');
    await submit(el);
    expect(text(el, '[part=offline-note]')).toContain('You are offline');
    expect(part(el, '[part=submit]').getAttribute('aria-disabled')).toBe('true');
    expect(netOf(loaded).mock.requests).toHaveLength(0);
    await settle(el);
  },
};

/** Safety language: a kind note says a staff member will read it soon. */
export const SafetyLanguage: Story = {
  args: { ...self, values: { strengths: 'I got up today, but some days I want to die.' } },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await waitFor(() => expect(text(el, '[part=safety-note]')).toContain('staff member'));
  },
};

// ── fed by the feedback context resource (no document) ─────────────────
const fromContext = {
  context: 'participant',
  source: 'peer',
  subject: 'p1',
  author: 'p2',
} as const;
const loadedForm = async (el: MilieuFeedbackForm): Promise<void> => {
  await waitFor(() => expect(el.shadowRoot!.querySelector('[part=title]')).not.toBeNull(), {
    timeout: 6000,
  });
  await settle(el);
};

/** A participant's peer form from `context-src`: names from the context, no document. */
export const FromContext: Story = {
  args: { ...fromContext },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await loadedForm(el);
    await expect(text(el, '[part=subject]')).toBe('About Sam R.');
    await expect(text(el, '.who')).toContain('A staff member reads it first.');
  },
};

/** Anonymous under `policy.anonymousAuthors: reviewers`: the note says exactly who can see the name. */
export const FromContextReviewersSeeNames: Story = {
  args: { ...fromContext, anonymousAuthors: 'reviewers' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await loadedForm(el);
    part<HTMLInputElement>(el, '#anonymous-choice').click();
    await waitFor(() =>
      expect(text(el, '#anonymity-note')).toContain(
        'Only staff who review feedback can see your name; Sam R. never can.',
      ),
    );
  },
};

/** A staff member's form: the context carries the subject's goals. */
export const StaffFromContext: Story = {
  args: { context: 'staff', source: 'staff', subject: 'p1', author: 's1' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await loadedForm(el);
    await expect(el.shadowRoot!.querySelectorAll('input[name=goal]').length).toBe(3);
  },
};

/** Safety language by its field, naming the program's crisis resource. */
export const SafetyWithCrisisResource: Story = {
  args: {
    ...fromContext,
    source: 'self',
    subject: '',
    values: { strengths: 'I got up today, but some days I want to die.' },
  },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await loadedForm(el);
    await waitFor(() =>
      expect(text(el, '#sn-strengths')).toContain('988 Suicide & Crisis Lifeline'),
    );
  },
};

/** The context could not be loaded: what happened, and Retry only where it can help. */
export const ContextForbidden: Story = {
  args: { ...fromContext, context: 'forbidden' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await waitFor(() => expect(text(el, '[part=error-message]')).toContain('permission'));
    await expect(el.shadowRoot!.querySelector('[part=retry]')).toBeNull();
  },
};
export const ContextServerError: Story = {
  args: { ...fromContext, context: 'server-error' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part=retry]')).not.toBeNull());
  },
};
export const ContextOffline: Story = { args: { ...fromContext, context: 'offline' } };
export const ContextInvalid: Story = { args: { ...fromContext, context: 'invalid' } };
export const ContextLoading: Story = { args: { ...fromContext, context: 'loading' } };

// ── themes, locales and media ──────────────────────────────────────────
/** Spanish: the form's text, the core template's labels and the validation messages. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  args: { ...self },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await submit(el);
    await waitFor(() => expect(text(el, '[part=submit]')).toBe('Enviar comentarios'));
  },
};
export const RightToLeft: Story = { globals: { dir: 'rtl' }, args: { ...self, values: filled } };
export const Dark: Story = { globals: { theme: 'dark' }, args: { ...self, values: filled } };
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  args: { ...self, values: filled },
};
/** A hospital's re-brand through tokens only (teal, serif, square corners). */
export const Portal: Story = { globals: { theme: 'portal' }, args: { ...self, values: filled } };
export const LargeText: Story = {
  globals: { textSize: '200%' },
  args: { source: 'staff', subject: 'p1', author: 's1' },
};
/** Forced colours (Windows High Contrast): see Accessibility › Media previews. */
export const ForcedColors: Story = {
  globals: { media: 'forced-colors' },
  args: { ...self, values: filled },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    if (mediaEmulated(canvasElement)) {
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      // The submit button opts out of forced colours and paints itself with system colours.
      expect(getComputedStyle(part(el, '[part=submit]')).forcedColorAdjust).toBe('none');
    }
  },
};
/** Reduced motion: the submit button does not animate. */
export const ReducedMotion: Story = {
  globals: { media: 'reduced-motion' },
  args: { ...self, values: filled },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    if (mediaEmulated(canvasElement)) {
      // The form animates nothing, so reduced motion leaves nothing to switch off.
      expect(getComputedStyle(part(el, '[part=submit]')).transitionDuration).toBe('0s');
    }
  },
};
