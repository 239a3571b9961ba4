import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens of Milieu Kit, as data. Every component reads a token as
 * `var(--milieu-<name>, <default>)`, so widgets look right with no theme loaded,
 * and a host re-brands them by setting `--milieu-*` custom properties on any ancestor
 * (or by loading one of the shipped theme files, `@milieu/elements/themes/<theme>.css`).
 *
 * Colours per activity kind come as a pair (`kind-<kind>` background, `kind-<kind>-text`),
 * and every text/background pair in every theme meets WCAG 2.2 AA (tested).
 */

/**
 * Activity kinds with their own colour pair. A copy of `ACTIVITY_KINDS` from `@milieu/core`,
 * kept here so that components which need only tokens (the expectation card) do not pull core's
 * schemas into their bundle; `tokens.test.ts` fails when the two lists differ.
 */
export const KIND_TOKENS = [
  'wake-up',
  'medication',
  'breakfast',
  'lunch',
  'dinner',
  'snack',
  'community-meeting',
  'group-therapy',
  'individual-therapy',
  'social-skills',
  'psychoeducation',
  'occupational-therapy',
  'recreation-therapy',
  'supervised-recreation',
  'art-therapy',
  'exercise',
  'education',
  'free-time',
  'visiting-hours',
  'outing',
  'quiet-time',
  'lights-out',
  'other',
] as const;

/** Hue family per kind; meals share amber, therapy blues, activity greens, rest violets. */
const KIND_HUE: Record<(typeof KIND_TOKENS)[number], readonly [light: string, dark: string]> = {
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
  'supervised-recreation': ['#e6f3d3', '#2f4a0f'],
  'art-therapy': ['#f9e0ef', '#651847'],
  exercise: ['#d8f0e0', '#114a26'],
  education: ['#e4e8f7', '#2a3466'],
  'free-time': ['#eef5d6', '#3b4708'],
  'visiting-hours': ['#fbe2dc', '#66200f'],
  outing: ['#d8f1f5', '#0b4550'],
  'quiet-time': ['#ebe6f3', '#3b2d59'],
  'lights-out': ['#e3e5ea', '#262b36'],
  other: ['#eceff2', '#2b3138'],
};

type Theme = Readonly<Record<string, string>>;

const kindTokens = (dark: boolean): Record<string, string> =>
  Object.fromEntries(
    KIND_TOKENS.flatMap((kind) => {
      const [light, deep] = KIND_HUE[kind];
      return dark
        ? [
            [`color-kind-${kind}`, deep],
            [`color-kind-${kind}-text`, '#f4f6f8'],
          ]
        : [
            [`color-kind-${kind}`, light],
            [`color-kind-${kind}-text`, deep],
          ];
    }),
  );

const base = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'font-size': '1rem',
  radius: '0.5rem',
  space: '0.75rem',
};

/** The shipped themes: token name (without `--milieu-`) → value. */
export const THEMES = {
  default: {
    ...base,
    'color-surface': '#ffffff',
    'color-surface-alt': '#f3f5f8',
    'color-text': '#1b1f24',
    'color-text-muted': '#4d5866',
    'color-border': '#8a94a3',
    'color-accent': '#1d5fa8',
    'color-accent-text': '#ffffff',
    'color-focus': '#b35c00',
    'color-now': '#b3261e',
    'color-changed': '#7a4b00',
    'color-changed-surface': '#fff4d6',
    'color-cancelled': '#6b3a3a',
    'color-cancelled-surface': '#f7e8e8',
    'color-error': '#a4161a',
    'color-error-surface': '#fdecec',
    'color-success': '#1e6b33',
    'color-success-surface': '#e6f4ea',
    'color-scheme': 'light',
    ...kindTokens(false),
  },
  'high-contrast': {
    ...base,
    'color-surface': '#ffffff',
    'color-surface-alt': '#ffffff',
    'color-text': '#000000',
    'color-text-muted': '#1a1a1a',
    'color-border': '#000000',
    'color-accent': '#00376b',
    'color-accent-text': '#ffffff',
    'color-focus': '#000000',
    'color-now': '#8b0000',
    'color-changed': '#000000',
    'color-changed-surface': '#ffffff',
    'color-cancelled': '#000000',
    'color-cancelled-surface': '#ffffff',
    'color-error': '#8b0000',
    'color-error-surface': '#ffffff',
    'color-success': '#004d1a',
    'color-success-surface': '#ffffff',
    'color-scheme': 'light',
    ...Object.fromEntries(
      KIND_TOKENS.flatMap((k) => [
        [`color-kind-${k}`, '#ffffff'],
        [`color-kind-${k}-text`, '#000000'],
      ]),
    ),
  },
  dark: {
    ...base,
    'color-surface': '#15181d',
    'color-surface-alt': '#1f242b',
    'color-text': '#eef1f4',
    'color-text-muted': '#b7c0cb',
    'color-border': '#7d8794',
    'color-accent': '#8cc0ff',
    'color-accent-text': '#0b1a2b',
    'color-focus': '#ffb866',
    'color-now': '#ff8a80',
    'color-changed': '#ffd27a',
    'color-changed-surface': '#3a2d0c',
    'color-cancelled': '#f2b8b5',
    'color-cancelled-surface': '#3b1c1c',
    'color-error': '#ffb4ab',
    'color-error-surface': '#410e0b',
    'color-success': '#8fdca4',
    'color-success-surface': '#0f2e18',
    'color-scheme': 'dark',
    ...kindTokens(true),
  },
  /** How a hospital re-brands with tokens only: its teal, its serif, square corners. */
  portal: {
    ...base,
    'font-family': 'Georgia, "Times New Roman", serif',
    radius: '0.125rem',
    'color-surface': '#fbfcfb',
    'color-surface-alt': '#eef4f2',
    'color-text': '#1d2327',
    'color-text-muted': '#4a5559',
    'color-border': '#6f8a85',
    'color-accent': '#0b5c55',
    'color-accent-text': '#ffffff',
    'color-focus': '#9a4d00',
    'color-now': '#a3201b',
    'color-changed': '#6e4400',
    'color-changed-surface': '#fff4d6',
    'color-cancelled': '#6b3a3a',
    'color-cancelled-surface': '#f7e8e8',
    'color-error': '#a4161a',
    'color-error-surface': '#fdecec',
    'color-success': '#1e6b33',
    'color-success-surface': '#e6f4ea',
    'color-scheme': 'light',
    ...kindTokens(false),
  },
} as const satisfies Record<string, Theme>;

/** Name of a shipped theme. */
export type ThemeName = keyof typeof THEMES;
/** An activity kind with a colour pair. */
export type KindToken = (typeof KIND_TOKENS)[number];
/** Name of a token (without the `--milieu-` prefix). */
export type TokenName =
  | Exclude<keyof (typeof THEMES)['default'], `color-kind-${string}`>
  | `color-kind-${KindToken}`
  | `color-kind-${KindToken}-text`;

/**
 * The text/background pairs that must meet WCAG AA in every theme:
 * `[foreground, background, minimum ratio]`.
 */
export const CONTRAST_PAIRS: ReadonlyArray<readonly [TokenName, TokenName, number]> = [
  ['color-text', 'color-surface', 4.5],
  ['color-text', 'color-surface-alt', 4.5],
  ['color-text-muted', 'color-surface', 4.5],
  ['color-text-muted', 'color-surface-alt', 4.5],
  ['color-accent', 'color-surface', 4.5],
  ['color-accent-text', 'color-accent', 4.5],
  ['color-now', 'color-surface', 4.5],
  ['color-changed', 'color-changed-surface', 4.5],
  ['color-cancelled', 'color-cancelled-surface', 4.5],
  ['color-error', 'color-error-surface', 4.5],
  ['color-error', 'color-surface', 4.5],
  ['color-success', 'color-success-surface', 4.5],
  ['color-focus', 'color-surface', 3],
  ['color-border', 'color-surface', 3],
  ...KIND_TOKENS.map(
    (k) =>
      [`color-kind-${k}-text`, `color-kind-${k}`, 4.5] as unknown as readonly [
        TokenName,
        TokenName,
        number,
      ],
  ),
];

/**
 * `var(--milieu-<name>, <default value>)` as a Lit `CSSResult`, for component styles.
 * The values are our own constants, never user data.
 */
export function token(name: TokenName): CSSResult {
  const value = (THEMES.default as Readonly<Record<string, string>>)[name];
  return unsafeCSS(`var(--milieu-${name}, ${value})`);
}

/** A theme as CSS declarations for `selector` (used to generate the theme files). */
export function themeCss(theme: ThemeName, selector = ':root'): string {
  const lines = Object.entries(THEMES[theme]).map(([k, v]) => `  --milieu-${k}: ${v};`);
  return `${selector} {\n${lines.join('\n')}\n}\n`;
}
