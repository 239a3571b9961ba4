import { KIND_TOKENS, token } from '../../styles/tokens.js';
import { css, unsafeCSS, type CSSResultGroup } from 'lit';
import { viewStyles } from './schedule-board.view-styles.js';

// Generated from our own constants, never from user data: one rule per kind colour pair, with
// the colours set directly (no custom property per occurrence; see schedule-board.position.ts).
const generated: string[] = KIND_TOKENS.map((k) => {
  const bg = token(`color-kind-${k}`);
  const fg = token(`color-kind-${k}-text`);
  return (
    `.k-${k}{background-color:${bg};color:${fg};accent-color:${fg}}` +
    `.k-${k}.cancelled{background-image:repeating-linear-gradient(135deg,${bg} 0 0.5em,var(--_bg) 0.5em 0.75em)}`
  );
});

const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    --_bg: var(--milieu-schedule-board-background, ${token('color-surface')});
    --_alt: ${token('color-surface-alt')};
    --_fg: var(--milieu-schedule-board-color, ${token('color-text')});
    --_muted: ${token('color-text-muted')};
    --_line: ${token('color-border')};
    --_accent: ${token('color-accent')};
    --_accent-fg: ${token('color-accent-text')};
    --_focus: ${token('color-focus')};
    --_now: ${token('color-now')};
    --_chg: ${token('color-changed')};
    --_chg-bg: ${token('color-changed-surface')};
    --_cxl: ${token('color-cancelled')};
    --_cxl-bg: ${token('color-cancelled-surface')};
    --_err: ${token('color-error')};
    --_err-bg: ${token('color-error-surface')};
    --_radius: ${token('radius')};
    --_space: ${token('space')};
    --_hour: var(--milieu-schedule-board-hour-height, 4em);
    --_min-col: var(--milieu-schedule-board-min-column-width, 7.5em);
    --_ppm: calc(var(--_hour) / 60);
    container-type: inline-size;
    background: var(--_bg);
    color: var(--_fg);
    font-family: ${token('font-family')};
    color-scheme: ${token('color-scheme')};
    line-height: 1.35;
    overflow-wrap: break-word;
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
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_space);
  }
  .heading {
    min-inline-size: 0;
    flex: 1 1 16em;
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
    gap: 0.5em;
    max-inline-size: 100%;
  }
  .group {
    display: inline-flex;
    flex-wrap: wrap;
    max-inline-size: 100%;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .group button {
    flex: 1 0 auto;
    background: var(--_bg);
    border: 0;
    border-inline-end: 1px solid var(--_line);
    padding: 0.4em 0.75em;
    min-block-size: max(44px, 2.75em);
    min-inline-size: max(44px, 2.75em);
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
  .alert-title {
    font-weight: 650;
    margin-block-end: 0.25em;
  }
  .panel button {
    margin-block-start: 0.5em;
    min-block-size: 2.75em;
    padding: 0.4em 1em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .skeleton {
    display: grid;
    gap: 0.5em;
  }
  .skeleton span {
    block-size: 2.5em;
    border-radius: var(--_radius);
    background: var(--_alt);
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  .occ {
    box-sizing: border-box;
    overflow: hidden;
    min-inline-size: 0;
    text-align: start;
    border: 1px solid currentColor;
    border-inline-start-width: 0.3em;
    border-radius: calc(var(--_radius) / 2);
    padding: 0.15em 0.3em;
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
  [part='occurrence-time'],
  .axis-body span,
  .clock-time {
    unicode-bidi: plaintext;
  }
  .occ .title,
  .occ .time,
  .occ .meta,
  .badge,
  .tag {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge,
  .tag {
    display: inline-block;
    max-inline-size: 100%;
    box-sizing: border-box;
    vertical-align: bottom;
    font-size: 0.85em;
    font-weight: 650;
    line-height: 1.4;
    padding: 0 0.3em;
    margin-inline-end: 0.25em;
    border-radius: 0.25em;
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
    .now-mark,
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
    .occ.cancelled.cancelled {
      background: Canvas;
    }
    .now-line,
    .now-line::before,
    .now-mark,
    .now-mark::before {
      border-color: Highlight;
      background: Highlight;
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
