/**
 * The IANA time zone and BCP 47 locale scalars of the document (`program.timeZone`,
 * `program.locale`), apart from the other scalars: checking them needs `Intl` and the zone
 * tables, which a widget reading the schedule resource does not bundle.
 *
 * @module
 */
import * as z from 'zod/mini';
import { canonicalTimeZones, checkTimeZone } from './time-zones.js';

const zoneCache = new Map<string, boolean>();

/**
 * Whether `zone` is a canonical IANA time zone name (`Europe/London`, `America/New_York`,
 * `Asia/Kolkata`, `UTC`) that this runtime's `Intl` knows. Abbreviations (`BST`, `EST`),
 * legacy aliases (`US/Eastern`, `Asia/Calcutta`) and offsets (`GMT+1`, `+01:00`) are rejected:
 * {@link checkTimeZone} says what to write instead. Results are cached.
 *
 * @param zone - the candidate time zone name
 * @returns `true` when `zone` is canonical
 */
export function isValidTimeZone(zone: string): boolean {
  const cached = zoneCache.get(zone);
  if (cached !== undefined) return cached;
  const ok = checkTimeZone(zone).ok;
  if (zoneCache.size < 1000) zoneCache.set(zone, ok);
  return ok;
}

/**
 * Suggests the canonical zone a vendor probably meant: the canonical name of an abbreviation
 * (`BST` → `Europe/London`) or alias (`US/Eastern` → `America/New_York`), or a known zone close
 * to a misspelt one (`Europe/Londn` → `Europe/London`); `undefined` when nothing fits. Used in
 * issue messages.
 *
 * @param zone - the rejected zone name
 */
export function suggestTimeZone(zone: string): string | undefined {
  const verdict = checkTimeZone(zone);
  if (!verdict.ok && verdict.suggestions.length > 0) return verdict.suggestions[0];
  if (zone.length > 64) return undefined;
  const lower = zone.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of canonicalTimeZones()) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? cap;
}

/** A canonical IANA time zone name such as `Europe/London` (see {@link isValidTimeZone}). */
export const TimeZoneSchema = z.string().check(
  z.refine(isValidTimeZone, {
    message: 'not a canonical IANA time zone',
    params: { code: 'invalid_time_zone' },
  }),
);
/** An IANA time zone name (see {@link TimeZoneSchema}). */
export type TimeZone = z.infer<typeof TimeZoneSchema>;

/**
 * Whether `locale` is a well-formed BCP 47 language tag (`en-US`, `es`, `es-419`).
 *
 * @param locale - the candidate tag
 */
export function isValidLocale(locale: string): boolean {
  if (locale.length === 0 || locale.length > 64) return false;
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag such as `en-US` or `es`, validated with `Intl.getCanonicalLocales`. */
export const LocaleSchema = z.string().check(
  z.refine(isValidLocale, {
    message: 'not a BCP 47 language tag',
    params: { code: 'invalid_locale' },
  }),
);
/** A BCP 47 language tag (see {@link LocaleSchema}). */
export type Locale = z.infer<typeof LocaleSchema>;
