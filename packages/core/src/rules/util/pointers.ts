/**
 * JSON pointers and audience helpers for occurrences.
 *
 * @internal
 * @module
 */
import type { Occurrence } from '../../schedule/index.js';
import type { CheckContext } from '../types.js';

/**
 * Where an occurrence comes from: the exception that shaped it (`/routines/3/exceptions/0`), or
 * its routine (`/routines/3`), optionally with a property appended.
 */
export function occurrencePointer(ctx: CheckContext, o: Occurrence, property?: string): string {
  let base = ctx.routinePointer(o.routineId);
  if (o.exception) {
    const index = o.routine.exceptions.findIndex((e) => e.date === o.originalDate);
    if (index >= 0) base = `${base}/exceptions/${index}`;
  }
  return property === undefined ? base : `${base}/${property}`;
}

/**
 * Whether two occurrences may involve the same participant: their resolved participants
 * intersect; when either has nobody resolved (a schedule without people on that date), their
 * audiences are compared instead (`everyone` meets everyone, groups meet shared groups).
 */
export function audiencesMeet(ctx: CheckContext, a: Occurrence, b: Occurrence): boolean {
  if (a.participantIds.length > 0 && b.participantIds.length > 0) {
    const set = new Set(a.participantIds);
    return b.participantIds.some((id) => set.has(id));
  }
  const x = a.routine.audience;
  const y = b.routine.audience;
  if (x.type === 'everyone' || y.type === 'everyone') return true;
  const members = (aud: typeof x): Set<string> => {
    if (aud.type === 'participants') return new Set(aud.participantIds);
    const groups = new Set(aud.type === 'groups' ? aud.groupIds : []);
    return new Set(
      ctx.doc.people.participants
        .filter((p) => p.groupIds.some((g) => groups.has(g)))
        .map((p) => p.id),
    );
  };
  if (x.type === 'groups' && y.type === 'groups')
    return x.groupIds.some((g) => y.groupIds.includes(g));
  const mx = members(x);
  return [...members(y)].some((id) => mx.has(id));
}
