import { html, type TemplateResult } from 'lit';
import type { ActivityKind } from '@milieu/core';

/** A circle as path data, so every icon is one `<path>`. */
const o = (cx: number, cy: number, r: number): string =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/**
 * One small line icon per activity kind: path data on a 24×24 grid, drawn with `currentColor`
 * strokes so they follow the kind colour and forced-colors mode. Our own constants, bound as
 * the `d` attribute of an inline `<svg>` in the component's templates (no external assets, no
 * `unsafeSVG`). Always shown beside a text label, never alone.
 */
export const ICONS: Record<ActivityKind, string> = {
  'wake-up': 'M3 18h18M7 18a5 5 0 0 1 10 0M12 5v3M5 10l2 1.5M19 10l-2 1.5',
  medication: 'M10 4.5a5 5 0 0 1 7 7l-6 6a5 5 0 0 1-7-7zM7.5 9.5l7 7',
  breakfast:
    'M5 9h11v4a5 5 0 0 1-5 5h-1a5 5 0 0 1-5-5zM16 10h1.5a2.5 2.5 0 0 1 0 5H16M9 3v3M12 3v3',
  lunch: 'M7 3v18M4 3v5a3 3 0 0 0 6 0V3M17 21V3c-2 2-3 5-3 8h3',
  dinner: o(12, 12, 8) + o(12, 12, 3.5),
  snack:
    'M12 8c-3-2-7 0-7 5s3 8 5 8c1 0 1.5-.5 2-.5s1 .5 2 .5c2 0 5-3 5-8s-4-7-7-5zM12 8c0-2 1-3.5 3-4.5',
  'community-meeting': o(12, 5.5, 2) + o(5, 12, 2) + o(19, 12, 2) + o(12, 18.5, 2) + o(12, 12, 2.5),
  'group-therapy': o(9, 8, 3) + 'M3 20a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6M18 14a6 6 0 0 1 3 6',
  'individual-therapy': 'M4 5h16v10H10l-6 4z',
  'social-skills': 'M3 4h11v7H8l-5 3zM10 14v2h6l5 3V10h-4',
  psychoeducation: 'M3 5c3-1 6-1 9 1 3-2 6-2 9-1v14c-3-1-6-1-9 1-3-2-6-2-9-1zM12 6v14',
  'occupational-therapy': 'M14 4a4 4 0 0 0 5 5l-9 9a2.1 2.1 0 0 1-3-3zM5 19l2-2',
  'recreation-therapy': o(12, 12, 8) + 'M4 12h16M12 4c3 3 3 13 0 16M12 4c-3 3-3 13 0 16',
  'supervised-recreation': o(12, 12, 8) + 'M12 4v16M4.5 9h15M4.5 15h15',
  'art-therapy':
    'M12 3a9 9 0 0 0 0 18c1.5 0 2-1 1.5-2s0-2 1.5-2h2a4 4 0 0 0 4-4c0-5.5-4-10-9-10z' +
    o(8, 11, 1) +
    o(11, 7, 1) +
    o(15.5, 8, 1),
  exercise: 'M6 7v10M18 7v10M3 10v4M21 10v4M6 12h12',
  education: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6',
  'free-time': 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6-5.3-3-5.3 3 1.2-6-4.5-4.1 6-.7z',
  'visiting-hours': 'M3 11l9-7 9 7M5 10v10h14V10M10 20v-6h4v6',
  outing: 'M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11z' + o(12, 10, 2.5),
  'quiet-time': 'M5 19c0-9 6-14 15-14 0 9-5 15-14 15M5 19l8-8',
  'lights-out': 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
  other: o(6, 12, 1.5) + o(12, 12, 1.5) + o(18, 12, 1.5),
};

/** The decorative icon of an activity kind (hidden from assistive technology). */
export function kindIcon(kind: ActivityKind): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d=${ICONS[kind] ?? ICONS.other}></path>
  </svg>`;
}
