import { css, unsafeCSS, type CSSResultGroup } from 'lit';
import type { ActivityKind } from '@milieu/core';
import { viewStyles } from './schedule-board.view-styles.js';

/**
 * Default colour pair per kind: background `--milieu-color-kind-<kind>` and text
 * `--milieu-color-kind-<kind>-text` (the default theme of `styles/tokens.ts`, AA-tested there;
 * a test checks these fallbacks stay equal to it).
 */
export const KIND_DEFAULTS: Record<ActivityKind, readonly [bg: string, text: string]> = {
  'wake-up': ['#fdf0c8', '#4a3b05'],
  medication: ['#e3ecf9', '#143a66'],
  breakfast: ['#fde3c8', '#5a2e05'],
  lunch: ['#fde3c8', '#5a2e05'],
  dinner: ['#fde3c8', '#5a2e05'],
  snack: ['#fbead9', '#5a2e05'],
  'community-meeting': ['#dcebfb', '#0b3763'],
  'group-therapy': ['#d9e9f7', '#0d3a5c'],
  'individual-therapy': ['#e2e4fa', '#26286b'],
  'social-skills': ['#dff3ef', '#0b4a3f'],
  psychoeducation: ['#e8e1f7', '#3a2268'],
  'occupational-therapy': ['#e0f1de', '#1f4a1a'],
  'recreation-therapy': ['#dcf2d6', '#1f4a1a'],
  'art-therapy': ['#f9e0ef', '#651847'],
  exercise: ['#d8f0e0', '#114a26'],
  'free-time': ['#eef5d6', '#3b4708'],
  'visiting-hours': ['#fbe2dc', '#66200f'],
  outing: ['#d8f1f5', '#0b4550'],
  'quiet-time': ['#ebe6f3', '#3b2d59'],
  'lights-out': ['#e3e5ea', '#262b36'],
  other: ['#eceff2', '#2b3138'],
};

/** Time-grid slots are 5 minutes; lane classes go up to this many lanes. */
export const SLOT_MINUTES = 5;
export const MAX_LANES = 64;

// Generated from our own constants, never from user data: one rule per kind colour pair, and
// the geometry classes of the timeline (`s<slot>`/`e<slot>` start and end, `l<i>`/`n<n>` lane
// and lane count), so no occurrence needs an inline style (strict CSP).
const generated: string[] = Object.entries(KIND_DEFAULTS).map(
  ([k, [bg, fg]]) =>
    `.k-${k}{--_kb:var(--milieu-color-kind-${k},${bg});--_kt:var(--milieu-color-kind-${k}-text,${fg})}`,
);
for (let i = 0; i <= 1440 / SLOT_MINUTES; i++) {
  generated.push(`.s${i}{--_s:${i * SLOT_MINUTES}}.e${i}{--_e:${i * SLOT_MINUTES}}`);
}
for (let i = 0; i < MAX_LANES; i++) generated.push(`.l${i}{--_l:${i}}.n${i + 1}{--_n:${i + 1}}`);

const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    --_bg: var(--milieu-schedule-board-background, var(--milieu-color-surface, #ffffff));
    --_alt: var(--milieu-color-surface-alt, #f3f5f8);
    --_fg: var(--milieu-schedule-board-color, var(--milieu-color-text, #1b1f24));
    --_muted: var(--milieu-color-text-muted, #4d5866);
    --_line: var(--milieu-color-border, #8a94a3);
    --_accent: var(--milieu-color-accent, #1d5fa8);
    --_accent-fg: var(--milieu-color-accent-text, #ffffff);
    --_focus: var(--milieu-color-focus, #b35c00);
    --_now: var(--milieu-color-now, #b3261e);
    --_chg: var(--milieu-color-changed, #7a4b00);
    --_chg-bg: var(--milieu-color-changed-surface, #fff4d6);
    --_cxl: var(--milieu-color-cancelled, #6b3a3a);
    --_cxl-bg: var(--milieu-color-cancelled-surface, #f7e8e8);
    --_err: var(--milieu-color-error, #a4161a);
    --_err-bg: var(--milieu-color-error-surface, #fdecec);
    --_radius: var(--milieu-radius, 0.5rem);
    --_space: var(--milieu-space, 0.75rem);
    --_hour: var(--milieu-schedule-board-hour-height, 4rem);
    --_min-col: var(--milieu-schedule-board-min-column-width, 7.5rem);
    --_ppm: calc(var(--_hour) / 60);
    container-type: inline-size;
    background: var(--_bg);
    color: var(--_fg);
    font-family: var(--milieu-font-family, system-ui, sans-serif);
    font-size: var(--milieu-font-size, 1rem);
    line-height: 1.35;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  h2,
  h3,
  p,
  ul {
    margin: 0;
    padding: 0;
  }
  ul {
    list-style: none;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    z-index: 5;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_space);
  }
  .title-text {
    font-size: 1.25em;
  }
  .range,
  .zone {
    color: var(--_muted);
  }
  .zone {
    flex-basis: 100%;
    font-size: 0.875em;
  }
  .actions {
    display: contents;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .group {
    display: inline-flex;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .group button {
    background: var(--_bg);
    border: 0;
    border-inline-end: 1px solid var(--_line);
    padding: 0.4rem 0.75rem;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
  }
  .group button:last-child {
    border-inline-end: 0;
  }
  .group button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .panel {
    padding: var(--_space);
    margin-block-end: var(--_space);
    border-radius: var(--_radius);
    background: var(--_alt);
  }
  .alert {
    background: var(--_err-bg);
    color: var(--_err);
    border: 1px solid currentColor;
  }
  .alert ul {
    list-style: disc;
    padding-inline-start: 1.25rem;
    margin-block: 0.5rem;
  }
  .panel button {
    margin-block-start: 0.5rem;
    min-block-size: 2.75rem;
    padding: 0.4rem 1rem;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .skeleton {
    display: grid;
    gap: 0.5rem;
  }
  .skeleton span {
    block-size: 2.5rem;
    border-radius: var(--_radius);
    background: var(--_alt);
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  /* Occurrences: kind colours, status marks. */
  .occ {
    box-sizing: border-box;
    overflow: hidden;
    text-align: start;
    background: var(--_kb);
    color: var(--_kt);
    border: 1px solid var(--_kt);
    border-inline-start-width: 0.3rem;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.15rem 0.3rem;
    font-size: 0.8125em;
  }
  .icon {
    inline-size: 1.15em;
    block-size: 1.15em;
    vertical-align: -0.2em;
    margin-inline-end: 0.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .title {
    font-weight: 650;
  }
  .badge,
  .tag {
    display: inline-block;
    font-size: 0.85em;
    font-weight: 650;
    line-height: 1.2;
    padding: 0 0.3em;
    margin-inline-end: 0.25em;
    border-radius: 0.25rem;
    border: 1px solid currentColor;
  }
  .elective {
    border-style: dashed;
  }
  .moved,
  .changed {
    box-shadow: inset 0 0 0 2px var(--_chg);
  }
  .moved .badge,
  .changed .badge {
    background: var(--_chg-bg);
    color: var(--_chg);
  }
  .cancelled {
    background: repeating-linear-gradient(135deg, var(--_kb) 0 0.5rem, var(--_bg) 0.5rem 0.75rem);
  }
  .cancelled .title {
    text-decoration: line-through;
  }
  .cancelled .badge {
    background: var(--_cxl-bg);
    color: var(--_cxl);
  }
  @media print {
    .base {
      border: 0;
      padding: 0;
      color: #000;
      background: #fff;
    }
    .toolbar,
    .now-line,
    .gap {
      display: none;
    }
    .occ {
      print-color-adjust: exact;
      break-inside: avoid;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .occ,
    .badge,
    .tag,
    .group {
      border-color: CanvasText;
    }
    .cancelled {
      background: Canvas;
    }
    .now-line {
      border-color: Highlight;
    }
    .group button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The board's styles, inside the `milieu` cascade layer. */
export const styles: CSSResultGroup = [
  css`
    @layer milieu {
      ${base}${viewStyles}${unsafeCSS(generated.join(''))}
    }
  `,
];
