/**
 * The form as people see it: every mode, at phone, laptop and TV widths, in English and
 * Spanish, in the default and dark themes, before and after a submit attempt (errors, summary,
 * safety note showing). In each, no text overflows its box without an ellipsis, every target
 * is at least 24×24 px (WCAG 2.5.8), and nothing lies outside the element's box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { participantFeedbackContext, staffFeedbackContext } from '@milieu/msw';
import type { FeedbackContextResponse } from '@milieu/core';
import '../../components/feedback-form/feedback-form.js';
import { contrastRatio } from '../../styles/contrast.js';
import { THEMES as TOKEN_THEMES, themeCss, type ThemeName } from '../../styles/tokens.js';
import { clearMemoryDrafts } from './feedback-form.drafts.js';
import type { MilieuFeedbackForm } from './feedback-form.component.js';

const WIDTHS = [320, 390, 1280, 1920] as const;
const MODES = ['staff', 'peer', 'self', 'program'] as const;
const LANGS = ['en', 'es'] as const;
const THEMES = ['default', 'dark'] as const;

const theme = document.createElement('style');
beforeAll(() => {
  document.head.append(theme);
  document.body.style.margin = '0';
});
afterAll(async () => {
  theme.remove();
  await page.viewport(414, 896);
});

const describeNode = (n: Element): string =>
  `<${n.localName}${n.id ? `#${n.id}` : ''}${n.getAttribute('part') ? ` part=${n.getAttribute('part')}` : ''}> "${(n.textContent ?? '').trim().slice(0, 40)}"`;

/** Everything wrong with what the form shows now. */
function problems(el: MilieuFeedbackForm): string[] {
  const found: string[] = [];
  const host = el.getBoundingClientRect();
  if (host.right > window.innerWidth + 0.5)
    found.push(`host is wider than the page: ${host.width}`);
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    if (node.localName === 'style' || node.localName === 'slot') continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < host.left - 0.5 || r.right > host.right + 0.5) {
      found.push(
        `outside the element: ${describeNode(node)} (${r.left}–${r.right} of ${host.left}–${host.right})`,
      );
    }
    const cs = getComputedStyle(node);
    const text = [...node.childNodes].some(
      (c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim(),
    );
    if (text && cs.display !== 'inline' && cs.textOverflow !== 'ellipsis') {
      if (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1) {
        found.push(
          `text overflows: ${describeNode(node)} (${node.scrollWidth}×${node.scrollHeight} in ${node.clientWidth}×${node.clientHeight})`,
        );
      }
    }
    // A radio or checkbox is reached through its label, which is the target.
    const target = node.matches('input[type=radio], input[type=checkbox]')
      ? node.closest('label')
      : node.matches('button, a[href], input, textarea, select')
        ? node
        : null;
    if (target) {
      const t = target.getBoundingClientRect();
      if (t.width < 24 || t.height < 24) {
        found.push(`target under 24×24: ${describeNode(target)} (${t.width}×${t.height})`);
      }
    }
  }
  return found;
}

function contextFor(mode: (typeof MODES)[number]): FeedbackContextResponse {
  return mode === 'staff' ? staffFeedbackContext('p1') : participantFeedbackContext();
}

async function mount(mode: (typeof MODES)[number], lang: string): Promise<MilieuFeedbackForm> {
  clearMemoryDrafts();
  document.body.innerHTML = `<milieu-feedback-form source="${mode}" subject="${mode === 'self' ? '' : 'p1'}" author="p2" locale="${lang}"></milieu-feedback-form>`;
  const el = document.body.querySelector<MilieuFeedbackForm>('milieu-feedback-form')!;
  el.context = contextFor(mode);
  await el.updateComplete;
  return el;
}

/** The worst case for the layout: every error, the summary, and a safety note showing. */
async function withEverything(el: MilieuFeedbackForm): Promise<void> {
  const boxes = el.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea');
  const last = boxes[boxes.length - 1]!;
  last.value = 'Some days I want to die';
  last.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.shadowRoot!.querySelector<HTMLInputElement>('#anonymous-choice')?.click();
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  await el.updateComplete;
}

describe.each(THEMES)('<milieu-feedback-form> layout, %s theme', (themeName) => {
  beforeAll(() => {
    theme.textContent = themeName === 'dark' ? themeCss('dark', ':root') : '';
  });

  describe.each(WIDTHS)('at %i px', (width) => {
    beforeAll(async () => {
      await page.viewport(width, 1080);
    });

    it.each(LANGS.flatMap((lang) => MODES.map((mode) => [mode, lang] as const)))(
      '%s in %s: fits, reads and can be reached',
      async (mode, lang) => {
        const el = await mount(mode, lang);
        expect(problems(el)).toEqual([]);
        await withEverything(el);
        expect(el.shadowRoot!.querySelector('[part=safety-note]:not(:empty)')).not.toBeNull();
        expect(el.shadowRoot!.querySelector('[part=summary]')).not.toBeNull();
        expect(problems(el)).toEqual([]);
      },
    );
  });
});

describe('<milieu-feedback-form> at 200 % text', () => {
  it('follows the host’s text size (no 1rem reset in the shadow root)', async () => {
    await page.viewport(390, 1080);
    theme.textContent = '';
    const el = await mount('peer', 'en');
    const size = (): number =>
      parseFloat(getComputedStyle(el.shadowRoot!.querySelector('[part=title]')!).fontSize);
    const normal = size();
    el.style.fontSize = '200%';
    await el.updateComplete;
    expect(size()).toBeCloseTo(normal * 2, 0);
    expect(problems(el)).toEqual([]);
  });

  it.each(Object.keys(TOKEN_THEMES) as ThemeName[])(
    'the disabled button keeps AA contrast in the %s theme',
    async (name) => {
      theme.textContent = themeCss(name, ':root');
      const el = await mount('self', 'en');
      el.toggleAttribute('disabled', true);
      await el.updateComplete;
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!;
      expect(button.disabled).toBe(true);
      const hex = (rgb: string): string =>
        `#${(rgb.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map((n) => Number(n).toString(16).padStart(2, '0'))
          .join('')}`;
      const cs = getComputedStyle(button);
      expect(cs.opacity).toBe('1');
      expect(contrastRatio(hex(cs.color), hex(cs.backgroundColor))).toBeGreaterThanOrEqual(4.5);
      theme.textContent = '';
    },
  );

  it('dark theme gives native controls a dark colour scheme', async () => {
    theme.textContent = themeCss('dark', ':root');
    const el = await mount('self', 'en');
    expect(getComputedStyle(el.shadowRoot!.querySelector('textarea')!).colorScheme).toBe('dark');
    theme.textContent = '';
    expect(getComputedStyle(el.shadowRoot!.querySelector('textarea')!).colorScheme).toBe('light');
  });
});
