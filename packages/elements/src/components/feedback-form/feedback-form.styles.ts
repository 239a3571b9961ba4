import { token } from '../../styles/tokens.js';
import { css } from 'lit';

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
      background: var(--_bg);
      color: var(--_fg);
      font-family: ${token('font-family')};
      font-size: ${token('font-size')};
      line-height: 1.45;
      display: grid;
      gap: var(--_gap);
    }
    .title,
    .section-title {
      margin: 0;
      line-height: 1.25;
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
      gap: 0.35rem;
    }
    .summary {
      border-color: var(--_error);
      border-inline-start-width: 0.375rem;
    }
    .summary ul {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.25rem;
    }
    .field {
      display: grid;
      gap: 0.3rem;
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      padding: 0;
      margin-block-end: 0.3rem;
    }
    label,
    legend,
    .legend {
      font-weight: 600;
    }
    .option {
      font-weight: 400;
    }
    .required {
      font-weight: 400;
      font-size: 0.9em;
    }
    textarea,
    input[type='text'] {
      font: inherit;
      color: inherit;
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.5rem;
      inline-size: 100%;
      box-sizing: border-box;
    }
    textarea {
      resize: vertical;
      min-block-size: 5rem;
    }
    [aria-invalid='true']:is(textarea, input[type='text']) {
      border-color: var(--_error);
      border-width: 2px;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1rem;
    }
    .scale .options {
      gap: 0.4rem;
    }
    .option {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-block-size: 2.75rem;
      cursor: pointer;
    }
    .scale .option {
      flex-direction: column;
      justify-content: center;
      min-inline-size: 4.5rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      text-align: center;
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
      accent-color: var(--_accent);
      inline-size: 1.15rem;
      block-size: 1.15rem;
      margin: 0;
    }
    .error {
      color: var(--_error);
      font-weight: 600;
    }
    .error[hidden] {
      display: none;
    }
    .note:empty,
    .alert:empty,
    .status:empty {
      padding: 0;
      border: 0;
    }
    .alert {
      color: var(--_error);
      font-weight: 600;
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
      color: var(--_bg);
      background: var(--_accent);
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      padding: 0.5rem 1.25rem;
      min-block-size: 2.75rem;
    }
    [part='submit'][aria-disabled='true'],
    [part='submit']:disabled {
      opacity: 0.65;
      cursor: progress;
    }
    .link {
      color: inherit;
      background: none;
      border: 0;
      padding: 0.15rem 0;
      text-align: start;
      text-decoration: underline;
    }
    :is(textarea, input, button):focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      .summary,
      .note:not(:empty),
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
      :is(textarea, input, button):focus-visible {
        outline-color: Highlight;
      }
    }
  }
`;
