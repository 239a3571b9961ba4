import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { FeedbackEntry, FeedbackValue } from '@milieu/core';
import './feedback-form.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';
import { feedbackDocument } from '../../test/feedback-fixtures.js';

interface Args {
  source: 'staff' | 'peer' | 'self' | 'program';
  subject: string;
  author: string;
  locale: string;
  draftStorage: 'memory' | 'session';
  anonymousAuthor: 'omit' | 'keep-for-reviewers';
  /** What the fake endpoint answers (stories need no network and no service worker). */
  server: 'success' | 'error-500' | 'rejected-403' | 'offline' | 'none';
  values: Record<string, FeedbackValue>;
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A `fetch` for the form's `fetcher` property that answers per the core HTTP contract. */
function fakeFetch(server: Args['server']): typeof fetch {
  return async (_url, init) => {
    await new Promise((r) => setTimeout(r, 400));
    if (server === 'offline') throw new TypeError('Failed to fetch');
    if (server === 'error-500')
      return json(500, { error: { code: 'server_error', message: 'Temporary failure.' } });
    if (server === 'rejected-403') {
      return json(403, {
        error: { code: 'forbidden', message: 'Peer feedback is closed for this person today.' },
      });
    }
    const entry = JSON.parse(String(init?.body)) as FeedbackEntry;
    return json(201, { entry });
  };
}

/** Fakes `navigator.onLine` for the Offline story and restores it for the others. */
function setOffline(offline: boolean): void {
  if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete (navigator as unknown as Record<string, unknown>)['onLine'];
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}

const render = (a: Args): TemplateResult => {
  setOffline(a.server === 'offline');
  return html`<milieu-feedback-form
    source=${a.source}
    subject=${a.subject}
    author=${a.author}
    locale=${a.locale}
    draft-storage=${a.draftStorage}
    anonymous-author=${a.anonymousAuthor}
    action=${a.server === 'none' ? '' : '/api/v1/feedback'}
    .document=${feedbackDocument()}
    .values=${a.values}
    .fetcher=${fakeFetch(a.server)}
    .retry=${{ maxAttempts: 2, baseDelayMs: 300 }}
  ></milieu-feedback-form>`;
};

const form = (root: HTMLElement): MilieuFeedbackForm =>
  root.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;

async function submit(root: HTMLElement): Promise<void> {
  const el = form(root);
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
}

const meta: Meta<Args> = {
  title: 'Components/Feedback form',
  component: 'milieu-feedback-form',
  render,
  argTypes: {
    source: { control: 'inline-radio', options: ['staff', 'peer', 'self', 'program'] },
    draftStorage: { control: 'inline-radio', options: ['memory', 'session'] },
    anonymousAuthor: { control: 'inline-radio', options: ['omit', 'keep-for-reviewers'] },
    server: {
      control: 'select',
      options: ['success', 'error-500', 'rejected-403', 'offline', 'none'],
    },
  },
  args: {
    source: 'peer',
    subject: 'p1',
    author: 'p2',
    locale: 'en',
    draftStorage: 'memory',
    anonymousAuthor: 'omit',
    server: 'success',
    values: {},
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};

export const Staff: Story = { args: { source: 'staff', subject: 'p1', author: 's1' } };
export const Peer: Story = { args: { source: 'peer', subject: 'p1', author: 'p2' } };
export const Self: Story = { args: { source: 'self', subject: '', author: 'p1' } };
export const Program: Story = { args: { source: 'program', subject: '', author: 'p2' } };

export const ValidationErrors: Story = {
  args: { source: 'staff', subject: 'p1', author: 's1', values: { suggestions: 'Do better' } },
  play: async ({ canvasElement }) => submit(canvasElement),
};

const filled = { strengths: 'Went to art group and finished a painting', mood: 4 };

export const Saved: Story = {
  args: { source: 'self', subject: '', author: 'p1', values: filled },
  play: async ({ canvasElement }) => submit(canvasElement),
};

export const Offline: Story = {
  args: { source: 'self', subject: '', author: 'p1', server: 'offline', values: filled },
};

export const ServerError: Story = {
  args: { source: 'self', subject: '', author: 'p1', server: 'error-500', values: filled },
  play: async ({ canvasElement }) => submit(canvasElement),
};

export const RejectedWithMessage: Story = {
  args: { server: 'rejected-403', values: { strengths: 'Shared the remote without being asked' } },
  play: async ({ canvasElement }) => submit(canvasElement),
};

export const SafetyLanguage: Story = {
  args: {
    source: 'self',
    subject: '',
    author: 'p1',
    values: { strengths: 'I got up today, but some days I want to die.' },
  },
};

export const Spanish: Story = {
  args: { source: 'self', subject: '', author: 'p1', locale: 'es' },
  play: async ({ canvasElement }) => submit(canvasElement),
};
