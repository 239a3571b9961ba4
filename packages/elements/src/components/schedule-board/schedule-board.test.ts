import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './schedule-board.js';
import { MilieuScheduleBoard } from './schedule-board.component.js';
import type { CSSResult } from 'lit';
import { MilieuOccurrenceSelectEvent } from '../../events/occurrence-select.js';
import type { MilieuRangeChangeEvent } from '../../events/range-change.js';
import { expectNoAxeViolations } from '../../test/axe.js';
import { boardDoc, dstDoc, xssDoc } from './schedule-board.fixtures.js';
import { THEMES } from '../../styles/tokens.js';
import { ACTIVITY_KINDS } from '@milieu/core';

/** Tuesday 2026-03-10, 10:30 in New York (EDT), during the moved group (10:00–11:00). */
const NOW = '2026-03-10T10:30:00-04:00';

async function mount(
  attrs: Record<string, string>,
  doc: unknown = boardDoc(),
): Promise<MilieuScheduleBoard> {
  const el = document.createElement('milieu-schedule-board');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.document = doc;
  document.body.append(el);
  await loaded(el);
  return el;
}

/** Waits until the document path (a lazily imported module) has answered. */
async function loaded(el: MilieuScheduleBoard): Promise<void> {
  await el.updateComplete;
  await vi.waitFor(() => expect(el.matches(':state(loading)')).toBe(false));
  await el.updateComplete;
}

const root = (el: MilieuScheduleBoard): ShadowRoot => el.shadowRoot!;

/** The page y of a wall-clock hour (fractional) on the timeline, read from the hour axis. */
function rowAt(el: MilieuScheduleBoard, hour: number): number {
  const labels = [...root(el).querySelectorAll<HTMLElement>('.axis-body span')];
  const body = root(el).querySelector<HTMLElement>('.col-body')!.getBoundingClientRect();
  const first = labels[0]!.textContent!.trim();
  const h0 = (Number(first.match(/\d+/)![0]) % 12) + (/PM/.test(first) ? 12 : 0);
  return body.top + ((hour - h0) / labels.length) * body.height;
}
const text = (el: Element | ShadowRoot): string =>
  (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttons = (el: MilieuScheduleBoard): HTMLButtonElement[] => [
  ...root(el).querySelectorAll<HTMLButtonElement>('button.occ'),
];
const byTitle = (el: MilieuScheduleBoard, title: string): HTMLButtonElement[] =>
  buttons(el).filter((b) => b.getAttribute('aria-label')!.startsWith(title));

beforeAll(async () => {
  await page.viewport(1280, 900);
});
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('<milieu-schedule-board> views', () => {
  for (const view of ['day', 'week', 'agenda', 'now', 'print'] as const) {
    it(`renders the ${view} view with no axe violations`, async () => {
      const el = await mount({ view, now: NOW });
      expect(root(el).querySelector('[part=base]')).not.toBeNull();
      await expectNoAxeViolations(el);
    });
  }

  it('shows the week in the program zone with today and the current time marked', async () => {
    const el = await mount({ view: 'week', now: NOW });
    const heads = [...root(el).querySelectorAll('.col-head[id]')];
    expect(heads).toHaveLength(7); // en-US weeks start on Sunday: Mar 8 – 14
    expect(text(heads[0]!)).toContain('Sunday, March 8');
    const today = root(el).querySelector('[aria-current=date]')!;
    expect(text(today)).toContain('Tuesday, March 10');
    expect(text(today)).toContain('Today');
    // 10:30 on the wall clock: halfway between the 10 AM and 11 AM rows of the axis.
    const nowLine = root(el).querySelector<HTMLElement>('.today .now-line')!;
    expect(nowLine.getBoundingClientRect().top).toBeCloseTo(rowAt(el, 10.5), 0);
    expect(text(root(el).querySelector('.range')!)).toBe('Mar 8 – 14, 2026');
  });

  it('reads the sentence a screen reader hears, with kind, place, facilitator and move', async () => {
    const el = await mount({ view: 'day', date: '2026-03-10', now: NOW });
    const [group] = byTitle(el, 'Group therapy');
    expect(group!.getAttribute('aria-label')).toBe(
      'Group therapy, Moved from 2:00 PM, 10:00 AM to 11:00 AM, Group room, with Dana R., Staff training.',
    );
    expect(text(group!)).toContain('Moved');
  });

  it('marks cancelled, changed, moved and elective occurrences with their reasons', async () => {
    const el = await mount({ view: 'agenda', now: NOW });
    const [art] = byTitle(el, 'Open art studio').filter((b) => b.classList.contains('cancelled'));
    expect(art!.getAttribute('aria-label')).toContain(
      'Open art studio, Cancelled, 3:30 PM to 4:30 PM, Art room, with Dana R., Elective, The art therapist is away., Art therapy',
    );
    expect(text(art!)).toContain('Cancelled');
    expect(text(art!)).toContain('Elective');
    const changed = byTitle(el, 'Community meeting').find((b) => b.classList.contains('changed'))!;
    expect(text(changed)).toContain('Dining room'); // the new place
    expect(text(changed)).toContain('The day room is being painted.');
    const moved = byTitle(el, 'Group therapy').find((b) => b.classList.contains('moved'))!;
    expect(text(moved)).toContain('Moved from 2:00 PM');
  });

  it('shows the kiosk: clock, what is on now with progress, next, later and changes', async () => {
    const el = await mount({ view: 'now', now: NOW });
    const panel = root(el).querySelector('[part=now-panel]')!;
    expect(text(root(el).querySelector('[part=clock]')!)).toBe('10:30 AM');
    const progress = panel.querySelector('progress')!;
    expect(progress.value).toBe(50);
    expect(progress.getAttribute('aria-label')).toBe('Time passed in Group therapy');
    expect(text(panel)).toContain('30 min left');
    expect(text(panel.querySelector('[aria-labelledby=k-next]')!)).toContain('Lunch');
    expect(text(panel.querySelector('[aria-labelledby=k-later]')!)).toContain('Open art studio');
    expect(text(panel.querySelector('[aria-labelledby=k-changes]')!)).toContain('Group therapy');
    expect(root(el).querySelector('[part=nav-button]')).toBeNull(); // no date navigation on a kiosk
  });

  it('prints a timetable: one row per start time, seven day columns, no buttons', async () => {
    const el = await mount({ view: 'print', now: NOW });
    const table = root(el).querySelector('table[part=print]')!;
    expect(table.querySelectorAll('thead th[scope=col]')).toHaveLength(7);
    const rows = [...table.querySelectorAll('tbody th[scope=row]')].map((th) => text(th));
    expect(rows.slice(0, 3)).toEqual(['8:00 AM', '8:45 AM', '9:00 AM']);
    expect(rows).toContain('10:00 AM'); // the moved group has its own row
    expect(text(table.querySelector('caption')!)).toBe(
      'Mar 8 – 14, 2026 · Eastern Time (America/New_York)',
    );
    expect(root(el).querySelector('.print button')).toBeNull();
    expect(text(table)).toContain('Moved from 2:00 PM');
  });

  it('speaks Spanish and keeps the program zone', async () => {
    const el = await mount({ view: 'week', locale: 'es-ES', now: NOW });
    expect(text(root(el))).toContain('Semana');
    expect(text(root(el))).toContain('martes, 10 de marzo');
    const [group] = byTitle(el, 'Group therapy').filter((b) => b.classList.contains('moved'));
    expect(group!.getAttribute('aria-label')).toContain('10:00 a 11:00');
    expect(group!.getAttribute('aria-label')).toContain('Movida desde 14:00');
  });

  it('uses the agenda on a narrow container unless a view is set', async () => {
    const wrap = document.createElement('div');
    wrap.style.width = '360px';
    document.body.append(wrap);
    const el = document.createElement('milieu-schedule-board');
    el.now = NOW;
    el.document = boardDoc();
    wrap.append(el);
    await vi.waitFor(() => expect(root(el).querySelector('.agenda')).not.toBeNull());
    wrap.style.width = '1100px';
    await vi.waitFor(() => expect(root(el).querySelector('.timeline')).not.toBeNull());
    el.view = 'agenda';
    await el.updateComplete;
    expect(root(el).querySelector('.agenda')).not.toBeNull();
  });

  it('shows a label when the program zone differs from the device zone, and none when equal', async () => {
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const other = device === 'Asia/Tokyo' ? 'Europe/Paris' : 'Asia/Tokyo';
    const el = await mount({ view: 'week', now: NOW }, boardDoc({ timeZone: other }));
    expect(text(root(el).querySelector('[part=zone-note]')!)).toContain(other);
    el.document = boardDoc({ timeZone: device });
    await el.updateComplete;
    expect(root(el).querySelector('[part=zone-note]')).toBeNull();
  });

  it('draws the DST day: 23 hours, the 02:30 round shifted to 03:30 and labelled', async () => {
    const el = await mount(
      { view: 'day', date: '2026-03-08', now: '2026-03-08T12:00:00-04:00' },
      dstDoc(),
    );
    expect(text(root(el).querySelector('.col .col-head')!)).toContain('Clocks change');
    const [meds] = byTitle(el, 'Night medication');
    expect(meds!.getAttribute('aria-label')).toContain('3:30 AM to 4:00 AM');
    expect(meds!.getAttribute('aria-label')).toContain('Shifted by the clock change');
    expect(meds!.getBoundingClientRect().top).toBeCloseTo(rowAt(el, 3.5), 0); // drawn at 03:30
  });

  it('counts what falls outside hour-start/hour-end', async () => {
    const el = await mount({
      view: 'day',
      date: '2026-03-10',
      now: NOW,
      'hour-start': '9',
      'hour-end': '17',
    });
    expect(text(root(el).querySelector('.more')!)).toBe('2 earlier'); // breakfast, medication
    expect(text(root(el).querySelector('.more.after')!)).toBe('2 later'); // dinner, lights out
    const axis = root(el).querySelectorAll('.axis-body span');
    expect(axis).toHaveLength(8);
  });

  it('renders markup in titles, names and places as text', async () => {
    (window as { __xss?: number }).__xss = 0;
    for (const view of ['week', 'agenda', 'now', 'print']) {
      const el = await mount({ view, now: '2026-03-10T09:30:00-04:00' }, xssDoc());
      await new Promise((r) => setTimeout(r, 20));
      expect(root(el).querySelector('img, script, b#xss-name, i, [onload], [onerror]')).toBeNull();
      expect(text(root(el))).toContain('<img src=x onerror="window.__xss=3">');
      el.remove();
    }
    expect((window as { __xss?: number }).__xss).toBe(0);
  });

  it('defines every private token it uses and uses every one it defines', () => {
    const css = [MilieuScheduleBoard.styles]
      .flat(Infinity as 1)
      .map((r) => (r as CSSResult).cssText)
      .join('\n');
    const defined = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!));
    const used = new Set([...css.matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]!));
    const setFromScript = ['--_days', '--_w0', '--_w1', '--_at']; // the vars() directive
    expect([...used].filter((n) => !defined.has(n) && !setFromScript.includes(n))).toEqual([]);
    expect([...defined].filter((n) => !used.has(n))).toEqual([]);
  });

  it('has a colour pair for every activity kind of core, falling back to the default theme', () => {
    const theme = THEMES.default as Record<string, string>;
    const cssText = [MilieuScheduleBoard.styles]
      .flat(Infinity as 1)
      .map((r) => (r as CSSResult).cssText)
      .join('\n');
    for (const kind of ACTIVITY_KINDS) {
      const bg = `var(--milieu-color-kind-${kind}, ${theme[`color-kind-${kind}`]})`;
      const fg = `var(--milieu-color-kind-${kind}-text, ${theme[`color-kind-${kind}-text`]})`;
      expect(cssText).toContain(
        `.k-${kind}{background-color:${bg};color:${fg};accent-color:${fg}}`,
      );
    }
  });
});

describe('<milieu-schedule-board> keyboard and events', () => {
  it('keeps one tab stop and moves with arrows, Home/End and PageUp/PageDown', async () => {
    const el = await mount({ view: 'week', now: NOW });
    const stops = () => buttons(el).filter((b) => b.tabIndex === 0);
    expect(stops()).toHaveLength(1);
    expect(stops()[0]!.getAttribute('aria-label')).toMatch(/^Breakfast, 8:00 AM/);
    expect(stops()[0]!.dataset['k']).toBe('2.0'); // today's first occurrence
    stops()[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    const focused = (): HTMLElement => root(el).activeElement as HTMLElement;
    expect(focused().getAttribute('aria-label')).toMatch(/^Morning medication/);
    expect(stops()).toEqual([focused()]);
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(focused().dataset['k']).toMatch(/^3\./);
    expect(focused().getAttribute('aria-label')).toMatch(/^Morning medication/); // nearest time
    await userEvent.keyboard('{End}');
    await el.updateComplete;
    expect(focused().getAttribute('aria-label')).toMatch(/^Lights out/);
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect(focused().getAttribute('aria-label')).toMatch(/^Breakfast/);
    await userEvent.keyboard('{PageUp}');
    await el.updateComplete;
    expect(focused().dataset['k']).toMatch(/^2\./);
  });

  it('pages to the next week past the last day and fires one range change', async () => {
    const el = await mount({ view: 'week', now: NOW });
    const changes: MilieuRangeChangeEvent[] = [];
    el.addEventListener('milieu-range-change', (e) => changes.push(e));
    buttons(el)
      .find((b) => b.dataset['k']?.startsWith('6.'))!
      .focus();
    await userEvent.keyboard('{PageDown}');
    await el.updateComplete;
    await el.updateComplete;
    expect(changes).toHaveLength(1);
    expect(changes[0]!.detail).toEqual({
      from: '2026-03-15T00:00:00-04:00',
      to: '2026-03-22T00:00:00-04:00',
      view: 'week',
      date: '2026-03-17',
    });
    expect((root(el).activeElement as HTMLElement).dataset['k']).toMatch(/^0\./);
  });

  it('selects with a click, Enter or Space and fires milieu-occurrence-select', async () => {
    const el = await mount({ view: 'agenda', now: NOW });
    const events: MilieuOccurrenceSelectEvent[] = [];
    document.addEventListener('milieu-occurrence-select', (e) => events.push(e));
    const moved = byTitle(el, 'Group therapy').find((b) => b.classList.contains('moved'))!;
    await userEvent.click(moved);
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(MilieuOccurrenceSelectEvent);
    expect(events[0]!.bubbles && events[0]!.composed).toBe(true);
    expect(events[0]!.detail).toEqual({
      id: 'group@2026-03-10',
      routineId: 'group',
      start: '2026-03-10T10:00:00-04:00',
      end: '2026-03-10T11:00:00-04:00',
      kind: 'group-therapy',
      title: 'Group therapy',
      status: 'moved',
    });
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(events).toHaveLength(3);
  });

  it('fires range changes for user navigation only, with ISO bounds in the program zone', async () => {
    const el = await mount({ view: 'week', now: NOW });
    const changes: MilieuRangeChangeEvent[] = [];
    el.addEventListener('milieu-range-change', (e) => changes.push(e));
    el.date = '2026-03-20';
    el.view = 'day';
    await el.updateComplete;
    expect(changes).toHaveLength(0);
    const nav = root(el).querySelectorAll<HTMLButtonElement>('[part=nav-button]');
    await userEvent.click(nav[2]!); // next day
    expect(changes.at(-1)!.detail).toEqual({
      from: '2026-03-21T00:00:00-04:00',
      to: '2026-03-22T00:00:00-04:00',
      view: 'day',
      date: '2026-03-21',
    });
    await userEvent.click(nav[1]!); // today
    expect(changes.at(-1)!.detail.date).toBe('2026-03-10');
    await userEvent.click(root(el).querySelector<HTMLButtonElement>('[data-view=week]')!);
    expect(changes.at(-1)!.detail).toMatchObject({
      view: 'week',
      from: '2026-03-08T00:00:00-05:00',
    });
    expect(changes).toHaveLength(3);
  });
});

describe('<milieu-schedule-board> people and privacy', () => {
  it('shows one participant’s schedule with a display-safe name', async () => {
    const el = await mount({ view: 'week', participant: 'p-ben', now: NOW });
    expect(text(root(el))).toContain('Schedule for Ben O.');
    expect(byTitle(el, 'Track A')).toHaveLength(0); // Ben is on track B
    expect(byTitle(el, 'Open art studio')).toHaveLength(0); // not his elective
    el.participant = 'p-ana';
    await el.updateComplete;
    expect(byTitle(el, 'Track A').length).toBeGreaterThan(0);
    expect(byTitle(el, 'Open art studio').length).toBeGreaterThan(0);
  });

  it('says so for an unknown participant and shows nobody else’s schedule', async () => {
    const el = await mount({ view: 'week', participant: 'p-nobody', now: NOW });
    expect(text(root(el))).toContain('This person is not on the schedule.');
    expect(buttons(el)).toHaveLength(0);
  });

  for (const view of ['now', 'print', 'week', 'agenda']) {
    it(`never shows last names or records in the ${view} view`, async () => {
      const el = await mount({ view, participant: 'p-ana', now: NOW });
      const all = `${text(root(el))} ${buttons(el)
        .map((b) => b.getAttribute('aria-label'))
        .join(' ')}`;
      expect(all).toContain('Ana L.');
      for (const secret of ['Lopez', 'Garcia', 'Rivera', 'Nguyen', 'SECRET', 'Okafor']) {
        expect(all).not.toContain(secret);
      }
      expect(all).toContain('Dana R.');
    });
  }
});

describe('<milieu-schedule-board> timers', () => {
  it('advances the kiosk clock every minute and stops when removed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-10T14:30:00Z'));
      const el = await mount({ view: 'now', 'no-controls': '' });
      expect(text(root(el).querySelector('[part=clock]')!)).toBe('10:30 AM');
      await vi.advanceTimersByTimeAsync(61_000);
      await el.updateComplete;
      expect(text(root(el).querySelector('[part=clock]')!)).toBe('10:31 AM');
      expect(root(el).querySelector('[part=toolbar]')).toBeNull();
      el.remove();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
