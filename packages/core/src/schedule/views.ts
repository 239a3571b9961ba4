/**
 * Views over the expansion: a participant's personal schedule and the kiosk's now-and-next.
 *
 * @module
 */
import type { MilieuDocument } from '../model/index.js';
import { expandOccurrences } from './expand.js';
import {
  type InstantInput,
  type InstantRange,
  type Occurrence,
  ScheduleRangeError,
  toEpochMs,
} from './types.js';

/** Range and options of {@link personalSchedule}. */
export interface PersonalRange extends InstantRange {
  /** Keep cancelled occurrences (shown struck through, with the reason); default `true`. */
  includeCancelled?: boolean;
}

/**
 * A participant's schedule over `[from, to)`: the required activities of their audience (all,
 * their groups, or naming them; roster changes included) and the electives they chose, in
 * start order. Dates outside their stay yield nothing.
 *
 * @param doc - a parsed milieu document
 * @param participantId - the participant
 * @param range - `[from, to)` and whether to keep cancelled occurrences
 * @throws ScheduleRangeError on a malformed range or an unknown participant
 * @example
 * ```ts
 * personalSchedule(doc, 'p-ana', { from: '2026-03-09T00:00:00-04:00', to: '2026-03-10T00:00:00-04:00' });
 * ```
 */
export function personalSchedule(
  doc: MilieuDocument,
  participantId: string,
  range: PersonalRange,
): Occurrence[] {
  if (!doc.people.participants.some((p) => p.id === participantId)) {
    throw new ScheduleRangeError(
      'participantId',
      `no participant "${participantId}" in the document`,
    );
  }
  return expandOccurrences(doc, { ...range, participant: participantId });
}

/** Options of {@link nowAndNext}. */
export interface NowAndNextOptions {
  /** How far ahead to look for the next occurrence, in hours; default 24. */
  horizonHours?: number;
  /** Only what this participant attends. */
  participant?: string;
  /** Only what happens at this location (a kiosk in one room). */
  location?: string;
}

/** An occurrence in progress, with how far along it is. */
export type InProgress = Occurrence & {
  /** Elapsed share of the occurrence at `at`, from 0 (just started) to just under 1. */
  progress: number;
};

/** What is on now and what comes next (see {@link nowAndNext}). */
export interface NowAndNext {
  /** Occurrences in progress at `at` (`startMs <= at < endMs`), in start order. */
  now: InProgress[];
  /** The first occurrence starting after `at` within the horizon (earliest start, then id). */
  next: Occurrence | undefined;
  /** Whole minutes until `next` starts, rounded up; `undefined` when there is no `next`. */
  nextStartsInMinutes: number | undefined;
}

/**
 * What is on now and next for the kiosk board. Cancelled occurrences are ignored.
 *
 * @param doc - a parsed milieu document
 * @param at - the moment (ISO with offset, `Date` or epoch ms)
 * @param options - look-ahead horizon and filters
 * @throws ScheduleRangeError when `at` is malformed or `horizonHours` is not a positive number
 * @example
 * ```ts
 * const { now, next, nextStartsInMinutes } = nowAndNext(doc, new Date());
 * ```
 */
export function nowAndNext(
  doc: MilieuDocument,
  at: InstantInput,
  options: NowAndNextOptions = {},
): NowAndNext {
  const atMs = toEpochMs(at, 'at');
  const horizon = options.horizonHours ?? 24;
  if (!(horizon > 0) || !Number.isFinite(horizon))
    throw new ScheduleRangeError('horizonHours', 'must be a positive number');
  const occurrences = expandOccurrences(doc, {
    from: atMs,
    to: atMs + horizon * 3_600_000,
    includeCancelled: false,
    participant: options.participant,
    location: options.location,
  });
  const now: InProgress[] = [];
  let next: Occurrence | undefined;
  for (const o of occurrences) {
    if (o.startMs <= atMs && atMs < o.endMs)
      now.push({ ...o, progress: (atMs - o.startMs) / (o.endMs - o.startMs) });
    else if (o.startMs > atMs && next === undefined) next = o;
  }
  return {
    now,
    next,
    nextStartsInMinutes: next === undefined ? undefined : Math.ceil((next.startMs - atMs) / 60_000),
  };
}
