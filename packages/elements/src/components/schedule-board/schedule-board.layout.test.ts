/**
 * The board as people see it: every view (day, week, agenda, now, print) at phone, laptop and
 * TV widths, in English and Spanish, in the default and dark themes, with the inpatient example
 * at a fixed `date` and `now`. In each: no text overflows its box without an ellipsis, every
 * target is at least 24×24 px (44×44 in the kiosk), nothing lies outside the element's box
 * (except inside an intended scroll box: the timeline and the agenda), and nothing covers an
 * occurrence's text (no other card, no now-line). The kiosk fits 16:9 screens without scrolling
 * at every quarter hour of the day, the busiest included.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import inpatient from '../../../../../examples/inpatient-unit.json';
import './schedule-board.js';
import { THEMES as TOKEN_THEMES, themeCss, type ThemeName } from '../../styles/tokens.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';
import { SCHEDULE_VIEWS } from './schedule-board.types.js';
import { manyDoc } from './schedule-board.fixtures.js';

const WIDTHS = [320, 390, 1280, 1920] as const;
const LANGS = ['en', 'es'] as const;
const THEMES = ['default', 'dark'] as const;
/** Thursday, 10:40 in New York: two groups in progress, a move and a cancellation today. */
const DATE = '2026-03-19';
const NOW = '2026-03-19T10:40:00-04:00';

const theme = document.createElement('style');
beforeAll(() => {
  document.head.append(theme);
  document.body.style.margin = '0';
});
afterAll(async () => {
  theme.remove();
  await page.viewport(414, 896);
});

const describeNode = (n: Element): string =>
  `<${n.localName}${n.getAttribute('part') ? ` part=${n.getAttribute('part')}` : ''}${n.className && typeof n.className === 'string' ? ` .${n.className.trim().replace(/\s+/g, '.')}` : ''}> "${(n.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;

/** Whether `node` lays out text itself: a text node, or an inline element with text, as a child. */
function holdsText(node: Element): boolean {
  return [...node.childNodes].some((c) =>
    c.nodeType === Node.TEXT_NODE
      ? Boolean(c.textContent?.trim())
      : c instanceof HTMLElement &&
        getComputedStyle(c).display === 'inline' &&
        Boolean(c.textContent?.trim()),
  );
}

/** The nearest ancestor (in the shadow root) that scrolls on purpose, or null. */
function scroller(node: Element, root: ShadowRoot): HTMLElement | null {
  for (let p = node.parentElement; p && root.contains(p); p = p.parentElement) {
    const cs = getComputedStyle(p);
    if (/auto|scroll/.test(cs.overflowX + cs.overflowY)) return p;
  }
  return null;
}

/** Whether an ancestor (in the shadow root) clips `node`'s overflow. */
function clipped(node: Element, root: ShadowRoot): boolean {
  for (let p = node.parentElement; p && root.contains(p); p = p.parentElement) {
    if (/hidden|clip/.test(getComputedStyle(p).overflowX)) return true;
  }
  return false;
}

/** Everything wrong with what the board shows now. */
function problems(el: MilieuScheduleBoard, minTarget: number): string[] {
  const found: string[] = [];
  const root = el.shadowRoot!;
  const host = el.getBoundingClientRect();
  if (host.right > window.innerWidth + 0.5) found.push(`host wider than the page: ${host.width}`);
  for (const node of root.querySelectorAll('*')) {
    if (node instanceof SVGElement && node.localName !== 'svg') continue;
    if (node.localName === 'style' || node.localName === 'slot') continue;
    const cs = getComputedStyle(node);
    if (cs.display === 'none' || node.closest('.sr')) continue;
    const r = node.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const box = scroller(node, root)?.getBoundingClientRect();
    // What an ancestor clips (a card's overflow: hidden) is checked on that ancestor.
    if (!box && !clipped(node, root) && (r.left < host.left - 0.5 || r.right > host.right + 0.5)) {
      found.push(
        `outside the element: ${describeNode(node)} (${r.left}–${r.right} of ${host.left}–${host.right})`,
      );
    }
    if (node instanceof HTMLElement && holdsText(node) && cs.display !== 'inline') {
      const ellipsis = cs.textOverflow === 'ellipsis' && cs.overflowX === 'hidden';
      const wide = node.scrollWidth > node.clientWidth + 1;
      const tall = node.scrollHeight > node.clientHeight + 1;
      if ((wide && !ellipsis) || tall) {
        found.push(
          `text overflows: ${describeNode(node)} (${node.scrollWidth}×${node.scrollHeight} in ${node.clientWidth}×${node.clientHeight})`,
        );
      }
    }
    // A card's lines: none cut in half by the card's bottom edge.
    if (node.matches('[part=occurrence]') && node.scrollHeight > node.clientHeight + 1) {
      found.push(
        `card cuts its lines: ${describeNode(node)} (${node.scrollHeight} in ${node.clientHeight})`,
      );
    }
    if (node.matches('button, a[href], input, select, textarea')) {
      if (r.width < minTarget || r.height < minTarget) {
        found.push(
          `target under ${minTarget}×${minTarget}: ${describeNode(node)} (${r.width}×${r.height})`,
        );
      }
    }
  }
  // Nothing covers an occurrence's text: sample each title and time where it is on screen.
  for (const text of root.querySelectorAll<HTMLElement>(
    '[part=occurrence-title], [part=occurrence-time]',
  )) {
    const card = text.closest('[part=occurrence]')!;
    // Only where the text shows: inside the ancestors that clip it (an ellipsis line, the card).
    let r = text.getBoundingClientRect();
    for (let p = text.parentElement; p && p !== card.parentElement; p = p.parentElement) {
      if (!/hidden|clip/.test(getComputedStyle(p).overflowX)) continue;
      const c = p.getBoundingClientRect();
      const [x0, x1] = [Math.max(r.left, c.left), Math.min(r.right, c.right)];
      const [y0, y1] = [Math.max(r.top, c.top), Math.min(r.bottom, c.bottom)];
      r = new DOMRect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
    if (r.width < 8 || r.height < 4) continue;
    const box = scroller(text, root);
    const view = box?.getBoundingClientRect();
    // The timeline's sticky hour column and day headings cover what scrolls under them.
    const axis = box?.querySelector('.axis')?.getBoundingClientRect();
    const left = Math.max(view?.left ?? 0, axis?.right ?? 0);
    const y = r.top + r.height / 2;
    for (const x of [r.left + 4, r.left + r.width / 2, r.right - 4]) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      if (view && (x < left || x > view.right || y < view.top || y > view.bottom)) continue;
      const hit = root.elementFromPoint(x, y);
      if (hit && !card.contains(hit)) {
        found.push(
          `covered: ${describeNode(text)} at ${Math.round(x)},${Math.round(y)} by ${describeNode(hit)}`,
        );
      }
    }
  }
  return found;
}

async function mount(
  view: string,
  lang: string,
  attrs = '',
  doc: unknown = inpatient,
): Promise<MilieuScheduleBoard> {
  document.body.innerHTML = `<milieu-schedule-board view="${view}" date="${DATE}" now="${NOW}" locale="${lang}" ${attrs}></milieu-schedule-board>`;
  const el = document.body.querySelector<MilieuScheduleBoard>('milieu-schedule-board')!;
  el.document = doc;
  await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
  await el.updateComplete;
  // The narrow state and the agenda's scroll land on the next frame.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el;
}

describe.each(THEMES)('<milieu-schedule-board> layout, %s theme', (themeName) => {
  beforeAll(() => {
    theme.textContent = themeName === 'dark' ? themeCss('dark', ':root') : '';
  });

  describe.each(WIDTHS)('at %i px', (width) => {
    beforeAll(async () => {
      await page.viewport(width, 1600);
    });

    it.each(LANGS.flatMap((lang) => SCHEDULE_VIEWS.map((view) => [view, lang] as const)))(
      '%s in %s: fits, reads and can be reached',
      async (view, lang) => {
        const el = await mount(view, lang);
        expect(el.shadowRoot!.querySelectorAll('[part=occurrence]').length).toBeGreaterThan(0);
        expect(problems(el, view === 'now' ? 44 : 24)).toEqual([]);
      },
    );
  });
});

describe('<milieu-schedule-board> on phones', () => {
  beforeAll(async () => {
    theme.textContent = '';
    await page.viewport(390, 900);
  });

  it('the agenda opens at today, scrolled so its heading is in view', async () => {
    const el = await mount('agenda', 'en');
    const list = el.shadowRoot!.querySelector<HTMLElement>('.agenda')!;
    const today = el.shadowRoot!.querySelector<HTMLElement>(`section[data-date="${DATE}"] h3`)!;
    expect(today.textContent).toContain('Today');
    expect(list.scrollTop).toBeGreaterThan(0);
    const [l, t] = [list.getBoundingClientRect(), today.getBoundingClientRect()];
    expect(t.top).toBeGreaterThanOrEqual(l.top - 1);
    expect(t.bottom).toBeLessThanOrEqual(l.bottom + 1);
  });

  it('the week scrolls sideways to today, with the hour column staying in view', async () => {
    const el = await mount('week', 'es');
    const grid = el.shadowRoot!.querySelector<HTMLElement>('.timeline')!;
    expect(grid.scrollWidth).toBeGreaterThan(grid.clientWidth);
    const axis = el.shadowRoot!.querySelector('.axis')!.getBoundingClientRect();
    const today = el.shadowRoot!.querySelector('.col.today')!.getBoundingClientRect();
    expect(grid.scrollLeft).toBeGreaterThan(0);
    expect(axis.left).toBeGreaterThanOrEqual(grid.getBoundingClientRect().left - 1);
    expect(Math.abs(today.left - axis.right)).toBeLessThan(2);
  });

  it.each([390, 1280])('a dense week (20 routines a day) still reads at %i px', async (width) => {
    await page.viewport(width, 1600);
    const el = await mount('week', 'en', '', manyDoc(140, '2026-03-15'));
    expect(el.shadowRoot!.querySelectorAll('[part=more-button]').length).toBeGreaterThan(3);
    expect(problems(el, 24)).toEqual([]);
  });

  it('the arrow keys stop once on a "+N more" and move on past it', async () => {
    await page.viewport(1280, 1600);
    const el = await mount('week', 'en', '', manyDoc(140, '2026-03-15'));
    const root = el.shadowRoot!;
    const first = root.querySelector<HTMLElement>('.col [part=day] button[data-k^="0."]')!;
    first.focus();
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      await userEvent.keyboard('{ArrowDown}');
      await el.updateComplete;
      const active = root.activeElement as HTMLElement | null;
      seen.push(active?.hasAttribute('data-more') ? 'fold' : (active?.dataset['k'] ?? 'none'));
    }
    const at = seen.indexOf('fold');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(seen.slice(at + 1).some((k) => k !== 'fold')).toBe(true);
    expect(seen).not.toContain('none');
  });

  it('"+N more" opens the agenda at that time', async () => {
    await page.viewport(1280, 1600);
    const el = await mount('week', 'en', '', manyDoc(140, '2026-03-15'));
    const fold = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=more-button]');
    expect(fold).not.toBeNull();
    expect(fold!.getAttribute('aria-label')).toMatch(/^\d+ more at this time/);
    fold!.focus();
    fold!.click();
    await vi.waitFor(() => expect(el.view).toBe('agenda'));
    await el.updateComplete;
    await vi.waitFor(() =>
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).toBe('occurrence'),
    );
  });
});

describe('<milieu-schedule-board> kiosk on 16:9 screens', () => {
  beforeAll(() => {
    theme.textContent = '';
  });

  it.each([
    [1280, 720],
    [1920, 1080],
    [3840, 2160],
  ])(
    'fits %i×%i without scrolling at every quarter hour, type scaling with the width',
    async (w, h) => {
      await page.viewport(w, h);
      const el = await mount('now', 'es', 'no-controls');
      const sizes: number[] = [];
      let busiest = 0;
      for (let m = 6 * 60; m <= 22 * 60; m += 15) {
        const hh = String(Math.floor(m / 60)).padStart(2, '0');
        const mm = String(m % 60).padStart(2, '0');
        el.now = `${DATE}T${hh}:${mm}:00-04:00`;
        await el.updateComplete;
        busiest = Math.max(busiest, el.shadowRoot!.querySelectorAll('[part=occurrence]').length);
        expect(el.getBoundingClientRect().height, `${hh}:${mm}`).toBeLessThanOrEqual(h);
        expect(problems(el, 44), `${hh}:${mm}`).toEqual([]);
        sizes.push(parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.kiosk')!).fontSize));
      }
      expect(busiest).toBeGreaterThanOrEqual(8);
      // 1.5cqi of the board's width, with no 32 px cap.
      expect(sizes[0]).toBeGreaterThan(w / 100);
    },
  );
});

describe('<milieu-schedule-board> at 200 % text', () => {
  it('follows the host’s text size (no 1rem reset in the shadow root)', async () => {
    await page.viewport(1280, 1600);
    theme.textContent = '';
    const el = await mount('week', 'en');
    const size = (): number =>
      parseFloat(
        getComputedStyle(el.shadowRoot!.querySelector('[part=occurrence-title]')!).fontSize,
      );
    const hour = (): number =>
      el.shadowRoot!.querySelector('.axis-body span')!.getBoundingClientRect().height;
    const [normal, normalHour] = [size(), hour()];
    el.style.fontSize = '200%';
    await el.updateComplete;
    expect(size()).toBeCloseTo(normal * 2, 0);
    expect(hour()).toBeGreaterThan(normalHour * 1.9);
    expect(problems(el, 24)).toEqual([]);
  });
});

describe('<milieu-schedule-board> right-to-left', () => {
  it('isolates titles and names, so times do not reorder around them', async () => {
    await page.viewport(1280, 1600);
    const el = await mount('agenda', 'en', 'dir="rtl"');
    const title = el.shadowRoot!.querySelector('[part=occurrence-title] bdi');
    expect(title?.textContent?.trim().length).toBeGreaterThan(0);
    expect(el.shadowRoot!.querySelector('.title-text bdi')).not.toBeNull();
    // "7:00 AM" stays "7:00 AM" in a right-to-left page (not "AM 7:00"): the time is isolated.
    // (Isolated by CSS, `unicode-bidi: plaintext`, not a <bdi>: an element clipped out of a
    // narrow card would drop from the visible text that axe compares with the name.)
    const time = el.shadowRoot!.querySelector<HTMLElement>('[part=occurrence-time]')!;
    expect(getComputedStyle(time).direction).toBe('rtl');
    expect(getComputedStyle(time).unicodeBidi).toBe('plaintext');
    const text = [...time.childNodes].find(
      (n): n is Text => n instanceof Text && /M/.test(n.data),
    )!;
    const at = (from: number, to: number): number => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, to);
      return r.getBoundingClientRect().left;
    };
    const m = /[AP]M/.exec(text.data)!;
    // One left-to-right run: the hour's digits are left of its "AM".
    expect(at(0, 1)).toBeLessThan(at(m.index, m.index + 2));
    // Control: the same words, not isolated, in a right-to-left paragraph do read "AM 7:00".
    const control = document.createElement('p');
    control.dir = 'rtl';
    control.textContent = text.data;
    document.body.append(control);
    const raw = control.firstChild as Text;
    const r0 = document.createRange();
    r0.setStart(raw, 0);
    r0.setEnd(raw, 1);
    const r1 = document.createRange();
    r1.setStart(raw, m.index);
    r1.setEnd(raw, m.index + 2);
    expect(r0.getBoundingClientRect().left).toBeGreaterThan(r1.getBoundingClientRect().left);
  });
});

describe('<milieu-schedule-board> now-line', () => {
  it.each(Object.keys(TOKEN_THEMES) as ThemeName[])(
    'in the %s theme it runs behind the cards and is not a strikethrough',
    async (name) => {
      await page.viewport(1280, 1600);
      theme.textContent = themeCss(name, ':root');
      const el = await mount('day', 'en');
      const root = el.shadowRoot!;
      const line = root.querySelector<HTMLElement>('.now-line')!;
      const r = line.getBoundingClientRect();
      // 10:40 is inside two process groups: the line is hidden there, under the cards.
      const hit = root.elementFromPoint(r.left + r.width / 2, r.top + 1);
      expect(hit?.closest('[part=occurrence]')).not.toBeNull();
      // In the hour column, where nothing covers it.
      const mark = root.querySelector<HTMLElement>('.now-mark')!.getBoundingClientRect();
      expect(Math.abs(mark.top - r.top)).toBeLessThan(2);
      const cancelled = root.querySelector('.cancelled [part=occurrence-title]')!;
      expect(getComputedStyle(cancelled).textDecorationLine).toBe('line-through');
      expect(getComputedStyle(line).zIndex).toBe('0');
      theme.textContent = '';
    },
  );
});
