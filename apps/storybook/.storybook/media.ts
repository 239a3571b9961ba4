/**
 * Media-feature previews: forced colours, reduced motion and print.
 *
 * Storybook cannot switch a media feature by itself, so there are two routes:
 *
 * 1. **Under the test runner** (`vitest --project storybook`, Chromium through playwright) the
 *    real feature is emulated through the Chrome DevTools Protocol (`Emulation.setEmulatedMedia`,
 *    the same call as playwright's `page.emulateMedia`), reached through Vitest's browser-mode CDP
 *    session. The component's own `@media (forced-colors: active)` rules apply and Chromium forces
 *    the system colours, so axe checks what a Windows High Contrast user would get.
 * 2. **In the Storybook UI** the `@media (forced-colors: active)` /
 *    `(prefers-reduced-motion: reduce)` / `print` blocks of each widget's shadow styles are made
 *    unconditional on a copy of its stylesheets (this element only), and for forced colours the
 *    `--milieu-*` colour tokens are mapped to CSS system colours (`Canvas`, `CanvasText`,
 *    `Highlight`…), which approximates what the browser would force. For the real thing, open
 *    DevTools › Rendering › "Emulate CSS media feature forced-colors: active".
 */

/** The media previews of the `media` toolbar global. */
export const MEDIA_PREVIEWS = ['none', 'forced-colors', 'reduced-motion', 'print'] as const;
/** One media preview (see {@link MEDIA_PREVIEWS}). */
export type MediaPreview = (typeof MEDIA_PREVIEWS)[number];

interface CdpSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

/** Vitest's browser-mode CDP session (playwright + Chromium only), when running as a test. */
function testCdp(): CdpSession | undefined {
  const state = (globalThis as { __vitest_browser_runner__?: { cdp?: CdpSession } })
    .__vitest_browser_runner__;
  return state?.cdp;
}

/**
 * Sets the emulated media for the page when running under the test runner. Called before every
 * story, so a preview never leaks into the next story or test file.
 *
 * @returns `true` when the real feature is emulated (no simulation needed)
 */
export async function emulateMedia(media: MediaPreview): Promise<boolean> {
  const cdp = testCdp();
  if (!cdp) return false;
  await cdp.send('Emulation.setEmulatedMedia', {
    media: media === 'print' ? 'print' : '',
    features: [
      { name: 'forced-colors', value: media === 'forced-colors' ? 'active' : 'none' },
      { name: 'prefers-reduced-motion', value: media === 'reduced-motion' ? 'reduce' : '' },
      { name: 'prefers-color-scheme', value: '' },
    ],
  });
  return true;
}

const CONDITIONS: Record<Exclude<MediaPreview, 'none'>, RegExp> = {
  'forced-colors': /@media\s*\(forced-colors:\s*active\)/g,
  'reduced-motion': /@media\s*\(prefers-reduced-motion:\s*reduce\)/g,
  print: /@media\s+print\b/g,
};

const copies = new WeakMap<CSSStyleSheet, Map<MediaPreview, CSSStyleSheet>>();

/** A copy of `sheet` whose `media` blocks apply unconditionally (cached per sheet and media). */
function unconditional(sheet: CSSStyleSheet, media: Exclude<MediaPreview, 'none'>): CSSStyleSheet {
  let byMedia = copies.get(sheet);
  if (!byMedia) copies.set(sheet, (byMedia = new Map()));
  const known = byMedia.get(media);
  if (known) return known;
  const text = Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
  const copy = new CSSStyleSheet();
  copy.replaceSync(text.replace(CONDITIONS[media], '@media all'));
  byMedia.set(media, copy);
  return copy;
}

/** Every open shadow root at or under `root`. */
function shadowRoots(root: Element): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (el: Element): void => {
    if (el.shadowRoot) {
      found.push(el.shadowRoot);
      for (const child of el.shadowRoot.querySelectorAll('*')) visit(child);
    }
  };
  visit(root);
  for (const el of root.querySelectorAll('*')) visit(el);
  return found;
}

const originals = new WeakMap<ShadowRoot, CSSStyleSheet[]>();

/**
 * The UI route: swaps each widget's adopted stylesheets under `root` for copies whose `media`
 * blocks apply (or restores the originals for `none`). Waits for custom elements to render first.
 */
export async function simulateMedia(root: Element, media: MediaPreview): Promise<void> {
  const pending = Array.from(root.querySelectorAll('*'))
    .map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
    .filter((p): p is Promise<unknown> => p instanceof Promise);
  await Promise.all(pending);
  for (const shadow of shadowRoots(root)) {
    const own = originals.get(shadow) ?? [...shadow.adoptedStyleSheets];
    originals.set(shadow, own);
    shadow.adoptedStyleSheets =
      media === 'none' ? own : own.map((sheet) => unconditional(sheet, media));
  }
}

/**
 * Colour tokens as CSS system colours: what a forced-colours palette does to the widgets'
 * surfaces, text, borders, accents and kind colours (the UI route's approximation).
 */
export function forcedColorTokens(names: readonly string[]): Record<string, string> {
  const pick = (name: string): string => {
    if (name === 'color-accent' || name === 'color-focus' || name === 'color-now')
      return 'Highlight';
    if (name === 'color-accent-text') return 'HighlightText';
    if (name.endsWith('-text') || name === 'color-text-muted') return 'CanvasText';
    if (name.endsWith('surface') || name.endsWith('surface-alt') || /^color-kind-/.test(name))
      return 'Canvas';
    return 'CanvasText';
  };
  return Object.fromEntries(names.filter((n) => n.startsWith('color-')).map((n) => [n, pick(n)]));
}
