(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRoot, type Root } from 'react-dom/client';
import { act, createElement, createRef } from 'react';
import example from '../../../examples/inpatient-unit.json';
import { parseDocument, scheduleResource, zonedToInstant } from '@milieu/core';
import { AttendanceSheet, ExpectationCard, FeedbackForm, ScheduleBoard } from './index.js';
import type {
  AttendanceChangeDetail,
  AttendanceSavedDetail,
  MilieuAttendanceSheet,
  DraftChangeDetail,
  FeedbackErrorDetail,
  FeedbackSavedDetail,
  FeedbackSubmitDetail,
  LoadErrorDetail,
  MilieuExpectationCard,
  MilieuFeedbackForm,
  MilieuScheduleBoard,
  OccurrenceSelectDetail,
  RangeChangeDetail,
  RationaleToggleDetail,
} from './index.js';

const NOW = '2026-03-09T10:20:00-04:00';
/** The example document, typed as the form's `document` property. */
const doc = example as unknown as NonNullable<MilieuFeedbackForm['document']>;
let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

function mount(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}

function rerender(node: React.ReactNode): void {
  act(() => root!.render(node));
}

const shadow = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
};

const button = (el: Element, name: string): HTMLButtonElement => {
  const all = [...el.shadowRoot!.querySelectorAll('button')];
  const found = all.find(
    (b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};

/** A `fetch` stand-in that records calls and answers `status` with `body`. */
function fakeFetch(status: number, body: (init: RequestInit) => unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return new Response(JSON.stringify(body(init)), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof fetch;
  return { calls, fetcher };
}

describe('ExpectationCard', () => {
  it('passes rich props as properties and calls typed event callbacks', async () => {
    const seen: RationaleToggleDetail[] = [];
    const host = mount(
      <ExpectationCard
        expectation={{ id: 'exp-1', statement: 'Knock first.', rationale: 'Rooms are private.' }}
        locale="es"
        onRationaleToggle={(e) => seen.push(e.detail)}
      />,
    );
    const el = host.querySelector('milieu-expectation-card') as MilieuExpectationCard;
    await el.updateComplete;
    expect(el.expectation?.statement).toBe('Knock first.');
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).toBe('¿Por qué?');
    await userEvent.click(el.shadowRoot!.querySelector('button')!);
    expect(seen).toEqual([{ expectationId: 'exp-1', open: true }]);
  });
});

describe('ScheduleBoard', () => {
  it('sets the document and functions as properties and updates props on re-render', async () => {
    // A loader resolves to the schedule resource of the range it is asked for.
    const parsed = parseDocument(example);
    if (!parsed.ok) throw new Error('the example must parse');
    const zone = parsed.value.program.timeZone;
    const loader = async ({ from, to }: { from: string; to: string }): Promise<unknown> =>
      scheduleResource(
        parsed.value,
        { kind: 'kiosk' },
        {
          from: zonedToInstant(from, '00:00', zone).ms,
          to: zonedToInstant(to, '00:00', zone).ms,
        },
      );
    const host = mount(
      <ScheduleBoard document={example} view="week" date="2026-03-09" now={NOW} locale="en-US" />,
    );
    const el = host.querySelector('milieu-schedule-board') as MilieuScheduleBoard;
    await el.updateComplete;
    expect(el.document).toBe(example); // the same object, not a string attribute
    expect(el.hasAttribute('document')).toBe(false);
    // The document path loads its parser lazily.
    await expect
      .poll(() => el.shadowRoot!.querySelectorAll('button.occ').length)
      .toBeGreaterThan(100);

    rerender(
      <ScheduleBoard
        loader={loader}
        view="day"
        date="2026-03-10"
        now={NOW}
        locale="en-US"
        noControls
      />,
    );
    expect(el.loader).toBe(loader);
    expect(el.view).toBe('day');
    expect(el.noControls).toBe(true);
    await expect
      .poll(() => el.shadowRoot!.querySelectorAll('button.occ').length)
      .toBeGreaterThan(10);
  });

  it('delivers onOccurrenceSelect, onRangeChange and onLoadError with typed details', async () => {
    const selected: OccurrenceSelectDetail[] = [];
    const ranges: RangeChangeDetail[] = [];
    const errors: LoadErrorDetail[] = [];
    const host = mount(
      <ScheduleBoard
        document={example}
        view="week"
        date="2026-03-09"
        now={NOW}
        locale="en-US"
        onOccurrenceSelect={(e) => selected.push(e.detail)}
        onRangeChange={(e) => ranges.push(e.detail)}
        onLoadError={(e) => errors.push(e.detail)}
      />,
    );
    const el = host.querySelector('milieu-schedule-board') as MilieuScheduleBoard;
    await expect.poll(() => el.shadowRoot!.querySelector('button.occ')).not.toBeNull();
    await userEvent.click(shadow(el, 'button.occ'));
    expect(selected).toHaveLength(1);
    expect(selected[0]!.id).toMatch(/^[\w-]+@2026-03-\d\d$/);
    expect(selected[0]!.start).toMatch(/-0[45]:00$/);

    await userEvent.click(button(el, 'Next week'));
    expect(ranges).toEqual([expect.objectContaining({ view: 'week', date: '2026-03-16' })]);

    rerender(
      <ScheduleBoard document={{ milieuVersion: 1 }} onLoadError={(e) => errors.push(e.detail)} />,
    );
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]!.issues?.length).toBeGreaterThan(0);
  });
});

describe('FeedbackForm', () => {
  const values = { strengths: 'I went to every group today.', mood: 4 };

  it('respects a cancelled submit: nothing is sent until the host calls markSaved()', async () => {
    const submitted: FeedbackSubmitDetail[] = [];
    const saved: FeedbackSavedDetail[] = [];
    const { calls, fetcher } = fakeFetch(201, () => ({}));
    const ref = createRef<MilieuFeedbackForm>();
    mount(
      <FeedbackForm
        ref={ref}
        source="self"
        author="p-12"
        locale="en-US"
        action="/api/v1/feedback"
        document={doc}
        values={values}
        fetcher={fetcher}
        onFeedbackSubmit={(e) => {
          e.preventDefault();
          submitted.push(e.detail);
        }}
        onFeedbackSaved={(e) => saved.push(e.detail)}
      />,
    );
    const el = ref.current!;
    await el.updateComplete;
    expect(el.values).toBe(values);
    expect(el.fetcher).toBe(fetcher);
    await userEvent.click(shadow(el, '[part=submit]'));
    await expect.poll(() => submitted.length).toBe(1);
    expect(submitted[0]!.entry).toMatchObject({ source: 'self', subjectId: 'p-12' });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([]); // cancelled: not POSTed
    act(() => el.markSaved(submitted[0]!.entry));
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0]!.status).toBeNull();
  });

  it('POSTs with the Idempotency-Key when not cancelled, and reports saved and error', async () => {
    const submitted: FeedbackSubmitDetail[] = [];
    const saved: FeedbackSavedDetail[] = [];
    const failed: FeedbackErrorDetail[] = [];
    const ok = fakeFetch(201, (init) => ({ entry: JSON.parse(String(init.body)) as unknown }));
    const props = {
      source: 'self',
      author: 'p-12',
      locale: 'en-US',
      action: '/api/v1/feedback',
      document: doc,
      onFeedbackSubmit: (e: { detail: FeedbackSubmitDetail }) => submitted.push(e.detail),
      onFeedbackSaved: (e: { detail: FeedbackSavedDetail }) => saved.push(e.detail),
      onFeedbackError: (e: { detail: FeedbackErrorDetail }) => failed.push(e.detail),
    } as const;
    const ref = createRef<MilieuFeedbackForm>();
    mount(<FeedbackForm ref={ref} {...props} values={values} fetcher={ok.fetcher} />);
    await ref.current!.updateComplete;
    await userEvent.click(shadow(ref.current!, '[part=submit]'));
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0]!.status).toBe(201);
    expect(ok.calls).toHaveLength(1);
    const headers = ok.calls[0]!.init.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe(submitted[0]!.idempotencyKey);

    const rejected = fakeFetch(400, () => ({
      error: { code: 'invalid_entry', message: 'Not today.' },
    }));
    rerender(
      <FeedbackForm ref={ref} {...props} values={{ ...values }} fetcher={rejected.fetcher} />,
    );
    await ref.current!.updateComplete;
    await userEvent.click(shadow(ref.current!, '[part=submit]'));
    await expect.poll(() => failed.length).toBe(1);
    expect(failed[0]).toMatchObject({ status: 400, code: 'invalid_entry', retryable: false });
  });

  it('delivers onInput, onChange and onDraftChange for user edits only', async () => {
    const drafts: DraftChangeDetail[] = [];
    const inputs: string[] = [];
    const changes: string[] = [];
    const ref = createRef<MilieuFeedbackForm>();
    mount(
      <FeedbackForm
        ref={ref}
        source="self"
        author="p-12"
        locale="en-US"
        document={doc}
        onDraftChange={(e) => drafts.push(e.detail)}
        onInput={(e) => inputs.push(e.type)}
        onChange={(e) => changes.push(e.type)}
      />,
    );
    const el = ref.current!;
    await el.updateComplete;
    expect(drafts).toEqual([]);
    await userEvent.fill(shadow(el, '#c-strengths'), 'Called my sister');
    await userEvent.tab();
    await expect.poll(() => drafts.at(-1)?.values['strengths']).toBe('Called my sister');
    expect(drafts.at(-1)!.storage).toBe('memory');
    expect(inputs.length).toBeGreaterThan(0);
    expect(changes.length).toBeGreaterThan(0);
  });
});

describe('AttendanceSheet', () => {
  it('passes the loader and fetcher as properties and delivers typed change and saved events', async () => {
    const parsed = parseDocument(example);
    if (!parsed.ok) throw new Error('example must parse');
    const from = zonedToInstant('2026-03-08', '00:00', 'America/New_York').ms;
    const to = zonedToInstant('2026-03-11', '00:00', 'America/New_York').ms;
    const schedule = scheduleResource(
      parsed.value,
      { kind: 'staff' },
      { from, to, now: Date.parse(NOW) },
    );
    const occ = schedule.occurrences.find(
      (o) =>
        o.kind === 'group-therapy' &&
        o.localDate === '2026-03-09' &&
        (o.participants?.length ?? 0) > 0,
    )!;
    const changes: AttendanceChangeDetail[] = [];
    const saved: AttendanceSavedDetail[] = [];
    const sent: unknown[] = [];
    const ref = createRef<MilieuAttendanceSheet>();
    const fetcher = (async (_url: string, init: RequestInit) => {
      const body: unknown = JSON.parse(String(init.body));
      sent.push(body);
      return new Response(JSON.stringify({ record: body }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    mount(
      createElement(AttendanceSheet, {
        ref,
        occurrenceId: occ.id,
        action: '/api/v1/attendance',
        now: Date.parse(NOW),
        loader: () => Promise.resolve(schedule),
        fetcher,
        onAttendanceChange: (e) => changes.push(e.detail),
        onAttendanceSaved: (e) => saved.push(e.detail),
      }),
    );
    const el = ref.current!;
    await expect
      .poll(() => el.shadowRoot!.querySelectorAll('.row').length)
      .toBe(occ.participants!.length);
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('.row [part~="status"]')!);
    await el.whenSaved();
    expect(changes).toEqual([
      { occurrenceId: occ.id, participantId: occ.participants![0]!.id, status: 'present' },
    ]);
    expect(sent).toEqual(changes);
    expect(saved).toHaveLength(1);
  });
});

describe('React 19 without the wrappers', () => {
  it('sets properties on the tag and listens to `on<event-name>` props', async () => {
    const ranges: RangeChangeDetail[] = [];
    const host = mount(
      createElement('milieu-schedule-board', {
        document: example,
        view: 'week',
        date: '2026-03-09',
        now: NOW,
        locale: 'en-US',
        'onmilieu-range-change': (e: CustomEvent<RangeChangeDetail>) => ranges.push(e.detail),
      }),
    );
    const el = host.querySelector('milieu-schedule-board') as MilieuScheduleBoard;
    await el.updateComplete;
    expect(el.document).toBe(example);
    await userEvent.click(button(el, 'Next week'));
    expect(ranges.map((r) => r.date)).toEqual(['2026-03-16']);
  });
});
