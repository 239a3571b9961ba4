/**
 * Issues: what a parser reports instead of throwing. Each issue is located by a JSON pointer,
 * carries a stable machine-readable code and a human English message.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { ID_PATTERN, OCCURRENCE_ID_PATTERN } from './scalars.js';
import { suggestTimeZone } from './zone-locale.js';
import { checkTimeZone } from './time-zones.js';
import { toPointer } from './pointer.js';

/**
 * One problem found in the input.
 *
 * - `path`: a JSON pointer (RFC 6901) to the offending value, e.g. `/routines/3/facilitatorIds/0`;
 *   `''` is the whole document.
 * - `code`: a stable string (see {@link ISSUE_CODES}); match on it, never on the message.
 * - `message`: English text for people, which may change between versions.
 */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** The outcome of a parser: the parsed value, or every issue found. Parsers never throw. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Every code the model's parsers emit. Codes are stable across minor versions. */
export const ISSUE_CODES = [
  'invalid_type',
  'required',
  'unknown_property',
  'invalid_value',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_id',
  'invalid_date',
  'invalid_time',
  'invalid_instant',
  'invalid_time_zone',
  'invalid_locale',
  'invalid_occurrence_id',
  'invalid_range',
  'not_increasing',
  'conflicting_fields',
  'duplicate_id',
  'duplicate_value',
  'unknown_reference',
  'invalid_reference',
  'unsupported_version',
  'forbidden_key',
  'invalid_json',
  'unreadable_input',
] as const;
/** A code in {@link ISSUE_CODES}. `Issue.code` is typed `string` so other modules can add their own. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Describes a value for a message: `the string "28"`, `null`, `an array`, `the number 1.5`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'undefined':
      return 'nothing';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? s.slice(0, 57) + '…' : s);
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

function label(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return last === undefined
    ? 'the value'
    : typeof last === 'number'
      ? `item ${last}`
      : `"${String(last)}"`;
}

/**
 * Converts zod issues to our {@link Issue}s, one per problem (an unknown-keys issue becomes one
 * issue per key). Expects issues produced with `reportInput: true` for the best messages.
 *
 * @param issues - zod issues
 * @param base - path prefix, when the schema ran on a part of a larger value
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly PropertyKey[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const raw of issues) {
    const issue = raw as z.core.$ZodIssue & { input?: unknown };
    const path = [...base, ...issue.path];
    const at = toPointer(path);
    const input = issue.input;
    switch (issue.code) {
      case 'invalid_type': {
        if (input === undefined) {
          out.push({
            path: at,
            code: 'required',
            message: `required property ${label(path)} is missing`,
          });
        } else {
          const expected = EXPECTED[issue.expected] ?? issue.expected;
          out.push({
            path: at,
            code: 'invalid_type',
            message: `expected ${expected}, got ${describeValue(input)}`,
          });
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({
            path: toPointer([...path, key]),
            code: 'unknown_property',
            message: `unknown property "${key}"`,
          });
        }
        break;
      case 'invalid_value':
        out.push({ path: at, code: 'invalid_value', message: oneOf(issue.values, input) });
        break;
      case 'invalid_union': {
        if (issue.discriminator !== undefined) {
          const options = ((issue as { options?: unknown[] }).options ?? []) as unknown[];
          const value =
            input !== null && typeof input === 'object'
              ? (input as Record<string, unknown>)[issue.discriminator]
              : undefined;
          out.push(
            value === undefined
              ? {
                  path: at,
                  code: 'required',
                  message: `required property "${issue.discriminator}" is missing (one of ${list(options)})`,
                }
              : { path: at, code: 'invalid_value', message: oneOf(options, value) },
          );
        } else {
          out.push({
            path: at,
            code: 'invalid_type',
            message: `expected a string, a list of strings or a number, got ${describeValue(input)}`,
          });
        }
        break;
      }
      case 'too_small':
      case 'too_big':
        out.push({ path: at, code: issue.code, message: sizeMessage(issue, input) });
        break;
      case 'invalid_format':
        out.push(formatIssue(at, issue.format, (issue as { pattern?: string }).pattern, input));
        break;
      case 'custom': {
        const code =
          typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'invalid_value';
        out.push({ path: at, code, message: customMessage(code, issue.message, input) });
        break;
      }
      default:
        out.push({ path: at, code: 'invalid_value', message: `${label(path)} is not valid here` });
    }
  }
  return out;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function oneOf(values: readonly unknown[], input: unknown): string {
  if (typeof input === 'string') {
    const near = values.find(
      (v) => typeof v === 'string' && v.toLowerCase() === input.toLowerCase(),
    );
    if (near !== undefined)
      return `expected one of ${list(values)}, got ${quote(input)} (did you mean ${JSON.stringify(near)}?)`;
  }
  return values.length === 1
    ? `expected ${list(values)}, got ${describeValue(input)}`
    : `expected one of ${list(values)}, got ${describeValue(input)}`;
}

function sizeMessage(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  input: unknown,
): string {
  const small = issue.code === 'too_small';
  const bound = Number(
    small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  );
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string')
    return small ? 'must not be empty' : `must be at most ${bound} characters`;
  if (issue.origin === 'array')
    return small
      ? `needs at least ${bound} item${bound === 1 ? '' : 's'}`
      : `may have at most ${bound} items`;
  const relation = small
    ? inclusive
      ? 'at least'
      : 'greater than'
    : inclusive
      ? 'at most'
      : 'less than';
  return `must be ${relation} ${bound}, got ${describeValue(input)}`;
}

function formatIssue(
  at: string,
  format: string,
  pattern: string | undefined,
  input: unknown,
): Issue {
  const got = describeValue(input);
  if (format === 'date') {
    const shaped = typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input);
    return {
      path: at,
      code: 'invalid_date',
      message: shaped
        ? `${quote(input)} is not a real calendar date`
        : `expected a date YYYY-MM-DD, got ${got}`,
    };
  }
  if (format === 'time') {
    return {
      path: at,
      code: 'invalid_time',
      message: `expected a time HH:MM from 00:00 to 23:59, got ${got}`,
    };
  }
  if (format === 'datetime') {
    const noOffset = typeof input === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(input);
    return {
      path: at,
      code: 'invalid_instant',
      message: noOffset
        ? `${quote(input)} has no offset: add Z or ±HH:MM, e.g. "2026-03-08T09:00:00-05:00"`
        : `expected a date-time with seconds and an offset, e.g. "2026-03-08T09:00:00-05:00", got ${got}`,
    };
  }
  if (pattern === String(ID_PATTERN)) {
    return {
      path: at,
      code: 'invalid_id',
      message: `expected an id (letters, digits, "_.:-", starting with a letter or digit, at most 128 characters), got ${got}`,
    };
  }
  if (pattern === String(OCCURRENCE_ID_PATTERN)) {
    return {
      path: at,
      code: 'invalid_occurrence_id',
      message: `expected an occurrence id "routineId@YYYY-MM-DD", got ${got}`,
    };
  }
  return { path: at, code: 'invalid_format', message: `${got} does not have the expected format` };
}

function alternatives(list: readonly string[]): string {
  const [first, ...rest] = list.map((z) => `"${z}"`);
  return rest.length > 0 ? `${first} (or ${rest.join(', ')})` : (first ?? '');
}

/**
 * The message of an `invalid_time_zone` issue: why the name is refused and the canonical zone
 * to write instead.
 *
 * @param input - the rejected zone name
 */
export function timeZoneMessage(input: string): string {
  const verdict = checkTimeZone(input);
  const list = verdict.ok ? [] : verdict.suggestions;
  if (!verdict.ok && verdict.reason === 'abbreviation')
    return `${quote(input)} is an abbreviation, not a time zone (Intl would read it as another place): write ${alternatives(list)}`;
  if (!verdict.ok && verdict.reason === 'offset')
    return `${quote(input)} is an offset, not a time zone (it has no daylight-saving rules): write the place's zone, e.g. "Europe/Paris"${list.length > 0 ? `, or ${alternatives(list)} for a fixed offset (POSIX sign: Etc/GMT-1 is UTC+1)` : ''}`;
  if (!verdict.ok && verdict.reason === 'alias' && list.length > 0)
    return `${quote(input)} is a legacy alias, not the canonical IANA name: write ${alternatives(list)}`;
  const suggestion = suggestTimeZone(input);
  return `${quote(input)} is not an IANA time zone${suggestion ? ` (did you mean "${suggestion}"?)` : ', e.g. "Europe/London"'}`;
}

function customMessage(code: string, message: string, input: unknown): string {
  if (code === 'invalid_time_zone' && typeof input === 'string') {
    return timeZoneMessage(input);
  }
  if (code === 'invalid_locale' && typeof input === 'string') {
    return `${quote(input)} is not a BCP 47 language tag, e.g. "en-US" or "es"`;
  }
  if (code === 'invalid_occurrence_id' && typeof input === 'string') {
    return `${quote(input)}: ${message}`;
  }
  return message;
}
