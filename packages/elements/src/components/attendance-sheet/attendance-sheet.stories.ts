import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { attendanceEndpoint, createFetch, type AttendanceScenario } from '@milieu/msw';
import './attendance-sheet.js';
import type { MilieuAttendanceSheet } from './attendance-sheet.component.js';
import { clearMemoryQueues } from '../../internal/lossless-save.js';
import { goOffline } from '../../test/story-helpers.js';
import { SHEET_NOW, sheetSchedule } from './attendance-sheet.fixtures.js';

type Args = {
  occurrenceId: string;
  locale: string;
  /** What the mock `POST /api/v1/attendance` (the shared msw handlers) answers. */
  server: AttendanceScenario;
  /** `loading`: the schedule never arrives. */
  schedule: 'ready' | 'loading';
};

function render(a: Args): TemplateResult {
  clearMemoryQueues();
  const endpoint = attendanceEndpoint(a.server, { delayMs: 60_000 });
  const loader =
    a.schedule === 'loading'
      ? () => new Promise<never>(() => {})
      : () => Promise.resolve(sheetSchedule());
  return html`<milieu-attendance-sheet
    occurrence-id=${a.occurrenceId}
    action="/api/v1/attendance"
    locale=${a.locale}
    .now=${SHEET_NOW}
    .loader=${loader}
    .fetcher=${createFetch(endpoint.handlers)}
    .retry=${{ maxAttempts: 1 }}
  ></milieu-attendance-sheet>`;
}

const meta: Meta<Args> = {
  title: 'Elements/Attendance sheet',
  component: 'milieu-attendance-sheet',
  render,
  args: { occurrenceId: 'skills@2026-03-10', locale: '', server: 'success', schedule: 'ready' },
  argTypes: {
    server: {
      control: 'select',
      options: ['success', 'slow', 'flaky', 'lost-response', 'forbidden', 'cancelled', 'offline'],
    },
    schedule: { control: 'inline-radio', options: ['ready', 'loading'] },
    occurrenceId: {
      control: 'select',
      options: [
        '',
        'skills@2026-03-10',
        'community@2026-03-10',
        'yoga@2026-03-10',
        'art@2026-03-10',
      ],
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

const sheetOf = (canvas: HTMLElement) =>
  canvas.querySelector<MilieuAttendanceSheet>('milieu-attendance-sheet')!;
const rowsOf = (el: MilieuAttendanceSheet) => [...el.shadowRoot!.querySelectorAll('.row')];
async function ready(canvas: HTMLElement): Promise<MilieuAttendanceSheet> {
  const el = sheetOf(canvas);
  await waitFor(() => expect(rowsOf(el).length).toBeGreaterThan(0));
  return el;
}
const markAll = (el: MilieuAttendanceSheet) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('.mark-all')!.click();

/** The 12 members, nobody recorded yet. */
export const Default: Story = {};

/** The schedule has not arrived. */
export const Loading: Story = {
  args: { schedule: 'loading' },
  play: async ({ canvasElement }) => {
    const el = sheetOf(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[aria-busy]')).not.toBeNull());
  },
};

/** Offline: changes wait in the queue and say so, then go out when the network is back. */
export const Offline: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const restore = goOffline();
    try {
      markAll(el);
      await waitFor(() => expect(el.matches(':state(offline)')).toBe(true));
      await waitFor(() =>
        expect(rowsOf(el).every((r) => r.classList.contains('offline'))).toBe(true),
      );
    } finally {
      restore(); // back online: the queued changes go out
    }
    await el.whenSaved();
  },
};

/** Saving: the server is slow, every row says "Saving…". */
export const Saving: Story = {
  args: { server: 'slow' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    markAll(el);
    await waitFor(() => expect(rowsOf(el)[0]!.classList.contains('saving')).toBe(true));
  },
};

/** Saved: "Mark all present", then one correction; every row confirmed by a 2xx. */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    markAll(el);
    rowsOf(el)[3]!.querySelector<HTMLButtonElement>('.s-absent')!.click();
    await el.whenSaved();
    await waitFor(() => expect(rowsOf(el).every((r) => r.classList.contains('saved'))).toBe(true));
  },
};

/** Conflict: the server refuses (the session was cancelled meanwhile); nothing is shown as saved. */
export const Conflict: Story = {
  args: { server: 'cancelled' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    rowsOf(el)[0]!.querySelector<HTMLButtonElement>('.s-present')!.click();
    await el.whenSaved();
    await waitFor(() => expect(rowsOf(el)[0]!.classList.contains('failed')).toBe(true));
  },
};

/** Overdue: the morning meeting ended without attendance. */
export const Overdue: Story = {
  args: { occurrenceId: 'community@2026-03-10' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.matches(':state(overdue)')).toBe(true);
  },
};

/** Empty roster: an elective nobody chose. */
export const EmptyRoster: Story = {
  args: { occurrenceId: 'yoga@2026-03-10' },
  play: async ({ canvasElement }) => {
    const el = sheetOf(canvasElement);
    await waitFor(() =>
      expect(el.shadowRoot!.textContent).toContain('No one is expected at this session.'),
    );
  },
};

/** Today's sessions to choose from (no `occurrence-id`). */
export const ChooseSession: Story = { args: { occurrenceId: '' } };

/** Spanish, overdue. */
export const Spanish: Story = {
  args: { locale: 'es', occurrenceId: 'community@2026-03-10' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.textContent).toContain('Atrasada'));
  },
};

/** Spanish, saved. */
export const SpanishSaved: Story = {
  args: { locale: 'es' },
  play: Saved.play!,
};
