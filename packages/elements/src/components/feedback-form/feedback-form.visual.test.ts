/**
 * Visual regression of the form's key states, with vitest's `toMatchScreenshot`. The reference
 * images live in `__screenshots__/feedback-form.visual.test.ts/` beside this file (committed);
 * update them after a deliberate change with
 * `npx vitest run --project elements packages/elements/src/components/feedback-form/feedback-form.visual.test.ts --update`.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { participantFeedbackContext, staffFeedbackContext } from '@milieu/msw';
import '../../components/feedback-form/feedback-form.js';
import { themeCss } from '../../styles/tokens.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';

const theme = document.createElement('style');
document.head.append(theme);

afterEach(() => {
  document.body.replaceChildren();
  theme.textContent = '';
  clearMemoryDrafts();
});
afterAll(async () => {
  theme.remove();
  await page.viewport(414, 896);
});

async function mount(source: string, lang: string, width: number): Promise<MilieuFeedbackForm> {
  await page.viewport(width, 1080);
  const subject = source === 'self' ? '' : 'p1';
  document.body.innerHTML = `<div class="frame"><milieu-feedback-form source="${source}" subject="${subject}" author="p2" locale="${lang}"></milieu-feedback-form></div>`;
  const el = document.body.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;
  el.context = source === 'staff' ? staffFeedbackContext('p1') : participantFeedbackContext();
  await el.updateComplete;
  return el;
}

/** Errors, the summary and a safety note showing. */
async function attempt(el: MilieuFeedbackForm): Promise<void> {
  const boxes = el.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea');
  const last = boxes[boxes.length - 1]!;
  last.value = 'Some days I want to die';
  last.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  await el.updateComplete;
  (el.shadowRoot!.activeElement as HTMLElement | null)?.blur(); // no caret or focus ring in the picture
}

const options = { comparatorOptions: { allowedMismatchedPixelRatio: 0.002 } };

describe('<milieu-feedback-form> pictures', () => {
  it('peer, English, phone', async () => {
    const el = await mount('peer', 'en', 390);
    el.shadowRoot!.querySelector<HTMLInputElement>('#anonymous-choice')!.click();
    await el.updateComplete;
    await expect.element(page.elementLocator(el)).toMatchScreenshot('peer-en-390', options);
  });

  it('daily reflection, Spanish, phone, after a submit attempt with safety language', async () => {
    const el = await mount('self', 'es', 390);
    await attempt(el);
    // Two pictures of a tall form: the error summary, and the answer with its safety note.
    const summary = el.shadowRoot!.querySelector('[part=summary]')!;
    await expect
      .element(page.elementLocator(summary))
      .toMatchScreenshot('self-es-390-summary', options);
    const field = el.shadowRoot!.querySelector('#sn-suggestions')!.parentElement!;
    field.scrollIntoView();
    await expect
      .element(page.elementLocator(field))
      .toMatchScreenshot('self-es-390-safety', options);
  });

  it('staff, English, desktop, dark theme', async () => {
    theme.textContent = themeCss('dark', ':root') + 'body { background: #15181d; }';
    const el = await mount('staff', 'en', 1280);
    await attempt(el);
    await expect.element(page.elementLocator(el)).toMatchScreenshot('staff-en-1280-dark', options);
  });

  it('program, Spanish, TV width', async () => {
    const el = await mount('program', 'es', 1920);
    await expect.element(page.elementLocator(el)).toMatchScreenshot('program-es-1920', options);
  });
});
