/**
 * Small collection helpers for rules.
 *
 * @internal
 * @module
 */

/** Groups items by a string key, keeping first-seen key order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Sorted unique strings. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** A list of dates for a message: the first `max`, then `+N more`. */
export function dateList(dates: Iterable<string>, max = 5): string {
  const all = uniqueSorted(dates);
  return all.length <= max
    ? all.join(', ')
    : `${all.slice(0, max).join(', ')} (+${all.length - max})`;
}

/** Minutes after midnight of the wall-clock time in an ISO instant with offset (`…T08:30:00-05:00` → 510). */
export function wallMinutes(iso: string): number {
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}
