/**
 * Reading request bodies: JSON only, parsed without ever throwing past a 4xx.
 *
 * @module
 */
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import { ApiError, invalid } from './errors.js';
import { isJsonMediaType } from './headers.js';

/**
 * A `413` for a body over `max` bytes.
 *
 * @param max - the limit in bytes
 */
export function tooLarge(max: number): ApiError {
  // Close the connection after answering, so the rest of the upload is not read.
  return new ApiError(413, 'payload_too_large', `the body is larger than ${max} bytes`, {
    headers: { Connection: 'close' },
  });
}

/**
 * Throws `413` when the declared `Content-Length` is over the limit (before anything is read).
 *
 * @param c - the request context
 * @param max - the limit in bytes
 */
export function checkDeclaredLength(c: Context, max: number): void {
  const declared = c.req.header('content-length');
  if (declared !== undefined && !(Number(declared) <= max)) throw tooLarge(max);
}

function readCapped(incoming: Readable, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      if (size > max) return; // over the limit: discard the rest
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        reject(tooLarge(max));
      } else chunks.push(chunk);
    });
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
  });
}

/**
 * Reads the body as text, at most `max` bytes (`413` beyond), without building a web `Request`
 * (the server adapter reads the Node stream directly).
 *
 * @param c - the request context
 * @param max - the limit in bytes
 */
export async function readText(c: Context, max: number): Promise<string> {
  checkDeclaredLength(c, max);
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  if (c.req.header('content-length') === undefined && incoming instanceof Readable) {
    return readCapped(incoming, max); // chunked: count as it arrives
  }
  const text = await c.req.text();
  if (Buffer.byteLength(text, 'utf8') > max) throw tooLarge(max);
  return text;
}

/** The deepest nesting of arrays and objects a request body may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `max` (a scan of the text that skips
 * strings; it never recurses, so no input can exhaust the stack).
 *
 * @param text - JSON text
 * @param max - the deepest nesting allowed
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/**
 * Reads the body as JSON: `413` over the route's size limit, `415` unless the content type is
 * JSON, `400 invalid_json` (with an issue at `''`) when it does not parse or nests arrays and
 * objects deeper than {@link MAX_JSON_DEPTH} (checked before anything recurses over it: parsers,
 * canonical JSON for idempotency hashes). Prototype keys are
 * left as own properties (as `JSON.parse` makes them) for the core parsers to reject with
 * `forbidden_key`.
 *
 * @param c - the request context
 * @returns the parsed value
 */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!isJsonMediaType(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const text = await readText(c, c.get('bodyLimit'));
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw invalid('invalid_json', [
      {
        path: '',
        code: 'too_deep',
        message: `the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
      },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    throw invalid('invalid_json', [
      { path: '', code: 'invalid_json', message: `not valid JSON: ${detail}` },
    ]);
  }
}

/**
 * The query string as a plain object (the last value of a repeated parameter wins).
 *
 * @param c - the request context
 */
export function queryObject(c: Context): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const url = new URL(c.req.url);
  for (const [key, value] of url.searchParams) out[key] = value;
  return { ...out };
}
