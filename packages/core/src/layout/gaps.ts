/**
 * Empty stretches: unscheduled time in waking hours, so that empty evenings and weekends show.
 *
 * @module
 */

/** A stretch of a day in wall-clock minutes, `[startMin, endMin)`. */
export interface MinuteRange {
  /** Minutes after local midnight (inclusive). */
  startMin: number;
  /** Minutes after local midnight (exclusive). */
  endMin: number;
}

/**
 * The stretches of `[from, to)` that no busy range covers and that last at least `minMinutes`.
 * Busy ranges may overlap, touch, come in any order or reach outside the window.
 *
 * @param busy - scheduled ranges of one day (leave cancelled occurrences out)
 * @param from - start of waking hours, minutes after midnight (e.g. 480 for 08:00)
 * @param to - end of waking hours, minutes after midnight (e.g. 1320 for 22:00)
 * @param minMinutes - shortest gap reported (default 180, the `no-empty-stretch` rule's 3 h)
 * @example
 * ```ts
 * findGaps([{ startMin: 540, endMin: 600 }], 480, 1320, 180); // [{ startMin: 600, endMin: 1320 }]
 * ```
 */
export function findGaps(
  busy: readonly MinuteRange[],
  from: number,
  to: number,
  minMinutes = 180,
): MinuteRange[] {
  const sorted = busy
    .filter((r) => r.endMin > from && r.startMin < to && r.endMin > r.startMin)
    .sort((a, b) => a.startMin - b.startMin);
  const gaps: MinuteRange[] = [];
  let cursor = from;
  for (const r of sorted) {
    if (r.startMin - cursor >= minMinutes) gaps.push({ startMin: cursor, endMin: r.startMin });
    if (r.endMin > cursor) cursor = r.endMin;
  }
  if (to - cursor >= minMinutes) gaps.push({ startMin: cursor, endMin: to });
  return gaps;
}
