import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  OccurrencesResponseSchema,
  toPointer,
  type Issue,
  type LocalDate,
  type OccurrencesResponse,
} from '@milieu/core';
import type { LoadErrorDetail } from '../events/load-error.js';
import { fetchText, isAbort, LoadFailure, parseJson, type ReceivedText } from './fetch-json.js';
import type { DocumentSchedule, documentSchedule } from './schedule-document.js';

/** The range a board asks for: `[from, to)` as civil dates in the program's zone, and a participant. */
export interface ScheduleQuery {
  /** First day, `YYYY-MM-DD` (midnight in the program's zone). */
  from: LocalDate;
  /** The day after the last day shown, `YYYY-MM-DD` (exclusive). */
  to: LocalDate;
  /** A participant id, when the board shows one person's schedule. */
  participant?: string | undefined;
}

/**
 * Loads the schedule resource for a portal with its own authentication: receives the range
 * and an `AbortSignal` (aborted when the range or source changes, or the element leaves the
 * page) and resolves to the `GET /api/v1/occurrences` JSON body (validated with
 * `OccurrencesResponseSchema`).
 */
export type ScheduleLoader = (query: ScheduleQuery, signal: AbortSignal) => Promise<unknown>;

/** Where a {@link ScheduleController} reads its schedule from; read on every host update. */
export interface ScheduleSource {
  /** A whole milieu document (SDK users, staff tools); parsed by a lazily loaded module. Wins over `loader` and `src`. */
  document: unknown;
  /** An async loader; wins over `src`. */
  loader: ScheduleLoader | undefined;
  /** The URL of `GET /api/v1/occurrences`; the controller adds `from`, `to` and `participant`. */
  src: string;
  /** Seconds between reloads of `loader`/`src` (0 = never; at least 5). */
  refreshInterval: number;
}

/**
 * What the host renders:
 * - `empty`: no source given;
 * - `loading`: the current range is not loaded yet (show a skeleton);
 * - `ready`: the schedule of the range, possibly `refreshing` or `stale` (the last reload
 *   failed; the previous response is still shown); `unknownParticipant` when a participant was
 *   asked for and the response does not name one;
 * - `invalid`: a response (or document) was received but is not valid;
 * - `error`: the request or loader failed.
 */
export type ScheduleState =
  | { status: 'empty' }
  | { status: 'loading' }
  | {
      status: 'ready';
      schedule: OccurrencesResponse;
      refreshing: boolean;
      stale: LoadErrorDetail | null;
      unknownParticipant: boolean;
    }
  | { status: 'invalid'; issues: Issue[] }
  | { status: 'error'; error: LoadErrorDetail };

type Outcome =
  | { ok: true; value: OccurrencesResponse }
  | { ok: false; issues: Issue[] }
  | { ok: false; error: LoadErrorDetail };

/** A body received but not parsed or validated yet: from `src` (text) or a `loader` (a value). */
type Received = { body: ReceivedText } | { json: unknown };

interface Entry {
  outcome: Outcome | null;
  /**
   * A prefetched range's body, kept as received until the range is shown: parsing and
   * validating it then (not while the shown range renders) keeps the first render and the
   * heap to what the shown range needs.
   */
  received: Received | null;
  /** The request in flight (first load or refresh). */
  abort: AbortController | null;
  /** The last valid response of this range, kept while a refresh runs or after it failed. */
  last: OccurrencesResponse | null;
}

/** Cached ranges per source (the shown one, its neighbours, a few visited ones). */
const MAX_ENTRIES = 6;

/** Validates a schedule resource body; issues carry JSON pointers. */
export function readSchedule(json: unknown): Outcome {
  const result = OccurrencesResponseSchema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((i) => ({
    path: toPointer(i.path),
    code: i.code,
    message: i.message,
  }));
  return { ok: false, issues };
}

/** Parses (`src`) and validates a received body. */
function settleReceived(received: Received): Outcome {
  let json: unknown;
  if ('body' in received) {
    try {
      json = parseJson(received.body);
    } catch (e) {
      return { ok: false, error: failureDetail(e) };
    }
  } else json = received.json;
  return readSchedule(json);
}

/** The query string the controller appends to `src`. */
export function scheduleUrl(src: string, q: ScheduleQuery): string {
  const url = new URL(src, document.baseURI);
  url.searchParams.set('from', q.from);
  url.searchParams.set('to', q.to);
  if (q.participant) url.searchParams.set('participant', q.participant);
  else url.searchParams.delete('participant');
  return url.href;
}

const keyOf = (q: ScheduleQuery): string => `${q.from}/${q.to}/${q.participant ?? ''}`;

type DocumentModule = { documentSchedule: typeof documentSchedule };
let documentModule: Promise<DocumentModule> | undefined;
let loadedModule: DocumentModule | undefined;

/**
 * Reactive controller that loads the schedule resource for the range a board shows: from
 * `src` (adding `from`, `to`, `participant`), a `loader`, or a whole `document` (whose parser
 * is imported only then). Caches responses by range, prefetches the neighbouring ranges so
 * navigation is instant, aborts requests for ranges no longer wanted, and refreshes the shown
 * range every `refreshInterval` seconds. `onError` runs once per failure.
 *
 * The host calls {@link ScheduleController.sync} in `willUpdate` with the range it shows.
 */
export class ScheduleController implements ReactiveController {
  private entries = new Map<string, Entry>();
  private sourceKey: unknown[] = [];
  private docSchedule: DocumentSchedule | null = null;
  private docInput: unknown = undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private timerSeconds = 0;
  private current = '';
  private lastQuery: ScheduleQuery | null = null;
  private connected = true;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => ScheduleSource,
    private readonly onError: (detail: LoadErrorDetail) => void,
  ) {
    host.addController(this);
  }

  /**
   * The state of `query`'s range (`null`: nothing to load yet); starts loading it and the
   * `prefetch` ranges when they are not cached, and aborts requests for other ranges.
   */
  sync(query: ScheduleQuery | null, prefetch: readonly ScheduleQuery[] = []): ScheduleState {
    const s = this.source();
    const remote = s.loader !== undefined || s.src !== '';
    if (s.document == null && !remote) {
      this.reset([]);
      return { status: 'empty' };
    }
    const key = s.document != null ? ['document', s.document] : [s.loader ?? s.src];
    if (key.length !== this.sourceKey.length || key.some((k, i) => k !== this.sourceKey[i])) {
      this.reset(key);
    }
    if (!query) return { status: 'loading' };
    this.lastQuery = query;
    this.current = keyOf(query);
    const wanted = new Set([this.current, ...prefetch.map(keyOf)]);
    for (const [k, e] of this.entries) {
      if (!wanted.has(k) && e.abort) {
        e.abort.abort();
        this.entries.delete(k);
      }
    }
    if (s.document != null) return this.fromDocument(s.document, query);
    for (const q of [query, ...prefetch]) if (!this.entries.has(keyOf(q))) this.load(q);
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = [...this.entries.keys()].find((k) => !wanted.has(k));
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return this.stateOf(this.entries.get(this.current)!, query);
  }

  /** Loads the shown range again (Retry; a refresh) and forgets the other cached ranges. */
  reload(): void {
    for (const [k, e] of this.entries) {
      if (k === this.current) continue;
      e.abort?.abort();
      this.entries.delete(k);
    }
    const entry = this.entries.get(this.current);
    if (entry && this.lastQuery && !entry.abort && this.source().document == null) {
      this.load(this.lastQuery, entry);
    }
    this.host.requestUpdate();
  }

  hostConnected(): void {
    const aborted = !this.connected;
    this.connected = true;
    if (aborted) {
      // Requests aborted on disconnect are started again by the next sync.
      for (const [k, e] of this.entries) {
        if (!e.outcome && !e.last && !e.received) this.entries.delete(k);
      }
      this.host.requestUpdate();
    }
    this.syncTimer();
  }

  hostUpdated(): void {
    this.syncTimer();
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const e of this.entries.values()) {
      e.abort?.abort();
      e.abort = null;
    }
    this.clearTimer();
  }

  private reset(key: unknown[]): void {
    for (const e of this.entries.values()) e.abort?.abort();
    this.entries.clear();
    this.sourceKey = key;
  }

  private stateOf(entry: Entry, query: ScheduleQuery): ScheduleState {
    // A prefetched range is parsed and validated when it is first shown.
    if (entry.received) this.report(this.settle(entry));
    const o = entry.outcome;
    const shown = o?.ok ? o.value : entry.last;
    if (shown) {
      return {
        status: 'ready',
        schedule: shown,
        refreshing: entry.abort !== null,
        stale: o && 'error' in o ? o.error : null,
        unknownParticipant: Boolean(query.participant) && !shown.participant,
      };
    }
    if (!o) return { status: 'loading' };
    if ('issues' in o) return { status: 'invalid', issues: o.issues };
    return 'error' in o ? { status: 'error', error: o.error } : { status: 'loading' };
  }

  /** Settles `e`'s received body into its outcome (and `last`). */
  private settle(e: Entry): Outcome {
    const outcome = settleReceived(e.received!);
    e.received = null;
    e.outcome = outcome;
    if (outcome.ok) e.last = outcome.value;
    else if ('issues' in outcome) e.last = null;
    return outcome;
  }

  /** Reports a failed outcome of the shown range (`milieu-load-error`). */
  private report(outcome: Outcome): void {
    if (outcome.ok) return;
    this.onError(
      'issues' in outcome
        ? { message: 'The schedule is not valid', issues: outcome.issues }
        : outcome.error,
    );
  }

  private load(query: ScheduleQuery, entry?: Entry): void {
    const { loader, src } = this.source();
    const abort = new AbortController();
    const e: Entry = entry ?? { outcome: null, received: null, abort: null, last: null };
    e.received = null;
    if (e.outcome?.ok) e.last = e.outcome.value;
    if (!e.last) e.outcome = null;
    e.abort = abort;
    this.entries.set(keyOf(query), e);
    const { signal } = abort;
    const request: Promise<Received> = loader
      ? Promise.resolve(loader({ ...query }, signal)).then((json) => ({ json }))
      : fetchText(scheduleUrl(src, query), signal).then((body) => ({ body }));
    void request.then(
      (received) => {
        if (signal.aborted || this.entries.get(keyOf(query)) !== e) return;
        e.abort = null;
        e.received = received;
        // A prefetched range waits in the cache, unparsed: only the shown range is settled now
        // and re-renders the host.
        if (keyOf(query) !== this.current) return;
        this.report(this.settle(e));
        this.host.requestUpdate();
      },
      (err: unknown) => {
        if (isAbort(err) || signal.aborted || this.entries.get(keyOf(query)) !== e) return;
        e.abort = null;
        e.outcome = { ok: false, error: failureDetail(err) };
        if (keyOf(query) !== this.current) return;
        this.report(e.outcome);
        this.host.requestUpdate();
      },
    );
  }

  private fromDocument(document: unknown, query: ScheduleQuery): ScheduleState {
    if (this.docInput !== document || !this.docSchedule) {
      if (!loadedModule) {
        documentModule ??= import('./schedule-document.js').then((m) => (loadedModule = m));
        void documentModule.then(() => this.host.requestUpdate());
        return { status: 'loading' };
      }
      this.docInput = document;
      this.docSchedule = loadedModule.documentSchedule(document);
      if (!this.docSchedule.ok) {
        this.onError({ message: 'The document is not valid', issues: this.docSchedule.issues });
      }
    }
    const d = this.docSchedule;
    if (!d.ok) return { status: 'invalid', issues: d.issues };
    const schedule = d.schedule(query);
    return {
      status: 'ready',
      schedule,
      refreshing: false,
      stale: null,
      unknownParticipant: Boolean(query.participant) && !schedule.participant,
    };
  }

  private syncTimer(): void {
    const s = this.source();
    const seconds = s.document == null && (s.loader || s.src) ? Math.max(0, s.refreshInterval) : 0;
    if (seconds === this.timerSeconds && (this.timer !== undefined || seconds === 0)) return;
    this.clearTimer();
    this.timerSeconds = seconds;
    if (seconds > 0) {
      this.timer = setInterval(
        () => {
          if (!this.entries.get(this.current)?.abort) this.reload();
        },
        Math.max(5, seconds) * 1000,
      );
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.timerSeconds = 0;
  }
}

function failureDetail(e: unknown): LoadErrorDetail {
  if (e instanceof LoadFailure) return e.detail;
  return {
    message: e instanceof Error && e.message ? e.message : 'The schedule could not be loaded',
  };
}
