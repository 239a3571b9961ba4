// A compact routine builder: one line per routine in the program files.

/**
 * @param {string} id
 * @param {string} kind
 * @param {string} title
 * @param {string} time  'HH:MM-HH:MM'
 * @param {string} days  'daily' or comma-separated weekday codes, e.g. 'MO,WE,FR'
 * @param {object} [more]  any other routine fields (facilitatorIds, locationId, attendance, …)
 * @param {{ startDate: string, reviewDate: string }} series
 */
export function routine(series, id, kind, title, time, days, more = {}) {
  const [start, end] = time.split('-');
  const { recurrence: extraRecurrence, ...rest } = more;
  return {
    id,
    kind,
    title,
    ...(rest.description ? { description: rest.description } : {}),
    ...(rest.locationId ? { locationId: rest.locationId } : {}),
    facilitatorIds: rest.facilitatorIds ?? [],
    audience: rest.audience ?? { type: 'everyone' },
    attendance: rest.attendance ?? 'required',
    ...(rest.capacity ? { capacity: rest.capacity } : {}),
    start,
    end,
    recurrence: {
      freq: days === 'daily' ? 'DAILY' : 'WEEKLY',
      ...(days === 'daily' ? {} : { byDay: days.split(',') }),
      startDate: series.startDate,
      reviewDate: series.reviewDate,
      ...extraRecurrence,
    },
    exceptions: rest.exceptions ?? [],
    roster: rest.roster ?? [],
  };
}

/** Ladder used by the examples: reminder → 1:1 problem-solving → restorative → team review. */
export function ladder(texts) {
  const kinds = ['reminder', 'problem-solving', 'restorative', 'team-review'];
  const timing = [{ expiresAfterDays: 2 }, { reviewAfterDays: 3, expiresAfterDays: 7 }, { reviewAfterDays: 7, expiresAfterDays: 14 }, { reviewAfterDays: 7 }];
  return texts.map((description, i) => ({ step: i + 1, kind: kinds[i], description, ...timing[i] }));
}
