import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import { parseDocument, type Issue, type MilieuDocument, type ParseResult } from '@milieu/core';
import type { LoadErrorDetail } from '../events/load-error.js';

/**
 * Loads a document for a portal with its own authentication: receives an `AbortSignal` (aborted
 * when the element's source changes or it leaves the page) and resolves to the document JSON
 * value (it is validated with `parseDocument`).
 */
export type DocumentLoader = (signal: AbortSignal) => Promise<unknown>;

/** Where a {@link DocumentController} reads its document from; read on every host update. */
export interface DocumentSource {
  /** A document value (property), validated with `parseDocument`; wins over `loader` and `src`. */
  document: unknown;
  /** An async loader; wins over `src`. */
  loader: DocumentLoader | undefined;
  /** A URL to GET the document JSON from. */
  src: string;
  /** Seconds between reloads of `loader`/`src` (0 = never). */
  refreshInterval: number;
}

/**
 * What the host renders:
 * - `empty`: no source given;
 * - `loading`: the first load of the current source is in flight (show a skeleton);
 * - `ready`: a valid document, possibly with `refreshing` (a reload in flight) and `stale`
 *   (the last reload failed, the previous document is still shown);
 * - `invalid`: the document was received but has issues;
 * - `error`: the request or loader failed.
 */
export type DocumentState =
  | { status: 'empty' }
  | { status: 'loading' }
  | {
      status: 'ready';
      document: MilieuDocument;
      refreshing: boolean;
      stale: LoadErrorDetail | null;
    }
  | { status: 'invalid'; issues: Issue[] }
  | { status: 'error'; error: LoadErrorDetail };

class LoadFailure extends Error {
  constructor(readonly detail: LoadErrorDetail) {
    super(detail.message);
  }
}

const isAbort = (e: unknown): boolean =>
  e instanceof DOMException && (e.name === 'AbortError' || e.name === 'TimeoutError');

async function fetchJson(src: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(src, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new LoadFailure({ message: `Network error while fetching ${src}` });
  }
  if (!response.ok) {
    throw new LoadFailure({
      message: `GET ${src} answered ${response.status} ${response.statusText}`.trim(),
      status: response.status,
    });
  }
  try {
    return (await response.json()) as unknown;
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new LoadFailure({ message: `GET ${src} did not return JSON`, status: response.status });
  }
}

/**
 * Reactive controller that turns a `document` property, a `loader` function or a `src` URL into
 * a validated milieu document, with loading, error and invalid states, abort of in-flight
 * requests (on source change and disconnect), retry and periodic refresh. Reusable by any
 * element that shows a milieu document.
 *
 * The host calls {@link DocumentController.state} in `willUpdate`/`render`. `onError` runs
 * once per failure (a failed request, a loader that threw, an invalid document).
 */
export class DocumentController implements ReactiveController {
  private readonly task: Task<
    [string, DocumentLoader | undefined, number],
    ParseResult<MilieuDocument>
  >;
  private parsedInput: unknown = undefined;
  private parsed: ParseResult<MilieuDocument> | null = null;
  private lastGood: MilieuDocument | null = null;
  private remoteKey: unknown[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private timerSeconds = 0;
  private abortedByDisconnect = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => DocumentSource,
    private readonly onError: (detail: LoadErrorDetail) => void,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => {
        const s = this.source();
        const remote = s.document == null && (s.loader !== undefined || s.src !== '');
        return remote ? [s.loader ? '' : s.src, s.loader, this.generation] : ['', undefined, -1];
      },
      task: async ([src, loader, generation], { signal }) => {
        if (generation < 0) return initialState;
        const key = [src, loader];
        if (key[0] !== this.remoteKey[0] || key[1] !== this.remoteKey[1]) {
          this.remoteKey = key;
          this.lastGood = null;
        }
        const json = loader ? await loader(signal) : await fetchJson(src, signal);
        signal.throwIfAborted();
        return parseDocument(json);
      },
      onComplete: (result) => {
        if (result.ok) this.lastGood = result.value;
        else this.onError({ message: 'The document is not valid', issues: result.issues });
      },
      onError: (e) => {
        if (!isAbort(e)) this.onError(failureDetail(e));
      },
    });
  }

  /** The current state; parses a `document` property synchronously (memoised by identity). */
  get state(): DocumentState {
    const { document } = this.source();
    if (document != null) {
      if (document !== this.parsedInput || !this.parsed) {
        this.parsedInput = document;
        this.parsed = parseDocument(document);
        if (!this.parsed.ok)
          this.onError({ message: 'The document is not valid', issues: this.parsed.issues });
      }
      return this.parsed.ok
        ? { status: 'ready', document: this.parsed.value, refreshing: false, stale: null }
        : { status: 'invalid', issues: this.parsed.issues };
    }
    this.parsedInput = undefined;
    this.parsed = null;
    const { status, value, error } = this.task;
    const s = this.source();
    if (s.loader === undefined && s.src === '') return { status: 'empty' };
    // Until the task has started for a new source, what it holds belongs to the old one.
    if ((s.loader ? '' : s.src) !== this.remoteKey[0] || s.loader !== this.remoteKey[1]) {
      return { status: 'loading' };
    }
    if (status === TaskStatus.COMPLETE && value) {
      return value.ok
        ? { status: 'ready', document: value.value, refreshing: false, stale: null }
        : { status: 'invalid', issues: value.issues };
    }
    const failed = status === TaskStatus.ERROR && !isAbort(error) ? failureDetail(error) : null;
    if (this.lastGood) {
      return {
        status: 'ready',
        document: this.lastGood,
        refreshing: status === TaskStatus.PENDING,
        stale: failed,
      };
    }
    return failed ? { status: 'error', error: failed } : { status: 'loading' };
  }

  /** Loads `src`/`loader` again (the Retry button; a manual refresh). */
  reload(): void {
    this.generation++;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.abortedByDisconnect) {
      this.abortedByDisconnect = false;
      this.reload();
    }
    this.syncTimer();
  }

  hostUpdated(): void {
    this.syncTimer();
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) {
      this.abortedByDisconnect = true;
      this.task.abort();
    }
    this.clearTimer();
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
          if (this.task.status !== TaskStatus.PENDING) this.reload();
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
    message: e instanceof Error && e.message ? e.message : 'The document could not be loaded',
  };
}
