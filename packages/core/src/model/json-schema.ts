/**
 * JSON Schema (draft 2020-12) of the milieu document, generated from the zod/mini schemas.
 * The same output ships as `@milieu/core/schema.json` (emitted at build time by
 * `scripts/emit-schema.mjs`). Everything happens inside {@link documentJsonSchema}, so bundles
 * that never call it do not include zod's JSON Schema generator.
 *
 * @module
 */
import * as z from 'zod/mini';
import { MILIEU_VERSION, MilieuDocumentSchema } from './document.js';
import { ExpectationSchema, ExpectationSetSchema, LadderStepSchema } from './expectations.js';
import { GoalSchema, ParticipantSchema, StaffSchema } from './people.js';
import { DisplayNamePolicySchema } from './vocabulary.js';
import { GroupSchema, LocationSchema, PolicySchema, ProgramSchema } from './program.js';
import {
  AttendanceRecordSchema,
  CopingPracticeSchema,
  FeedbackEntrySchema,
  ObservationSchema,
  RecordsSchema,
} from './records.js';
import {
  AudienceSchema,
  RecurrenceSchema,
  RoutineExceptionSchema,
  RoutineSchema,
  RosterChangeSchema,
} from './routine.js';
import {
  IdSchema,
  InstantSchema,
  LocalDateSchema,
  LocalTimeSchema,
  OccurrenceIdSchema,
  TextSchema,
} from './scalars.js';
import { LocaleSchema, TimeZoneSchema } from './zone-locale.js';
import { PlanTaskSchema, TransitionSchema } from './transitions.js';

/** The `$id` of the published JSON Schema. */
export const MILIEU_SCHEMA_ID = 'https://unpkg.com/@milieu/core/schema.json';

type Meta = { id: string; title?: string; description: string; examples?: unknown[] };

/**
 * Builds the JSON Schema (draft 2020-12) of a milieu document, version 1. Shared parts (`Id`,
 * `LocalDate`, `Routine`, …) are `$defs`. Checks JSON Schema cannot express — real calendar
 * dates beyond the pattern, IANA zones, unique ids, cross-references, ladder order — are
 * described in `description` and enforced by `parseDocument`.
 *
 * @returns a fresh JSON-serialisable object on each call
 */
export function documentJsonSchema(): Record<string, unknown> {
  const registry = z.registry<Meta>();
  const add = (schema: z.core.$ZodType, meta: Meta) => registry.add(schema, meta);
  add(IdSchema, {
    id: 'Id',
    description: 'An identifier, unique within its collection.',
    examples: ['p-01', 'community'],
  });
  add(LocalDateSchema, {
    id: 'LocalDate',
    description: 'A real civil date YYYY-MM-DD in the program time zone.',
    examples: ['2026-03-08'],
  });
  add(LocalTimeSchema, {
    id: 'LocalTime',
    description: 'A wall-clock time HH:MM (00:00-23:59) in the program time zone.',
    examples: ['09:30'],
  });
  add(InstantSchema, {
    id: 'Instant',
    description: 'An ISO 8601 date-time with seconds and an offset or Z.',
    examples: ['2026-03-08T09:00:00-04:00'],
  });
  add(TimeZoneSchema, {
    id: 'TimeZone',
    description:
      'A canonical IANA time zone name known to Intl; abbreviations (BST, EST), legacy aliases (US/Eastern) and offsets (GMT+1) are refused.',
    examples: ['America/New_York', 'Europe/London'],
  });
  add(LocaleSchema, {
    id: 'Locale',
    description: 'A BCP 47 language tag.',
    examples: ['en-US', 'es'],
  });
  add(TextSchema, { id: 'Text', description: 'Non-empty text (not only white space).' });
  add(OccurrenceIdSchema, {
    id: 'OccurrenceId',
    description: 'An occurrence id: routineId@YYYY-MM-DD (the original date).',
    examples: ['community@2026-03-09'],
  });
  add(ProgramSchema, { id: 'Program', description: 'One milieu: a unit, house or group.' });
  add(PolicySchema, {
    id: 'Policy',
    description:
      'Program-wide policy: peerAnonymityMinRaters (default 3) distinct anonymous raters before a subject sees their peer feedback, in aggregate only; displayNames (default first-initial), how shared screens (kiosk, print) name people; anonymousAuthors (default nobody), who may learn the writer of anonymous peer feedback; crisisResource, named by the feedback form when safety language routes an entry to staff review.',
  });
  add(DisplayNamePolicySchema, {
    id: 'DisplayNamePolicy',
    description:
      'How people are named on shared screens (the kiosk view and printouts): first-initial (the default) "Dana R.", initials "D. R.", or none: no names at all, which a substance-use program needs under 42 CFR Part 2.',
    examples: ['first-initial', 'none'],
  });
  add(LocationSchema, {
    id: 'Location',
    description: 'A room or place; ids unique within the program.',
  });
  add(GroupSchema, {
    id: 'Group',
    description: 'An audience group; ids unique within the program.',
  });
  add(ParticipantSchema, {
    id: 'Participant',
    description:
      'A participant: minimum necessary personal data. groupIds, electiveRoutineIds and primaryTherapistId must resolve.',
  });
  add(GoalSchema, { id: 'Goal', description: "A participant's goal; ids unique per participant." });
  add(StaffSchema, {
    id: 'Staff',
    description: 'A staff member; ids unique across participants and staff.',
  });
  add(RoutineSchema, {
    id: 'Routine',
    description:
      'A recurring activity. locationId, facilitatorIds, audience and roster ids must resolve; at most one exception per date.',
  });
  add(AudienceSchema, { id: 'Audience', description: 'Who a routine is for.' });
  add(RecurrenceSchema, {
    id: 'Recurrence',
    description:
      'DAILY or WEEKLY on civil dates; count and until are mutually exclusive; byDay only with WEEKLY.',
  });
  add(RoutineExceptionSchema, {
    id: 'RoutineException',
    description: 'An occurrence cancelled, moved or changed, with a reason.',
  });
  add(RosterChangeSchema, {
    id: 'RosterChange',
    description: 'Add or remove a participant from occurrences on or after effective.',
  });
  add(ExpectationSetSchema, {
    id: 'ExpectationSet',
    description: 'The community expectations and when they were agreed and reviewed.',
  });
  add(ExpectationSchema, {
    id: 'Expectation',
    description: 'A community agreement, phrased positively, with a rationale.',
  });
  add(LadderStepSchema, {
    id: 'LadderStep',
    description: 'A graduated response; steps strictly increase.',
  });
  add(RecordsSchema, {
    id: 'Records',
    description: 'Attendance, observations, feedback and coping-skill practice.',
  });
  add(AttendanceRecordSchema, {
    id: 'AttendanceRecord',
    description:
      'Attendance of one participant at one occurrence; unique per (occurrenceId, participantId).',
  });
  add(ObservationSchema, {
    id: 'Observation',
    description: 'An expectation not met and the ladder step applied.',
  });
  add(FeedbackEntrySchema, {
    id: 'FeedbackEntry',
    description: 'Feedback that names a strength first.',
  });
  add(CopingPracticeSchema, { id: 'CopingPractice', description: 'Practice of a coping skill.' });
  add(TransitionSchema, {
    id: 'Transition',
    description:
      'A discharge, step-down/up, transfer, staff change or schedule change with its plan.',
  });
  add(PlanTaskSchema, { id: 'PlanTask', description: 'A transition plan task.' });

  const schema = z.toJSONSchema(MilieuDocumentSchema, {
    target: 'draft-2020-12',
    metadata: registry,
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: MILIEU_SCHEMA_ID,
    title: `Milieu document (milieuVersion ${MILIEU_VERSION})`,
    description:
      'A therapeutic milieu as one JSON document: program, people, routines, expectations, records and transitions. Generated from the @milieu/core zod schemas; parseDocument() additionally checks cross-references, unique ids and IANA time zones.',
    ...rest,
  };
}
