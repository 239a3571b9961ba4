/**
 * RFC 5545 text helpers: TEXT escaping, content-line folding at 75 octets, date-time values.
 *
 * @module
 * @internal
 */
import { dayNumberToCivil, MS_PER_UTC_DAY } from '../time/civil.js';

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
 *
 * @param text - plain text
 */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545 §3.1),
 * never splitting a character; continuation lines start with one space. Lines are joined
 * with CRLF.
 *
 * @param line - one unfolded content line
 */
export function foldLine(line: string): string {
  if (line.length <= 75 && /^[\t -~]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) as number);
    if (size + n > limit) {
      parts.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * A local DATE-TIME value `YYYYMMDDTHHMMSS` for a day number and minutes after midnight.
 *
 * @param dayNumber - civil day number
 * @param minutes - minutes after midnight (whole)
 */
export function localDateTimeValue(dayNumber: number, minutes: number): string {
  const [y, m, d] = dayNumberToCivil(dayNumber);
  return `${pad(y, 4)}${pad(m)}${pad(d)}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;
}

/**
 * A local DATE-TIME value from an ISO string with offset (its wall-clock part):
 * `2026-03-08T03:30:00-04:00` → `20260308T033000`.
 *
 * @param iso - ISO 8601 date-time
 */
export function wallClockValue(iso: string): string {
  return iso.slice(0, 19).replace(/[-:]/g, '');
}

/**
 * A UTC DATE-TIME value `YYYYMMDDTHHMMSSZ`.
 *
 * @param ms - epoch milliseconds
 */
export function utcDateTimeValue(ms: number): string {
  const day = Math.floor(ms / MS_PER_UTC_DAY);
  const sec = Math.floor((ms - day * MS_PER_UTC_DAY) / 1000);
  const [y, m, d] = dayNumberToCivil(day);
  return `${pad(y, 4)}${pad(m)}${pad(d)}T${pad(Math.floor(sec / 3600))}${pad(Math.floor(sec / 60) % 60)}${pad(sec % 60)}Z`;
}

/**
 * A UTC-OFFSET value `+0530` / `-0330` (with seconds when not whole minutes).
 *
 * @param offsetMs - offset in milliseconds
 */
export function utcOffsetValue(offsetMs: number): string {
  const abs = Math.abs(Math.round(offsetMs / 1000));
  const sec = abs % 60;
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${sec ? pad(sec) : ''}`;
}
