import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  FEEDBACK_MODES,
  FeedbackContextResponseSchema,
  type FeedbackContextResponse,
  type MilieuDocument,
} from '@milieu/core';
import type { FeedbackFormSource } from './feedback-form.types.js';

/**
 * Why the feedback context could not be used, for the element to word:
 * - `offline`: the request failed at the network (Retry helps);
 * - `forbidden`: `401`/`403`, the caller may not write feedback here (Retry does not help);
 * - `not-found`: `404`, wrong `context-src` (Retry does not help);
 * - `request`: another `4xx`: the server did not accept the form's request (Retry does not help);
 * - `server`: `5xx` or another status (Retry helps);
 * - `invalid`: the body or the `context` property does not match `FeedbackContextResponseSchema`;
 * - `document`: the `document` property is not a valid milieu document.
 */
export type ContextErrorKind =
  'offline' | 'forbidden' | 'not-found' | 'request' | 'server' | 'invalid' | 'document';

/** A failed context, with what to log (`detail`) and whether Retry can help. */
export interface ContextError {
  kind: ContextErrorKind;
  retry: boolean;
  status?: number;
  /** For the console: the URL and status, or the first schema issues with their paths. */
  detail: string;
}

/** What the form has to build itself from. */
export type ContextState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; context: FeedbackContextResponse; document?: MilieuDocument }
  | { status: 'error'; error: ContextError };

/** What the controller reads from its element on every update. */
export interface ContextHost extends ReactiveControllerHost {
  context: FeedbackContextResponse | null;
  contextSrc: string;
  document: MilieuDocument | null;
  source: FeedbackFormSource;
  subject: string;
  author: string;
  fetcher: typeof fetch | null;
}

/** The URL of the context resource for `source` (and, for staff, `subject`). */
export function contextUrl(src: string, source: string, subject: string): string {
  const url = new URL(src, globalThis.location?.href ?? 'http://localhost/');
  url.searchParams.set('source', source);
  if (source === 'staff' && subject) url.searchParams.set('subject', subject);
  else url.searchParams.delete('subject');
  // Keep a relative `context-src` relative (same origin): only the query changes.
  return /^[a-z][a-z\d+.-]*:/i.test(src) ? url.href : `${url.pathname}${url.search}`;
}

function checked(value: unknown): ContextState {
  const r = FeedbackContextResponseSchema.safeParse(value);
  if (r.success) return { status: 'ready', context: r.data };
  const detail = r.error.issues
    .slice(0, 5)
    .map((i) => `/${i.path.join('/')}: ${i.message}`)
    .join('; ');
  return { status: 'error', error: { kind: 'invalid', retry: false, detail } };
}

function failed(status: number, url: string): ContextError {
  const detail = `GET ${url} answered ${status}`;
  if (status === 401 || status === 403) return { kind: 'forbidden', retry: false, status, detail };
  if (status === 404) return { kind: 'not-found', retry: false, status, detail };
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return { kind: 'request', retry: false, status, detail };
  }
  return { kind: 'server', retry: true, status, detail };
}

/**
 * Turns the form's `context` property, `document` property or `context-src` URL into one
 * validated `FeedbackContextResponse` (in that order of precedence). The document path (its
 * parser and the code that derives a context from it) is a dynamic import, loaded only when a
 * document is given, so a form fed by `context-src` never downloads it.
 */
export class FeedbackContextController implements ReactiveController {
  state: ContextState = { status: 'none' };
  /** A module load in flight (the document path); the element's `updateComplete` waits for it. */
  loading: Promise<unknown> | null = null;
  private key: unknown = undefined;
  private abort: AbortController | null = null;
  private generation = 0;
  private doc: MilieuDocument | null = null;

  constructor(private readonly host: ContextHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
    this.key = undefined;
  }

  /** Reads the host's inputs; starts a load when they changed. Call from `willUpdate`. */
  sync(): void {
    const h = this.host;
    const key: unknown = h.context
      ? h.context
      : h.document
        ? `doc|${h.source}|${h.subject}|${h.author}`
        : h.contextSrc
          ? contextUrl(h.contextSrc, h.source, h.subject)
          : '';
    const doc = h.context ? null : h.document;
    if (key === this.key && doc === this.doc) return;
    this.key = key;
    this.doc = doc;
    this.abort?.abort();
    this.abort = null;
    const generation = ++this.generation;
    if (h.context) this.state = checked(h.context);
    else if (doc) this.loadDocument(doc, generation);
    else if (typeof key === 'string' && key) void this.fetch(key, generation);
    else this.state = { status: 'none' };
  }

  /** Loads again after a failure (Retry). */
  retry(): void {
    this.key = undefined;
    this.host.requestUpdate();
  }

  private set(state: ContextState, generation: number): void {
    if (generation !== this.generation) return;
    this.state = state;
    this.host.requestUpdate();
  }

  private loadDocument(doc: MilieuDocument, generation: number): void {
    const h = this.host;
    this.state = { status: 'loading' };
    const mode = (FEEDBACK_MODES as readonly string[]).includes(h.source) ? h.source : 'self';
    const load = import('./feedback-form.document.js').then(
      ({ documentContext }) => {
        const r = documentContext(doc, { source: mode, subject: h.subject, author: h.author });
        this.set(
          r.ok
            ? { status: 'ready', context: r.context, document: r.document }
            : { status: 'error', error: { kind: 'document', retry: false, detail: r.detail } },
          generation,
        );
      },
      () => {
        // The chunk did not arrive (offline, or a deploy removed it): Retry loads it again.
        const detail = 'the document module could not be loaded';
        this.set({ status: 'error', error: { kind: 'offline', retry: true, detail } }, generation);
      },
    );
    this.loading = load;
    void load.finally(() => {
      if (this.loading === load) this.loading = null;
    });
  }

  private async fetch(url: string, generation: number): Promise<void> {
    this.state = { status: 'loading' };
    const abort = (this.abort = new AbortController());
    const send = this.host.fetcher ?? globalThis.fetch.bind(globalThis);
    let res: Response;
    try {
      res = await send(url, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: abort.signal,
      });
    } catch {
      if (abort.signal.aborted) return;
      const detail = `GET ${url} failed at the network`;
      this.set({ status: 'error', error: { kind: 'offline', retry: true, detail } }, generation);
      return;
    }
    if (!res.ok) {
      this.set({ status: 'error', error: failed(res.status, url) }, generation);
      return;
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      if (abort.signal.aborted) return;
      const detail = `GET ${url} did not return JSON`;
      this.set({ status: 'error', error: { kind: 'invalid', retry: false, detail } }, generation);
      return;
    }
    this.set(checked(body), generation);
  }
}
