import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Expectation } from '@milieu/core';
import inpatient from '../../../../../examples/inpatient-unit.json';
import outpatient from '../../../../../examples/outpatient-group.json';
import './expectation-card.js';
import type { MilieuExpectationCard } from './expectation-card.component.js';
import { mediaEmulated, systemColour } from '../../test/story-helpers.js';

/**
 * A presentational card: it loads nothing and saves nothing, so it has no loading, error or
 * offline states. Its states are closed / open / no rationale yet, and mutual or not.
 */
interface Args {
  statement: string;
  rationale: string;
  mutual: boolean;
  open: boolean;
  /** Empty: follows the toolbar's locale (the nearest `lang`). */
  locale: string;
}

const render = (a: Args): TemplateResult =>
  html`<milieu-expectation-card
    statement=${a.statement}
    rationale=${a.rationale}
    ?mutual=${a.mutual}
    ?open=${a.open}
    locale=${ifDefined(a.locale || undefined)}
  ></milieu-expectation-card>`;

const card = (root: HTMLElement): MilieuExpectationCard =>
  root.querySelector<MilieuExpectationCard>('milieu-expectation-card')!;

const toggleOf = (el: MilieuExpectationCard): HTMLButtonElement =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')!;

const meta: Meta<Args> = {
  title: 'Components/Expectation card',
  component: 'milieu-expectation-card',
  render,
  argTypes: {
    locale: { control: 'select', options: ['', 'en', 'es'] },
  },
  args: {
    statement: 'Speak to each other with respect, even when we disagree.',
    rationale: 'Everyone here needs to feel safe enough to say what is hard to say.',
    mutual: true,
    open: false,
    locale: '',
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};
export const Open: Story = { args: { open: true } };
/** No reason written yet: the card says so and suggests asking at the community meeting. */
export const NoRationaleYet: Story = { args: { rationale: '', open: true, mutual: false } };
/** Binds participants only: no "staff agree to this too" badge. */
export const ParticipantsOnly: Story = { args: { mutual: false } };

/** Keyboard: Enter and Space toggle the reason; `aria-expanded` follows; events fire. */
export const Keyboard: Story = {
  play: async ({ canvasElement, userEvent, step }) => {
    const el = card(canvasElement);
    await el.updateComplete;
    const toggle = toggleOf(el);
    const fired: boolean[] = [];
    el.addEventListener('milieu-rationale-toggle', (e) => fired.push(e.detail.open));
    await step('Enter opens the reason', async () => {
      toggle.focus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
      expect(el.shadowRoot!.querySelector('[part=rationale]')!.hasAttribute('hidden')).toBe(false);
    });
    await step('Space closes it again', async () => {
      await userEvent.keyboard(' ');
      await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('false'));
    });
    expect(fired).toEqual([true, false]);
  },
};

/** Every expectation of the inpatient example, from the `expectation` property. */
export const FromExampleDocument: Story = {
  render: () =>
    html`<ul class="cards" aria-label="Community expectations">
      ${(inpatient.expectations.items as Expectation[]).map(
        (x) => html`<li><milieu-expectation-card .expectation=${x}></milieu-expectation-card></li>`,
      )}
    </ul>`,
};

/** The Madrid outpatient group's agreements, in Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  render: () =>
    html`<milieu-expectation-card
      .expectation=${outpatient.expectations.items[0] as Expectation}
      open
    ></milieu-expectation-card>`,
};

/** Long text and an unbroken word wrap inside the card at 200% text size. */
export const LongText: Story = {
  globals: { textSize: '200%' },
  args: {
    open: true,
    statement:
      'Use the shared kitchen, the laundry room and the quiet lounge so that the next person finds them as you would like to find them yourself, and tell staff when something is broken or running low.',
    rationale:
      'Shared spaces belong to everyone; https://example.org/a-very-long-address-without-any-spaces-that-must-still-wrap-inside-the-card shows the house rules.',
  },
};

export const RightToLeft: Story = { globals: { dir: 'rtl' }, args: { open: true } };
export const Dark: Story = { globals: { theme: 'dark' }, args: { open: true } };
export const HighContrast: Story = { globals: { theme: 'high-contrast' }, args: { open: true } };
/** A hospital's re-brand through tokens only (teal, serif, square corners). */
export const Portal: Story = { globals: { theme: 'portal' }, args: { open: true } };
/**
 * Forced colours (Windows High Contrast), see Accessibility › Media previews. Under the test
 * runner the media feature is emulated for real, and the card's accent stripe must follow the
 * system's text colour.
 */
export const ForcedColors: Story = {
  globals: { media: 'forced-colors' },
  args: { open: true },
  play: async ({ canvasElement }) => {
    const el = card(canvasElement);
    await el.updateComplete;
    if (mediaEmulated(canvasElement)) {
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      const base = el.shadowRoot!.querySelector('[part=base]')!;
      expect(getComputedStyle(base).borderInlineStartColor).toBe(systemColour('CanvasText'));
    }
  },
};
