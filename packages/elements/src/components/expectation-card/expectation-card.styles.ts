import { css } from 'lit';
import { token } from '../../styles/tokens.js';

export const styles = css`
  @layer milieu {
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .base {
      --_bg: var(--milieu-expectation-card-background, ${token('color-surface')});
      --_fg: var(--milieu-expectation-card-color, ${token('color-text')});
      --_accent: var(--milieu-expectation-card-accent, ${token('color-accent')});
      --_radius: ${token('radius')};
      --_space: ${token('space')};
      background: var(--_bg);
      color: var(--_fg);
      border: 1px solid ${token('color-border')};
      border-inline-start: 0.375rem solid var(--_accent);
      border-radius: var(--_radius);
      padding: var(--_space);
      font-family: ${token('font-family')};
      font-size: ${token('font-size')};
      line-height: 1.45;
    }
    .statement {
      margin: 0;
      font-weight: 600;
      font-size: 1.05em;
    }
    .mutual {
      display: inline-block;
      margin-block-start: 0.25rem;
      font-size: 0.85em;
    }
    .toggle {
      margin-block-start: 0.5rem;
      font: inherit;
      color: var(--_accent);
      background: transparent;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      padding: 0.25rem 0.75rem;
      cursor: pointer;
      min-block-size: 2.75rem;
    }
    .toggle:focus-visible {
      outline: 3px solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .rationale {
      margin: 0.5rem 0 0;
    }
    .rationale[hidden] {
      display: none;
    }
    @media (forced-colors: active) {
      .base {
        border-inline-start-color: CanvasText;
      }
    }
  }
`;
