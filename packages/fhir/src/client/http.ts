/**
 * Talking to a FHIR REST server: JSON requests with the caller's headers, FHIR errors
 * (`OperationOutcome`, 404, 410) as one {@link FhirError}, and search paging through
 * `Bundle.link[next]`, never leaving the server's base URL.
 *
 * @module
 */
import type { Issue } from '@milieu/core';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';

/** Why a FHIR request failed (see {@link FhirError}). */
export const FHIR_ERROR_CODES = [
  'not_found',
  'gone',
  'operation_outcome',
  'http_error',
  'network_error',
  'invalid_response',
  'unsafe_link',
  'too_many_pages',
  'invalid_entry',
] as const;
/** A code of {@link FHIR_ERROR_CODES}. */
export type FhirErrorCode = (typeof FHIR_ERROR_CODES)[number];

/**
 * A failed FHIR request, with a message people can read: the method and URL, the HTTP status
 * and the server's `OperationOutcome` issues (`diagnostics` or `details.text`).
 *
 * - `not_found`: 404 (the resource or the unit does not exist);
 * - `gone`: 410 (the resource was deleted);
 * - `operation_outcome`: another 4xx/5xx that carried an OperationOutcome;
 * - `http_error`: another 4xx/5xx without one;
 * - `network_error`: the request did not complete;
 * - `invalid_response`: the body was not the JSON resource expected;
 * - `unsafe_link`: a paging link pointed outside `baseUrl` (not followed: it would carry the caller's credentials);
 * - `too_many_pages`: paging stopped at `maxPages`;
 * - `invalid_entry`: the saver was given a record that does not pass core's schema (`issues` says where).
 */
export class FhirError extends Error {
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** What went wrong (see {@link FHIR_ERROR_CODES}). */
  readonly code: FhirErrorCode;
  /** The server's OperationOutcome, when it sent one. */
  readonly outcome: OperationOutcome | undefined;
  /** The request URL. */
  readonly url: string;
  /** For `invalid_entry`: every problem, located by JSON pointers into the record. */
  readonly issues: Issue[];

  constructor(
    code: FhirErrorCode,
    message: string,
    url: string,
    status?: number,
    outcome?: OperationOutcome,
    issues: Issue[] = [],
  ) {
    super(message);
    this.issues = issues;
    this.name = 'FhirError';
    this.code = code;
    this.url = url;
    this.status = status;
    this.outcome = outcome;
  }

  /** Whether retrying the same request later may succeed (network errors, 408, 429, 5xx). */
  get retryable(): boolean {
    const s = this.status;
    return this.code === 'network_error' || s === 408 || s === 429 || (s !== undefined && s >= 500);
  }
}

/** Headers for every request (for example `Authorization`), fixed or computed per request. */
export type HeadersOption =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** What {@link FhirClient} needs. @internal */
export interface ClientOptions {
  baseUrl: string;
  fetch?: typeof fetch | undefined;
  headers?: HeadersOption | undefined;
  maxPages?: number | undefined;
}

const isOutcome = (v: unknown): v is OperationOutcome =>
  typeof v === 'object' && v !== null && (v as Resource).resourceType === 'OperationOutcome';

function outcomeText(o: OperationOutcome | undefined): string {
  const texts = (o?.issue ?? [])
    .filter((i) => i.severity === 'error' || i.severity === 'fatal' || i.severity === 'warning')
    .map((i) => i.diagnostics ?? i.details?.text ?? i.code)
    .filter((t): t is string => typeof t === 'string' && t !== '');
  return texts.join('; ');
}

/** A small FHIR REST client (JSON only). @internal */
export class FhirClient {
  readonly base: string;
  private readonly send: typeof fetch;
  private readonly headers: HeadersOption | undefined;
  readonly maxPages: number;

  constructor(o: ClientOptions) {
    this.base = o.baseUrl.replace(/\/+$/, '') + '/';
    const f = o.fetch ?? globalThis.fetch;
    if (typeof f !== 'function')
      throw new TypeError('createFhirSource: no fetch (pass options.fetch)');
    this.send = f;
    this.headers = o.headers;
    this.maxPages = o.maxPages ?? 50;
  }

  /** An absolute URL for a path relative to the base (`Group/1`, `Appointment?date=…`). */
  url(path: string): string {
    return new URL(path.replace(/^\/+/, ''), this.base).toString();
  }

  /** Sends one request and returns the parsed resource, or throws a {@link FhirError}. */
  async request<R extends Resource>(
    method: 'GET' | 'POST' | 'PUT',
    pathOrUrl: string,
    body?: Resource,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ resource: R; status: number }> {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : this.url(pathOrUrl);
    const own = typeof this.headers === 'function' ? await this.headers() : (this.headers ?? {});
    const headers: Record<string, string> = {
      Accept: 'application/fhir+json',
      ...own,
      ...extraHeaders,
    };
    if (body) headers['Content-Type'] = 'application/fhir+json';
    let res: Response;
    try {
      res = await this.send(url, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new FhirError(
        'network_error',
        `FHIR ${method} ${url}: the request failed (${why})`,
        url,
      );
    }
    const text = await res.text().catch(() => '');
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const outcome = isOutcome(json) ? json : undefined;
      const detail = outcomeText(outcome);
      const what =
        res.status === 404
          ? 'not found'
          : res.status === 410
            ? 'gone (deleted on the server)'
            : `HTTP ${res.status}`;
      const code: FhirErrorCode =
        res.status === 404
          ? 'not_found'
          : res.status === 410
            ? 'gone'
            : outcome
              ? 'operation_outcome'
              : 'http_error';
      throw new FhirError(
        code,
        `FHIR ${method} ${url}: ${what}${detail ? `: ${detail}` : ''}`,
        url,
        res.status,
        outcome,
      );
    }
    if (
      typeof json !== 'object' ||
      json === null ||
      typeof (json as Resource).resourceType !== 'string'
    ) {
      throw new FhirError(
        'invalid_response',
        `FHIR ${method} ${url}: the response is not a FHIR resource`,
        url,
        res.status,
      );
    }
    return { resource: json as R, status: res.status };
  }

  /**
   * Runs a search and follows `Bundle.link[next]` until the last page, collecting every entry.
   * A next link outside the base URL is refused (it would carry the caller's credentials).
   */
  async search(path: string): Promise<Bundle> {
    const entries: NonNullable<Bundle['entry']> = [];
    let url: string | undefined = this.url(path);
    let pages = 0;
    while (url) {
      if (++pages > this.maxPages) {
        throw new FhirError(
          'too_many_pages',
          `FHIR search ${path}: stopped after ${this.maxPages} pages`,
          url,
        );
      }
      const page: { resource: Bundle } = await this.request<Bundle>('GET', url);
      const resource: Bundle = page.resource;
      if (resource.resourceType !== 'Bundle') {
        throw new FhirError(
          'invalid_response',
          `FHIR GET ${url}: expected a Bundle, got ${resource.resourceType}`,
          url,
        );
      }
      entries.push(...(resource.entry ?? []));
      const next: string | undefined = resource.link?.find((l) => l.relation === 'next')?.url;
      if (next !== undefined && !new URL(next, url).toString().startsWith(this.base)) {
        throw new FhirError(
          'unsafe_link',
          `FHIR search ${path}: the next page ${next} is outside ${this.base}; not followed`,
          next,
        );
      }
      url = next === undefined ? undefined : new URL(next, url).toString();
    }
    return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: entries };
  }
}
