// The elements' lifecycle in a host page, under the exact strict CSP: properties set before the
// script loads are kept, and moving or removing an element leaves no listeners, timers,
// observers or fetches behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  boardReady,
  eventually,
  html,
  launch,
  open,
  serve,
  type Served,
  type Watched,
} from './harness.js';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve({
    pages: {
      // No widget script in the page: tests set properties first, then call loadMilieu().
      '/t/late.html': html(
        '',
        `<div id="a"></div><div id="b"></div>
         <script type="module">window.loadMilieu = () => import('/cdn/all.js');</script>`,
      ),
    },
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function done(w: Watched): Promise<void> {
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.context.close();
}

describe('element lifecycle in a host page', () => {
  it('keeps properties set before the script loaded', async () => {
    const w = await open(browser, `${served.base}/t/late.html`);
    await w.page.evaluate(async () => {
      const doc: unknown = await (await fetch('/api/v1/document')).json();
      const board = Object.assign(document.createElement('milieu-schedule-board'), {
        document: doc,
        view: 'day',
        date: '2026-03-10',
        participant: 'p-12',
        now: '2026-03-10T09:00:00-04:00',
        locale: 'en-US',
      });
      const form = Object.assign(document.createElement('milieu-feedback-form'), {
        document: doc,
        source: 'self',
        author: 'p-12',
        locale: 'en-US',
        values: { strengths: 'Kept from before the upgrade' },
      });
      document.getElementById('a')!.append(board, form);
      await (window as unknown as { loadMilieu(): Promise<unknown> }).loadMilieu();
    });
    const board = w.page.locator('milieu-schedule-board');
    await boardReady(w.page);
    expect(
      await board.getByRole('button', { name: 'Day', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await board.locator('.range').textContent()).toContain('Mar 10');
    expect(await board.locator('[part=header]').textContent()).toContain('Schedule for Aisha N.');
    expect(await w.page.locator('milieu-feedback-form #c-strengths').inputValue()).toBe(
      'Kept from before the upgrade',
    );
    await done(w);
  });

  it('moving or removing elements leaves no duplicate listeners, timers, observers or fetches', async () => {
    const w = await open(browser, `${served.base}/t/late.html`, {
      before: async (page) => {
        await page.clock.install({ time: new Date('2026-03-09T14:20:00Z') });
        await page.addInitScript(trackResources);
      },
    });
    const { page } = w;
    // Requests for the range on screen (the board may prefetch the next one as well).
    const scheduleRequests = (): number => {
      const schedule = w.requests.filter((u) => u.includes('/api/v1/occurrences?'));
      const shown = schedule[0] && new URL(schedule[0]).searchParams.get('from');
      return schedule.filter((u) => new URL(u).searchParams.get('from') === shown).length;
    };
    await page.evaluate(() =>
      (window as unknown as { loadMilieu(): Promise<unknown> }).loadMilieu(),
    );
    const empty = await resources(page);

    await page.evaluate(() => {
      const board = document.createElement('milieu-schedule-board');
      for (const [k, v] of Object.entries({
        src: '/api/v1/occurrences',
        'refresh-interval': '5',
        view: 'week',
        locale: 'en-US',
      })) {
        board.setAttribute(k, v);
      }
      const form = document.createElement('milieu-feedback-form');
      for (const [k, v] of Object.entries({
        source: 'self',
        author: 'p-12',
        action: '/api/v1/feedback',
      })) {
        form.setAttribute(k, v);
      }
      document.getElementById('a')!.append(board, form);
    });
    await boardReady(page);
    expect(scheduleRequests()).toBe(1);
    const connected = await resources(page);
    expect(connected.intervals).toBe(empty.intervals + 1); // the 5 s refresh
    expect(connected.observed).toBe(empty.observed + 1); // the board's ResizeObserver

    // Ten moves between two parents: the same resources, no new request.
    for (let i = 0; i < 10; i++) {
      await page.evaluate(
        (to) => {
          const target = document.getElementById(to)!;
          for (const el of document.querySelectorAll('milieu-schedule-board, milieu-feedback-form'))
            target.append(el);
        },
        i % 2 ? 'a' : 'b',
      );
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(await resources(page)).toEqual(connected);
    expect(scheduleRequests()).toBe(1);

    // One refresh period: one request, not eleven.
    await page.clock.runFor(5_000);
    await eventually(scheduleRequests).toBe(2);
    await page.waitForTimeout(200);
    expect(scheduleRequests()).toBe(2);

    // Removed: everything it started is stopped.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('milieu-schedule-board, milieu-feedback-form'))
        el.remove();
    });
    expect(await resources(page)).toEqual(empty);
    await page.clock.runFor(60_000);
    await page.waitForTimeout(200);
    expect(scheduleRequests()).toBe(2);
    await done(w);
  });
});

/** Init script: counts live timers, window/document listeners and observed elements. */
function trackResources(): void {
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  const listeners = new Map<string, Set<unknown>>();
  const observed = new Map<ResizeObserver, Set<Element>>();
  const w = window as unknown as Record<string, unknown>;
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  w['setTimeout'] = (fn: () => void, ms?: number) => {
    const id = st(() => {
      timeouts.delete(id);
      fn();
    }, ms);
    timeouts.add(id);
    return id;
  };
  w['clearTimeout'] = (id: number) => (timeouts.delete(id), ct(id));
  w['setInterval'] = (fn: () => void, ms?: number) => {
    const id = si(fn, ms);
    intervals.add(id);
    return id;
  };
  w['clearInterval'] = (id: number) => (intervals.delete(id), ci(id));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (t: EventTarget, type: string): string =>
    `${t === window ? 'window' : 'document'}:${type}`;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, fn, o) {
    if (this === window || this === document) {
      const set = listeners.get(key(this, type)) ?? new Set();
      set.add(fn);
      listeners.set(key(this, type), set);
    }
    return add.call(this, type, fn, o);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, fn, o) {
    if (this === window || this === document) listeners.get(key(this, type))?.delete(fn);
    return remove.call(this, type, fn, o);
  };
  const { observe, unobserve, disconnect } = ResizeObserver.prototype;
  ResizeObserver.prototype.observe = function (this: ResizeObserver, el, o) {
    observed.set(this, (observed.get(this) ?? new Set()).add(el));
    return observe.call(this, el, o);
  };
  ResizeObserver.prototype.unobserve = function (this: ResizeObserver, el) {
    observed.get(this)?.delete(el);
    return unobserve.call(this, el);
  };
  ResizeObserver.prototype.disconnect = function (this: ResizeObserver) {
    observed.delete(this);
    return disconnect.call(this);
  };
  w['__resources'] = () => ({
    timeouts: timeouts.size,
    intervals: intervals.size,
    observed: [...observed.values()].reduce((n, s) => n + s.size, 0),
    listeners: Object.fromEntries([...listeners].map(([k, s]) => [k, s.size]).filter(([, n]) => n)),
  });
}

interface Resources {
  timeouts: number;
  intervals: number;
  observed: number;
  listeners: Record<string, number>;
}

function resources(page: Page): Promise<Resources> {
  return page.evaluate(() => (window as unknown as { __resources(): Resources }).__resources());
}
