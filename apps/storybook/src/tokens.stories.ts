import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  CONTRAST_PAIRS,
  contrastRatio,
  KIND_TOKENS,
  THEMES,
  type ThemeName,
  type TokenName,
} from '@milieu/elements';

/**
 * Every `--milieu-*` design token with its value in each shipped theme, and every text/background
 * pair with the WCAG contrast ratio computed by `contrastRatio` (the same function and the same
 * `CONTRAST_PAIRS` as the unit test `tokens.test.ts`). Colours are painted through the CSSOM,
 * as the widgets do under a strict CSP.
 */
const meta: Meta = {
  title: 'Design system/Tokens',
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen', controls: { disable: true } },
};
export default meta;
type Story = StoryObj;

const themes = Object.keys(THEMES) as ThemeName[];
const valueOf = (theme: ThemeName, name: string): string =>
  (THEMES[theme] as Readonly<Record<string, string>>)[name] ?? '';
const isColour = (value: string): boolean => /^#[0-9a-f]{6}$/i.test(value);

/** Sets custom properties on an element once it exists (no `style` attribute). */
const paint =
  (props: Record<string, string>) =>
  (el?: Element): void => {
    if (!(el instanceof HTMLElement)) return;
    for (const [k, v] of Object.entries(props)) el.style.setProperty(k, v);
  };

function valueCell(theme: ThemeName, name: string): TemplateResult {
  const value = valueOf(theme, name);
  let sample: TemplateResult | typeof nothing = nothing;
  if (isColour(value)) {
    sample = html`<span class="swatch" aria-hidden="true" ${ref(paint({ '--c': value }))}></span>`;
  } else if (name === 'radius' || name === 'space') {
    sample = html`<span
      class="swatch ${name}"
      aria-hidden="true"
      ${ref(paint({ '--v': value }))}
    ></span>`;
  } else if (name === 'font-family') {
    sample = html`<span class="font" ${ref(paint({ '--v': value }))}>Aa</span>`;
  }
  return html`<td>${sample}<code>${value}</code></td>`;
}

function group(title: string, names: string[]): TemplateResult {
  return html`<tbody>
    <tr>
      <th scope="rowgroup" colspan=${themes.length + 1} class="group">${title}</th>
    </tr>
    ${names.map(
      (name) =>
        html`<tr>
          <th scope="row"><code>--milieu-${name}</code></th>
          ${themes.map((t) => valueCell(t, name))}
        </tr>`,
    )}
  </tbody>`;
}

const head = (first: string): TemplateResult =>
  html`<thead>
    <tr>
      <th scope="col">${first}</th>
      ${themes.map((t) => html`<th scope="col">${t}</th>`)}
    </tr>
  </thead>`;

const names = Object.keys(THEMES.default);
const kindNames = names.filter((n) => n.startsWith('color-kind-'));
const colourNames = names.filter((n) => n.startsWith('color-') && !kindNames.includes(n));
const otherNames = names.filter((n) => !n.startsWith('color-'));

/** Every token, by group, with its value per theme. */
export const AllTokens: Story = {
  name: 'All tokens',
  render: () =>
    html`<div class="tokens">
      <h1>Design tokens</h1>
      <p>
        Set any of these on an ancestor of a widget (or load
        <code>@milieu/elements/themes/&lt;theme&gt;.css</code>) to re-brand it. Components read each
        token as <code>var(--milieu-…, default)</code>, so they look right with no theme loaded.
        Colours per activity kind come in pairs: <code>kind-&lt;kind&gt;</code> is the background,
        <code>kind-&lt;kind&gt;-text</code> the text, border and icon colour (see
        <em>Components › Schedule board › All kinds</em> for every kind with its icon).
      </p>
      <table class="token-table">
        <caption>
          ${names.length} tokens in ${themes.length} themes
        </caption>
        ${head('Token')} ${group('Surfaces, text, focus and status', colourNames)}
        ${group('Activity kinds', kindNames)} ${group('Typography, spacing and shape', otherNames)}
      </table>
    </div>`,
};

function ratioCell(theme: ThemeName, fg: TokenName, bg: TokenName, min: number): TemplateResult {
  const f = valueOf(theme, fg);
  const b = valueOf(theme, bg);
  const ratio = contrastRatio(f, b);
  const ok = ratio >= min;
  // Non-text pairs (3:1: focus rings, borders) are shown as a ring, not as text.
  const sample =
    min >= 4.5
      ? html`<span class="pair" ${ref(paint({ '--fg': f, '--bg': b }))}>Aa</span>`
      : html`<span
          class="pair ring"
          aria-hidden="true"
          ${ref(paint({ '--fg': f, '--bg': b }))}
        ></span>`;
  return html`<td>
    ${sample}
    <span class="ratio">${ratio.toFixed(2)}:1</span>
    <span class=${ok ? 'pass' : 'fail'}>${ok ? `passes ${min}:1` : `FAILS ${min}:1`}</span>
  </td>`;
}

/** Every pair that must meet WCAG 2.2 AA, with the computed ratio in every theme. */
export const ContrastPairs: Story = {
  name: 'Contrast pairs',
  render: () =>
    html`<div class="tokens">
      <h1>Contrast, computed</h1>
      <p>
        Text pairs need 4.5:1 (WCAG 1.4.3); focus rings and borders 3:1 (WCAG 1.4.11, 2.4.13). The
        unit test <code>tokens.test.ts</code> fails the build when a pair drops below its minimum in
        any theme.
      </p>
      <table class="token-table">
        <caption>
          ${CONTRAST_PAIRS.length} pairs × ${themes.length} themes
        </caption>
        ${head('Foreground on background')}
        <tbody>
          ${CONTRAST_PAIRS.map(
            ([fg, bg, min]) =>
              html`<tr>
                <th scope="row"><code>${fg}</code> on <code>${bg}</code></th>
                ${themes.map((t) => ratioCell(t, fg, bg, min))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
};

/** The activity-kind palette of the current theme (toolbar), as chips. */
export const KindPalette: Story = {
  name: 'Activity kind palette',
  render: (_args, { globals }) => {
    const theme = (globals['theme'] ?? 'default') as ThemeName;
    return html`<div class="tokens">
      <h1>Activity kinds in the ${theme} theme</h1>
      <ul class="kinds">
        ${KIND_TOKENS.map((kind) => {
          const bg = valueOf(theme, `color-kind-${kind}`);
          const fg = valueOf(theme, `color-kind-${kind}-text`);
          return html`<li class="pair chip" ${ref(paint({ '--fg': fg, '--bg': bg }))}>
            ${kind} <span>${contrastRatio(fg, bg).toFixed(1)}:1</span>
          </li>`;
        })}
      </ul>
    </div>`;
  },
};
