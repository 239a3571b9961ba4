/**
 * The milieu document: one JSON value holding a program, its people, routines, expectations,
 * records and transitions. Version 1.
 *
 * @module
 */
import * as z from 'zod/mini';
import { uniqueBy } from './checks.js';
import { ExpectationSetSchema } from './expectations.js';
import { PeopleSchema } from './people.js';
import { ProgramSchema } from './program.js';
import { RecordsSchema } from './records.js';
import { RoutineSchema } from './routine.js';
import { TransitionSchema } from './transitions.js';

/** The document format version this package reads and writes. */
export const MILIEU_VERSION = 1;

/**
 * The shape of a milieu document (version 1). Shape only: cross-references between ids
 * (facilitators → staff, audience → participants, …) are checked by `parseDocument`, which is
 * the entry point to use. Objects are strict: an unknown property is an issue, so typos such as
 * `facilitatorId` do not pass silently. An optional `$schema` string may point at the JSON Schema.
 */
export const MilieuDocumentSchema = z.strictObject({
  $schema: z.optional(z.string()),
  milieuVersion: z.literal(MILIEU_VERSION),
  program: ProgramSchema,
  people: PeopleSchema,
  routines: z.array(RoutineSchema).check(uniqueBy()),
  expectations: ExpectationSetSchema,
  records: RecordsSchema,
  transitions: z.array(TransitionSchema).check(uniqueBy()),
});
/** A milieu document, version 1 (see {@link MilieuDocumentSchema}). */
export type MilieuDocument = z.infer<typeof MilieuDocumentSchema>;
