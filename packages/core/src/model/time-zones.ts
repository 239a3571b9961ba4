/**
 * Canonical IANA time zones. A document names its zone the way the IANA database spells it
 * today (`Europe/London`, `Asia/Kolkata`): abbreviations such as `BST` or `EST`, legacy links
 * such as `US/Eastern`, and offsets such as `GMT+1` are refused with the canonical name to use,
 * because `Intl` silently reads `BST` as Dhaka and `IST` as Kolkata.
 *
 * The list of zones comes from the runtime (`Intl.supportedValuesOf('timeZone')`); two small
 * tables add what it cannot know: what people mean by an abbreviation, and the IANA renames that
 * ICU still lists under their old names (`Asia/Calcutta` → `Asia/Kolkata`).
 *
 * @module
 */

/**
 * What a time-zone abbreviation (or a bare legacy zone such as `EST5EDT`) usually means, as the
 * canonical zone to write instead; when the abbreviation is ambiguous, the most common meaning
 * comes first. Keys are upper case; lookups ignore case.
 */
export const TIME_ZONE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  GMT: ['Europe/London', 'UTC'],
  BST: ['Europe/London'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  CET: ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid'],
  CEST: ['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid'],
  MET: ['Europe/Paris'],
  EET: ['Europe/Athens', 'Europe/Helsinki'],
  EEST: ['Europe/Athens', 'Europe/Helsinki'],
  MSK: ['Europe/Moscow'],
  EST: ['America/New_York'],
  EDT: ['America/New_York'],
  EST5EDT: ['America/New_York'],
  CST: ['America/Chicago'],
  CDT: ['America/Chicago'],
  CST6CDT: ['America/Chicago'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  MST7MDT: ['America/Denver'],
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  PST8PDT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  AST: ['America/Halifax', 'America/Puerto_Rico'],
  ADT: ['America/Halifax'],
  NST: ['America/St_Johns'],
  NDT: ['America/St_Johns'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  HKT: ['Asia/Hong_Kong'],
  SGT: ['Asia/Singapore'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  ACST: ['Australia/Adelaide', 'Australia/Darwin'],
  ACDT: ['Australia/Adelaide'],
  AWST: ['Australia/Perth'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  SAST: ['Africa/Johannesburg'],
  WAT: ['Africa/Lagos'],
  EAT: ['Africa/Nairobi'],
  PKT: ['Asia/Karachi'],
  UTC: ['UTC'],
  UT: ['UTC'],
  Z: ['UTC'],
  ZULU: ['UTC'],
  UCT: ['UTC'],
  UNIVERSAL: ['UTC'],
  GREENWICH: ['UTC'],
};

/**
 * Legacy names → canonical: the IANA renames that ICU (and so `Intl` in Node 20) still lists
 * under the old name (`Asia/Calcutta` → `Asia/Kolkata`), and common backward links (`US/Eastern`,
 * `GB`) for engines whose `Intl` no longer resolves links to their canonical zone.
 */
export const TIME_ZONE_RENAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Coral_Harbour': 'America/Atikokan',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'US/Eastern': 'America/New_York',
  'US/Central': 'America/Chicago',
  'US/Mountain': 'America/Denver',
  'US/Pacific': 'America/Los_Angeles',
  'US/Alaska': 'America/Anchorage',
  'US/Hawaii': 'Pacific/Honolulu',
  'US/Arizona': 'America/Phoenix',
  'US/Michigan': 'America/Detroit',
  'Canada/Eastern': 'America/Toronto',
  'Canada/Central': 'America/Winnipeg',
  'Canada/Mountain': 'America/Edmonton',
  'Canada/Pacific': 'America/Vancouver',
  'Canada/Atlantic': 'America/Halifax',
  'Canada/Newfoundland': 'America/St_Johns',
  GB: 'Europe/London',
  'GB-Eire': 'Europe/London',
  Eire: 'Europe/Dublin',
  Japan: 'Asia/Tokyo',
  Singapore: 'Asia/Singapore',
  NZ: 'Pacific/Auckland',
  'Australia/ACT': 'Australia/Sydney',
  'Australia/NSW': 'Australia/Sydney',
  'America/Montreal': 'America/Toronto',
  'Europe/Belfast': 'Europe/London',
};

/** The verdict of {@link checkTimeZone}. */
export type TimeZoneCheck =
  | { ok: true }
  | {
      ok: false;
      /**
       * `abbreviation` (`BST`, `EST`), `alias` (a legacy link or a misspelt case such as
       * `US/Eastern`, `Asia/Calcutta`, `europe/london`), `offset` (`GMT+1`, `UTC-05:00`, `+01:00`)
       * or `unknown` (not a zone at all).
       */
      reason: 'abbreviation' | 'alias' | 'offset' | 'unknown';
      /** Canonical zones to write instead, most likely first (may be empty for `unknown`). */
      suggestions: readonly string[];
    };

let canonical: Set<string> | undefined;

function intlZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Every canonical zone this runtime knows: `Intl.supportedValuesOf('timeZone')` with the IANA
 * renames applied, plus `UTC` and the fixed-offset `Etc/GMT±N` zones (which `Intl` accepts but
 * does not list). Computed once.
 */
export function canonicalTimeZones(): ReadonlySet<string> {
  if (canonical) return canonical;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const set = new Set<string>(typeof supported === 'function' ? supported('timeZone') : []);
  for (const [old, renamed] of Object.entries(TIME_ZONE_RENAMES)) {
    set.delete(old);
    if (intlZone(renamed) !== undefined) set.add(renamed);
  }
  set.add('UTC');
  for (let h = -14; h <= 12; h++) if (h !== 0) set.add(`Etc/GMT${h > 0 ? '+' : '-'}${Math.abs(h)}`);
  canonical = set;
  return set;
}

const OFFSET = /^(?:(?:GMT|UTC|UT|Z)\s*)?([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i;

function offsetSuggestions(zone: string): readonly string[] {
  const match = OFFSET.exec(zone.trim());
  if (!match) return [];
  const sign = match[1] === '+' ? 1 : -1;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours === 0 && minutes === 0) return ['UTC'];
  // Etc/GMT zones have POSIX signs: UTC+1 is Etc/GMT-1. Only whole hours exist.
  if (minutes !== 0 || hours > 14) return [];
  return [`Etc/GMT${sign > 0 ? '-' : '+'}${hours}`];
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/**
 * Checks that `zone` is a canonical IANA time zone name and, when it is not, says why and what
 * to write instead.
 *
 * @param zone - the candidate, e.g. `Europe/London` (ok), `BST` (abbreviation → `Europe/London`),
 *   `US/Eastern` (alias → `America/New_York`), `GMT+1` (offset → `Etc/GMT-1`)
 * @example
 * ```ts
 * checkTimeZone('BST'); // { ok: false, reason: 'abbreviation', suggestions: ['Europe/London'] }
 * ```
 */
export function checkTimeZone(zone: string): TimeZoneCheck {
  const zones = canonicalTimeZones();
  if (zones.has(zone)) return { ok: true };
  const abbreviation = TIME_ZONE_ABBREVIATIONS[zone.trim().toUpperCase()];
  if (abbreviation) return { ok: false, reason: 'abbreviation', suggestions: abbreviation };
  const offset = offsetSuggestions(zone);
  if (offset.length > 0 || OFFSET.test(zone.trim()))
    return { ok: false, reason: 'offset', suggestions: offset };
  if (/^Etc\//i.test(zone) && intlZone(zone) !== undefined) {
    const resolved = intlZone(zone) as string;
    return { ok: false, reason: 'alias', suggestions: zones.has(resolved) ? [resolved] : ['UTC'] };
  }
  const resolved = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)
    ? intlZone(zone)
    : undefined;
  if (resolved === undefined) return { ok: false, reason: 'unknown', suggestions: [] };
  // Intl accepts it but it is not in the canonical list: a legacy link (or a wrong case).
  const renamed = TIME_ZONE_RENAMES[zone] ?? TIME_ZONE_RENAMES[resolved] ?? resolved;
  const exact = [...zones].find((z) => z.toLowerCase() === zone.toLowerCase());
  return {
    ok: false,
    reason: 'alias',
    suggestions: unique([exact ?? renamed]).filter((z) => z !== zone && zones.has(z)),
  };
}
