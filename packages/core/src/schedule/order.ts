/**
 * Ordering of occurrences: by start, then id; and a k-way merge of per-routine runs.
 *
 * @module
 */
import type { Occurrence } from './types.js';

/** Orders occurrences by `startMs`, then `id`. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Merges per-routine runs into one list ordered by {@link compareOccurrences}. A routine's
 * series comes out in start order (its moved occurrences are sorted in when present), so a
 * k-way heap merge on numeric keys costs O(n log k) — several times faster than sorting the
 * concatenation with a comparator.
 * @internal
 */
export function mergeRuns(runs: Occurrence[][]): Occurrence[] {
  const k = runs.length;
  let total = 0;
  const keys: Float64Array[] = [];
  for (const run of runs) {
    keys.push(runKeys(run));
    total += run.length;
  }
  if (k <= 1) return runs[0] ?? [];
  const pos = new Int32Array(k);
  const headKey = new Float64Array(k);
  const heap = new Int32Array(k);
  for (let r = 0; r < k; r++) {
    heap[r] = r;
    headKey[r] = (keys[r] as Float64Array)[0] as number;
  }
  // Heads compare by start, then id (ties are rare: same-time routines).
  const less = (a: number, b: number): boolean => {
    const ka = headKey[a] as number;
    const kb = headKey[b] as number;
    if (ka !== kb) return ka < kb;
    const x = (runs[a] as Occurrence[])[pos[a] as number] as Occurrence;
    const y = (runs[b] as Occurrence[])[pos[b] as number] as Occurrence;
    return x.id < y.id;
  };
  let size = k;
  const siftDown = (from: number): void => {
    let i = from;
    const item = heap[i] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && less(heap[child + 1] as number, heap[child] as number)) child++;
      if (!less(heap[child] as number, item)) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = item;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
  const out = new Array<Occurrence>(total);
  for (let j = 0; j < total; j++) {
    const r = heap[0] as number;
    const run = runs[r] as Occurrence[];
    const p = pos[r] as number;
    out[j] = run[p] as Occurrence;
    if (p + 1 < run.length) {
      pos[r] = p + 1;
      headKey[r] = (keys[r] as Float64Array)[p + 1] as number;
    } else {
      size--;
      heap[0] = heap[size] as number;
    }
    if (size > 0) siftDown(0);
  }
  return out;
}

/** Start keys of a run, sorting the run first if it is out of order (moved occurrences). */
function runKeys(run: Occurrence[]): Float64Array {
  const key = new Float64Array(run.length);
  let sorted = true;
  for (let i = 0; i < run.length; i++) {
    const v = (run[i] as Occurrence).startMs;
    key[i] = v;
    if (i > 0 && v <= (key[i - 1] as number)) {
      if (
        v < (key[i - 1] as number) ||
        compareOccurrences(run[i - 1] as Occurrence, run[i] as Occurrence) > 0
      ) {
        sorted = false;
      }
    }
  }
  if (sorted) return key;
  run.sort(compareOccurrences);
  for (let i = 0; i < run.length; i++) key[i] = (run[i] as Occurrence).startMs;
  return key;
}
