/**
 * The program: one milieu (a unit, a house, a group) with its zone, locale, stay model,
 * rooms and audience groups.
 *
 * @module
 */
import * as z from 'zod/mini';
import { uniqueBy } from './checks.js';
import { IdSchema, PositiveIntSchema, TextSchema } from './scalars.js';
import { LocaleSchema, TimeZoneSchema } from './zone-locale.js';
import { DisplayNamePolicySchema } from './vocabulary.js';

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
 * Who may learn the writer of anonymous peer feedback. Never its subject or other peers, under
 * any setting.
 * - `nobody` (the default): the server does not store the writer with the entry at all;
 * - `reviewers`: the writer is stored, and only staff reviewing the entry (staff and admin
 *   tokens on the review routes) can read it, so they can follow up on safety language.
 */
export const ANONYMOUS_AUTHOR_VISIBILITIES = ['nobody', 'reviewers'] as const;
/** Who may learn the writer of anonymous peer feedback (see {@link ANONYMOUS_AUTHOR_VISIBILITIES}). */
export type AnonymousAuthorVisibility = (typeof ANONYMOUS_AUTHOR_VISIBILITIES)[number];
/** The default of {@link Policy.anonymousAuthors}. */
export const DEFAULT_ANONYMOUS_AUTHOR_VISIBILITY: AnonymousAuthorVisibility = 'nobody';

/**
 * A crisis resource the feedback form names when it routes an entry to staff review (for
 * example `{ "name": "988 Suicide & Crisis Lifeline", "phone": "988" }`). `url`, when given,
 * must be `https:`.
 */
export const CrisisResourceSchema = z.strictObject({
  name: TextSchema,
  phone: z.optional(TextSchema),
  url: z.optional(z.url({ protocol: /^https$/ })),
});
/** A crisis resource (see {@link CrisisResourceSchema}). */
export type CrisisResource = z.infer<typeof CrisisResourceSchema>;

/**
 * Program-wide policy.
 * - `peerAnonymityMinRaters` (default 3) is the minimum number of distinct anonymous peer
 *   raters before their feedback may be shown to its subject, in aggregate only.
 * - `displayNames` (default `first-initial`) is how people are named on shared screens: the
 *   kiosk view and printouts (see {@link DISPLAY_NAME_POLICIES}).
 * - `anonymousAuthors` (default `nobody`) is who may learn the writer of anonymous peer
 *   feedback (see {@link ANONYMOUS_AUTHOR_VISIBILITIES}).
 * - `crisisResource` is named by the feedback form when safety language routes an entry to
 *   staff review.
 */
export const PolicySchema = z.strictObject({
  peerAnonymityMinRaters: z.optional(PositiveIntSchema),
  displayNames: z.optional(DisplayNamePolicySchema),
  anonymousAuthors: z.optional(z.enum(ANONYMOUS_AUTHOR_VISIBILITIES)),
  crisisResource: z.optional(CrisisResourceSchema),
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
