/**
 * Fixtures of `<milieu-attendance-sheet>` (tests and stories): a staff schedule resource for
 * Tuesday 2026-03-10 in New York with a skills group of 12 members, an overdue morning
 * meeting, lunch (no attendance), a cancelled art group and an elective nobody chose.
 *
 * @internal
 */
import type { OccurrenceView, OccurrencesResponse } from '@milieu/core';

/** Tuesday 2026-03-10, 11:30 in New York: the meeting has ended, the group is running. */
export const SHEET_NOW = Date.parse('2026-03-10T11:30:00-04:00');

const NAMES = [
  'Ana Díaz',
  'Ben Okafor',
  'Cam Lee',
  'Dana Rivera',
  'Eli Novak',
  'Fran O’Brien',
  'Gus Ahmed',
  'Hana Sato',
  'Ivo Petrov',
  'Jo Martin',
  'Kai Nguyen',
  'Lu Romero',
];

/** The 12 members, `p-01` … `p-12`. */
export const MEMBERS = NAMES.map((name, i) => ({
  id: `p-${String(i + 1).padStart(2, '0')}`,
  name,
}));

function occ(
  id: string,
  title: string,
  kind: OccurrenceView['kind'],
  start: string,
  end: string,
  extra: Partial<OccurrenceView> = {},
): OccurrenceView {
  return {
    id,
    routineId: id.slice(0, id.indexOf('@')),
    kind,
    title,
    localDate: '2026-03-10',
    originalDate: '2026-03-10',
    start: `2026-03-10T${start}:00-04:00`,
    end: `2026-03-10T${end}:00-04:00`,
    location: { id: 'group-room', name: 'Group room' },
    facilitators: [{ id: 'st-1', name: 'Nadia Reyes' }],
    participants: MEMBERS,
    attendance: 'required',
    status: 'scheduled',
    attendanceRecords: [],
    ...extra,
  };
}

/**
 * The staff schedule resource of the fixture day.
 *
 * @param records - attendance already stored, by occurrence id
 */
export function sheetSchedule(
  records: Record<string, { participantId: string; status: 'present' | 'late' | 'absent' }[]> = {},
): OccurrencesResponse {
  const list = [
    occ('community@2026-03-10', 'Community meeting', 'community-meeting', '09:00', '09:30'),
    occ('skills@2026-03-10', 'Skills group', 'group-therapy', '11:00', '12:00'),
    occ('lunch@2026-03-10', 'Lunch', 'lunch', '12:00', '12:45'),
    occ('art@2026-03-10', 'Art group', 'art-therapy', '14:00', '15:00', {
      status: 'cancelled',
      exception: { type: 'cancelled', reason: 'Staff training' },
    }),
    occ('yoga@2026-03-10', 'Yoga (elective)', 'exercise', '16:00', '17:00', {
      attendance: 'elective',
      participants: [],
    }),
  ];
  for (const o of list) o.attendanceRecords = records[o.id] ?? [];
  return {
    program: {
      name: 'Maple Unit',
      timeZone: 'America/New_York',
      locale: 'en',
      displayNames: 'first-initial',
    },
    timeZone: 'America/New_York',
    from: '2026-03-09T00:00:00-04:00',
    to: '2026-03-12T00:00:00-04:00',
    occurrences: list,
  };
}
