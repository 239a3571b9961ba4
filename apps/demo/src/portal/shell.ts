// The portal's page chrome: status line, toasts and the error banner. Portal code, not widgets.

function byId(id: string): HTMLElement | null {
  return document.getElementById(id);
}

/** Says `text` in the page's polite status line (read by screen readers). */
export function announce(text: string): void {
  const status = byId('portal-status');
  if (status) status.textContent = text;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
/** Shows a short message in the corner (also polite for screen readers). */
export function toast(text: string): void {
  const box = byId('portal-toast');
  if (!box) return;
  box.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.textContent = ''), 6000);
}

/** Shows (or with `''` hides) the page's error banner. */
export function banner(text: string): void {
  const box = byId('portal-banner');
  if (!box) return;
  box.textContent = text;
  box.hidden = text === '';
}

/** Formats an ISO instant as the program's wall-clock time, e.g. "Mon, Mar 9, 9:45 AM". */
export function wallClock(iso: string, timeZone: string, withDate = true): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    ...(withDate ? { weekday: 'short', month: 'short', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}
