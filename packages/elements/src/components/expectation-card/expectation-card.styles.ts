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
      --_bg: var(--milieu-expectation-card-background, var(--milieu-color-surface, #ffffff));
      --_fg: var(--milieu-expectation-card-color, var(--milieu-color-text, #1b1f24));
      --_accent: var(--milieu-expectation-card-accent, var(--milieu-color-accent, #1d5fa8));
      --_radius: var(--milieu-radius, 0.5rem);
      --_space: var(--milieu-space, 0.75rem);
      background: var(--_bg);
      color: var(--_fg);
      border: 1px solid var(--milieu-color-border, #8a94a3);
      border-inline-start: 0.375rem solid var(--_accent);
      border-radius: var(--_radius);
      padding: var(--_space);
      font-family: var(--milieu-font-family, system-ui, sans-serif);
      font-size: var(--milieu-font-size, 1rem);
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
      outline: 3px solid var(--milieu-color-focus, #b35c00);
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
