/**
 * Helpers of the Storybook play functions (not shipped): real key presses and media checks
 * under the test runner, waiting for transitions, and faking connectivity.
 */

interface Cdp {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

const KEY_CODES: Record<string, number> = {
  Tab: 9,
  Enter: 13,
  ' ': 32,
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
};

/**
 * Real key presses under the test runner (`Input.dispatchKeyEvent` of the Chrome DevTools
 * Protocol, through Vitest's browser-mode CDP session): Tab crosses shadow roots and the arrow
 * keys walk a radio group natively, which `user-event` cannot do inside a shadow root.
 * `null` in the Storybook UI.
 */
export function realKeys(): ((key: string, shift?: boolean) => Promise<void>) | null {
  const cdp = (globalThis as { __vitest_browser_runner__?: { cdp?: Cdp } })
    .__vitest_browser_runner__?.cdp;
  if (!cdp) return null;
  return async (key, shift = false) => {
    const base = {
      key,
      code: key === ' ' ? 'Space' : key,
      windowsVirtualKeyCode: KEY_CODES[key] ?? 0,
      modifiers: shift ? 8 : 0,
    };
    const text = key === ' ' ? ' ' : key === 'Enter' ? '\r' : undefined;
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      ...base,
      ...(text ? { text } : {}),
    });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  };
}

/**
 * Whether the story's media preview (toolbar global `media`) is emulated for real, which the
 * Storybook decorator marks on its wrapper (see apps/storybook/.storybook/media.ts).
 */
export const mediaEmulated = (canvas: HTMLElement): boolean =>
  canvas.querySelector('[data-media-emulated="true"]') !== null;

/** The computed value of a CSS system colour (`CanvasText`, `Highlight`…) in this browser. */
export function systemColour(name: string): string {
  const probe = document.createElement('span');
  probe.style.setProperty('color', name);
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/**
 * Waits for the element's update and for its shadow root's transitions to finish. The test runner
 * pauses CSS transitions after play, so axe would otherwise check a frame of a fade.
 */
export async function settle(
  el: HTMLElement & { updateComplete: Promise<unknown> },
): Promise<void> {
  await el.updateComplete;
  await Promise.all((el.shadowRoot?.getAnimations() ?? []).map((a) => a.finished.catch(() => a)));
}

/** Fakes `navigator.onLine = false` and fires `offline`; the returned cleanup restores both. */
export function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as unknown as Record<string, unknown>)['onLine'];
    window.dispatchEvent(new Event('online'));
  };
}
