/**
 * Types shared by the schedule engine: occurrences, range options, conflicts and the range error.
 *
 * @module
 */
import type {
  ActivityKind,
  AttendanceMode,
  LocalDate,
  Routine,
  RoutineException,
} from '../model/index.js';
import { isComputableInstant, UNCOMPUTABLE_TIME_MESSAGE } from '../time/civil.js';
import { parseInstant } from '../time/instant.js';

/** Thrown when a schedule range argument (`from`, `to`, `at`) is missing, malformed or reversed. */
export class ScheduleRangeError extends RangeError {
  /** The name of the offending argument, e.g. `'from'`. */
  readonly argument: string;

  /**
   * @param argument - name of the offending argument
   * @param message - what is wrong with it
   */
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.name = 'ScheduleRangeError';
    this.argument = argument;
  }
}

/** An instant given to the schedule API: ISO 8601 with an offset or `Z`, a `Date`, or epoch ms. */
export type InstantInput = string | Date | number;

/**
 * Converts an {@link InstantInput} to epoch milliseconds.
 *
 * @param value - the argument
 * @param name - its name, used in the error message
 * @throws ScheduleRangeError when it is not a valid instant (an ISO string without offset included)
 *   or is outside the four-digit years 0000–9999
 */
export function toEpochMs(value: InstantInput, name: string): number {
  let ms: number;
  if (typeof value === 'string') {
    ms = parseInstant(value);
    if (Number.isNaN(ms)) {
      throw new ScheduleRangeError(
        name,
        `"${value}" is not an ISO 8601 date-time with an offset or Z (e.g. 2026-03-08T09:00:00-05:00)`,
      );
    }
    if (!isComputableInstant(ms)) throw new ScheduleRangeError(name, UNCOMPUTABLE_TIME_MESSAGE);
    return ms;
  }
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else
    throw new ScheduleRangeError(
      name,
      'expected an ISO 8601 string with offset, a Date or epoch milliseconds',
    );
  if (!Number.isFinite(ms)) throw new ScheduleRangeError(name, 'is an invalid date');
  if (!isComputableInstant(ms)) throw new ScheduleRangeError(name, UNCOMPUTABLE_TIME_MESSAGE);
  return ms;
}

/** An exception as applied to an occurrence; `moved` ones carry the original instants. */
export type AppliedException = RoutineException & {
  /** ISO start of the occurrence before it was moved (moved only). */
  originalStart?: string;
  /** ISO end of the occurrence before it was moved (moved only). */
  originalEnd?: string;
};

/**
 * One concrete occurrence of a routine — what the board, the rules and exports read.
 * `start`/`end` carry the program zone's offset at that instant.
 */
export interface Occurrence {
  /** `${routineId}@${originalDate}`, stable across edits of times and exceptions. */
  id: string;
  /** The routine's id. */
  routineId: string;
  /** The routine object itself (same reference as in the document). */
  routine: Routine;
  /** Activity kind of the routine. */
  kind: ActivityKind;
  /** Title, after a `changed` exception. */
  title: string;
  /** Description, after a `changed` exception. */
  description?: string;
  /** The civil date the occurrence starts on (after a move). */
  localDate: LocalDate;
  /** The series date (before a move); the date in `id`. */
  originalDate: LocalDate;
  /** Start, ISO 8601 with offset, e.g. `2026-03-08T03:30:00-04:00`. */
  start: string;
  /** End, ISO 8601 with offset. */
  end: string;
  /** Start, epoch ms. */
  startMs: number;
  /** End, epoch ms (always after `startMs`, except for a zero-length routine). */
  endMs: number;
  /** Location, after `changed`/`moved` exceptions. */
  locationId?: string;
  /** Facilitating staff ids, after a `changed` exception (a copy). */
  facilitatorIds: string[];
  /** Participant ids expected or signed up on that date (audience resolved; document order). */
  participantIds: string[];
  /** Whether attendance is expected of the audience or chosen. */
  attendance: AttendanceMode;
  /** `scheduled`, or the type of the exception applied. */
  status: 'scheduled' | 'cancelled' | 'moved' | 'changed';
  /** The exception applied, if any. */
  exception?: AppliedException;
  /** The wall-clock start did not exist (spring-forward gap) and was moved forward by the gap. */
  dstShifted?: boolean;
}

/** A half-open range of instants `[from, to)`. */
export interface InstantRange {
  /** Inclusive start. */
  from: InstantInput;
  /** Exclusive end. */
  to: InstantInput;
}

/** Options of `expandOccurrences`. */
export interface ExpandOptions extends InstantRange {
  /** Keep only occurrences whose `participantIds` include this participant. */
  participant?: string;
  /** Keep only occurrences whose `facilitatorIds` include this staff member. */
  staff?: string;
  /** Keep only occurrences at this location. */
  location?: string;
  /** Keep cancelled occurrences (with `status: 'cancelled'`); default `true`. */
  includeCancelled?: boolean;
}
