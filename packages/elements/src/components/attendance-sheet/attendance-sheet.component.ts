import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  addDays,
  ATTENDANCE_STATUSES,
  attendanceCompleteness,
  instantToZoned,
  type AttendanceCompleteness,
  type AttendanceStatus,
  type OccurrenceView,
} from '@milieu/core';
import { ScheduleController, type ScheduleLoader } from '../../controllers/schedule-controller.js';
import {
  MilieuAttendanceChangeEvent,
  MilieuAttendanceSavedEvent,
  type AttendanceChangeDetail,
} from '../../events/attendance-change.js';
import { MilieuLoadErrorEvent } from '../../events/load-error.js';
import {
  DEFAULT_SAVE_RETRY,
  isOnline,
  readContractResponse,
  SaveQueue,
  type QueuedState,
  type QueueReport,
  type QueueStorage,
  type SaveRetryOptions,
} from '../../internal/lossless-save.js';
import { languageOf } from '../../internal/locale.js';
import { MilieuElement } from '../../internal/milieu-element.js';
import { fill, messages } from './attendance-sheet.messages.js';
import { styles } from './attendance-sheet.styles.js';

/** One member's row: the stored record, the value shown, and how its save is going. */
interface Row {
  id: string;
  name: string;
  stored?: { status: AttendanceStatus; note?: string | undefined } | undefined;
  shown?: { status: AttendanceStatus; note?: string | undefined } | undefined;
  save?: QueuedState | undefined;
  error?: string | undefined;
}

const localToday = (ms: number): string => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/**
 * Attendance for one session, where the group happens: the expected members (audience with
 * roster changes, electives who chose it, people whose stay covers the date), one-tap statuses
 * and a short note each, "Mark all present", who is missing, and whether the session is overdue
 * (ended without complete attendance). Every change is saved on its own, idempotently, through
 * the same lossless path as the feedback form: retries with backoff, offline tolerance, a queue
 * that survives a reload with `draft-storage="session"`, and "Saved" only after a 2xx.
 *
 * @tagname milieu-attendance-sheet
 * @summary Take attendance for a session, change by change, without losing any.
 *
 * @fires milieu-attendance-change - Cancelable, before a change is shown and saved; `detail` is
 *   `{ occurrenceId, participantId, status, note? }`.
 * @fires milieu-attendance-saved - A change was stored (2xx); `detail` is `{ record, status }`.
 * @fires milieu-load-error - The schedule could not be loaded; `detail` is `{ message, status? }`.
 *
 * @csspart base - The sheet's wrapper.
 * @csspart header - The session title, time and progress.
 * @csspart overdue - The overdue notice.
 * @csspart toolbar - "Mark all present".
 * @csspart row - One member's row.
 * @csspart status - A status button (pressed when chosen).
 * @csspart note - A member's note field.
 * @csspart save-state - A row's save state.
 * @csspart sessions - The list of today's sessions (no `occurrence-id`).
 *
 * @cssprop [--milieu-attendance-sheet-background=var(--milieu-color-surface, #ffffff)] - Background.
 * @cssprop [--milieu-attendance-sheet-color=var(--milieu-color-text, #1d2433)] - Text colour.
 * @cssprop [--milieu-attendance-sheet-accent=var(--milieu-color-accent, #2457a6)] - Pressed status and buttons.
 *
 * @cssstate overdue - The session has ended without complete attendance.
 * @cssstate offline - The browser is offline; changes wait in the queue.
 * @cssstate saving - At least one change is not confirmed yet.
 *
 * @example
 * ```html
 * <milieu-attendance-sheet src="/api/v1/occurrences" action="/api/v1/attendance"
 *   occurrence-id="skills@2026-03-10" draft-storage="session"></milieu-attendance-sheet>
 * ```
 */
export class MilieuAttendanceSheet extends MilieuElement {
  static override styles = styles;

  private readonly data = new ScheduleController(
    this,
    () => ({ document: undefined, loader: this.loader, src: this.src, refreshInterval: 0 }),
    (detail) => this.emit(new MilieuLoadErrorEvent(detail)),
  );
  private readonly queue = new SaveQueue<AttendanceChangeDetail | undefined>({
    url: () => this.action,
    fetch: () => this.fetcher ?? globalThis.fetch.bind(globalThis),
    retry: () => ({ ...DEFAULT_SAVE_RETRY, ...this.retry }),
    read: (status, body) =>
      readContractResponse(status, body, (b) => {
        // The server's copy, when it is the record (`{ record }`); otherwise what was sent.
        const r = (b as { record?: AttendanceChangeDetail } | null)?.record;
        return r && typeof r.participantId === 'string' && ATTENDANCE_STATUSES.includes(r.status)
          ? r
          : undefined;
      }),
    storageKey: () => `milieu-attendance-queue:${this.action}`,
    storage: () => this.draftStorage,
    onReport: (r) => this.onReport(r),
  });
  private internals: ElementInternals | null = null;

  @state() private chosen = '';
  @state() private local = new Map<string, Row>();
  @state() private online = isOnline();

  /** The session, `routineId@YYYY-MM-DD`; without it, today's sessions are listed to choose from. */
  @property({ attribute: 'occurrence-id' }) occurrenceId = '';
  /** The staff schedule resource, `GET /api/v1/occurrences` (the same as the board's). */
  @property() src = '';
  /** A loader for portals with their own authentication (wins over `src`). */
  @property({ attribute: false }) loader: ScheduleLoader | undefined = undefined;
  /** Where each change is POSTed (`/api/v1/attendance`); empty: changes are only announced. */
  @property() action = '';
  /** `session` keeps unsaved changes in `sessionStorage`, so they survive a reload. */
  @property({ attribute: 'draft-storage' }) draftStorage: QueueStorage = 'memory';
  /** Language of the sheet (default: the nearest `lang`, then the program's locale). */
  @property() locale = '';
  /** A `fetch` to save with (tests, portals with their own authentication). */
  @property({ attribute: false }) fetcher: typeof fetch | null = null;
  /** Retry timing of saves. */
  @property({ attribute: false }) retry: Partial<SaveRetryOptions> = {};
  /** The current instant, epoch ms (default the clock): what "today" and "overdue" mean. */
  @property({ attribute: false }) now: number | null = null;

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      this.internals = null;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.onNetwork);
    globalThis.addEventListener('offline', this.onNetwork);
    this.online = isOnline();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.onNetwork);
    globalThis.removeEventListener('offline', this.onNetwork);
  }

  protected override firstUpdated(): void {
    if (this.action) this.queue.resume();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.setState('offline', !this.online);
    this.setState('saving', !this.queue.settled);
    if (changed.has('occurrenceId')) this.chosen = '';
  }

  private setState(name: string, on: boolean): void {
    const states = this.internals?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // older engines without CustomStateSet
    }
  }

  private readonly onNetwork = (): void => {
    this.online = isOnline();
  };

  private get t() {
    return messages[languageOf(this.resolveLocale(this.locale))];
  }

  private clock(): number {
    return this.now ?? Date.now();
  }

  private itemOf(occurrenceId: string, participantId: string): string {
    return `${occurrenceId} ${participantId}`;
  }

  private onReport(r: QueueReport<AttendanceChangeDetail | undefined>): void {
    const body = r.body as AttendanceChangeDetail;
    const key = this.itemOf(body.occurrenceId, body.participantId);
    const rows = new Map(this.local);
    const row = rows.get(key) ?? { id: body.participantId, name: body.participantId };
    const sent = { status: body.status, note: body.note };
    if (r.state === 'saved') {
      rows.set(key, { ...row, stored: r.value ?? sent, shown: r.value ?? sent, save: 'saved' });
      this.emit(
        new MilieuAttendanceSavedEvent({ record: r.value ?? body, status: r.status ?? 200 }),
      );
    } else if (r.state === 'failed' && !r.error?.retryable) {
      // Refused (4xx): nothing was stored; show what the database holds.
      rows.set(key, {
        ...row,
        shown: row.stored,
        save: 'failed',
        error: r.error?.message || String(r.status),
      });
    } else {
      rows.set(key, { ...row, shown: row.shown ?? sent, save: r.state, error: r.error?.message });
    }
    this.local = rows;
  }

  /** The occurrences of the loaded range, and the current occurrence. */
  private occurrences(): { list: OccurrenceView[]; today: string; status: string } {
    const id = this.occurrenceId || this.chosen;
    const anchor = id ? id.slice(-10) : localToday(this.clock());
    const st = this.data.sync({ from: addDays(anchor, -1), to: addDays(anchor, 2) });
    if (st.status !== 'ready') return { list: [], today: anchor, status: st.status };
    const today = instantToZoned(this.clock(), st.schedule.timeZone).date;
    return { list: st.schedule.occurrences, today, status: 'ready' };
  }

  private rowsOf(occ: OccurrenceView, c: AttendanceCompleteness): Row[] {
    const records = new Map((occ.attendanceRecords ?? []).map((r) => [r.participantId, r]));
    const names = new Map((occ.participants ?? []).map((p) => [p.id ?? '', p.name]));
    return c.expected.map((id) => {
      const r = records.get(id);
      const stored = r ? { status: r.status, note: r.note } : undefined;
      const local = this.local.get(this.itemOf(occ.id, id));
      return {
        id,
        name: names.get(id) ?? id,
        stored: local?.stored ?? stored,
        shown: local ? local.shown : stored,
        // Offline, every unconfirmed change waits for the network (not only those in flight).
        save:
          !this.online && local?.save && local.save !== 'saved' && local.save !== 'failed'
            ? 'offline'
            : local?.save,
        error: local?.error,
      };
    });
  }

  private change(occ: OccurrenceView, row: Row, status: AttendanceStatus, note?: string): void {
    const detail: AttendanceChangeDetail = { occurrenceId: occ.id, participantId: row.id, status };
    const text = (note ?? row.shown?.note ?? '').trim();
    if (text) detail.note = text;
    if (row.shown?.status === status && (row.shown?.note ?? '') === text) return;
    if (!this.emit(new MilieuAttendanceChangeEvent(detail))) return;
    const key = this.itemOf(occ.id, row.id);
    const rows = new Map(this.local);
    rows.set(key, {
      ...row,
      shown: { status, note: detail.note },
      save: this.action ? 'queued' : undefined,
    });
    this.local = rows;
    if (this.action) this.queue.enqueue(key, detail);
  }

  private markAll(occ: OccurrenceView, rows: Row[]): void {
    for (const row of rows) if (!row.shown) this.change(occ, row, 'present');
  }

  private onKey(e: KeyboardEvent, occ: OccurrenceView, rows: Row[]): void {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT') return;
    const index = Number(target.closest<HTMLElement>('[data-row]')?.dataset['row'] ?? -1);
    if (index < 0) return;
    const digit = Number(e.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= ATTENDANCE_STATUSES.length) {
      const row = rows[index];
      const status = ATTENDANCE_STATUSES[digit - 1];
      if (row && status) this.change(occ, row, status);
      e.preventDefault();
      return;
    }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const buttons = [
        ...(target.parentElement?.querySelectorAll<HTMLElement>('[part~="status"]') ?? []),
      ];
      const at = buttons.indexOf(target);
      if (at >= 0) {
        const dir =
          (e.key === 'ArrowRight') !== (getComputedStyle(this).direction === 'rtl') ? 1 : -1;
        buttons[(at + dir + buttons.length) % buttons.length]?.focus();
        e.preventDefault();
      }
      return;
    }
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, index + step));
    void this.updateComplete.then(() => {
      this.renderRoot
        .querySelector<HTMLElement>(`[data-row="${next}"] [part~="status"][tabindex="0"]`)
        ?.focus();
    });
  }

  private renderRow(occ: OccurrenceView, row: Row, index: number, rows: Row[]): TemplateResult {
    const t = this.t;
    const chosen = row.shown?.status;
    const roving = chosen ?? ATTENDANCE_STATUSES[0];
    const stateText =
      row.save === 'failed'
        ? fill(t['state_failed'] ?? '', { message: row.error ?? '' })
        : row.save
          ? (t[`state_${row.save}`] ?? '')
          : chosen
            ? ''
            : t['notRecorded'];
    return html`<li
      part="row"
      class="row ${chosen ? '' : 'missing'} ${row.save ?? ''}"
      data-row=${index}
      @keydown=${(e: KeyboardEvent) => this.onKey(e, occ, rows)}
    >
      <span class="name" id="n-${index}">${row.name}</span>
      <span
        class="statuses"
        role="group"
        aria-label=${fill(t['statusOf'] ?? '', { name: row.name })}
      >
        ${ATTENDANCE_STATUSES.map(
          (s, i) =>
            html`<button
              type="button"
              part="status"
              class="status s-${s}"
              aria-pressed=${chosen === s ? 'true' : 'false'}
              tabindex=${s === roving ? '0' : '-1'}
              title="${i + 1}"
              @click=${() => this.change(occ, row, s)}
            >
              ${t[`status_${s}`]}
            </button>`,
        )}
      </span>
      <input
        part="note"
        class="note"
        type="text"
        maxlength="200"
        aria-label=${fill(t['note'] ?? '', { name: row.name })}
        placeholder=${t['notePlaceholder'] ?? ''}
        .value=${row.shown?.note ?? ''}
        ?disabled=${!chosen}
        @change=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          if (chosen) this.change(occ, row, chosen, value);
        }}
      />
      <span part="save-state" class="save-state" role="status">${stateText}</span>
    </li>`;
  }

  private renderSessions(list: OccurrenceView[], today: string): TemplateResult {
    const t = this.t;
    const now = this.clock();
    const sessions = list.filter((o) => o.localDate === today);
    const states = attendanceCompleteness(sessions, this.records(sessions), now);
    const open = sessions.filter((_, i) => {
      const s = states[i]?.state;
      return s !== 'cancelled' && s !== 'not-taken';
    });
    if (open.length === 0) return html`<p class="message">${t['noSessions']}</p>`;
    return html`<h2 class="title">${t['choose']}</h2>
      <ul part="sessions" class="sessions">
        ${open.map((o) => {
          const c = states[sessions.indexOf(o)];
          return html`<li>
            <button type="button" class="session" @click=${() => (this.chosen = o.id)}>
              <span>${this.time(o)} · ${o.title}</span>
              <span class="progress"
                >${fill(t['progress'] ?? '', { n: c?.recorded.length ?? 0, total: c?.expected.length ?? 0 })}</span
              >
              ${c?.state === 'overdue' ? html`<span class="badge">${t['overdueShort']}</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>`;
  }

  /** The stored records of occurrences, with local changes applied (what completeness counts). */
  private records(list: OccurrenceView[]): { occurrenceId: string; participantId: string }[] {
    const out: { occurrenceId: string; participantId: string }[] = [];
    for (const o of list) {
      for (const r of o.attendanceRecords ?? [])
        out.push({ occurrenceId: o.id, participantId: r.participantId });
    }
    for (const [key, row] of this.local) {
      if (row.shown)
        out.push({ occurrenceId: key.slice(0, key.indexOf(' ')), participantId: row.id });
    }
    return out;
  }

  private time(o: OccurrenceView): string {
    return `${o.start.slice(11, 16)}–${o.end.slice(11, 16)}`;
  }

  private renderSheet(occ: OccurrenceView): TemplateResult {
    const t = this.t;
    const [c] = attendanceCompleteness([occ], this.records([occ]), this.clock());
    if (!c) return html``;
    this.setState('overdue', c.state === 'overdue');
    const rows = this.rowsOf(occ, c);
    const missing = rows.filter((r) => !r.shown);
    const header = html`<header part="header" class="header">
      <h2 class="title">${occ.title}</h2>
      <p class="when">
        ${occ.localDate} · ${this.time(occ)}${occ.location ? ` · ${occ.location.name}` : ''}
      </p>
      ${
        c.expected.length > 0
          ? html`<p class="progress" role="status">
              ${fill(t['progress'] ?? '', { n: rows.length - missing.length, total: rows.length })}
            </p>`
          : nothing
      }
    </header>`;
    if (c.state === 'cancelled')
      return html`${header}
        <p class="message">${t['cancelled']}</p>`;
    if (c.state === 'not-taken')
      return html`${header}
        <p class="message">${t['notTaken']}</p>`;
    if (rows.length === 0)
      return html`${header}
        <p class="message">${t['empty']}</p>`;
    return html`${header}
      ${
        c.state === 'overdue'
          ? html`<p part="overdue" class="overdue" role="alert">${t['overdue']}</p>`
          : nothing
      }
      <p class="missing-list">
        ${
          missing.length === 0
            ? t['complete']
            : fill(t['missing'] ?? '', { names: missing.map((r) => r.name).join(', ') })
        }
      </p>
      <div part="toolbar" class="toolbar">
        <button
          type="button"
          class="mark-all"
          ?disabled=${missing.length === 0}
          @click=${() => this.markAll(occ, rows)}
        >
          ${t['markAll']}
        </button>
        <span class="keys">${t['keys']}</span>
      </div>
      <ul class="rows">
        ${rows.map((r, i) => this.renderRow(occ, r, i, rows))}
      </ul>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const { list, today, status } = this.occurrences();
    const offline = this.online
      ? nothing
      : html`<p class="offline" role="status">${t['offline']}</p>`;
    let body: TemplateResult | string;
    if (status === 'loading' || status === 'empty')
      body = html`<p class="message" aria-busy="true">${t['loading']}</p>`;
    else if (status !== 'ready')
      body = html`<p class="message" role="alert">${t['loadError']}</p>
        <button type="button" @click=${() => this.data.reload()}>${t['retry']}</button>`;
    else {
      const id = this.occurrenceId || this.chosen;
      const occ = id ? list.find((o) => o.id === id) : undefined;
      body = !id
        ? this.renderSessions(list, today)
        : occ
          ? html`${
              this.chosen && !this.occurrenceId
                ? html`<button type="button" class="back" @click=${() => (this.chosen = '')}>
                    ${t['back']}
                  </button>`
                : nothing
            }${this.renderSheet(occ)}`
          : html`<p class="message" role="alert">${t['notFound']}</p>`;
    }
    return html`<section part="base" class="base" aria-label=${t['title'] ?? ''}>
      ${offline}${body}
    </section>`;
  }

  /** Resolves once every change made so far is confirmed or refused (tests, "leave page" guards). */
  whenSaved(): Promise<void> {
    return this.queue.whenSettled();
  }

  /** Sends again the changes that ran out of automatic retries (same keys). */
  retrySaves(): void {
    this.queue.retryFailed();
  }
}
