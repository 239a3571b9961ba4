/** Shared helpers of the `<milieu-feedback-form>` browser tests (not shipped in `dist`). */
import { userEvent } from 'vitest/browser';
import '../components/feedback-form/feedback-form.js';
import type { MilieuFeedbackForm } from '../components/feedback-form/feedback-form.component.js';
import { feedbackDocument } from './feedback-fixtures.js';

/** Mounts a form with the fixture document and zero retry delays. */
export async function mount(
  attrs: string,
  props: Partial<Pick<MilieuFeedbackForm, 'values' | 'retry' | 'document' | 'safetyWords'>> = {},
  wrap = (html: string): string => html,
): Promise<MilieuFeedbackForm> {
  document.body.innerHTML = wrap(`<milieu-feedback-form ${attrs}></milieu-feedback-form>`);
  const el = document.body.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;
  el.document = feedbackDocument();
  el.retry = { baseDelayMs: 0, maxDelayMs: 0, timeoutMs: 2000 };
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

/** An element of the form's shadow root. */
export function part<T extends Element = HTMLElement>(el: MilieuFeedbackForm, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the shadow root`);
  return found;
}

/** A question's control: the text box, or option `index` of a group. */
export function control<T extends HTMLElement = HTMLInputElement>(
  el: MilieuFeedbackForm,
  id: string,
  index = 0,
): T {
  return part<T>(el, `#c-${id}${index ? `-${index}` : ''}`);
}

/** Types `text` into a text question, as a user would, then leaves it. */
export async function type(el: MilieuFeedbackForm, id: string, text: string): Promise<void> {
  await userEvent.fill(control(el, id), text);
  await userEvent.tab();
  await el.updateComplete;
}

/** Clicks option `index` of a group (for a scale, index 0 is "1"). */
export async function choose(el: MilieuFeedbackForm, id: string, index: number): Promise<void> {
  await userEvent.click(control(el, id, index));
  await el.updateComplete;
}

/** Clicks the submit button. */
export async function submit(el: MilieuFeedbackForm): Promise<void> {
  await userEvent.click(part(el, '[part=submit]'));
  await el.updateComplete;
}

/** Resolves with the next event of `type` fired on `el`. */
export function next<K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  type: K,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(type, resolve, { once: true }));
}

/** Fakes the browser's connectivity and fires the matching window event. */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/** Restores the real `navigator.onLine`. */
export function restoreOnline(): void {
  delete (navigator as unknown as Record<string, unknown>)['onLine'];
}

/** Visible text of a part, trimmed. */
export const text = (el: MilieuFeedbackForm, selector: string): string =>
  (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
