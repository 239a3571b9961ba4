import type { LoadErrorDetail } from '../events/load-error.js';

/** A failed request or loader, with the detail `milieu-load-error` carries. */
export class LoadFailure extends Error {
  constructor(readonly detail: LoadErrorDetail) {
    super(detail.message);
  }
}

/** Whether `e` is an abort (a superseded request, a timeout) rather than a failure. */
export const isAbort = (e: unknown): boolean =>
  e instanceof DOMException && (e.name === 'AbortError' || e.name === 'TimeoutError');

/** A response body as received, parsed only when it is needed (see {@link parseJson}). */
export interface ReceivedText {
  /** The URL requested, for error messages. */
  src: string;
  status: number;
  text: string;
}

/**
 * GETs `src` and returns its body unparsed; throws {@link LoadFailure} on a network error or
 * an HTTP error status, and rethrows aborts as they are. A prefetched range stays text (about
 * half the memory of the parsed value) until it is shown.
 */
export async function fetchText(src: string, signal: AbortSignal): Promise<ReceivedText> {
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
  return { src, status: response.status, text: await response.text() };
}

/** Parses a body from {@link fetchText}; throws {@link LoadFailure} when it is not JSON. */
export function parseJson(body: ReceivedText): unknown {
  try {
    return JSON.parse(body.text) as unknown;
  } catch {
    throw new LoadFailure({ message: `GET ${body.src} did not return JSON`, status: body.status });
  }
}

/**
 * GETs JSON from `src`; throws {@link LoadFailure} on a network error, an HTTP error status or
 * a body that is not JSON, and rethrows aborts as they are.
 */
export async function fetchJson(src: string, signal: AbortSignal): Promise<unknown> {
  return parseJson(await fetchText(src, signal));
}
