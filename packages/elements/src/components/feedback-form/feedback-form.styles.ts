import { token } from '../../styles/tokens.js';
import { css } from 'lit';

/**
 * Styles of `<milieu-feedback-form>`. Sizes are `em`-relative and the text size is inherited
 * from the host (no `1rem` reset), so a page's 200 % text setting scales the form.
 */
export const styles = css`
  @layer milieu {
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .base {
      --_bg: var(--milieu-feedback-form-background, ${token('color-surface')});
      --_fg: var(--milieu-feedback-form-color, ${token('color-text')});
      --_accent: var(--milieu-feedback-form-accent, ${token('color-accent')});
      --_error: var(--milieu-feedback-form-error, ${token('color-error')});
      --_note: var(--milieu-feedback-form-note-background, ${token('color-surface-alt')});
      --_gap: var(--milieu-feedback-form-gap, ${token('space')});
      --_border: ${token('color-border')};
      --_radius: ${token('radius')};
      --_focus: ${token('color-focus')};
      container-type: inline-size;
      max-inline-size: var(--milieu-feedback-form-max-width, 50em);
      color-scheme: ${token('color-scheme')};
      background: var(--_bg);
      color: var(--_fg);
      font-family: ${token('font-family')};
      line-height: 1.45;
      display: grid;
      gap: var(--_gap);
      overflow-wrap: anywhere;
    }
    .title,
    .section-title {
      margin: 0;
      line-height: 1.35;
    }
    .title {
      font-size: 1.3em;
    }
    .section-title {
      font-size: 1.1em;
    }
    .intro {
      display: contents;
    }
    .section {
      display: grid;
      gap: var(--_gap);
    }
    .subject,
    .who,
    .help,
    .status,
    .note,
    .alert,
    .error,
    .safety,
    .loading,
    .summary-title {
      margin: 0;
    }
    .help {
      font-size: 0.92em;
    }
    .audience,
    .note:not(:empty),
    .summary {
      background: var(--_note);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_gap) * 0.75);
    }
    .audience {
      display: grid;
      gap: 0.35em;
    }
    .summary {
      border-color: var(--_error);
      border-inline-start-width: 0.375em;
    }
    .summary ul {
      margin: 0.25em 0 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.25em;
    }
    .field {
      display: grid;
      gap: 0.3em;
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      padding: 0;
      margin-block-end: 0.3em;
    }
    label,
    legend,
    .legend {
      font-weight: 600;
    }
    .option,
    .marker {
      font-weight: 400;
    }
    textarea,
    input[type='text'] {
      font: inherit;
      color: inherit;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em;
      inline-size: 100%;
      box-sizing: border-box;
    }
    textarea {
      resize: vertical;
      min-block-size: 5em;
    }
    [aria-invalid='true']:is(textarea, input[type='text']) {
      border-color: var(--_error);
      border-width: 2px;
    }
    /* Options in clean columns (as many as fit), never a ragged wrap. */
    .options {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
      gap: 0.25em 1em;
    }
    .option {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      min-block-size: 2.75em;
      padding-block: 0.2em;
      box-sizing: border-box;
      cursor: pointer;
    }
    /* A scale is one row of five equal options, or a clean column when they do not fit. */
    .scale .options {
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      gap: 0.4em;
    }
    .scale .option {
      flex-direction: column;
      justify-content: center;
      min-inline-size: 0;
      padding: 0.25em 0.4em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      text-align: center;
    }
    @container (max-width: 34em) {
      .scale .options {
        grid-template-columns: 1fr;
      }
      .scale .option {
        flex-direction: row;
        justify-content: flex-start;
        text-align: start;
        padding-inline: 0.75em;
      }
    }
    .scale .option:has(input:checked) {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .number {
      font-weight: 700;
    }
    .point {
      font-size: 0.85em;
    }
    input[type='radio'],
    input[type='checkbox'] {
      /* Controls do not inherit the text size: without this, 1.15em stays small at 200 %. */
      font-size: inherit;
      accent-color: var(--_accent);
      inline-size: 1.15em;
      block-size: 1.15em;
      margin: 0;
      flex: none;
    }
    .error {
      color: var(--_error);
      font-weight: 600;
    }
    .error[hidden] {
      display: none;
    }
    /* The safety note sits right under the answer that triggered it, and looks like no other. */
    .safety:not(:empty) {
      background: ${token('color-error-surface')};
      color: var(--_fg);
      border: 2px solid var(--_error);
      border-inline-start-width: 0.5em;
      border-radius: var(--_radius);
      padding: calc(var(--_gap) * 0.75);
    }
    .crisis {
      display: block;
      margin-block-start: 0.35em;
    }
    .safety a {
      color: inherit;
      font-weight: 700;
      display: inline-block;
      min-block-size: 1.5em;
    }
    /* Empty live regions stay in the accessibility tree (so they speak when filled), unboxed. */
    .note:empty,
    .alert:empty,
    .status:empty,
    .safety:empty {
      padding: 0;
      border: 0;
    }
    .alert {
      color: var(--_error);
      font-weight: 600;
    }
    .status.saved {
      background: ${token('color-success-surface')};
      border: 2px solid ${token('color-success')};
      border-radius: var(--_radius);
      padding: calc(var(--_gap) * 0.75);
      font-size: 1.1em;
      font-weight: 600;
    }
    .status:focus {
      outline: none;
    }
    .status:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_gap);
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    [part='submit'] {
      color: ${token('color-accent-text')};
      background: var(--_accent);
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 0.5em 1.25em;
      min-block-size: 2.75em;
      max-inline-size: 100%;
    }
    /* Disabled or sending: plain colours that keep AA contrast (no opacity). */
    [part='submit'][aria-disabled='true'],
    [part='submit']:disabled {
      color: ${token('color-text-muted')};
      background: var(--_note);
      border-color: var(--_border);
      cursor: progress;
    }
    [part='submit']:disabled {
      cursor: not-allowed;
    }
    .secondary {
      color: var(--_accent);
      background: var(--_bg);
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 0.5em 1.25em;
      min-block-size: 2.75em;
      justify-self: start;
    }
    .link {
      color: inherit;
      background: none;
      border: 0;
      padding: 0.15em 0;
      min-block-size: 1.6em;
      text-align: start;
      text-decoration: underline;
    }
    :is(textarea, input, button, a):focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      .summary,
      .note:not(:empty),
      .safety:not(:empty),
      .status.saved,
      .audience,
      .scale .option {
        border-color: CanvasText;
      }
      .scale .option:has(input:checked) {
        border-color: Highlight;
        box-shadow: inset 0 0 0 2px Highlight;
      }
      [part='submit'] {
        forced-color-adjust: none;
        color: ButtonText;
        background: ButtonFace;
        border-color: ButtonText;
      }
      [part='submit']:is(:disabled, [aria-disabled='true']) {
        color: GrayText;
        border-color: GrayText;
      }
      :is(textarea, input, button, a):focus-visible {
        outline-color: Highlight;
      }
    }
  }
`;
