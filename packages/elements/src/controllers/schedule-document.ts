/**
 * The document path of the schedule controller, imported only when an element is given a
 * whole document (SDK users, staff tools): parses it with `parseDocument` and shapes each
 * range with `scheduleResource`, exactly as the reference server would answer that viewer. A
 * board fed by `src` or `loader` never downloads this module or the parser.
 */
import {
  expandOccurrences,
  occurrenceView,
  parseDocument,
  scheduleResource,
  sharedScreenName,
  zonedToInstant,
  type Issue,
  type MilieuDocument,
  type OccurrencesResponse,
} from '@milieu/core';
import type { ScheduleQuery } from './schedule-controller.js';

/** A parsed document that answers schedule queries, or its issues. */
export type DocumentSchedule =
  | { ok: true; document: MilieuDocument; schedule: (query: ScheduleQuery) => OccurrencesResponse }
  | { ok: false; issues: Issue[] };

/** The most ranges remembered per document (responses keep their identity for memoisation). */
const MAX_RANGES = 8;

/**
 * Parses `input` and returns a function giving the schedule resource of a range as a shared
 * screen may show it (the kiosk shape: no participant lists or records, names as the program's
 * `policy.displayNames` says), filtered to `query.participant`'s schedule when it names one of
 * the document's participants (and empty, with no response `participant`, for an unknown id).
 *
 * @param input - a milieu document JSON value
 */
export function documentSchedule(input: unknown): DocumentSchedule {
  const parsed = parseDocument(input);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const doc = parsed.value;
  const zone = doc.program.timeZone;
  const cache = new Map<string, OccurrencesResponse>();
  const schedule = (q: ScheduleQuery): OccurrencesResponse => {
    const key = `${q.from}/${q.to}/${q.participant ?? ''}`;
    let response = cache.get(key);
    if (response) return response;
    const from = zonedToInstant(q.from, '00:00', zone).ms;
    const to = zonedToInstant(q.to, '00:00', zone).ms;
    const p = q.participant;
    response = scheduleResource(doc, { kind: 'kiosk' }, { from, to });
    if (p) {
      const person = doc.people.participants.find((x) => x.id === p);
      const own = person
        ? expandOccurrences(doc, { from, to, participant: p, includeCancelled: true })
        : [];
      response = {
        ...response,
        occurrences: own.map((o) => occurrenceView(doc, o, { kind: 'kiosk' })),
      };
      if (person) {
        response.participant = {
          id: p,
          name: sharedScreenName(person, doc.program.policy?.displayNames),
        };
      }
    }
    if (cache.size >= MAX_RANGES) cache.delete(cache.keys().next().value!);
    cache.set(key, response);
    return response;
  };
  return { ok: true, document: doc, schedule };
}
