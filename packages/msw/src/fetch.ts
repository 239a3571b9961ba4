/**
 * Running msw handlers without a service worker or a Node interceptor: a `fetch` that answers
 * from the handlers, for components that take a `fetcher` or `loader` property (Storybook
 * stories, unit tests, a portal prototype). Same handlers, same responses as under
 * `setupWorker`/`setupServer`.
 *
 * @module
 */
import { getResponse, type RequestHandler } from 'msw';
import { ErrorBodySchema } from '@milieu/core';
import { DOCUMENT_PATH } from './document.js';

/** Options of {@link createFetch}. */
export interface HandlerFetchOptions {
  /** Base URL for relative paths. Default: the page's `location`, else `http://localhost/`. */
  baseUrl?: string;
  /**
   * A request no handler answers: `error` (default) rejects like a network error, naming the
   * request; `bypass` sends it with the global `fetch`.
   */
  onUnhandledRequest?: 'error' | 'bypass';
}

const defaultBase = (): string =>
  typeof location === 'undefined' ? 'http://localhost/' : location.href;

function abortable<T>(pending: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return pending;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * A `fetch` answered by `handlers`: `HttpResponse.error()` rejects with a `TypeError` as a
 * network failure does, a handler that never answers waits until the request's `signal` aborts.
 *
 * @param handlers - msw request handlers, first match wins
 * @param options - base URL and what to do with unhandled requests
 */
export function createFetch(
  handlers: readonly RequestHandler[],
  options: HandlerFetchOptions = {},
): typeof fetch {
  return async (input, init) => {
    const baseUrl = options.baseUrl ?? defaultBase();
    const request =
      input instanceof Request
        ? new Request(input, init)
        : new Request(new URL(String(input), baseUrl), init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const response = await abortable(getResponse([...handlers], request, { baseUrl }), signal);
    if (!response) {
      if (options.onUnhandledRequest === 'bypass') return fetch(input, init);
      throw new TypeError(`No msw handler for ${request.method} ${request.url}`);
    }
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
}

/**
 * A document loader (`(signal) => Promise<unknown>`, what `<milieu-schedule-board>`'s `loader`
 * property takes) that GETs `url` through `fetcher`: resolves to the JSON body of a 2xx and
 * rejects with the server's message (or the status) otherwise.
 *
 * @param fetcher - e.g. {@link createFetch} over {@link documentHandlers}
 * @param url - default {@link DOCUMENT_PATH}
 */
export function documentLoader(
  fetcher: typeof fetch,
  url: string = DOCUMENT_PATH,
): (signal: AbortSignal) => Promise<unknown> {
  return async (signal) => {
    const response = await fetcher(url, { signal, headers: { Accept: 'application/json' } });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const error = ErrorBodySchema.safeParse(body);
    const why = error.success ? `: ${error.data.error.message}` : '';
    throw new Error(`GET ${url} answered ${response.status}${why}`);
  };
}
