import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import './expectation-card.js';

interface Args {
  statement: string;
  rationale: string;
  mutual: boolean;
  open: boolean;
  locale: string;
}

const render = (a: Args): TemplateResult =>
  html`<milieu-expectation-card
    statement=${a.statement}
    rationale=${a.rationale}
    ?mutual=${a.mutual}
    ?open=${a.open}
    locale=${a.locale}
  ></milieu-expectation-card>`;

const meta: Meta<Args> = {
  title: 'Components/Expectation card',
  component: 'milieu-expectation-card',
  render,
  args: {
    statement: 'Speak to each other with respect, even when we disagree.',
    rationale: 'Everyone here needs to feel safe enough to say what is hard to say.',
    mutual: true,
    open: false,
    locale: 'en',
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};
export const Open: Story = { args: { open: true } };
export const NoRationaleYet: Story = { args: { rationale: '', open: true, mutual: false } };
export const Spanish: Story = {
  args: {
    locale: 'es',
    statement: 'Hablamos con respeto, también cuando no estamos de acuerdo.',
    rationale: 'Todas las personas necesitan sentirse seguras para hablar.',
    open: true,
  },
};
