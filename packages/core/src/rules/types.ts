/**
 * Types of the rule engine: rules, their context, reports and findings.
 *
 * @module
 */
import type * as z from 'zod/mini';
import type { LocalDate, MilieuDocument, Participant, Staff } from '../model/index.js';
import type { Conflict, Occurrence } from '../schedule/index.js';

/** The five concerns a rule can serve, in display order. */
export const CONCERNS = ['structure', 'consistency', 'feedback', 'transitions', 'privacy'] as const;
/** A concern a rule serves (see {@link CONCERNS}). */
export type Concern = (typeof CONCERNS)[number];

/** Severities a finding can have (`error` fails `milieu check`, `warn` does not). */
export const SEVERITIES = ['warn', 'error'] as const;
/** The severity of a finding. */
export type Severity = (typeof SEVERITIES)[number];
/** A rule's configured level: a severity, or `off` to disable it. */
export type RuleLevel = 'off' | Severity;

/** A value a message may interpolate: lists are joined with `, `. */
export type MessageValue = string | number | readonly string[];
/** Named values for a message's `{placeholders}`. */
export type MessageData = Readonly<Record<string, MessageValue>>;

/**
 * Message templates of one rule by base language (`en`, `es`, …), each a map from message id to
 * a template with `{name}` placeholders. `en` is required and is the fallback.
 */
export type RuleMessages = { readonly en: Readonly<Record<string, string>> } & Readonly<
  Record<string, Readonly<Record<string, string>>>
>;

/** Ids of the people, routines and occurrences a finding is about. */
export interface Related {
  participantIds?: string[];
  staffIds?: string[];
  routineIds?: string[];
  occurrenceIds?: string[];
}

/** What a rule's `check` returns for one problem; the engine turns it into a {@link Finding}. */
export interface RuleReport {
  /** A key of the rule's messages. */
  messageId: string;
  /** Values for the message placeholders (and for machine consumers). */
  data?: MessageData;
  /** JSON pointer(s) into the document: the first is the primary location. */
  path: string | readonly string[];
  /** Ids the finding concerns. */
  related?: Related;
  /** A message id of the rule's messages describing how to fix it (interpolated with `data`). */
  fix?: string;
  /**
   * Lowers this report to `warn` even when the rule is configured as `error` (never raises it):
   * e.g. `capacity` reports an over-full session as an error but an under-filled one as a warning.
   */
  severity?: 'warn';
}

/** A fix hint of a finding, localised. */
export interface FixHint {
  /** The message id of the hint. */
  messageId: string;
  /** The hint text in the requested locale. */
  message: string;
}

/** One problem found by a rule, localised and located. */
export interface Finding {
  /** The rule that reported it. */
  ruleId: string;
  /** The concern of that rule. */
  concern: Concern;
  /** `error` or `warn`. */
  severity: Severity;
  /** The message id (stable; match on it, not on the text). */
  messageId: string;
  /** The message text in the requested locale. */
  message: string;
  /** The message's parameters. */
  data: MessageData;
  /** JSON pointers (RFC 6901) into the document; the first is the primary location. */
  path: string[];
  /** Ids of the people, routines and occurrences involved. */
  related: Related;
  /** How to fix it, when the rule knows. */
  fix?: FixHint;
}

/** Documentation of a rule: what it checks, why, and where the practice comes from. */
export interface RuleDocs {
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters in a milieu. */
  rationale: string;
  /** The source (article, guideline, regulation). */
  source: string;
}

/** The program's clock reading at `now`, in its own zone. */
export interface CheckNow {
  /** Epoch ms. */
  ms: number;
  /** ISO 8601 with the program zone's offset. */
  iso: string;
  /** The civil date of `now` in the program's zone ("today"). */
  date: LocalDate;
}

/** The checked range, widened to whole local days in the program's zone. */
export interface CheckRange {
  /** Start of the first day, epoch ms. */
  fromMs: number;
  /** Start of the day after the last day, epoch ms (exclusive). */
  toMs: number;
  /** `fromMs` as ISO 8601 with offset. */
  from: string;
  /** `toMs` as ISO 8601 with offset. */
  to: string;
  /** Every local date in the range, in order. */
  dates: readonly LocalDate[];
}

/** Indexed access to an entity of the document: its value and its JSON pointer. */
export interface Located<T> {
  value: T;
  index: number;
  pointer: string;
}

/**
 * What every rule sees: the document, the clock reading, the range and memoised derived data.
 * Built once per {@link checkDocument} call and shared by all rules.
 */
export interface CheckContext {
  /** The document being checked. */
  readonly doc: MilieuDocument;
  /** The program's IANA zone. */
  readonly zone: string;
  /** `now` in the program's zone. */
  readonly now: CheckNow;
  /** The checked range (whole local days). */
  readonly range: CheckRange;
  /** Every occurrence overlapping the range, cancelled ones included (expanded once, memoised). */
  occurrences(): readonly Occurrence[];
  /** Occurrences that take place (not cancelled), memoised. */
  scheduled(): readonly Occurrence[];
  /** Scheduled occurrences starting on a local date, memoised. */
  scheduledOn(date: LocalDate): readonly Occurrence[];
  /**
   * Conflicts among scheduled occurrences (`findConflicts` with the program's location
   * capacities and no ambient kinds; memoised).
   */
  conflicts(): readonly Conflict[];
  /** An occurrence of the range by id. */
  occurrence(id: string): Occurrence | undefined;
  /** Complete 7-day windows of the range, starting at its first day. */
  weeks(): readonly (readonly LocalDate[])[];
  /** Looks up a participant by id. */
  participant(id: string): Located<Participant> | undefined;
  /** Looks up a staff member by id. */
  staff(id: string): Located<Staff> | undefined;
  /** JSON pointer of a routine (`/routines/3`), or `/routines` when unknown. */
  routinePointer(id: string): string;
  /** Whether a participant's stay covers a local date (admission ≤ date ≤ discharge). */
  isStaying(participant: Participant, date: LocalDate): boolean;
  /** Whether a staff member is employed on a local date (start ≤ date ≤ end). */
  isEmployed(staff: Staff, date: LocalDate): boolean;
  /** The local date in the program's zone of an instant (epoch ms or ISO string with offset). */
  localDateOf(instant: number | string): LocalDate;
  /** A person's name for messages (`Dana R.`), or the id when unknown. */
  nameOf(id: string): string;
}

/** The context a rule's `check` receives: the shared context plus its own resolved options. */
export interface RuleContext<O = Record<string, never>> extends CheckContext {
  /** The rule's id. */
  readonly ruleId: string;
  /** The rule's options after defaults were applied. */
  readonly options: O;
}

/**
 * A rule. Create one with `defineRule`; `check` must be pure (no clock, no I/O): everything it
 * needs is in the context.
 *
 * @typeParam O - the rule's resolved options
 */
export interface RuleDefinition<O = Record<string, never>> {
  /** Kebab-case id, unique in a registry (e.g. `meals-daily`, `acme/no-bingo`). */
  readonly id: string;
  /** The concern the rule serves. */
  readonly concern: Concern;
  /** Level used when the configuration does not mention the rule. */
  readonly defaultSeverity: RuleLevel;
  /** A zod/mini object schema of the options; every field has a default (`z._default`). */
  readonly options?: z.ZodMiniType<O, unknown>;
  /** Documentation. */
  readonly docs: RuleDocs;
  /** Message templates (`en` required). */
  readonly messages: RuleMessages;
  /** Checks the document; returns one report per problem. */
  check(context: RuleContext<O>): readonly RuleReport[];
}

/**
 * A rule of any options type, as stored in a registry.
 * (`check` is declared as a method, so rules with specific options are assignable to it.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<any>;
