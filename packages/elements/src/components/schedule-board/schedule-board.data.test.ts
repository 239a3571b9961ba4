import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import './schedule-board.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';
import type { MilieuLoadErrorEvent } from '../../events/load-error.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { boardDoc } from './schedule-board.fixtures.js';

const NOW = '2026-03-10T10:30:00-04:00';

/** A fetch stub whose responses the test resolves by hand. */
function stubFetch(): {
  calls: { url: string; signal: AbortSignal }[];
  respond: (i: number, body: unknown, status?: number) => void;
  fail: (i: number) => void;
} {
  const calls: {
    url: string;
    signal: AbortSignal;
    resolve: (r: Response) => void;
    reject: (e: unknown) => void;
  }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const signal = init!.signal!;
    return new Promise<Response>((resolve, reject) => {
      calls.push({ url: String(input), signal, resolve, reject });
      signal.addEventListener('abort', () => reject(signal.reason as Error));
    });
  });
  return {
    calls,
    respond: (i, body, status = 200) =>
      calls[i]!.resolve(
        new Response(typeof body === 'string' ? body : JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    fail: (i) => calls[i]!.reject(new TypeError('Failed to fetch')),
  };
}

function create(attrs: Record<string, string> = {}): MilieuScheduleBoard {
  const el = document.createElement('milieu-schedule-board');
  el.setAttribute('view', 'agenda');
  el.setAttribute('now', NOW);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

const shadow = (el: MilieuScheduleBoard): ShadowRoot => el.shadowRoot!;
const text = (n: Element | ShadowRoot | null): string =>
  (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const errors = (el: MilieuScheduleBoard): MilieuLoadErrorEvent[] => {
  const list: MilieuLoadErrorEvent[] = [];
  el.addEventListener('milieu-load-error', (e) => list.push(e));
  return list;
};

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('<milieu-schedule-board> data and states', () => {
  it('says there is nothing to show when no source is given', async () => {
    const el = create();
    document.body.append(el);
    await el.updateComplete;
    expect(el.matches(':state(empty)')).toBe(true);
    expect(text(shadow(el).querySelector('[part=message]'))).toBe(
      'There is no schedule to show yet.',
    );
    await expectNoAxeViolations(el);
  });

  it('shows an accessible panel with the first issues of an invalid document, never throwing', async () => {
    const el = create();
    const seen = errors(el);
    const doc = boardDoc() as unknown as Record<string, unknown>;
    const broken = {
      ...doc,
      program: { ...(doc['program'] as object), timeZone: 'Mars/Olympus' },
      routines: [{ id: 'x', title: 'No kind' }],
    };
    el.document = broken;
    document.body.append(el);
    await el.updateComplete;
    const panel = shadow(el).querySelector('[role=alert]')!;
    expect(text(panel)).toContain('This schedule has problems and cannot be shown:');
    expect(text(panel)).toContain('/program/timeZone');
    expect(panel.querySelectorAll('li')).toHaveLength(5);
    expect(text(panel)).toMatch(/…and \d+ more\./);
    expect(el.matches(':state(invalid)')).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail.issues!.length).toBeGreaterThan(5);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    await expectNoAxeViolations(el);
    for (const bad of [null, 42, 'text', [], { milieuVersion: 2 }]) {
      el.document = bad;
      await el.updateComplete;
      expect(
        shadow(el).querySelector('[role=alert]') ?? shadow(el).querySelector('[part=message]'),
      ).not.toBeNull();
    }
  });

  it('loads src with a skeleton, then shows the schedule', async () => {
    const net = stubFetch();
    const el = create({ src: '/api/document' });
    document.body.append(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(net.calls[0]!.url).toBe('/api/document');
    expect(shadow(el).querySelector('[part=skeleton][role=status]')).not.toBeNull();
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('aria-busy')).toBe('true');
    expect(el.matches(':state(loading)')).toBe(true);
    await expectNoAxeViolations(el);
    net.respond(0, boardDoc());
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
    expect(el.matches(':state(ready)')).toBe(true);
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('aria-busy')).toBe('false');
  });

  it('shows an error with Retry when the request fails, and retries', async () => {
    const net = stubFetch();
    const el = create({ src: '/api/document' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(1));
    net.respond(0, { error: 'boom' }, 503);
    await vi.waitFor(() => expect(shadow(el).querySelector('[role=alert]')).not.toBeNull());
    expect(text(shadow(el).querySelector('[role=alert]'))).toContain('error 503');
    expect(seen.map((e) => e.detail.status)).toEqual([503]);
    expect(el.matches(':state(error)')).toBe(true);
    await expectNoAxeViolations(el);
    await userEvent.click(shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    net.respond(1, boardDoc());
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
  });

  it('reports a network failure and a response that is not JSON', async () => {
    const net = stubFetch();
    const el = create({ src: '/a' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(1));
    net.fail(0);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.detail.message).toContain('Network error');
    el.src = '/b';
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    net.respond(1, '<html>oops</html>');
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.detail).toEqual({ message: 'GET /b did not return JSON', status: 200 });
  });

  it('aborts the request in flight when src changes or the board is removed', async () => {
    const net = stubFetch();
    const el = create({ src: '/one' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(1));
    el.src = '/two';
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    expect(net.calls[0]!.signal.aborted).toBe(true);
    el.remove();
    expect(net.calls[1]!.signal.aborted).toBe(true);
    expect(seen).toHaveLength(0); // an abort is not an error
    document.body.append(el); // reconnecting loads again
    await vi.waitFor(() => expect(net.calls).toHaveLength(3));
    net.respond(2, boardDoc());
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
  });

  it('uses a loader (for portals with their own auth), which wins over src', async () => {
    const net = stubFetch();
    const el = create({ src: '/ignored' });
    const loader = vi.fn(async (signal: AbortSignal) => {
      expect(signal).toBeInstanceOf(AbortSignal);
      return boardDoc();
    });
    el.loader = loader;
    document.body.append(el);
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
    expect(loader).toHaveBeenCalledTimes(1);
    expect(net.calls).toHaveLength(0);
    const seen = errors(el);
    el.loader = async () => {
      throw new Error('Session expired');
    };
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.detail).toEqual({ message: 'Session expired' });
    expect(shadow(el).querySelector('[role=alert]')).not.toBeNull();
  });

  it('refreshes every refresh-interval seconds and keeps the last schedule when a refresh fails', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let n = 0;
    const el = create({ 'refresh-interval': '30' });
    const seen = errors(el);
    el.loader = async () => {
      n++;
      if (n === 3) throw new Error('offline');
      return boardDoc({ name: `Unit v${n}` });
    };
    document.body.append(el);
    await vi.waitFor(() => expect(text(shadow(el).querySelector('h2'))).toBe('Unit v1'));
    vi.advanceTimersByTime(30_000);
    await vi.waitFor(() => expect(text(shadow(el).querySelector('h2'))).toBe('Unit v2'));
    vi.advanceTimersByTime(30_000);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(text(shadow(el).querySelector('h2'))).toBe('Unit v2');
    expect(text(shadow(el).querySelector('[part=message]'))).toContain('Could not refresh');
    el.remove();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('prefers the document property and shows an empty week calmly', async () => {
    const net = stubFetch();
    const el = create({ src: '/ignored' });
    el.document = boardDoc({ routines: [] });
    document.body.append(el);
    await el.updateComplete;
    expect(net.calls).toHaveLength(0);
    expect(text(shadow(el))).toContain('Nothing is scheduled for these days.');
    expect(el.matches(':state(empty)')).toBe(true);
    expect(el.matches(':state(ready)')).toBe(true);
  });

  it('warns once about an invalid view, date or now and falls back', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = create({ view: 'month', date: '2026-02-30', now: 'yesterday' });
    el.document = boardDoc();
    document.body.append(el);
    await el.updateComplete;
    expect(shadow(el).querySelector('.timeline, .agenda')).not.toBeNull();
    const messages = warn.mock.calls.map((c) => String(c[0]));
    expect(messages.some((m) => m.includes('view="month"'))).toBe(true);
    expect(messages.some((m) => m.includes('date="2026-02-30"'))).toBe(true);
    expect(messages.some((m) => m.includes('now="yesterday"'))).toBe(true);
    expect(messages.every((m) => m.includes('schedule-board'))).toBe(true);
  });
});
