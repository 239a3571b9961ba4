/**
 * Parsers: untrusted input in, a fresh validated value or every issue out. They never throw.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { MILIEU_VERSION, MilieuDocumentSchema, type MilieuDocument } from './document.js';
import {
  ExpectationSchema,
  ExpectationSetSchema,
  type Expectation,
  type ExpectationSet,
} from './expectations.js';
import { describeValue, fromZodIssues, type Issue, type ParseResult } from './issues.js';
import { ParticipantSchema, StaffSchema, type Participant, type Staff } from './people.js';
import { ProgramSchema, type Program } from './program.js';
import {
  AttendanceRecordSchema,
  CopingPracticeSchema,
  FeedbackEntrySchema,
  ObservationSchema,
  RecordsSchema,
  type AttendanceRecord,
  type CopingPractice,
  type FeedbackEntry,
  type Observation,
  type Records,
} from './records.js';
import { collectReferenceIssues } from './refs.js';
import { RoutineSchema, type Routine } from './routine.js';
import { sanitize } from './sanitize.js';
import { TransitionSchema, type Transition } from './transitions.js';

const fail = <T>(issues: Issue[]): ParseResult<T> => ({ ok: false, issues });

function unreadable(error: unknown): Issue {
  let detail: string;
  try {
    detail = error instanceof Error ? `: ${error.message}` : '';
  } catch {
    detail = '';
  }
  return { path: '', code: 'unreadable_input', message: `the input could not be read${detail}` };
}

/**
 * Builds a never-throwing parser for any schema of this model: forbidden keys are reported
 * first, then every shape issue. The value on success is a fresh object, safe to serialise.
 *
 * @param schema - a zod/mini schema, e.g. `RoutineSchema`
 * @returns `(input: unknown) => ParseResult<z.infer<typeof schema>>`
 */
export function createParser<S extends z.core.$ZodType>(
  schema: S,
): (input: unknown) => ParseResult<z.core.output<S>> {
  return (input) => {
    try {
      const { value, issues } = sanitize(input);
      const result = (schema as unknown as z.ZodMiniType).safeParse(value, { reportInput: true });
      if (!result.success) issues.push(...fromZodIssues(result.error.issues));
      return issues.length > 0 || !result.success
        ? fail(issues)
        : { ok: true, value: result.data as z.core.output<S> };
    } catch (error) {
      return fail([unreadable(error)]);
    }
  };
}

/**
 * Parses and validates a milieu document (version 1). Never throws.
 *
 * Collects every issue in one pass, each located by a JSON pointer: forbidden keys
 * (`__proto__`, `constructor`, `prototype`), shape (types, required and unknown properties,
 * dates, times, instants, time zones, ids, ranges, duplicates) and cross-references
 * (facilitators → staff, audience → participants, electives → elective routines, …).
 * A `milieuVersion` other than 1 yields a single `unsupported_version` issue.
 *
 * @param input - a parsed JSON value (use {@link parseDocumentJson} for text)
 * @returns `{ ok: true, value }` with a fresh document, or `{ ok: false, issues }`
 * @example
 * ```ts
 * const result = parseDocument(await response.json());
 * if (!result.ok) for (const i of result.issues) console.warn(i.path, i.code, i.message);
 * ```
 */
export function parseDocument(input: unknown): ParseResult<MilieuDocument> {
  try {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return fail([
        {
          path: '',
          code: 'invalid_type',
          message: `expected a milieu document (a JSON object), got ${describeValue(input)}`,
        },
      ]);
    }
    const { value, issues } = sanitize(input);
    const root = value as Record<string, unknown>;
    const version = Object.prototype.hasOwnProperty.call(root, 'milieuVersion')
      ? root['milieuVersion']
      : undefined;
    if (version === undefined) {
      issues.push({
        path: '/milieuVersion',
        code: 'required',
        message: `required property "milieuVersion" is missing (this package reads milieuVersion ${MILIEU_VERSION})`,
      });
    } else if (typeof version === 'number' && version !== MILIEU_VERSION) {
      issues.push({
        path: '/milieuVersion',
        code: 'unsupported_version',
        message: `milieuVersion ${String(version)} is not supported: this version of @milieu/core reads milieuVersion ${MILIEU_VERSION} only`,
      });
      return fail(issues);
    } else if (version !== MILIEU_VERSION) {
      issues.push({
        path: '/milieuVersion',
        code: 'invalid_type',
        message: `expected milieuVersion ${MILIEU_VERSION} (a number), got ${describeValue(version)}`,
      });
    }
    const result = MilieuDocumentSchema.safeParse(value, { reportInput: true });
    if (!result.success) {
      issues.push(...fromZodIssues(result.error.issues).filter((i) => i.path !== '/milieuVersion'));
    }
    issues.push(...collectReferenceIssues(value));
    return issues.length > 0 || !result.success ? fail(issues) : { ok: true, value: result.data };
  } catch (error) {
    return fail([unreadable(error)]);
  }
}

/**
 * Parses a milieu document from JSON text. Malformed JSON yields one `invalid_json` issue;
 * otherwise the result of {@link parseDocument}. Never throws.
 *
 * @param text - JSON text
 */
export function parseDocumentJson(text: string): ParseResult<MilieuDocument> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail([
      {
        path: '',
        code: 'invalid_json',
        message: `not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`,
      },
    ]);
  }
  return parseDocument(value);
}

/** Parses a {@link Program} (shape only; no cross-references). Never throws. */
export const parseProgram: (input: unknown) => ParseResult<Program> =
  /* @__PURE__ */ createParser(ProgramSchema);
/** Parses a {@link Participant} (shape only; references are checked by `parseDocument`). Never throws. */
export const parseParticipant: (input: unknown) => ParseResult<Participant> =
  /* @__PURE__ */ createParser(ParticipantSchema);
/** Parses a {@link Staff} member. Never throws. */
export const parseStaff: (input: unknown) => ParseResult<Staff> =
  /* @__PURE__ */ createParser(StaffSchema);
/** Parses a {@link Routine} (shape only; references are checked by `parseDocument`). Never throws. */
export const parseRoutine: (input: unknown) => ParseResult<Routine> =
  /* @__PURE__ */ createParser(RoutineSchema);
/** Parses an {@link Expectation}. Never throws. */
export const parseExpectation: (input: unknown) => ParseResult<Expectation> =
  /* @__PURE__ */ createParser(ExpectationSchema);
/** Parses an {@link ExpectationSet}. Never throws. */
export const parseExpectationSet: (input: unknown) => ParseResult<ExpectationSet> =
  /* @__PURE__ */ createParser(ExpectationSetSchema);
/** Parses an {@link AttendanceRecord}. Never throws. */
export const parseAttendanceRecord: (input: unknown) => ParseResult<AttendanceRecord> =
  /* @__PURE__ */ createParser(AttendanceRecordSchema);
/** Parses an {@link Observation}. Never throws. */
export const parseObservation: (input: unknown) => ParseResult<Observation> =
  /* @__PURE__ */ createParser(ObservationSchema);
/** Parses a {@link FeedbackEntry} (e.g. a form submission). Never throws. */
export const parseFeedbackEntry: (input: unknown) => ParseResult<FeedbackEntry> =
  /* @__PURE__ */ createParser(FeedbackEntrySchema);
/** Parses a {@link CopingPractice} record. Never throws. */
export const parseCopingPractice: (input: unknown) => ParseResult<CopingPractice> =
  /* @__PURE__ */ createParser(CopingPracticeSchema);
/** Parses {@link Records}. Never throws. */
export const parseRecords: (input: unknown) => ParseResult<Records> =
  /* @__PURE__ */ createParser(RecordsSchema);
/** Parses a {@link Transition}. Never throws. */
export const parseTransition: (input: unknown) => ParseResult<Transition> =
  /* @__PURE__ */ createParser(TransitionSchema);
