import { token } from '../../styles/tokens.js';
import { css } from 'lit';

/**
 * Styles of `<milieu-attendance-sheet>`: rows that wrap on a phone, status buttons at least
 * 24 px (2.75em here) tall, sizes in `em` so a page's text size scales the sheet.
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
      --_bg: var(--milieu-attendance-sheet-background, ${token('color-surface')});
      --_fg: var(--milieu-attendance-sheet-color, ${token('color-text')});
      --_accent: var(--milieu-attendance-sheet-accent, ${token('color-accent')});
      --_accent-fg: ${token('color-accent-text')};
      --_muted: ${token('color-text-muted')};
      --_line: ${token('color-border')};
      --_alt: ${token('color-surface-alt')};
      --_focus: ${token('color-focus')};
      --_err: ${token('color-error')};
      --_err-bg: ${token('color-error-surface')};
      --_ok: ${token('color-success')};
      --_radius: ${token('radius')};
      --_gap: ${token('space')};
      container-type: inline-size;
      color-scheme: ${token('color-scheme')};
      background: var(--_bg);
      color: var(--_fg);
      font-family: ${token('font-family')};
      line-height: 1.4;
      display: grid;
      gap: var(--_gap);
      padding: var(--_gap);
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
    }
    .title {
      margin: 0;
      font-size: 1.25em;
    }
    .header {
      display: grid;
      gap: 0.25em;
    }
    .when,
    .progress,
    .keys,
    .missing-list,
    .message {
      margin: 0;
      color: var(--_muted);
    }
    .overdue,
    .offline {
      margin: 0;
      padding: 0.5em 0.75em;
      border-radius: var(--_radius);
      background: var(--_err-bg);
      color: var(--_err);
      font-weight: 600;
    }
    .offline {
      background: var(--_alt);
      color: var(--_fg);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      align-items: center;
    }
    button {
      font: inherit;
      min-block-size: 2.75em;
      min-inline-size: 2.75em;
      padding: 0.25em 0.75em;
      border-radius: var(--_radius);
      border: 1px solid var(--_line);
      background: var(--_bg);
      color: var(--_fg);
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .mark-all,
    .status[aria-pressed='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-fg);
      font-weight: 600;
    }
    .mark-all:disabled {
      opacity: 0.6;
      cursor: default;
    }
    .rows,
    .sessions {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5em;
    }
    .row {
      display: grid;
      grid-template-columns: minmax(8em, 12em) auto minmax(8em, 1fr) minmax(7em, auto);
      gap: 0.5em var(--_gap);
      align-items: center;
      padding: 0.5em;
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
    }
    .row.missing {
      box-shadow: inset 0.35em 0 0 var(--_err);
      padding-inline-start: 0.85em;
    }
    .name {
      font-weight: 600;
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em;
    }
    .note {
      font: inherit;
      min-block-size: 2.75em;
      padding: 0 0.5em;
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_fg);
    }
    .save-state {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .row.saved .save-state {
      color: var(--_ok);
    }
    .row.failed .save-state {
      color: var(--_err);
      font-weight: 600;
    }
    .session {
      inline-size: 100%;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      justify-content: space-between;
      text-align: start;
    }
    .badge {
      background: var(--_err-bg);
      color: var(--_err);
      border-radius: var(--_radius);
      padding: 0 0.5em;
      font-weight: 600;
    }
    @container (max-width: 64em) {
      .row {
        grid-template-columns: minmax(8em, 12em) 1fr;
      }
      .note,
      .save-state {
        grid-column: 2;
      }
    }
    @container (max-width: 36em) {
      .row {
        grid-template-columns: 1fr;
      }
      .note,
      .save-state {
        grid-column: 1;
      }
    }
  }
`;
