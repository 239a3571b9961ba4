import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { setupWorker } from 'msw/browser';
import { createFeedbackServer, feedbackHandlers } from '../../test/feedback-handlers.js';
import {
  choose,
  control,
  mount,
  next,
  part,
  restoreOnline,
  setOnline,
  submit,
  text,
  type,
} from '../../test/feedback-form-helpers.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';

const server = createFeedbackServer();
const worker = setupWorker();

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());
afterEach(() => {
  worker.resetHandlers();
  server.reset();
  restoreOnline();
  document.body.replaceChildren();
  clearMemoryDrafts();
  sessionStorage.clear();
});

const ATTRS = 'source="self" author="p1" action="/api/v1/feedback"';

async function fillSelf(el: MilieuFeedbackForm): Promise<void> {
  await type(el, 'strengths', 'Went to art group');
  await choose(el, 'mood', 3);
}

describe('<milieu-feedback-form>: saving', () => {
  it('POSTs the entry with an Idempotency-Key and shows "saved" on a 201', async () => {
    worker.use(...feedbackHandlers(server));
    const el = await mount(ATTRS);
    await fillSelf(el);
    const saved = next(el, 'milieu-feedback-saved');
    await submit(el);
    const { detail } = await saved;
    expect(server.saved).toHaveLength(1);
    expect(detail).toMatchObject({ status: 201, entry: server.saved[0] });
    expect(server.requests[0]!.key).toMatch(/^[0-9a-f-]{32,36}$/);
    await el.updateComplete;
    expect(text(el, '[part=status]')).toBe('Saved. Thank you for your feedback.');
    expect(el.matches(':state(saved)')).toBe(true);
    await expectNoAxeViolations(el);
    // cleared for the next entry, with a new key
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toBe('');
    await fillSelf(el);
    const again = next(el, 'milieu-feedback-saved');
    await submit(el);
    await again;
    expect(server.requests[1]!.key).not.toBe(server.requests[0]!.key);
    expect(server.saved).toHaveLength(2);
  });

  it('500 then success: retried with the same key, one entry saved, not two', async () => {
    worker.use(...feedbackHandlers(server, 'flaky'));
    const el = await mount(ATTRS);
    await fillSelf(el);
    const saved = next(el, 'milieu-feedback-saved');
    await submit(el);
    await saved;
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.key).toBe(server.requests[1]!.key);
    expect(server.requests[0]!.body).toEqual(server.requests[1]!.body);
    expect(server.saved).toHaveLength(1);
  });

  it('after the last automatic retry, a manual retry still uses the same key', async () => {
    worker.use(...feedbackHandlers(server, 'flaky', { failures: 2 }));
    const el = await mount(ATTRS, { retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 } });
    await fillSelf(el);
    const failed = next(el, 'milieu-feedback-error');
    await submit(el);
    expect((await failed).detail).toMatchObject({ status: 500, retryable: true, attempts: 2 });
    await el.updateComplete;
    expect(text(el, '[part=error-message]')).toContain('What you wrote is kept here');
    const saved = next(el, 'milieu-feedback-saved');
    await submit(el);
    await saved;
    expect(new Set(server.requests.map((r) => r.key)).size).toBe(1);
    expect(server.saved).toHaveLength(1);
  });

  it('4xx: a clear error with the server message; the draft is kept and can be resent', async () => {
    worker.use(...feedbackHandlers(server, 'rejected'));
    const el = await mount(ATTRS + ' draft-storage="session"');
    await fillSelf(el);
    const failed = next(el, 'milieu-feedback-error');
    await submit(el);
    expect((await failed).detail).toMatchObject({
      status: 403,
      code: 'forbidden',
      retryable: false,
      attempts: 1,
    });
    await el.updateComplete;
    const alert = part(el, '[part=error-message]');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Peer feedback is closed for this person today.');
    expect(el.matches(':state(error)')).toBe(true);
    await expectNoAxeViolations(el);
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toBe('Went to art group');
    expect(sessionStorage.length).toBe(1);
    worker.resetHandlers(...feedbackHandlers(server));
    const saved = next(el, 'milieu-feedback-saved');
    await submit(el);
    await saved;
    expect(server.saved).toHaveLength(1);
    expect(sessionStorage.length).toBe(0);
  });

  it('a timeout is retried, then reported as retryable', async () => {
    worker.use(...feedbackHandlers(server, 'timeout'));
    const el = await mount(ATTRS, { retry: { maxAttempts: 2, baseDelayMs: 0, timeoutMs: 50 } });
    await fillSelf(el);
    const failed = next(el, 'milieu-feedback-error');
    await submit(el);
    expect((await failed).detail).toMatchObject({ code: 'timeout', retryable: true, status: null });
    expect(server.requests).toHaveLength(2);
  });

  it('offline then online: shows a note, waits, and sends when the network is back', async () => {
    worker.use(...feedbackHandlers(server));
    const el = await mount(ATTRS);
    setOnline(false);
    await el.updateComplete;
    expect(text(el, '[part=offline-note]')).toContain('You are offline');
    expect(el.matches(':state(offline)')).toBe(true);
    await fillSelf(el);
    await submit(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
    expect(part(el, '[part=submit]').getAttribute('aria-disabled')).toBe('true');
    // Not "Sending…": nothing is being sent yet.
    expect(text(el, '[part=submit]')).toBe('Will send when back online');
    await expectNoAxeViolations(el);
    const saved = next(el, 'milieu-feedback-saved');
    setOnline(true);
    await saved;
    expect(server.saved).toHaveLength(1);
    await el.updateComplete;
    expect(text(el, '[part=offline-note]')).toBe('');
  });

  it('a network error while offline waits for online without spending attempts', async () => {
    worker.use(...feedbackHandlers(server, 'offline'));
    const el = await mount(ATTRS, { retry: { maxAttempts: 1, baseDelayMs: 0 } });
    await fillSelf(el);
    let errors = 0;
    el.addEventListener('milieu-feedback-error', () => errors++);
    setOnline(false);
    await submit(el);
    await new Promise((r) => setTimeout(r, 30));
    worker.resetHandlers(...feedbackHandlers(server));
    const saved = next(el, 'milieu-feedback-saved');
    setOnline(true);
    await saved;
    expect(errors).toBe(0);
    expect(server.saved).toHaveLength(1);
  });

  it('a double click sends one request', async () => {
    worker.use(...feedbackHandlers(server));
    const el = await mount(ATTRS);
    await fillSelf(el);
    let submits = 0;
    el.addEventListener('milieu-feedback-submit', () => submits++);
    const saved = next(el, 'milieu-feedback-saved');
    const button = part<HTMLButtonElement>(el, '[part=submit]');
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(el.matches(':state(pending)')).toBe(true);
    button.click(); // still pending: ignored
    await saved;
    await new Promise((r) => setTimeout(r, 30));
    expect(submits).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('a real double click (pointer) sends one request', async () => {
    worker.use(...feedbackHandlers(server));
    const el = await mount(ATTRS);
    await fillSelf(el);
    const saved = next(el, 'milieu-feedback-saved');
    await userEvent.dblClick(part(el, '[part=submit]'));
    await saved;
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
    expect(server.saved).toHaveLength(1);
  });

  it('cancelling milieu-feedback-submit sends nothing; the host then calls markSaved()', async () => {
    worker.use(...feedbackHandlers(server));
    const el = await mount(ATTRS);
    await fillSelf(el);
    el.addEventListener('milieu-feedback-submit', (e) => e.preventDefault(), { once: true });
    await submit(el);
    await new Promise((r) => setTimeout(r, 30));
    expect(server.requests).toHaveLength(0);
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toBe('Went to art group');
    const saved = next(el, 'milieu-feedback-saved');
    el.markSaved();
    expect((await saved).detail.status).toBeNull();
    await el.updateComplete;
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toBe('');
  });

  it('without action the host handles the entry', async () => {
    worker.use(...feedbackHandlers(server));
    const el = await mount('source="self" author="p1"');
    await fillSelf(el);
    const submitted = next(el, 'milieu-feedback-submit');
    await submit(el);
    expect((await submitted).detail.entry.strengths).toBe('Went to art group');
    await new Promise((r) => setTimeout(r, 30));
    expect(server.requests).toHaveLength(0);
  });
});

describe('<milieu-feedback-form>: drafts', () => {
  it('keeps drafts in memory only by default: never in sessionStorage or localStorage', async () => {
    const el = await mount('source="self" author="p1"');
    await type(el, 'strengths', 'Private words');
    expect(sessionStorage.length).toBe(0);
    expect(Object.keys(localStorage).filter((k) => k.includes('milieu'))).toEqual([]);
    // an accidental navigation (the element is removed and made again) keeps the draft
    const again = await mount('source="self" author="p1"');
    expect(control<HTMLTextAreaElement>(again, 'strengths').value).toBe('Private words');
    expect(text(again, '[part=status]')).toBe('Your unsent draft is back.');
  });

  it('restores a session draft after a reload (a new element with the same key)', async () => {
    const el = await mount('source="peer" subject="p1" author="p2" draft-storage="session"');
    await type(el, 'strengths', 'Helped me with the puzzle');
    await userEvent.click(part(el, '#anonymous-choice'));
    expect(sessionStorage.length).toBe(1);
    document.body.replaceChildren();
    clearMemoryDrafts(); // what a reload does to memory
    const again = await mount('source="peer" subject="p1" author="p2" draft-storage="session"');
    expect(control<HTMLTextAreaElement>(again, 'strengths').value).toBe(
      'Helped me with the puzzle',
    );
    expect(part<HTMLInputElement>(again, '#anonymous-choice').checked).toBe(true);
    // scoped by source + subject + author: another subject starts empty
    const other = await mount('source="peer" subject="p9" author="p2" draft-storage="session"');
    expect(control<HTMLTextAreaElement>(other, 'strengths').value).toBe('');
  });

  it('a reload after a lost response resends under the same key', async () => {
    worker.use(...feedbackHandlers(server, 'flaky', { failures: 5 }));
    const el = await mount(ATTRS + ' draft-storage="session"', { retry: { maxAttempts: 1 } });
    await fillSelf(el);
    const failed = next(el, 'milieu-feedback-error');
    await submit(el);
    await failed;
    document.body.replaceChildren();
    clearMemoryDrafts();
    worker.resetHandlers(...feedbackHandlers(server));
    const again = await mount(ATTRS + ' draft-storage="session"');
    const saved = next(again, 'milieu-feedback-saved');
    await submit(again);
    await saved;
    expect(server.requests[1]!.key).toBe(server.requests[0]!.key);
    expect(server.saved).toHaveLength(1);
  });

  it('a changed answer after a failed send goes out under a new key', async () => {
    worker.use(...feedbackHandlers(server, 'offline'));
    const el = await mount(ATTRS, { retry: { maxAttempts: 1 } });
    await fillSelf(el);
    const failed = next(el, 'milieu-feedback-error');
    await submit(el);
    await failed;
    await type(el, 'strengths', 'Went to art group and painted');
    worker.resetHandlers(...feedbackHandlers(server));
    const saved = next(el, 'milieu-feedback-saved');
    await submit(el);
    await saved;
    expect(server.requests[1]!.key).not.toBe(server.requests[0]!.key);
  });
});
