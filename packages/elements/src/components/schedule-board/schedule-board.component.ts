import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  localDateToDayNumber,
  parseInstant,
  stepDate,
  viewRange,
  wallClockAt,
  zonedToInstant,
  type OccurrencesResponse,
} from '@milieu/core';
import { MilieuElement } from '../../internal/milieu-element.js';
import { languageOf } from '../../internal/locale.js';
import {
  ScheduleController,
  type ScheduleQuery,
  type ScheduleState,
} from '../../controllers/schedule-controller.js';
import { MilieuLoadErrorEvent } from '../../events/load-error.js';
import { MilieuOccurrenceSelectEvent } from '../../events/occurrence-select.js';
import { MilieuRangeChangeEvent } from '../../events/range-change.js';
import { moveFocus } from './schedule-board.keyboard.js';
import { agendaView, kioskView, printView } from './schedule-board.lists.js';
import { messages } from './schedule-board.messages.js';
import { BoardModeller, firstDayOf, type Model } from './schedule-board.model.js';
import * as P from './schedule-board.parts.js';
import { styles } from './schedule-board.styles.js';
import { devWarn } from '#dev';
import { timelineView } from './schedule-board.timeline.js';
import { isScheduleView, type ScheduleLoader, type ScheduleView } from './schedule-board.types.js';

/** Below this container width the agenda is the default view. */
const NARROW_PX = 720;

const DOCS = '@milieu/elements docs/schedule-board.md';
const warnOnce = (message: string): void => devWarn('milieu-schedule-board', message, DOCS);

const hour = (v: number | null | undefined, lo: number, hi: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : undefined;

/**
 * The unit's routine as a board that can be embedded in any portal and shown on a unit TV:
 * day and week timelines, an accessible agenda (the default on narrow containers), a kiosk
 * "now" panel and a printable weekly sheet. Times are always shown in the program's time zone.
 * Reads the role-shaped schedule resource (`GET /api/v1/occurrences`) for the range it shows,
 * so a participant's page or a hallway TV receives only what that viewer may see; names are
 * shown as the resource gives them.
 *
 * @tagname milieu-schedule-board
 * @summary The unit's routine: day, week, agenda, kiosk and print views of the schedule resource.
 *
 * @fires milieu-occurrence-select - The user selected an occurrence. `detail: { id, routineId, start, end, kind, title, status }`.
 * @fires milieu-range-change - The user changed the dates or the view. `detail: { from, to, view, date }`.
 * @fires milieu-load-error - The schedule could not be loaded, or the response (or document) is invalid. `detail: { message, status?, issues? }`.
 *
 * @slot actions - Extra controls shown in the header, e.g. a portal's "Subscribe" or "Print" button.
 *
 * @csspart overdue - The header's count of sessions overdue for attendance (staff boards).
 * @csspart base - The board's outer box.
 * @csspart header - Title, range, controls and time-zone note.
 * @csspart toolbar - The navigation and view buttons.
 * @csspart nav-button - Previous, today and next buttons.
 * @csspart view-button - The view switcher's buttons.
 * @csspart zone-note - The note shown when the program's time zone differs from the device's.
 * @csspart grid - The day/week timeline.
 * @csspart day - One day's column body in the timeline.
 * @csspart occurrence - An occurrence, in every view: a button on the timeline and in the agenda, an item in the kiosk and print views.
 * @csspart occurrence-title - An occurrence's icon and title.
 * @csspart occurrence-time - An occurrence's start and end times.
 * @csspart more-button - The "+N more" button of a dense cluster on the timeline; opens the agenda at that time.
 * @csspart agenda - The agenda list.
 * @csspart print - The printable weekly sheet.
 * @csspart now-panel - The kiosk panel of the `now` view.
 * @csspart clock - The kiosk clock.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The load-error and invalid-response panels: what happened and what to do (`data-kind` is `not-found`, `forbidden`, `server`, `offline`, `other` or `invalid`).
 * @csspart retry-button - The Retry button (not shown when retrying cannot help: not found, no permission).
 * @csspart message - Status messages (nothing scheduled, unknown participant, stale data).
 *
 * @cssprop --milieu-schedule-board-background - Board background. Default: `--milieu-color-surface`.
 * @cssprop --milieu-schedule-board-color - Text colour. Default: `--milieu-color-text`.
 * @cssprop --milieu-schedule-board-hour-height - Height of one hour in the timeline. Default: `4em`.
 * @cssprop --milieu-schedule-board-min-column-width - Narrowest day column before scrolling. Default: `7.5em`.
 * @cssprop --milieu-schedule-board-clock-size - Font size of the kiosk clock. Default: `3.2em`.
 * @cssprop --milieu-schedule-board-agenda-height - On narrow containers, the tallest the agenda grows before it scrolls (it opens at today, or at `date`). Default: `36em`.
 * @cssprop --milieu-color-kind-<kind> - Background of a kind (e.g. `--milieu-color-kind-group-therapy`).
 * @cssprop --milieu-color-kind-<kind>-text - Text, border and icon colour of a kind.
 * @cssprop --milieu-color-surface - Default board background; with `--milieu-color-surface-alt` (hour lines, panels, folds).
 * @cssprop --milieu-color-text - Default text colour; with `--milieu-color-text-muted` (hours, notes).
 * @cssprop --milieu-color-border - Borders and grid lines.
 * @cssprop --milieu-color-accent - Today and the pressed view button; with `--milieu-color-accent-text`.
 * @cssprop --milieu-color-focus - The focus ring.
 * @cssprop --milieu-color-error - Error panels; with `--milieu-color-error-surface`.
 * @cssprop --milieu-color-scheme - `light` or `dark`, for native controls (`color-scheme`).
 * @cssprop --milieu-color-now - The now-line (drawn behind the cards, with a dot in the hour column). Default: `#b3261e`.
 * @cssprop --milieu-color-changed - Moved/changed marks; with `--milieu-color-changed-surface`.
 * @cssprop --milieu-color-cancelled - Cancelled marks; with `--milieu-color-cancelled-surface`.
 * @cssprop --milieu-font-family - Font family. The text size is the host's (sizes are `em`-relative).
 * @cssprop --milieu-radius - Corner radius.
 * @cssprop --milieu-space - Base spacing.
 *
 * @cssstate loading - The shown range is not loaded yet (a request in flight, or the document path loading).
 * @cssstate ready - A valid schedule is shown.
 * @cssstate empty - No source given, or nothing scheduled in the range.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The response (or document) has validation issues.
 * @cssstate narrow - The container is narrow (the agenda is the default view).
 *
 * @example
 * ```html
 * <script type="module">import '@milieu/elements/schedule-board.js';</script>
 * <milieu-schedule-board src="/api/v1/occurrences" participant="p-ana" locale="es"></milieu-schedule-board>
 * ```
 */
export class MilieuScheduleBoard extends MilieuElement {
  static override styles = styles;

  // ── controllers ────────────────────────────────────────────────────
  private readonly data = new ScheduleController(
    this,
    () => ({
      document: this.document,
      loader: this.loader,
      src: this.src ?? '',
      refreshInterval: this.refreshInterval,
    }),
    (detail) => {
      // The pointers are for developers (dev and production builds alike): paths and codes
      // only, never the values, which may be personal data.
      if (detail.issues?.length) {
        console.warn(
          `[milieu-schedule-board] ${detail.message} (${detail.issues.length} issues):`,
          detail.issues.map((i) => `${i.path || '/'} ${i.code}`).join(', '),
        );
      }
      this.emit(new MilieuLoadErrorEvent(detail));
    },
  );

  // ── state ──────────────────────────────────────────────────────────
  @state() private clockMs = Date.now();
  @state() private narrow = typeof innerWidth === 'number' && innerWidth < NARROW_PX;
  private model: Model | null = null;
  private activeKey: string | null = null;
  private focusPending: 'key' | 'first' | 'last' | null = null;
  /** The agenda day (and minute) to scroll to after the next render; set when the agenda opens. */
  private agendaAt: { date: string; minute: number } | null = null;
  private lastShown = '';
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private resizer: ResizeObserver | undefined;
  private readonly internals: ElementInternals | undefined = this.attachInternalsSafe();
  private readonly modeller = new BoardModeller();
  private state: ScheduleState = { status: 'empty' };
  /** The program's zone and locale from the last response (the first request guesses). */
  private known: { zone: string; locale: string } = { zone: '', locale: '' };

  // ── properties ─────────────────────────────────────────────────────
  /**
   * A whole milieu document, for SDK users and staff tools (property only). Parsed with core's
   * `parseDocument` in a module loaded only then; wins over `loader` and `src`.
   */
  @property({ attribute: false }) document: unknown = undefined;

  /**
   * URL of the schedule resource, `GET /api/v1/occurrences`; the board adds `from`, `to` and
   * `participant` for the range it shows, prefetches the neighbouring ranges and validates
   * each response. Shows a skeleton while loading and Retry on failure.
   */
  @property() src = '';

  /**
   * Async function `({ from, to, participant }, signal) => body` returning the schedule
   * resource, for portals with their own auth (property only). Wins over `src`.
   */
  @property({ attribute: false }) loader: ScheduleLoader | undefined = undefined;

  /** Seconds between reloads of the shown range from `src`/`loader`, for kiosks (0 = never; at least 5). */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 0;

  /** `day`, `week`, `agenda`, `now` or `print`. Unset: `week`, or `agenda` on narrow containers. */
  @property() view: ScheduleView | undefined = undefined;

  /** The date shown, `YYYY-MM-DD` in the program's zone. Default: today there. */
  @property() date = '';

  /** A participant id: asks the schedule resource for that person's schedule only (`participant` in the query). */
  @property() participant = '';

  /** BCP 47 locale for text, dates and times (English and Spanish messages ship). Default: the page's `lang`, then the program's locale. */
  @property() locale = '';

  /** First hour shown in day/week (0–23). Default: fits the occurrences, at least 08:00. */
  @property({ type: Number, attribute: 'hour-start' }) hourStart: number | undefined = undefined;

  /** Hour the day/week timeline ends (1–24). Default: fits the occurrences, at least 20:00. */
  @property({ type: Number, attribute: 'hour-end' }) hourEnd: number | undefined = undefined;

  /** Overrides the current instant (ISO 8601 with offset) for tests and demos; the clock stops. */
  @property() now = '';

  /** Hides the toolbar (navigation and view switcher), e.g. on a kiosk. */
  @property({ type: Boolean, attribute: 'no-controls' }) noControls = false;

  // ── lifecycle ──────────────────────────────────────────────────────
  override connectedCallback(): void {
    super.connectedCallback();
    this.resizer ??= new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      const narrow = width < NARROW_PX;
      // Next frame: re-rendering inside the observer's callback would resize the host again
      // in the same frame ("ResizeObserver loop completed with undelivered notifications").
      if (width > 0 && narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
    });
    this.resizer.observe(this);
    this.clockMs = Date.now();
    this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    clearTimeout(this.clockTimer);
    this.clockTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('now') && this.isConnected) this.tick();
    this.model = null;
    // The first request guesses the zone (the device's) and locale; a response that says
    // otherwise is asked again, for the days as they are in the program's zone.
    let s: ScheduleState;
    try {
      s = this.sync();
      if (s.status === 'ready') {
        const { timeZone, program } = s.schedule;
        if (timeZone !== this.known.zone || program.locale !== this.known.locale) {
          this.known = { zone: timeZone, locale: program.locale };
          s = this.sync();
        }
      }
    } catch (e) {
      // A programming error: say so in the error panel rather than keep a stale view.
      s = { status: 'error', error: { message: e instanceof Error ? e.message : String(e) } };
    }
    this.state = s;
    if (s.status !== 'ready') return;
    try {
      this.model = this.compute(s.schedule, s.unknownParticipant);
    } catch (e) {
      console.error('[milieu-schedule-board] could not lay out the schedule:', e);
    }
  }

  protected override updated(): void {
    const root = this.renderRoot;
    const m = this.model;
    if (m && this.focusPending && this.focusPending !== 'key') {
      const cols = m.grid.filter((c) => c.length);
      const col = this.focusPending === 'first' ? cols[0] : cols[cols.length - 1];
      this.activeKey = col?.[0]?.key ?? this.activeKey;
      this.focusPending = 'key';
    }
    const current = root.querySelector<HTMLElement>('button[data-k][tabindex="0"]');
    const want = this.activeKey ? this.buttonFor(this.activeKey) : null;
    if (current !== want) {
      current?.setAttribute('tabindex', '-1');
      want?.setAttribute('tabindex', '0');
    }
    if (this.focusPending === 'key') want?.focus();
    this.focusPending = null;
    if (m && `${m.view} ${m.sv.date}` !== this.lastShown) {
      this.lastShown = `${m.view} ${m.sv.date}`;
      if (m.view === 'agenda') this.agendaAt ??= { date: m.sv.date, minute: -1 };
      if (m.view === 'week') this.scrollWeek(m.sv.date);
    }
    if (m?.view === 'agenda' && this.agendaAt) this.scrollAgenda(this.agendaAt);
    const status = this.state.status;
    const empty = status === 'empty' || (m !== null && m.items.length === 0);
    const states = [status, empty ? 'empty' : '', this.narrow ? 'narrow' : ''];
    const set = this.internals?.states;
    if (set) {
      for (const name of ['loading', 'ready', 'empty', 'error', 'invalid', 'narrow']) {
        if (states.includes(name)) set.add(name);
        else set.delete(name);
      }
    }
  }

  // ── private helpers and handlers ───────────────────────────────────
  private attachInternalsSafe(): ElementInternals | undefined {
    try {
      return this.attachInternals();
    } catch {
      return undefined;
    }
  }

  /** The button of a focus key: the occurrence's own, or the fold that holds it. */
  private buttonFor(key: string): HTMLElement | null {
    const root = this.renderRoot;
    return (
      root.querySelector<HTMLElement>(`button[data-k="${key}"]`) ??
      root.querySelector<HTMLElement>(`button[data-keys~="${key}"]`)
    );
  }

  /**
   * Scrolls the agenda (its own scroll box) so the day `at.date` (and its first occurrence from
   * `at.minute`) is at the top: the agenda opens at today, or at `date`, or at a fold's time.
   */
  private scrollAgenda(at: { date: string; minute: number }): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.agenda');
    const day = list?.querySelector<HTMLElement>(`section[data-date="${at.date}"]`);
    if (!list || !day) return;
    this.agendaAt = null;
    const row =
      at.minute < 0
        ? null
        : [...day.querySelectorAll<HTMLElement>('li[data-min]')].find(
            (li) => Number(li.dataset['min']) >= at.minute,
          );
    const target = row ?? day;
    list.scrollTop += target.getBoundingClientRect().top - list.getBoundingClientRect().top;
    const button = row?.querySelector<HTMLElement>('button[data-k]');
    if (button) {
      this.activeKey = button.dataset['k'] ?? this.activeKey;
      this.focusPending = 'key';
      this.requestUpdate();
    }
  }

  /** On a narrow screen the week scrolls sideways: bring the day `date` (today by default) next to the hours. */
  private scrollWeek(date: string): void {
    const grid = this.renderRoot.querySelector<HTMLElement>('.timeline');
    const col = grid?.querySelector<HTMLElement>(`.col[data-date="${date}"]`);
    const axis = grid?.querySelector<HTMLElement>('.axis');
    if (!grid || !col || !axis || grid.scrollWidth <= grid.clientWidth) return;
    const rtl = getComputedStyle(grid).direction === 'rtl';
    const c = col.getBoundingClientRect();
    const a = axis.getBoundingClientRect();
    grid.scrollLeft += rtl ? c.right - a.left : c.left - a.right;
  }

  private tick(): void {
    clearTimeout(this.clockTimer);
    this.clockTimer = undefined;
    if (this.now) return;
    this.clockTimer = setTimeout(
      () => {
        this.clockMs = Date.now();
        this.tick();
      },
      60_000 - (Date.now() % 60_000) + 20,
    );
  }

  private nowMs(): number {
    if (!this.now) return this.clockMs;
    const ms = parseInstant(this.now);
    if (Number.isNaN(ms)) warnOnce(`now="${this.now}" is not an ISO 8601 instant with an offset.`);
    return Number.isNaN(ms) ? this.clockMs : ms;
  }

  private effectiveView(): ScheduleView {
    if (this.view && !isScheduleView(this.view)) {
      warnOnce(`view="${String(this.view)}" is not one of day, week, agenda, now, print.`);
    }
    return isScheduleView(this.view) ? this.view : this.narrow ? 'agenda' : 'week';
  }

  private pageLocale(): string {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || '';
  }

  private anchorDate(): string {
    if (!this.date || typeof this.date !== 'string') return '';
    const valid = !Number.isNaN(localDateToDayNumber(this.date));
    if (this.date && !valid) warnOnce(`date="${this.date}" is not a date YYYY-MM-DD.`);
    return valid ? this.date : '';
  }

  /** Syncs the data controller with the range shown and the next one. */
  private sync(): ScheduleState {
    const view = this.effectiveView();
    const zone = this.known.zone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const today = wallClockAt(this.nowMs(), zone).date;
    const date = this.anchorDate() || today;
    const firstDay = firstDayOf(this.pageLocale() || this.known.locale || 'en');
    const participant = this.participant || undefined;
    const query = (d: string): ScheduleQuery => {
      const r = viewRange(view, d, today, firstDay);
      return { from: r.from, to: r.to, participant };
    };
    // The next range is fetched ahead, so "next" is instant; visited ranges stay cached.
    const prefetch = view === 'now' ? [] : [query(stepDate(view, date, 1))];
    return this.data.sync(query(date), prefetch);
  }

  private compute(schedule: OccurrencesResponse, unknownParticipant: boolean): Model {
    const locale = this.pageLocale();
    const hourStart = hour(this.hourStart, 0, 23);
    const hourEnd = hour(this.hourEnd, 1, 24);
    if (
      (this.hourStart != null && hourStart === undefined) ||
      (this.hourEnd != null && hourEnd === undefined)
    ) {
      warnOnce('hour-start must be a whole hour 0–23 and hour-end 1–24.');
    }
    const model = this.modeller.compute(schedule, {
      view: this.effectiveView(),
      date: this.anchorDate(),
      locale,
      firstDay: firstDayOf(locale || schedule.program.locale || 'en'),
      unknownParticipant,
      hourStart,
      hourEnd,
      nowMs: this.nowMs(),
      activeKey: this.activeKey,
    });
    this.activeKey = model.activeKey;
    return model;
  }

  private go(date: string, view: ScheduleView): void {
    const m = this.model;
    if (!m) return;
    this.date = date;
    this.view = view;
    const zone = m.schedule.timeZone;
    const r = viewRange(view, date, m.today, firstDayOf(m.fmt.locale));
    this.emit(
      new MilieuRangeChangeEvent({
        from: zonedToInstant(r.from, '00:00', zone).iso,
        to: zonedToInstant(r.to, '00:00', zone).iso,
        view,
        date,
      }),
    );
  }

  private readonly onPrev = (): void => this.page(-1);
  private readonly onNext = (): void => this.page(1);
  private readonly onToday = (): void => {
    if (this.model) this.go(this.model.today, this.model.view);
  };
  private readonly onView = (e: Event): void => {
    const v = (e.currentTarget as HTMLElement).dataset['view'];
    if (this.model && isScheduleView(v) && v !== this.model.view) this.go(this.model.sv.date, v);
  };
  private readonly onRetry = (): void => this.data.reload();

  private page(direction: 1 | -1): void {
    const m = this.model;
    if (m && m.sv.range.step) this.go(stepDate(m.view, m.sv.date, direction), m.view);
  }

  private onClick(e: MouseEvent): void {
    const fold = (e.target as Element).closest<HTMLElement>('button[data-more]');
    if (fold && this.model) {
      // "+N more": the agenda at that day, scrolled to that time, focus on the first of them.
      const m = this.model;
      const [c, i] = (fold.dataset['k'] ?? '').split('.').map(Number) as [number, number];
      const day = m.focusDays[c];
      const seg = day?.segments[i];
      if (day && seg) {
        this.agendaAt = { date: day.date, minute: seg.startMin };
        this.go(day.date, 'agenda');
      }
      return;
    }
    const key = (e.target as Element).closest<HTMLElement>('button.occ[data-k]')?.dataset['k'];
    const m = this.model;
    if (!key || !m) return;
    const [c, i] = key.split('.').map(Number) as [number, number];
    const seg = m.focusDays[c]?.segments[i];
    const item = seg && m.items[seg.item];
    if (!item) return;
    this.activeKey = key;
    this.requestUpdate();
    const o = item.occ;
    this.emit(
      new MilieuOccurrenceSelectEvent({
        id: o.id,
        routineId: o.routineId,
        start: o.start,
        end: o.end,
        kind: o.kind,
        title: o.title,
        status: o.status,
      }),
    );
  }

  private onKeyDown(e: KeyboardEvent): void {
    const button = (e.target as Element).closest<HTMLElement>('button[data-k]');
    const m = this.model;
    if (!button || !m) return;
    // Keys folded into one "+N more" are one stop: move on until another button is reached.
    let from = button.dataset['k'] ?? '';
    let move: ReturnType<typeof moveFocus> = null;
    for (let n = 0; n < 100; n++) {
      move = moveFocus(
        m.grid,
        from,
        e.key,
        m.view === 'week' ? 'grid' : 'list',
        e.ctrlKey || e.metaKey,
      );
      if (!move || !('key' in move) || this.buttonFor(move.key) !== button) break;
      from = move.key;
    }
    if (!move || ('key' in move && this.buttonFor(move.key) === button)) return;
    e.preventDefault();
    if ('key' in move) {
      this.activeKey = move.key;
      this.focusPending = 'key';
      this.requestUpdate();
    } else {
      this.focusPending = move.page > 0 ? 'first' : 'last';
      this.page(move.page);
    }
  }

  // ── render ─────────────────────────────────────────────────────────
  override render(): TemplateResult {
    const s = this.state;
    const m = this.model;
    const t = m?.t ?? messages[languageOf(this.pageLocale())];
    const header = P.headerPart(
      {
        title: m?.schedule.program.name ?? t.board,
        subtitle: m?.subtitle ?? '',
        range: m && m.view !== 'now' ? m.fmt.range(m.days[0]!.column, m.days.at(-1)!.column) : '',
        view: m?.view ?? null,
        zoneNote: m?.zoneNote ?? '',
        overdue: m?.overdue ?? 0,
        controls: !this.noControls,
      },
      t,
      { prev: this.onPrev, next: this.onNext, today: this.onToday, view: this.onView },
    );
    let body: TemplateResult;
    if (s.status === 'loading') body = P.loadingPart(t);
    else if (s.status === 'empty') body = P.notePart(t.empty);
    else if (s.status === 'error') {
      const online = typeof navigator === 'undefined' || navigator.onLine !== false;
      body = P.errorPart(P.errorKind(s.error, online), t, this.onRetry);
    } else if (s.status === 'invalid') body = P.invalidPart(t);
    else if (!m) body = P.errorPart('other', t, null);
    else body = this.renderView(m, s.status === 'ready' && s.stale !== null);
    return html`<section
      class="base v-${m?.view ?? 'none'}"
      part="base"
      aria-label=${m?.schedule.program.name ?? t.board}
      aria-busy=${s.status === 'loading' ? 'true' : 'false'}
      @click=${this.onClick}
      @keydown=${this.onKeyDown}
    >
      ${header}${body}
    </section>`;
  }

  private renderView(m: Model, stale: boolean): TemplateResult {
    const t = m.t;
    const note = stale ? P.notePart(t.stale, this.onRetry, t.retry) : nothing;
    if (m.unknownParticipant) return html`${note}${P.notePart(t.unknownParticipant)}`;
    const nothingNote = m.items.length === 0 && m.view !== 'now' ? P.notePart(t.nothing) : nothing;
    let view: TemplateResult;
    if (m.view === 'day' || m.view === 'week') view = timelineView(m, m.sv.window, m.sv.now);
    else if (m.view === 'agenda') view = agendaView(m);
    else if (m.view === 'print') {
      view = printView(
        m,
        `${m.fmt.range(m.days[0]!.column, m.days.at(-1)!.column)} · ${m.zoneName}`,
      );
    } else view = kioskView(m, m.kiosk!);
    return html`${note}${nothingNote}${view}`;
  }
}
