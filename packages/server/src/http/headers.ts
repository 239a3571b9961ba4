/**
 * Request-header parsing in linear time. Every function here reads its input once, left to
 * right, with no regular expression: a header the client controls (up to the 16 KiB Node.js
 * allows for all headers) costs microseconds, whatever its shape.
 *
 * @module
 */

const SP = 0x20;
const HTAB = 0x09;
const COMMA = 0x2c;
const SEMI = 0x3b;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

/** RFC 9110 `tchar` (visible ASCII except delimiters), as a lookup table by char code. */
const TCHAR = new Uint8Array(128);
for (const ch of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  TCHAR[ch.charCodeAt(0)] = 1;
}

function isTchar(ch: number): boolean {
  return ch < 128 && TCHAR[ch] === 1;
}

function skipOws(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === SP || s.charCodeAt(i) === HTAB)) i++;
  return i;
}

function skipToken(s: string, i: number): number {
  while (i < s.length && isTchar(s.charCodeAt(i))) i++;
  return i;
}

/**
 * An RFC 9110 `qvalue` (`0`, `0.5`, `1`, `1.000`; at most three decimals), or `NaN`.
 *
 * @param text - the value after `q=`
 */
export function parseQvalue(text: string): number {
  const first = text.charCodeAt(0);
  if (text.length === 0 || text.length > 5 || (first !== 0x30 && first !== 0x31)) return NaN;
  if (text.length === 1) return first - 0x30;
  if (text.charCodeAt(1) !== 0x2e) return NaN;
  for (let i = 2; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39 || (first === 0x31 && ch !== 0x30)) return NaN;
  }
  return Number(text);
}

/**
 * Reads a parameter value (a token or a quoted string) from `i`; returns the value and where
 * it ends (`-1` for an unterminated quoted string).
 */
function readValue(s: string, i: number): [value: string, end: number] {
  if (s.charCodeAt(i) !== DQUOTE) {
    const end = skipToken(s, i);
    return [s.slice(i, end), end];
  }
  let out = '';
  for (let j = i + 1; j < s.length; j++) {
    const ch = s.charCodeAt(j);
    if (ch === DQUOTE) return [out, j + 1];
    if (ch === BACKSLASH && j + 1 < s.length) j++;
    out += s[j];
  }
  return [out, -1]; // unterminated: the element is malformed
}

/** One element of an `Accept-Encoding` list: the coding (lower case) and its weight. */
export interface AcceptedCoding {
  coding: string;
  /** The `q` weight, `1` when absent. */
  q: number;
}

/**
 * The well-formed elements of an `Accept-Encoding` header (RFC 9110 §12.5.3):
 * `#( codings [ OWS ";" OWS "q=" qvalue ] )`, case-insensitive, optional white space around
 * `,` and `;` (none around `=`), empty list elements skipped. A malformed element (a bad `qvalue`, a stray character) is dropped up
 * to the next comma; other parameters are ignored. One pass over the text.
 *
 * @param header - the header value
 */
export function parseAcceptEncoding(header: string): AcceptedCoding[] {
  const out: AcceptedCoding[] = [];
  const n = header.length;
  let i = 0;
  while (i < n) {
    // Skip white space and empty list elements.
    while (i < n) {
      const ch = header.charCodeAt(i);
      if (ch !== SP && ch !== HTAB && ch !== COMMA) break;
      i++;
    }
    if (i >= n) break;
    const start = i;
    i = skipToken(header, i);
    const coding = header.slice(start, i).toLowerCase();
    let q = 1;
    let ok = coding.length > 0;
    i = skipOws(header, i);
    while (ok && i < n && header.charCodeAt(i) === SEMI) {
      i = skipOws(header, i + 1);
      const nameStart = i;
      i = skipToken(header, i);
      const name = header.slice(nameStart, i).toLowerCase();
      // RFC 9110 §5.6.6: no white space around "=".
      if (name === '' || header.charCodeAt(i) !== EQUALS) {
        ok = false;
        break;
      }
      const [value, end] = readValue(header, i + 1);
      if (end === -1) {
        ok = false;
        i = n;
        break;
      }
      i = skipOws(header, end);
      if (name === 'q') {
        q = parseQvalue(value);
        if (Number.isNaN(q)) ok = false;
      }
    }
    if (i < n && header.charCodeAt(i) !== COMMA) ok = false;
    // Drop the rest of a malformed element.
    while (i < n && header.charCodeAt(i) !== COMMA) i++;
    if (ok) out.push({ coding, q });
  }
  return out;
}

/**
 * Whether the client accepts gzip (RFC 9110 §12.5.3): `gzip` (or its alias `x-gzip`) listed with
 * a weight above zero, or not listed while `*` is. Any `gzip;q=0` refuses it, whatever else
 * the list says; no header (or an empty one) means identity only here — a response is never
 * compressed unasked. Linear in the header's length.
 *
 * @param header - the `Accept-Encoding` header
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: boolean | undefined;
  let star: boolean | undefined;
  for (const { coding, q } of parseAcceptEncoding(header)) {
    if (coding === 'gzip' || coding === 'x-gzip') gzip = gzip !== false && q > 0;
    else if (coding === '*') star = star !== false && q > 0;
  }
  return gzip ?? star ?? false;
}

/** The longest bearer token accepted. */
export const MAX_BEARER_LENGTH = 512;

/**
 * The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, 1–512
 * visible ASCII characters, white space around), or `undefined`. Linear.
 *
 * @param header - the `Authorization` header
 */
export function parseBearer(header: string | undefined): string | undefined {
  if (header === undefined || header.length < 8) return undefined;
  if (header.slice(0, 6).toLowerCase() !== 'bearer') return undefined;
  const isWs = (ch: number) => ch === SP || ch === HTAB || ch === 0x0a || ch === 0x0d;
  let i = 6;
  if (!isWs(header.charCodeAt(i))) return undefined;
  while (i < header.length && isWs(header.charCodeAt(i))) i++;
  const start = i;
  while (i < header.length) {
    const ch = header.charCodeAt(i);
    if (ch < 0x21 || ch > 0x7e) break;
    i++;
  }
  const end = i;
  while (i < header.length && isWs(header.charCodeAt(i))) i++;
  if (i !== header.length || end === start || end - start > MAX_BEARER_LENGTH) return undefined;
  return header.slice(start, end);
}

/**
 * Whether a `Content-Type` is JSON: `application/json` or `application/<x>+json` (letters,
 * digits, `.`, `+`, `-` in `<x>`), case-insensitive, with any parameters. Linear.
 *
 * @param header - the `Content-Type` header
 */
export function isJsonMediaType(header: string): boolean {
  const semi = header.indexOf(';');
  let end = semi === -1 ? header.length : semi;
  while (end > 0 && (header.charCodeAt(end - 1) === SP || header.charCodeAt(end - 1) === HTAB))
    end--;
  const type = header.slice(0, end).toLowerCase();
  if (type === 'application/json') return true;
  if (!type.startsWith('application/') || !type.endsWith('+json')) return false;
  const sub = type.slice('application/'.length, -'+json'.length);
  for (let i = 0; i < sub.length; i++) {
    const ch = sub.charCodeAt(i);
    const ok =
      (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x30 && ch <= 0x39) || ch === 0x2e || ch === 0x2b;
    if (!ok && ch !== 0x2d) return false;
  }
  return true;
}

/**
 * The revisions listed in an `If-Match` / `If-None-Match` header, `'*'` for any. Entity tags
 * are the strong `"<digits>"` the API sends (at most 15 digits); with `weak: true` a `W/`
 * prefix is allowed (weak comparison, for `If-None-Match`), otherwise weak tags never match.
 * Malformed elements are skipped. One pass.
 *
 * @param header - the header value
 * @param weak - whether `W/"n"` counts as `"n"`
 */
export function parseEntityTags(header: string, weak = false): number[] | '*' {
  const out: number[] = [];
  const n = header.length;
  let i = skipOws(header, 0);
  if (header.charCodeAt(i) === 0x2a && skipOws(header, i + 1) === n) return '*';
  i = 0;
  while (i < n) {
    while (i < n) {
      const ch = header.charCodeAt(i);
      if (ch !== SP && ch !== HTAB && ch !== COMMA) break;
      i++;
    }
    if (i >= n) break;
    let ok = true;
    if (header.charCodeAt(i) === 0x57 && header.charCodeAt(i + 1) === 0x2f) {
      ok = weak;
      i += 2;
    }
    let digits = '';
    if (header.charCodeAt(i) === DQUOTE) {
      let j = i + 1;
      while (j < n && header.charCodeAt(j) >= 0x30 && header.charCodeAt(j) <= 0x39) j++;
      digits = header.slice(i + 1, j);
      if (header.charCodeAt(j) === DQUOTE && digits.length >= 1 && digits.length <= 15) i = j + 1;
      else ok = false;
    } else ok = false;
    i = skipOws(header, i);
    if (i < n && header.charCodeAt(i) !== COMMA) ok = false;
    while (i < n && header.charCodeAt(i) !== COMMA) i++;
    if (ok) out.push(Number(digits));
  }
  return out;
}
