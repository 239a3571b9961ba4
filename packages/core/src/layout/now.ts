/**
 * The present on a board: where the now-line sits and how far an activity has run.
 *
 * @module
 */
import type { LocalDate } from '../model/index.js';
import { wallClockAt } from './calendar.js';

/** Where "now" falls on a set of day columns (see {@link nowPosition}). */
export interface NowPosition {
  /** Index of the column showing today. */
  column: number;
  /** Today's civil date in the program's zone. */
  date: LocalDate;
  /** Wall-clock minutes after local midnight (fractional). */
  minute: number;
  /** Position within the visible window, 0 (top) … 1 (bottom); `null` when outside it. */
  fraction: number | null;
}

/**
 * Locates `nowMs` on the columns `dates` in `timeZone`, for the now-line and "today" marks.
 *
 * @param nowMs - the current instant, epoch ms
 * @param timeZone - the program's IANA zone
 * @param dates - the civil dates of the columns
 * @param startMin - first visible minute (default 0)
 * @param endMin - end of the visible window in minutes (default 1440)
 * @returns `null` when today is not among `dates`
 */
export function nowPosition(
  nowMs: number,
  timeZone: string,
  dates: readonly LocalDate[],
  startMin = 0,
  endMin = 1440,
): NowPosition | null {
  const { date, minute } = wallClockAt(nowMs, timeZone);
  const column = dates.indexOf(date);
  if (column < 0) return null;
  const inside = minute >= startMin && minute < endMin && endMin > startMin;
  return {
    column,
    date,
    minute,
    fraction: inside ? (minute - startMin) / (endMin - startMin) : null,
  };
}

/**
 * How far an activity has run at `nowMs`, from 0 (not started) to 1 (over), measured in real
 * elapsed time (so a 01:00–03:00 activity on a spring-forward night is half done after 30 min).
 *
 * @param startMs - start, epoch ms
 * @param endMs - end, epoch ms
 * @param nowMs - the current instant, epoch ms
 */
export function progressAt(startMs: number, endMs: number, nowMs: number): number {
  if (!(endMs > startMs)) return nowMs >= startMs ? 1 : 0;
  return Math.min(1, Math.max(0, (nowMs - startMs) / (endMs - startMs)));
}
