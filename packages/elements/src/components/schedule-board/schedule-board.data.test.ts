import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import './schedule-board.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';
import type { MilieuLoadErrorEvent } from '../../events/load-error.js';
import type { ScheduleQuery } from '../../controllers/schedule-controller.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import {
  parseDocument,
  scheduleResource,
  zonedToInstant,
  type MilieuDocument,
  type OccurrencesResponse,
} from '@milieu/core';
import { boardDoc } from './schedule-board.fixtures.js';

/** The schedule resource of `doc` for the range in `url` (what the server answers staff). */
function resource(url: string, doc: unknown = boardDoc()): OccurrencesResponse {
  const parsed = parseDocument(doc);
  if (!parsed.ok) throw new Error('fixture must parse');
  const d: MilieuDocument = parsed.value;
  const q = new URL(url, location.href).searchParams;
  const at = (date: string): number => zonedToInstant(date, '00:00', d.program.timeZone).ms;
  return scheduleResource(
    d,
    { kind: 'staff' },
    {
      from: at(q.get('from')!),
      to: at(q.get('to')!),
      participant: q.get('participant') ?? undefined,
    },
  );
}

const NOW = '2026-03-10T10:30:00-04:00';

/** A fetch stub whose responses the test resolves by hand. */
function stubFetch(): {
  calls: { url: string; signal: AbortSignal }[];
  respond: (i: number, body: unknown, status?: number) => void;
  /** Answers request `i` with the schedule resource of its range. */
  serve: (i: number, doc?: unknown) => void;
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
  const respond = (i: number, body: unknown, status = 200): void =>
    calls[i]!.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  return {
    calls,
    serve: (i, doc) => respond(i, resource(calls[i]!.url, doc)),
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

  it('says in plain words that an invalid document cannot be shown; the pointers go to the console and the event', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
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
    await vi.waitFor(() => expect(el.matches(':state(invalid)')).toBe(true));
    const panel = shadow(el).querySelector('[role=alert]')!;
    expect(text(panel)).toContain(
      'This schedule cannot be shown because some of its data is damaged.',
    );
    expect(text(panel)).not.toContain('/program');
    expect(panel.querySelector('[part=retry-button]')).toBeNull();
    expect(el.matches(':state(invalid)')).toBe(true);
    // Paths and codes only: never the values, which may be personal data.
    const logged = warn.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(logged).toContain('/program/timeZone');
    expect(logged).not.toContain('Mars/Olympus');
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

  it('loads src with a skeleton for the range shown, prefetching the next week', async () => {
    const net = stubFetch();
    const el = create({ src: '/api/v1/occurrences', date: '2026-03-10', locale: 'en-US' });
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    const query = (i: number) => Object.fromEntries(new URL(net.calls[i]!.url).searchParams);
    expect(new URL(net.calls[0]!.url).pathname).toBe('/api/v1/occurrences');
    expect(query(0)).toEqual({ from: '2026-03-08', to: '2026-03-15' });
    expect(query(1)).toEqual({ from: '2026-03-15', to: '2026-03-22' });
    expect(shadow(el).querySelector('[part=skeleton][role=status]')).not.toBeNull();
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('aria-busy')).toBe('true');
    expect(el.matches(':state(loading)')).toBe(true);
    await expectNoAxeViolations(el);
    net.serve(0);
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
    expect(el.matches(':state(ready)')).toBe(true);
    expect(text(shadow(el).querySelector('h2'))).toBe('4 North');
    expect(shadow(el).querySelector('[part=base]')!.getAttribute('aria-busy')).toBe('false');
    // The next week was prefetched: navigating shows it with no new request for it.
    net.serve(1);
    await new Promise((r) => setTimeout(r, 0));
    el.date = '2026-03-17';
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.agenda h3'))).toContain('March 15');
    expect(net.calls.filter((c) => c.url.includes('from=2026-03-15'))).toHaveLength(1);
    // Now the week after is prefetched; going back to a visited week needs no request.
    await vi.waitFor(() => expect(query(2)).toEqual({ from: '2026-03-22', to: '2026-03-29' }));
    el.date = '2026-03-18';
    el.date = '2026-03-03';
    await vi.waitFor(() => expect(net.calls).toHaveLength(4));
    expect(net.calls[2]!.signal.aborted).toBe(true); // no longer wanted
    expect(query(3)).toEqual({ from: '2026-03-01', to: '2026-03-08' });
  });

  it('adds the participant to the query and shows the response’s name for them', async () => {
    const net = stubFetch();
    const el = create({
      src: '/api/v1/occurrences?view=x',
      participant: 'p-ben',
      date: '2026-03-10',
    });
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls.length).toBeGreaterThan(0));
    const q = new URL(net.calls[0]!.url).searchParams;
    expect(q.get('participant')).toBe('p-ben');
    expect(q.get('view')).toBe('x');
    net.serve(0);
    await vi.waitFor(() => expect(text(shadow(el))).toContain('Schedule for Ben Okafor'));
  });

  it('shows the invalid panel for a response that fails the contract schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const net = stubFetch();
    const el = create({ src: '/api/v1/occurrences' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls.length).toBeGreaterThan(0));
    net.respond(0, {
      ...resource(net.calls[0]!.url),
      program: undefined,
      occurrences: [{ id: 1 }],
    });
    await vi.waitFor(() => expect(el.matches(':state(invalid)')).toBe(true));
    const panel = shadow(el).querySelector('[role=alert]')!;
    expect(text(panel)).not.toContain('/occurrences/0');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail.issues!.map((i) => i.path)).toContain('/program');
    expect(warn.mock.calls.flat().join(' ')).toContain('/occurrences/0');
  });

  it('validates a prefetched range when it is shown, and reports it then', async () => {
    const net = stubFetch();
    const el = create({ src: '/api/v1/occurrences', date: '2026-03-10' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    net.serve(0);
    net.respond(1, { ...resource(net.calls[1]!.url), occurrences: [{ id: 1 }] });
    await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
    await new Promise((r) => setTimeout(r, 0));
    // The invalid next week waits in the cache unvalidated: nothing is reported yet.
    expect(seen).toHaveLength(0);
    el.date = '2026-03-17';
    await el.updateComplete;
    expect(el.matches(':state(invalid)')).toBe(true);
    // Plain words on the screen; the located issues go to the event (and the console).
    expect(text(shadow(el).querySelector('[role=alert]'))).not.toContain('/occurrences/0');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.detail.issues!.some((i) => i.path.startsWith('/occurrences/0'))).toBe(true);
    expect(net.calls.filter((c) => c.url.includes('from=2026-03-15'))).toHaveLength(1);
  });

  it('shows an error with Retry when the request fails, and retries', async () => {
    const net = stubFetch();
    const el = create({ src: '/api/v1/occurrences' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    net.respond(0, { error: 'boom' }, 503);
    await vi.waitFor(() => expect(shadow(el).querySelector('[role=alert]')).not.toBeNull());
    expect(text(shadow(el).querySelector('[role=alert]'))).toContain(
      'The schedule server had a problem. Try again in a minute.',
    );
    expect(seen.map((e) => e.detail.status)).toEqual([503]);
    expect(el.matches(':state(error)')).toBe(true);
    await expectNoAxeViolations(el);
    await userEvent.click(shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!);
    await vi.waitFor(() => expect(net.calls.length).toBeGreaterThan(2));
    expect(net.calls[2]!.url).toBe(net.calls[0]!.url);
    net.serve(2);
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
  });

  it.each([
    [404, 'not-found', 'This schedule was not found.', false],
    [401, 'forbidden', 'You do not have permission to see this schedule.', false],
    [403, 'forbidden', 'You do not have permission to see this schedule.', false],
    [500, 'server', 'The schedule server had a problem.', true],
    [0, 'offline', 'You are offline.', true],
  ] as const)(
    'says what happened and what to do on %i (%s), with Retry only where it helps',
    async (status, kind, words, retry) => {
      const net = stubFetch();
      const el = create({ src: '/api/v1/occurrences', locale: 'en' });
      document.body.append(el);
      await vi.waitFor(() => expect(net.calls).toHaveLength(2));
      if (status) net.respond(0, { error: { code: kind } }, status);
      else net.fail(0);
      await vi.waitFor(() => expect(shadow(el).querySelector('[role=alert]')).not.toBeNull());
      const panel = shadow(el).querySelector<HTMLElement>('[part=error]')!;
      expect(panel.dataset['kind']).toBe(kind);
      expect(text(panel)).toContain(words);
      expect(panel.querySelector('[part=retry-button]') !== null).toBe(retry);
      await expectNoAxeViolations(el);
    },
  );

  it('says the errors in Spanish too', async () => {
    const net = stubFetch();
    const el = create({ src: '/api/v1/occurrences', locale: 'es' });
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    net.respond(0, {}, 404);
    await vi.waitFor(() => expect(shadow(el).querySelector('[role=alert]')).not.toBeNull());
    expect(text(shadow(el).querySelector('[part=error]'))).toContain(
      'No se encontró este horario.',
    );
  });

  it('reports a network failure and a response that is not JSON', async () => {
    const net = stubFetch();
    const el = create({ src: '/a' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    net.fail(0);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.detail.message).toContain('Network error');
    el.src = '/b';
    await vi.waitFor(() => expect(net.calls).toHaveLength(4));
    net.respond(2, '<html>oops</html>');
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.detail).toEqual({
      message: `GET ${net.calls[2]!.url} did not return JSON`,
      status: 200,
    });
  });

  it('aborts the requests in flight when src changes or the board is removed', async () => {
    const net = stubFetch();
    const el = create({ src: '/one' });
    const seen = errors(el);
    document.body.append(el);
    await vi.waitFor(() => expect(net.calls).toHaveLength(2));
    el.src = '/two';
    await vi.waitFor(() => expect(net.calls).toHaveLength(4));
    expect(net.calls.slice(0, 2).every((c) => c.signal.aborted)).toBe(true);
    el.remove();
    expect(net.calls.slice(2).every((c) => c.signal.aborted)).toBe(true);
    expect(seen).toHaveLength(0); // an abort is not an error
    document.body.append(el); // reconnecting loads again
    await vi.waitFor(() => expect(net.calls).toHaveLength(6));
    net.serve(4);
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
  });

  it('uses a loader (for portals with their own auth) with the range, which wins over src', async () => {
    const net = stubFetch();
    const el = create({
      src: '/ignored',
      date: '2026-03-10',
      locale: 'en-US',
      participant: 'p-ana',
    });
    const loader = vi.fn(async (query: ScheduleQuery, signal: AbortSignal) => {
      expect(signal).toBeInstanceOf(AbortSignal);
      return resource(`/?from=${query.from}&to=${query.to}&participant=${query.participant}`);
    });
    el.loader = loader;
    document.body.append(el);
    await vi.waitFor(() => expect(shadow(el).querySelector('.agenda')).not.toBeNull());
    expect(loader.mock.calls[0]![0]).toEqual({
      from: '2026-03-08',
      to: '2026-03-15',
      participant: 'p-ana',
    });
    expect(loader).toHaveBeenCalledTimes(2); // the week and the next one
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
    const el = create({ 'refresh-interval': '30', view: 'now' });
    const seen = errors(el);
    el.loader = async (q) => {
      n++;
      if (n === 3) throw new Error('offline');
      const r = resource(`/?from=${q.from}&to=${q.to}`);
      return { ...r, program: { ...r.program, name: `Unit v${n}` } };
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
    await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
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
    await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
    expect(shadow(el).querySelector('.timeline, .agenda')).not.toBeNull();
    const messages = warn.mock.calls.map((c) => String(c[0]));
    expect(messages.some((m) => m.includes('view="month"'))).toBe(true);
    expect(messages.some((m) => m.includes('date="2026-02-30"'))).toBe(true);
    expect(messages.some((m) => m.includes('now="yesterday"'))).toBe(true);
    expect(messages.every((m) => m.includes('schedule-board'))).toBe(true);
  });
});
