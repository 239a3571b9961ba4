import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './attendance-sheet.js';
import type { MilieuAttendanceSheet } from './attendance-sheet.component.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { MEMBERS, SHEET_NOW, sheetSchedule } from './attendance-sheet.fixtures.js';
import { clearMemoryQueues } from '../../internal/lossless-save.js';

interface Stored {
  occurrenceId: string;
  participantId: string;
  status: string;
  note?: string;
}

/** A fake server: an upsert per (occurrence, participant), like the reference server. */
function fakeServer(answer: (n: number) => number = () => 200) {
  const db = new Map<string, Stored>();
  let n = 0;
  const fetcher = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Stored;
    const status = answer(++n);
    if (status < 300) db.set(`${body.occurrenceId} ${body.participantId}`, body);
    return new Response(
      JSON.stringify(
        status < 300 ? { record: body } : { error: { code: 'forbidden', message: 'Not allowed' } },
      ),
      { status, headers: { 'content-type': 'application/json' } },
    );
  }) as typeof fetch;
  return { db, fetcher, calls: () => n };
}

async function mount(
  attrs: Record<string, string>,
  fetcher?: typeof fetch,
  schedule = sheetSchedule(),
): Promise<MilieuAttendanceSheet> {
  const el = document.createElement('milieu-attendance-sheet');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.now = SHEET_NOW;
  el.loader = () => Promise.resolve(structuredClone(schedule));
  if (fetcher) el.fetcher = fetcher;
  document.body.append(el);
  await el.updateComplete;
  await vi.waitFor(() => {
    expect(el.shadowRoot!.querySelector('.base')).not.toBeNull();
    expect(el.shadowRoot!.querySelector('[aria-busy]')).toBeNull();
  });
  await el.updateComplete;
  if (!el.shadowRoot!.querySelector('.header, .session, .message'))
    throw new Error(text(el.shadowRoot!));
  return el;
}

const root = (el: MilieuAttendanceSheet): ShadowRoot => el.shadowRoot!;
const rows = (el: MilieuAttendanceSheet) => [...root(el).querySelectorAll<HTMLElement>('.row')];
const text = (el: Element | ShadowRoot): string =>
  (el.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  await page.viewport(1280, 900);
});
afterEach(() => {
  document.body.replaceChildren();
  clearMemoryQueues();
  sessionStorage.clear();
});

describe('<milieu-attendance-sheet>', () => {
  it('has no axe violations, lists the 12 members and has targets of at least 24 px', async () => {
    const el = await mount({ 'occurrence-id': 'skills@2026-03-10' });
    await expectNoAxeViolations(el);
    expect(rows(el).map((r) => r.querySelector('.name')!.textContent)).toEqual(
      MEMBERS.map((m) => m.name),
    );
    for (const b of root(el).querySelectorAll<HTMLElement>('button, input')) {
      const r = b.getBoundingClientRect();
      expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(24);
    }
    expect(text(root(el))).toContain('0 of 12 recorded');
  });

  it('takes attendance for a whole group with the keyboard only, each change saved once', async () => {
    const server = fakeServer();
    const el = await mount(
      { 'occurrence-id': 'skills@2026-03-10', action: '/api/v1/attendance' },
      server.fetcher,
    );
    const first = root(el).querySelector<HTMLElement>(
      '[data-row="0"] [part~="status"][tabindex="0"]',
    )!;
    first.focus();
    for (let i = 0; i < MEMBERS.length; i++) {
      await userEvent.keyboard(i === 3 ? '5' : '1'); // Dana absent, everyone else present
      if (i < MEMBERS.length - 1) await userEvent.keyboard('{ArrowDown}');
    }
    await el.whenSaved();
    await el.updateComplete;
    expect(server.db.size).toBe(12);
    expect(server.calls()).toBe(12);
    expect(server.db.get('skills@2026-03-10 p-04')?.status).toBe('absent');
    expect(rows(el).every((r) => r.classList.contains('saved'))).toBe(true);
    expect(text(root(el))).toContain('12 of 12 recorded');
  });

  it('marks all present in one tap, and lets the host veto a change', async () => {
    const server = fakeServer();
    const el = await mount(
      { 'occurrence-id': 'skills@2026-03-10', action: '/save' },
      server.fetcher,
    );
    el.addEventListener('milieu-attendance-change', (e) => {
      if (e.detail.participantId === 'p-02') e.preventDefault();
    });
    const saved: string[] = [];
    el.addEventListener('milieu-attendance-saved', (e) =>
      saved.push(e.detail.record.participantId),
    );
    root(el).querySelector<HTMLButtonElement>('.mark-all')!.click();
    await el.whenSaved();
    await el.updateComplete;
    expect(server.db.size).toBe(11);
    expect(saved).toHaveLength(11);
    expect(text(root(el))).toContain('Missing: Ben Okafor');
  });

  it('shows an overdue session, a refused save as not saved, and Spanish', async () => {
    const server = fakeServer(() => 403);
    const el = await mount(
      { 'occurrence-id': 'community@2026-03-10', action: '/save', lang: 'es' },
      server.fetcher,
    );
    expect(el.matches(':state(overdue)')).toBe(true);
    expect(text(root(el))).toContain('Atrasada');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="status"]')!.click();
    await el.whenSaved();
    await el.updateComplete;
    expect(server.db.size).toBe(0);
    expect(text(rows(el)[0]!)).toContain('No guardado');
    expect(rows(el)[0]!.querySelector('[aria-pressed="true"]')).toBeNull();
  });

  it('lists today’s sessions that take attendance when no occurrence is given', async () => {
    const el = await mount({});
    const sessions = [...root(el).querySelectorAll<HTMLButtonElement>('.session')];
    expect(sessions.map((s) => text(s))).toEqual([
      expect.stringContaining('Community meeting'),
      expect.stringContaining('Skills group'),
      expect.stringContaining('Yoga'),
    ]);
    expect(text(sessions[0]!)).toContain('Overdue');
    sessions[1]!.click();
    await el.updateComplete;
    expect(rows(el)).toHaveLength(12);
    const empty = await mount({ 'occurrence-id': 'yoga@2026-03-10' });
    expect(text(root(empty))).toContain('No one is expected');
    const cancelled = await mount({ 'occurrence-id': 'art@2026-03-10' });
    expect(text(root(cancelled))).toContain('cancelled');
  });
});

describe('offline', () => {
  it('keeps changes queued while offline and saves them once the network is back', async () => {
    const server = fakeServer();
    const el = await mount(
      { 'occurrence-id': 'skills@2026-03-10', action: '/save' },
      server.fetcher,
    );
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    window.dispatchEvent(new Event('offline'));
    try {
      root(el).querySelector<HTMLButtonElement>('.mark-all')!.click();
      await el.updateComplete;
      expect(el.matches(':state(offline)')).toBe(true);
      await vi.waitFor(() =>
        expect(rows(el).every((r) => r.classList.contains('offline'))).toBe(true),
      );
      expect(server.calls()).toBe(0);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['onLine'];
      window.dispatchEvent(new Event('online'));
    }
    await el.whenSaved();
    expect(server.db.size).toBe(12);
  });
});
