import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { parseFeedbackEntry } from '@milieu/core';
import { choose, control, mount, part, type } from '../../test/feedback-form-helpers.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import { MilieuFeedbackForm } from './feedback-form.component.js';
import { defineMilieuElements } from '../../define.js';

afterEach(() => {
  document.body.replaceChildren();
  clearMemoryDrafts();
  sessionStorage.clear();
});

const inForm = (html: string): string =>
  `<form novalidate>${html}<button type="submit">Send all</button></form>`;
const inFieldset = (html: string): string => `<form><fieldset>${html}</fieldset></form>`;

describe('<milieu-feedback-form> inside a host <form>', () => {
  it('is form-associated with the native validity API', async () => {
    const el = await mount('name="feedback" source="self" author="p1"', {}, inForm);
    const form = document.querySelector('form')!;
    expect(MilieuFeedbackForm.formAssociated).toBe(true);
    expect(el.form).toBe(form);
    expect(el.willValidate).toBe(true);
    expect(el.checkValidity()).toBe(false);
    expect(form.checkValidity()).toBe(false);
    expect(el.validity.valueMissing).toBe(true);
    expect(el.validationMessage).toBe('Please name at least one strength.');
    expect(new FormData(form).has('feedback')).toBe(false);
    expect(el.value).toBe('');
  });

  it('submits the entry as JSON once valid', async () => {
    const el = await mount('name="feedback" source="self" author="p1"', {}, inForm);
    const form = document.querySelector('form')!;
    await type(el, 'strengths', 'Made my bed');
    expect(el.validity.valueMissing).toBe(true); // mood still missing
    await choose(el, 'mood', 4);
    expect(el.checkValidity()).toBe(true);
    expect(form.checkValidity()).toBe(true);
    const raw = new FormData(form).get('feedback');
    expect(typeof raw).toBe('string');
    const parsed = parseFeedbackEntry(JSON.parse(raw as string));
    expect(parsed.ok).toBe(true);
    expect(JSON.parse(raw as string)).toMatchObject({
      strengths: 'Made my bed',
      ratings: { mood: 5 },
    });
    expect(JSON.parse(el.value)).toMatchObject({ strengths: 'Made my bed' });
  });

  it('reports validity flags of the answers (tooShort, customError)', async () => {
    const el = await mount('name="f" source="staff" subject="p1" author="s1"', {}, inForm);
    await type(el, 'strengths', 'Kind');
    expect(el.validity.tooShort).toBe(true);
    await type(el, 'strengths', 'Kind to a new peer at lunch');
    await choose(el, 'progress', 2);
    await type(el, 'suggestions', 'Try harder');
    expect(el.validity.customError).toBe(true);
    expect(el.validationMessage).toContain('more specific');
  });

  it('blocks the host form submit while invalid (reportValidity points into the shadow root)', async () => {
    const el = await mount(
      'name="f" source="self" author="p1"',
      {},
      (h) => `<form>${h}<button>Go</button></form>`,
    );
    const form = document.querySelector('form')!;
    let submits = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submits++;
    });
    form.requestSubmit();
    expect(submits).toBe(0);
    expect(el.reportValidity()).toBe(false);
    await type(el, 'strengths', 'Made my bed');
    await choose(el, 'mood', 1);
    form.requestSubmit();
    expect(submits).toBe(1);
  });

  it('resets with the host form: answers and draft cleared', async () => {
    const el = await mount(
      'name="f" source="self" author="p1" draft-storage="session"',
      {},
      inForm,
    );
    const form = document.querySelector('form')!;
    await type(el, 'strengths', 'Made my bed');
    await choose(el, 'mood', 2);
    expect(el.checkValidity()).toBe(true);
    expect(sessionStorage.length).toBe(1);
    form.reset();
    await el.updateComplete;
    expect(control<HTMLTextAreaElement>(el, 'strengths').value).toBe('');
    expect(control(el, 'mood', 2).checked).toBe(false);
    expect(el.checkValidity()).toBe(false);
    expect(sessionStorage.length).toBe(0);
    expect(el.matches(':state(user-invalid)')).toBe(false);
  });

  it('is disabled by a disabled fieldset', async () => {
    const el = await mount('name="f" source="self" author="p1"', {}, inFieldset);
    const fieldset = document.querySelector('fieldset')!;
    fieldset.disabled = true;
    await el.updateComplete;
    await el.updateComplete;
    expect(control(el, 'strengths').hasAttribute('disabled')).toBe(true);
    expect(part<HTMLButtonElement>(el, '[part=submit]').disabled).toBe(true);
    expect(el.willValidate).toBe(false);
    fieldset.disabled = false;
    await el.updateComplete;
    await el.updateComplete;
    expect(control(el, 'strengths').hasAttribute('disabled')).toBe(false);
  });

  it('its own disabled attribute disables it too', async () => {
    const el = await mount('name="f" source="self" author="p1" disabled', {}, inForm);
    await el.updateComplete;
    expect(control(el, 'strengths').hasAttribute('disabled')).toBe(true);
    expect(new FormData(document.querySelector('form')!).has('f')).toBe(false);
  });

  it('user-invalid is a custom state set only after interaction', async () => {
    const el = await mount('name="f" source="self" author="p1"', {}, inForm);
    expect(el.matches(':state(user-invalid)')).toBe(false);
    control(el, 'strengths').focus();
    await userEvent.tab(); // passing through is not interacting
    await el.updateComplete;
    expect(el.matches(':state(user-invalid)')).toBe(false);
    await choose(el, 'mood', 0);
    await type(el, 'strengths', ' ');
    expect(el.matches(':state(user-invalid)')).toBe(true);
  });
});

describe('<milieu-feedback-form> under a host prefix', () => {
  it('registers with defineMilieuElements and stays form-associated', async () => {
    defineMilieuElements({ prefix: 'acme', elements: ['feedback-form'] });
    document.body.innerHTML =
      '<form><acme-feedback-form name="f" source="self" author="p1"></acme-feedback-form></form>';
    const el = document.querySelector<MilieuFeedbackForm>('acme-feedback-form')!;
    expect(el).toBeInstanceOf(MilieuFeedbackForm);
    await el.updateComplete;
    expect(el.form).toBe(document.querySelector('form'));
    expect(el.checkValidity()).toBe(false);
  });
});
