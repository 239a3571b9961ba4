/**
 * The program: one milieu (a unit, a house, a group) with its zone, locale, stay model,
 * rooms and audience groups.
 *
 * @module
 */
import * as z from 'zod/mini';
import { uniqueBy } from './checks.js';
import {
  IdSchema,
  LocaleSchema,
  PositiveIntSchema,
  TextSchema,
  TimeZoneSchema,
} from './scalars.js';

/** Where a milieu runs, from the most to the least intensive. */
export const SETTINGS = ['inpatient', 'residential', 'php', 'iop', 'outpatient', 'home'] as const;
/** Where a milieu runs: `inpatient`, `residential`, `php` (partial hospitalization), `iop`, `outpatient`, `home`. */
export type Setting = (typeof SETTINGS)[number];
/** Schema of {@link Setting}. */
export const SettingSchema = z.enum(SETTINGS);

/** Stay models: about a month or less, or up to about a year (therapeutic communities 9–18 months). */
export const STAY_MODELS = ['short-term', 'long-term'] as const;
/** `short-term` (about a month or less) or `long-term` (up to about 12 months). */
export type StayModel = (typeof STAY_MODELS)[number];

/** The program's stay model and the bound of a stay in days (an integer greater than zero). */
export const StaySchema = z.strictObject({
  model: z.enum(STAY_MODELS),
  boundDays: PositiveIntSchema,
});
/** The program's stay model and its bound in days. */
export type Stay = z.infer<typeof StaySchema>;

/** A room or place where routines happen. `capacity`, when given, is a whole number greater than zero. */
export const LocationSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  capacity: z.optional(PositiveIntSchema),
});
/** A room or place where routines happen. */
export type Location = z.infer<typeof LocationSchema>;

/** An audience group (e.g. `track-a`, `women`), used by routine audiences and participants' `groupIds`. */
export const GroupSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  description: z.optional(z.string()),
});
/** An audience group. */
export type Group = z.infer<typeof GroupSchema>;

/**
 * Program-wide policy. `peerAnonymityMinRaters` (default 3) is the minimum number of distinct
 * anonymous peer raters before their feedback may be shown to its subject, in aggregate only.
 */
export const PolicySchema = z.strictObject({
  peerAnonymityMinRaters: z.optional(PositiveIntSchema),
});
/** Program-wide policy (see {@link PolicySchema}). */
export type Policy = z.infer<typeof PolicySchema>;

/** The default of {@link Policy.peerAnonymityMinRaters}. */
export const DEFAULT_PEER_ANONYMITY_MIN_RATERS = 3;

/**
 * One milieu: a unit, house or group with an IANA time zone (all routine times are wall-clock
 * times in it), a default locale, a stay model, its locations (ids unique) and audience groups (ids unique).
 */
export const ProgramSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  setting: SettingSchema,
  timeZone: TimeZoneSchema,
  locale: LocaleSchema,
  stay: StaySchema,
  locations: z.array(LocationSchema).check(uniqueBy()),
  groups: z.array(GroupSchema).check(uniqueBy()),
  policy: z.optional(PolicySchema),
});
/** One milieu (see {@link ProgramSchema}). */
export type Program = z.infer<typeof ProgramSchema>;
