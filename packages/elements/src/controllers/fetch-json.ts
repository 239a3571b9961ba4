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

/**
 * GETs JSON from `src`; throws {@link LoadFailure} on a network error, an HTTP error status or
 * a body that is not JSON, and rethrows aborts as they are.
 */
export async function fetchJson(src: string, signal: AbortSignal): Promise<unknown> {
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
