import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import inpatient from '../../../../../examples/inpatient-unit.json';
import './schedule-board.js';
import { SCHEDULE_VIEWS, type ScheduleLoader } from './schedule-board.types.js';
import { boardDoc, dstDoc, manyDoc } from './schedule-board.fixtures.js';

interface Args {
  view: string;
  date: string;
  now: string;
  participant: string;
  locale: string;
  hourStart: number | undefined;
  hourEnd: number | undefined;
  noControls: boolean;
  document: unknown;
  loader: ScheduleLoader | undefined;
}

const render = (a: Args): TemplateResult =>
  html`<milieu-schedule-board
    view=${a.view || nothing}
    date=${a.date || nothing}
    now=${a.now || nothing}
    participant=${a.participant || nothing}
    locale=${a.locale || nothing}
    hour-start=${a.hourStart ?? nothing}
    hour-end=${a.hourEnd ?? nothing}
    ?no-controls=${a.noControls}
    .document=${a.document}
    .loader=${a.loader}
  ></milieu-schedule-board>`;

const meta: Meta<Args> = {
  title: 'Components/Schedule board',
  component: 'milieu-schedule-board',
  render,
  argTypes: {
    view: { control: 'select', options: ['', ...SCHEDULE_VIEWS] },
    locale: { control: 'select', options: ['', 'en-US', 'en-GB', 'es', 'es-MX'] },
    document: { control: false },
    loader: { control: false },
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
    loader: undefined,
  },
};
export default meta;
type Story = StoryObj<Args>;

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
/** One participant's week; names are shown as first name and last initial. */
export const Participant: Story = {
  args: { view: 'agenda', participant: inpatient.people.participants[0]?.id ?? '' },
};
/** Kiosk: one participant's now panel, no controls. */
export const Kiosk: Story = {
  args: { view: 'now', noControls: true, participant: inpatient.people.participants[0]?.id ?? '' },
};
export const Spanish: Story = { args: { locale: 'es' } };

/** 2026-03-08 in New York: the clocks skip 02:00–03:00; a 02:30 round starts at 03:30. */
export const DstDay: Story = {
  args: { view: 'day', date: '2026-03-08', now: '2026-03-08T12:00:00-04:00', document: dstDoc() },
};
/** A program in Tokyo seen from another zone: times stay in Tokyo time, with a note. */
export const ZoneMismatch: Story = {
  args: { document: boardDoc({ timeZone: 'Asia/Tokyo' }), date: '2026-03-10', now: '' },
};
/** The performance case: 2,000 occurrences in one week, overlaps side by side. */
export const TwoThousand: Story = {
  args: { document: manyDoc(2000), date: '2026-03-10', now: '2026-03-10T10:00:00-04:00' },
};

export const Loading: Story = {
  args: { document: undefined, loader: () => new Promise<never>(() => {}) },
};
export const LoadError: Story = {
  args: {
    document: undefined,
    loader: () => Promise.reject(new Error('The server is not reachable.')),
  },
};
export const InvalidDocument: Story = {
  args: {
    document: { ...boardDoc(), routines: [{ id: 'broken', start: '25:00' }] },
  },
};
export const Empty: Story = { args: { document: boardDoc({ routines: [] }) } };
export const NoSource: Story = { args: { document: undefined } };
