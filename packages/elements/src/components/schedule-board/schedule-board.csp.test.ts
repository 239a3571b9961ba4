import { afterEach, expect, it, vi } from 'vitest';
import type { MilieuScheduleBoard } from './schedule-board.component.js';
import { parseDocument, scheduleResource, zonedToInstant } from '@milieu/core';
import { boardDoc } from './schedule-board.fixtures.js';

afterEach(() => document.body.replaceChildren());

it('renders every view under a strict CSP without a single violation', async () => {
  // A same-origin frame with `style-src 'self'` and no 'unsafe-inline' or 'unsafe-eval'.
  const frame = document.createElement('iframe');
  const entry = new URL('./schedule-board.ts', import.meta.url).pathname;
  frame.srcdoc = `<!doctype html><html lang="en"><head>
    <meta http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'">
    <script type="module" src="${entry}"></script></head>
    <body><milieu-schedule-board view="week" now="2026-03-10T10:30:00-04:00"></milieu-schedule-board></body></html>`;
  document.body.append(frame);
  await vi.waitFor(
    () => expect(frame.contentWindow?.customElements.get('milieu-schedule-board')).toBeTruthy(),
    { timeout: 10_000 },
  );
  const win = frame.contentWindow!;
  const violations: string[] = [];
  win.document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
  );
  const el = win.document.querySelector('milieu-schedule-board') as MilieuScheduleBoard;
  // The schedule resource through a loader (the src path; the document path's lazy import is
  // instrumented by the test runner in this realm only).
  const parsed = parseDocument(boardDoc());
  if (!parsed.ok) throw new Error('fixture must parse');
  const zone = parsed.value.program.timeZone;
  el.loader = async ({ from, to }) =>
    scheduleResource(
      parsed.value,
      { kind: 'kiosk' },
      {
        from: zonedToInstant(from, '00:00', zone).ms,
        to: zonedToInstant(to, '00:00', zone).ms,
      },
    );
  await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
  for (const view of ['day', 'week', 'agenda', 'now', 'print'] as const) {
    el.view = view;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 30));
  }
  expect(el.shadowRoot!.querySelectorAll('.occ').length).toBeGreaterThan(0);
  // Positions come from the CSSOM (`inset`, custom properties), and they do apply.
  el.view = 'week';
  await el.updateComplete;
  const line = el.shadowRoot!.querySelector<HTMLElement>('.now-line')!;
  expect(line.getBoundingClientRect().top).toBeGreaterThan(
    el.shadowRoot!.querySelector('.col-body')!.getBoundingClientRect().top,
  );
  expect(violations).toEqual([]);
  // Control: the harness does see a violation when there is one.
  win.document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>');
  await vi.waitFor(() => expect(violations.join()).toContain('style-src'));
});
