/**
 * Conflict detection over expanded occurrences with one sweep line per resource.
 *
 * Occurrences are sorted once by start (O(n log n); already-sorted input from
 * `expandOccurrences` is detected in O(n) and not copied), then grouped per participant,
 * facilitator and location with a stable counting sort into flat typed arrays, so every group
 * keeps time order and none is sorted again. Each group is swept with an active set of
 * occurrences not yet ended; each step drops the ended ones and reports the rest as
 * overlapping. Total cost O(n log n + k) for k reported pairs, never pairwise over all n.
 *
 * @module
 */
import type { ActivityKind } from '../model/index.js';
import { compareOccurrences } from './order.js';
import type { Occurrence } from './types.js';

/** Kinds of conflict, in order of severity. */
export const CONFLICT_KINDS = [
  'participant-double-booking',
  'facilitator-double-booking',
  'location-double-booking',
  'capacity-overflow',
  'capacity-under-minimum',
] as const;
/** A conflict kind (see {@link CONFLICT_KINDS}). */
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A scheduling conflict found by {@link findConflicts}. */
export interface Conflict {
  /** What kind of conflict. */
  kind: ConflictKind;
  /** `warning` for `capacity-under-minimum`, `error` for the rest. */
  severity: 'error' | 'warning';
  /** What `resourceId` names. */
  resourceType: 'participant' | 'staff' | 'location' | 'routine';
  /** The double-booked participant/staff/location, or the routine/location whose capacity is crossed. */
  resourceId: string;
  /** The occurrences involved: two for a double booking (earlier start first), one for capacity. */
  occurrenceIds: string[];
  /** Start of the overlap (double booking) or of the occurrence (capacity), ISO with offset. */
  start: string;
  /** End of the overlap or of the occurrence, ISO with offset. */
  end: string;
  /** `start` in epoch ms. */
  startMs: number;
  /** `end` in epoch ms. */
  endMs: number;
  /** Capacity kinds: participants expected. */
  count?: number;
  /** Capacity kinds: the limit crossed (`max`, `min` or the location's capacity). */
  limit?: number;
}

/** Options of {@link findConflicts}. */
export interface ConflictOptions {
  /**
   * Program locations; when given, occurrences with more participants than their location's
   * `capacity` are reported as `capacity-overflow` with `resourceType: 'location'`.
   */
  locations?: readonly { id: string; capacity?: number }[];
  /**
   * Activity kinds that do not occupy a participant (e.g. `'free-time'`, `'visiting-hours'`):
   * they are left out of participant double-booking. Default: none.
   */
  ambientKinds?: readonly ActivityKind[];
}

type Kind = 'participant-double-booking' | 'facilitator-double-booking' | 'location-double-booking';
const RESOURCE: Record<Kind, Conflict['resourceType']> = {
  'participant-double-booking': 'participant',
  'facilitator-double-booking': 'staff',
  'location-double-booking': 'location',
};

const RANK: Record<ConflictKind, number> = {
  'participant-double-booking': 0,
  'facilitator-double-booking': 1,
  'location-double-booking': 2,
  'capacity-overflow': 3,
  'capacity-under-minimum': 4,
};

const KINDS: readonly Kind[] = [
  'participant-double-booking',
  'facilitator-double-booking',
  'location-double-booking',
];

/** Occurrences sorted by start, with their instants in flat arrays (cache-friendly sweeps). */
interface Timeline {
  live: readonly Occurrence[];
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Occurrence indices grouped by resource, in time order, as one flat array (compressed rows):
 * resource `r` owns `order[offsets[r] .. offsets[r + 1])`. Built with one map lookup per
 * reference and a counting sort — no per-resource arrays to grow, little for the GC to do.
 */
interface ResourceIndex {
  kinds: number[];
  ids: string[];
  offsets: Int32Array;
  order: Int32Array;
}

function indexResources(live: readonly Occurrence[], ambient: ReadonlySet<string>): ResourceIndex {
  let total = 0;
  for (const o of live) {
    total += o.facilitatorIds.length + (o.locationId === undefined ? 0 : 1);
    if (!ambient.has(o.kind)) total += o.participantIds.length;
  }
  const refSlot = new Int32Array(total);
  const refOcc = new Int32Array(total);
  const maps = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const kinds: number[] = [];
  const ids: string[] = [];
  let k = 0;
  const ref = (kind: number, id: string, i: number): void => {
    const map = maps[kind] as Map<string, number>;
    let slot = map.get(id);
    if (slot === undefined) {
      slot = ids.length;
      map.set(id, slot);
      kinds.push(kind);
      ids.push(id);
    }
    refSlot[k] = slot;
    refOcc[k++] = i;
  };
  for (let i = 0; i < live.length; i++) {
    const o = live[i] as Occurrence;
    if (!ambient.has(o.kind)) for (const p of o.participantIds) ref(0, p, i);
    for (const s of o.facilitatorIds) ref(1, s, i);
    if (o.locationId !== undefined) ref(2, o.locationId, i);
  }
  const offsets = new Int32Array(ids.length + 1);
  for (let j = 0; j < k; j++) {
    const next = (refSlot[j] as number) + 1;
    offsets[next] = (offsets[next] as number) + 1;
  }
  for (let r = 0; r < ids.length; r++)
    offsets[r + 1] = (offsets[r + 1] as number) + (offsets[r] as number);
  const cursor = offsets.slice(0, ids.length);
  const order = new Int32Array(k);
  for (let j = 0; j < k; j++) {
    const slot = refSlot[j] as number;
    order[cursor[slot] as number] = refOcc[j] as number;
    cursor[slot] = (cursor[slot] as number) + 1;
  }
  return { kinds, ids, offsets, order };
}

function sweep(t: Timeline, idx: ResourceIndex, r: number, out: Conflict[]): void {
  const from = idx.offsets[r] as number;
  const to = idx.offsets[r + 1] as number;
  if (to - from < 2) return;
  const kind = KINDS[idx.kinds[r] as number] as Kind;
  const resourceId = idx.ids[r] as string;
  const active: number[] = [];
  let size = 0;
  for (let q = from; q < to; q++) {
    const i = idx.order[q] as number;
    const start = t.starts[i] as number;
    let kept = 0;
    for (let j = 0; j < size; j++) {
      const a = active[j] as number;
      if ((t.ends[a] as number) <= start) continue; // ended (touching is not a conflict)
      active[kept++] = a;
      const x = t.live[a] as Occurrence;
      const o = t.live[i] as Occurrence;
      if (x.id === o.id) continue;
      const endFirst = x.endMs <= o.endMs ? x : o;
      out.push({
        kind,
        severity: 'error',
        resourceType: RESOURCE[kind],
        resourceId,
        occurrenceIds: [x.id, o.id],
        start: o.start,
        end: endFirst.end,
        startMs: o.startMs,
        endMs: endFirst.endMs,
      });
    }
    size = kept;
    if (size === active.length) active.push(i);
    else active[size] = i;
    size++;
  }
}

/** Whether the list needs no filtering and is already in {@link compareOccurrences} order. */
function cleanAndSorted(list: readonly Occurrence[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const o = list[i] as Occurrence;
    if (o.status === 'cancelled' || !(o.endMs > o.startMs)) return false;
    if (i > 0 && compareOccurrences(list[i - 1] as Occurrence, o) > 0) return false;
  }
  return true;
}

function capacityConflict(
  o: Occurrence,
  kind: 'capacity-overflow' | 'capacity-under-minimum',
  resourceType: 'routine' | 'location',
  resourceId: string,
  limit: number,
): Conflict {
  return {
    kind,
    severity: kind === 'capacity-overflow' ? 'error' : 'warning',
    resourceType,
    resourceId,
    occurrenceIds: [o.id],
    start: o.start,
    end: o.end,
    startMs: o.startMs,
    endMs: o.endMs,
    count: o.participantIds.length,
    limit,
  };
}

/**
 * Finds double bookings (a participant, facilitator or location in two overlapping
 * occurrences), capacity overflows (more participants than the routine's `capacity.max`, or
 * than the location's capacity when `locations` are given) and, as warnings, sessions under
 * `capacity.min`. Cancelled and zero-length occurrences are ignored; intervals that only touch
 * (one ends when the other starts) do not conflict.
 *
 * Runs a sweep line per resource: O(n log n + k) for n occurrences and k conflicts.
 *
 * @param occurrences - occurrences, e.g. from `expandOccurrences` (any order)
 * @param options - location capacities and activity kinds to ignore for participants
 * @returns conflicts sorted by start, kind, resource and occurrence ids
 * @example
 * ```ts
 * findConflicts(expandOccurrences(doc, range), { locations: doc.program.locations });
 * ```
 */
export function findConflicts(
  occurrences: readonly Occurrence[],
  options: ConflictOptions = {},
): Conflict[] {
  const live = cleanAndSorted(occurrences)
    ? occurrences
    : occurrences
        .filter((o) => o.status !== 'cancelled' && o.endMs > o.startMs)
        .sort(compareOccurrences);
  const ambient = new Set<string>(options.ambientKinds ?? []);
  const capacity = new Map<string, number>();
  for (const l of options.locations ?? [])
    if (l.capacity !== undefined) capacity.set(l.id, l.capacity);
  const n = live.length;
  const t: Timeline = { live, starts: new Float64Array(n), ends: new Float64Array(n) };
  const out: Conflict[] = [];
  for (let i = 0; i < n; i++) {
    const o = live[i] as Occurrence;
    t.starts[i] = o.startMs;
    t.ends[i] = o.endMs;
    const count = o.participantIds.length;
    const cap = o.routine.capacity;
    if (cap !== undefined && count > cap.max) {
      out.push(capacityConflict(o, 'capacity-overflow', 'routine', o.routineId, cap.max));
    }
    const room = o.locationId === undefined ? undefined : capacity.get(o.locationId);
    if (room !== undefined && count > room) {
      out.push(capacityConflict(o, 'capacity-overflow', 'location', o.locationId as string, room));
    }
    if (cap?.min !== undefined && count < cap.min) {
      out.push(capacityConflict(o, 'capacity-under-minimum', 'routine', o.routineId, cap.min));
    }
  }
  const idx = indexResources(live, ambient);
  for (let r = 0; r < idx.ids.length; r++) sweep(t, idx, r, out);
  const cmp = (x: string | undefined, y: string | undefined): number =>
    x === y ? 0 : (x ?? '') < (y ?? '') ? -1 : 1;
  return out.sort(
    (a, b) =>
      a.startMs - b.startMs ||
      RANK[a.kind] - RANK[b.kind] ||
      cmp(a.resourceId, b.resourceId) ||
      cmp(a.occurrenceIds[0], b.occurrenceIds[0]) ||
      cmp(a.occurrenceIds[1], b.occurrenceIds[1]),
  );
}
