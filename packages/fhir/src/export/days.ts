/**
 * Weekday codes and durations shared by the timetable's export and import.
 *
 * @module
 */
import { localTimeToMinutes, type Weekday } from '@milieu/core';

/** iCalendar weekday → FHIR `days-of-week` code. */
export const FHIR_DAY: Record<Weekday, 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};
/** iCalendar weekday → the R5 `weeklyTemplate` sub-extension name. */
export const TEMPLATE_DAY: Record<Weekday, string> = {
  MO: 'monday',
  TU: 'tuesday',
  WE: 'wednesday',
  TH: 'thursday',
  FR: 'friday',
  SA: 'saturday',
  SU: 'sunday',
};

/** Minutes from start to end (`end <= start` ends the next day). */
export function durationMinutes(start: string, end: string): number {
  const s = localTimeToMinutes(start);
  const e = localTimeToMinutes(end);
  return e <= s ? e + 1440 - s : e - s;
}
