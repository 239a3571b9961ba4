import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { MilieuDocument } from '@milieu/core';
import { SCHEDULE_SCENARIOS, type ScheduleScenario } from '@milieu/msw';
import inpatientJson from '../../../../../examples/inpatient-unit.json';
import residentialJson from '../../../../../examples/residential-rehab.json';
import outpatientJson from '../../../../../examples/outpatient-group.json';
import minimalJson from '../../../../../examples/minimal.json';
import './schedule-board.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';
import { SCHEDULE_VIEWS, type ScheduleView } from './schedule-board.types.js';
import { boardDoc, dstDoc, manyDoc } from './schedule-board.fixtures.js';
import { allKindsDoc, dstFallBackDoc, longNamesBoardDoc } from '../../test/story-documents.js';
import { mediaEmulated } from '../../test/story-helpers.js';
import {
  makeScheduleNet,
  overNetwork,
  scheduleNetFor,
  SCHEDULE_ROLES,
  type ScheduleNet,
  type ScheduleNetwork,
  type ScheduleRole,
} from '../../test/story-network.js';

const inpatient = inpatientJson as unknown as MilieuDocument;
const residential = residentialJson as unknown as MilieuDocument;
const outpatient = outpatientJson as unknown as MilieuDocument;
const minimal = minimalJson as unknown as MilieuDocument;

type Args = {
  view: ScheduleView | '';
  date: string;
  /** The frozen clock (the toolbar's Clock › Live clock ignores it). */
  now: string;
  participant: string;
  /** Empty: follows the toolbar's locale (the nearest `lang`). */
  locale: string;
  hourStart: number | undefined;
  hourEnd: number | undefined;
  noControls: boolean;
  /** What the mock server holds (or, with `network: none`, the board's `document` property). */
  document: unknown;
  /**
   * How the mock `GET /api/v1/occurrences` answers (the shared msw handlers, through the
   * board's `loader`); `none` sets `document` as a property instead (the SDK path).
   */
  network: ScheduleNetwork;
  /** Whose token the mock server sees: the response is shaped for that role. */
  role: ScheduleRole;
};

const render = (a: Args, context: StoryContext<Args>): TemplateResult => {
  const net = scheduleNetFor(a, context.loaded);
  const now = context.globals['clock'] === 'live' ? '' : a.now;
  return html`<milieu-schedule-board
    view=${ifDefined(a.view || undefined)}
    date=${ifDefined(a.date || undefined)}
    now=${ifDefined(now || undefined)}
    participant=${ifDefined(a.participant || undefined)}
    locale=${ifDefined(a.locale || undefined)}
    hour-start=${ifDefined(a.hourStart)}
    hour-end=${ifDefined(a.hourEnd)}
    ?no-controls=${a.noControls}
    .document=${net ? undefined : a.document}
    .loader=${net?.loader}
  ></milieu-schedule-board>`;
};

const board = (root: HTMLElement): MilieuScheduleBoard =>
  root.querySelector<MilieuScheduleBoard>('milieu-schedule-board')!;

async function inState(el: MilieuScheduleBoard, state: string): Promise<void> {
  await waitFor(() => expect(el.matches(`:state(${state})`)).toBe(true), { timeout: 5000 });
  await el.updateComplete;
}

/** A story whose schedule comes over the mock network in `network`. */
const over = (network: ScheduleScenario, document: MilieuDocument = inpatient): Story =>
  overNetwork(network, document);

const meta: Meta<Args> = {
  title: 'Components/Schedule board',
  component: 'milieu-schedule-board',
  render,
  loaders: [({ args }) => ({ net: makeScheduleNet(args as Args) })],
  argTypes: {
    view: { control: 'select', options: ['', ...SCHEDULE_VIEWS] },
    locale: { control: 'select', options: ['', 'en-US', 'en-GB', 'es', 'es-MX'] },
    network: { control: 'select', options: ['none', ...SCHEDULE_SCENARIOS] },
    role: { control: 'select', options: SCHEDULE_ROLES },
    document: { control: false },
  },
  args: {
    view: 'week',
    date: '2026-03-19',
    now: '2026-03-19T10:20:00-04:00',
    participant: '',
    locale: '',
    hourStart: undefined,
    hourEnd: undefined,
    noControls: false,
    document: inpatient,
    network: 'success',
    role: 'staff',
  },
};
export default meta;
type Story = StoryObj<Args>;

// ── views ──────────────────────────────────────────────────────────────
/** The inpatient example unit in the week of 2026-03-16, with a moved and a cancelled group. */
export const Playground: Story = {};
export const Day: Story = { args: { view: 'day' } };
export const Week: Story = { args: { view: 'week' } };
/** The accessible list; also what narrow containers get when `view` is not set. */
export const Agenda: Story = { args: { view: 'agenda' } };
/** The hallway TV: clock, now with progress, next, later today, today's changes. */
export const Now: Story = { args: { view: 'now', noControls: true } };
/** Host pages add `@page { size: landscape }` to print it on one page. */
export const Print: Story = { args: { view: 'print' } };
/** The print sheet under `@media print` (emulated, see Accessibility › Media previews). */
export const PrintMedia: Story = { args: { view: 'print' }, globals: { media: 'print' } };

// ── modes ──────────────────────────────────────────────────────────────
/** A participant's own week, read with their own token: nobody else's schedule is received. */
export const Participant: Story = {
  args: {
    view: 'agenda',
    role: 'participant',
    participant: inpatient.people.participants[0]?.id ?? '',
  },
};
/** A hallway TV with a kiosk token: the unit's now panel, names as the program's policy says. */
export const Kiosk: Story = { args: { view: 'now', noControls: true, role: 'kiosk' } };
/** The SDK path: a whole document set as the `document` property (its parser loads lazily). */
export const DocumentProperty: Story = { args: { network: 'none' } };
/** A participant id the document does not know (the SDK path). */
export const UnknownParticipant: Story = {
  args: { network: 'none', participant: 'p-nobody' },
};

// ── data ───────────────────────────────────────────────────────────────
/** Every activity kind with its colour pair and icon (a day from 06:00). */
export const AllKinds: Story = {
  args: {
    view: 'day',
    date: '2026-03-10',
    now: '2026-03-10T06:00:00-04:00',
    document: allKindsDoc(),
  },
};
/** A 28-day residential rehab in Los Angeles. */
export const ResidentialExample: Story = {
  args: { document: residential, now: '2026-03-19T10:20:00-07:00' },
};
/** A Thursday-evening outpatient group in Madrid, in Spanish. */
export const OutpatientExample: Story = {
  globals: { locale: 'es' },
  args: { document: outpatient, view: 'agenda', now: '2026-03-19T18:30:00+01:00' },
};
/** The small document of the core README. */
export const MinimalExample: Story = {
  args: { document: minimal, view: 'day', now: '2026-03-19T09:10:00-05:00' },
};
export const Spanish: Story = { globals: { locale: 'es' } };

/** 2026-03-08 in New York: the clocks skip 02:00–03:00; a 02:30 round starts at 03:30. */
export const DstDay: Story = {
  args: { view: 'day', date: '2026-03-08', now: '2026-03-08T12:00:00-04:00', document: dstDoc() },
};
/** 2026-11-01 in New York: 01:00–02:00 happens twice; a 01:30 round is shown once. */
export const DstFallBack: Story = {
  args: {
    view: 'day',
    date: '2026-11-01',
    now: '2026-11-01T12:00:00-05:00',
    document: dstFallBackDoc(),
  },
};
/** A program in Tokyo seen from another zone: times stay in Tokyo time, with a note. */
export const ZoneMismatch: Story = {
  args: {
    document: boardDoc({ timeZone: 'Asia/Tokyo' }),
    date: '2026-03-10',
    now: '2026-03-10T10:00:00+09:00',
  },
};

/** Long program, routine, place and staff names wrap instead of overflowing. */
export const LongNames: Story = {
  args: { date: '2026-03-10', now: '2026-03-10T10:00:00-04:00', document: longNamesBoardDoc() },
};
/**
 * The performance case: 2,000 occurrences in one week, overlaps side by side. Its axe run (every
 * rule) covers the header and the densest day, Tuesday's column: about 8,000 shadow nodes
 * made axe take 7–11 s on a busy 2-core machine, close to the test timeout, and the other six
 * columns repeat the same templates. Performance itself is measured by `npm run bench`.
 */
export const TwoThousand: Story = {
  args: { document: manyDoc(2000), date: '2026-03-10', now: '2026-03-10T10:00:00-04:00' },
  parameters: {
    a11y: {
      context: {
        include: [
          { fromShadowDom: ['milieu-schedule-board', '[part~="header"]'] },
          // The grid holds the hour axis, then one column per day: Sunday 8 March is the 2nd child.
          { fromShadowDom: ['milieu-schedule-board', '[part~="grid"] > :nth-child(4)'] },
        ],
      },
    },
  },
};

// ── states (document over the shared msw handlers) ─────────────────────
/** The first load is in flight: a skeleton, announced once, `aria-busy`. */
export const Loading: Story = over('loading');
/** A slow server: the skeleton, then the board. */
export const SlowNetwork: Story = {
  ...over('slow'),
  play: async ({ canvasElement }) => {
    const el = board(canvasElement);
    expect(el.matches(':state(loading)')).toBe(true);
    await inState(el, 'ready');
  },
};
/** 500: the error panel with Retry. */
export const LoadError: Story = over('server-error');
/** 404: no document stored yet. */
export const NotFound: Story = over('not-found');
/** A network error (offline). */
export const Offline: Story = over('offline');
/** The server sent a body that fails `OccurrencesResponseSchema`: the issues with their JSON pointers. */
export const InvalidResponse: Story = over('invalid');
/** A document property that fails `parseDocument` (no network involved). */
export const InvalidDocumentProperty: Story = {
  args: {
    network: 'none',
    document: { ...boardDoc(), routines: [{ id: 'broken', start: '25:00' }] },
  },
};
/** A valid document with nothing scheduled. */
export const Empty: Story = { args: { document: boardDoc({ routines: [] }) } };
/** No `document`, `loader` or `src` yet. */
export const NoSource: Story = { args: { network: 'none', document: undefined } };

/** Retry after a 500: the week's first GET fails, Retry sends it again, which succeeds. */
export const RetryAfter500: Story = {
  ...over('flaky'),
  play: async ({ canvasElement, userEvent, loaded, step }) => {
    const el = board(canvasElement);
    await step('the first request answers 500', async () => {
      await inState(el, 'error');
      expect(el.shadowRoot!.querySelector('[part=error]')?.getAttribute('role')).toBe('alert');
    });
    await step('Retry loads the board', async () => {
      await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part=retry-button]')!);
      await inState(el, 'ready');
    });
    const net = loaded['net'] as ScheduleNet | undefined;
    if (net) {
      const week = net.endpoint.queries[0]!;
      expect(net.endpoint.queries.filter((q) => q['from'] === week['from'])).toHaveLength(2);
    }
  },
};

// ── keyboard ───────────────────────────────────────────────────────────
const occ = (el: MilieuScheduleBoard): HTMLElement | null =>
  el.shadowRoot!.activeElement instanceof HTMLElement &&
  el.shadowRoot!.activeElement.matches('button.occ')
    ? el.shadowRoot!.activeElement
    : null;

/** Day view: ↓/↑ walk the occurrences (roving tabindex), Enter selects one. */
export const KeyboardDay: Story = {
  args: { view: 'day', date: '2026-03-10', now: '2026-03-10T07:00:00-04:00', document: boardDoc() },
  play: async ({ canvasElement, userEvent, step }) => {
    const el = board(canvasElement);
    await inState(el, 'ready');
    const first = el.shadowRoot!.querySelector<HTMLElement>('button.occ[tabindex="0"]')!;
    first.focus();
    let second: HTMLElement | null = null;
    await step('ArrowDown moves to the next occurrence', async () => {
      await userEvent.keyboard('{ArrowDown}');
      await waitFor(() => expect(occ(el)).not.toBe(first));
      second = occ(el);
      expect(second?.getAttribute('tabindex')).toBe('0');
      expect(first.getAttribute('tabindex')).toBe('-1');
    });
    await step('ArrowUp moves back', async () => {
      await userEvent.keyboard('{ArrowUp}');
      await waitFor(() => expect(occ(el)).toBe(first));
    });
    await step('Enter selects the focused occurrence', async () => {
      const selected = new Promise<string>((resolve) =>
        el.addEventListener('milieu-occurrence-select', (e) => resolve(e.detail.id), {
          once: true,
        }),
      );
      await userEvent.keyboard('{ArrowDown}');
      await waitFor(() => expect(occ(el)).toBe(second));
      await userEvent.keyboard('{Enter}');
      expect(await selected).toMatch(/@2026-03-10$/);
    });
  },
};

/** Week view: ←/→ move to the nearest time on the neighbouring day, Home/End within the day. */
export const KeyboardWeek: Story = {
  args: {
    view: 'week',
    date: '2026-03-10',
    now: '2026-03-10T07:00:00-04:00',
    document: boardDoc(),
  },
  play: async ({ canvasElement, userEvent }) => {
    const el = board(canvasElement);
    await inState(el, 'ready');
    const start = el.shadowRoot!.querySelector<HTMLElement>('button.occ[tabindex="0"]')!;
    start.focus();
    const column = (b: HTMLElement | null): number => Number(b?.dataset['k']?.split('.')[0]);
    const from = column(start);
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(column(occ(el))).toBe(from + 1));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(occ(el)?.dataset['k']).not.toMatch(/\.0$/));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(occ(el)?.dataset['k']).toBe(`${from + 1}.0`));
  },
};

// ── themes, locales and media ──────────────────────────────────────────
export const Dark: Story = { globals: { theme: 'dark' } };
export const HighContrast: Story = { globals: { theme: 'high-contrast' } };
/** A hospital's re-brand through tokens only (teal, serif, square corners). */
export const Portal: Story = { globals: { theme: 'portal' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' }, args: { view: 'day' } };
export const LargeText: Story = { globals: { textSize: '200%' }, args: { view: 'agenda' } };
/** Forced colours (Windows High Contrast): see Accessibility › Media previews. */
export const ForcedColors: Story = {
  globals: { media: 'forced-colors' },
  play: async ({ canvasElement }) => {
    const el = board(canvasElement);
    await inState(el, 'ready');
    if (mediaEmulated(canvasElement)) {
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    }
  },
};
/** Reduced motion: the loading skeleton does not pulse. */
export const ReducedMotion: Story = {
  ...over('loading'),
  globals: { media: 'reduced-motion' },
  play: async ({ canvasElement }) => {
    const el = board(canvasElement);
    await inState(el, 'loading');
    const bar = el.shadowRoot!.querySelector('.skeleton span:not(.sr)');
    if (bar && mediaEmulated(canvasElement)) {
      expect(getComputedStyle(bar).animationName).toBe('none');
    }
  },
};
