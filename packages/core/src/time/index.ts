/**
 * Time: civil-date arithmetic on day numbers and IANA zone conversion from the platform's `Intl`,
 * with RFC 5545 / Temporal `'compatible'` handling of DST gaps and overlaps.
 *
 * @module
 */
export {
  addDays,
  civilToDayNumber,
  dayNumberToCivil,
  dayNumberToLocalDate,
  daysBetween,
  isoWeekdayOfDayNumber,
  isSupportedDate,
  isSupportedInstant,
  localDateToDayNumber,
  localTimeToMinutes,
  MAX_SUPPORTED_MS,
  MAX_SUPPORTED_YEAR,
  MIN_SUPPORTED_MS,
  MIN_SUPPORTED_YEAR,
  minutesToLocalTime,
  MS_PER_UTC_DAY,
  UNSUPPORTED_TIME_MESSAGE,
  weekdayOf,
} from './civil.js';
export {
  formatInstant,
  instantToZoned,
  parseInstant,
  zonedToInstant,
  zoneOffsetMinutes,
  zoneTransitions,
  type ZonedDateTime,
  type ZonedInstant,
  type ZoneTransition,
} from './instant.js';
