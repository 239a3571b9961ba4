/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of every body and query of the HTTP API, generated
 * from the contract's zod/mini schemas, for an OpenAPI `components.schemas` section. Everything
 * happens inside {@link contractJsonSchemas}, so bundles that never call it stay small.
 *
 * @module
 */
import * as z from 'zod/mini';
import { CreateFeedbackResponseSchema, ErrorBodySchema } from '../feedback/contract.js';
import {
  AttendanceRecordSchema,
  ExpectationSetSchema,
  FeedbackEntrySchema,
  MilieuDocumentSchema,
  ParticipantSchema,
  ProgramSchema,
  RecordsSchema,
  RoutineSchema,
  StaffSchema,
  TransitionSchema,
} from '../model/index.js';
import { HealthResponseSchema, PersonRefSchema, SessionResponseSchema } from './common.js';
import { DocumentSavedSchema } from './document.js';
import { ProgramListResponseSchema, ProgramSummarySchema } from './programs.js';
import { FeedbackContextQuerySchema, FeedbackContextResponseSchema } from './feedback-context.js';
import { CheckQuerySchema, CheckResponseSchema, FindingSchema } from './findings.js';
import {
  AttendanceListResponseSchema,
  AttendanceQuerySchema,
  FeedbackListQuerySchema,
  AttendanceResponseSchema,
  FeedbackListResponseSchema,
  PeerFeedbackAggregateSchema,
  ReviewChangeRequestSchema,
  ReviewChangeResponseSchema,
} from './records.js';
import {
  OccurrencesQuerySchema,
  OccurrenceViewSchema,
  OccurrencesResponseSchema,
} from './schedule.js';

/** The names of the generated component schemas (see {@link contractJsonSchemas}). */
export const CONTRACT_SCHEMA_NAMES = [
  'ErrorBody',
  'MilieuDocument',
  'Program',
  'Participant',
  'Staff',
  'Routine',
  'ExpectationSet',
  'Records',
  'Transition',
  'DocumentSaved',
  'PersonRef',
  'OccurrenceView',
  'OccurrencesResponse',
  'AttendanceRecord',
  'AttendanceResponse',
  'AttendanceListResponse',
  'FeedbackEntry',
  'CreateFeedbackResponse',
  'PeerFeedbackAggregate',
  'FeedbackListResponse',
  'ReviewChangeRequest',
  'ReviewChangeResponse',
  'Finding',
  'CheckResponse',
  'SessionResponse',
  'HealthResponse',
  'ProgramSummary',
  'ProgramListResponse',
  'OccurrencesQuery',
  'AttendanceQuery',
  'FeedbackListQuery',
  'CheckQuery',
  'FeedbackContextQuery',
  'FeedbackContextResponse',
] as const;
/** A component schema name (see {@link CONTRACT_SCHEMA_NAMES}). */
export type ContractSchemaName = (typeof CONTRACT_SCHEMA_NAMES)[number];

/**
 * Builds the JSON Schema of every request and response body, keyed by name, with references
 * between them written as `${refPrefix}${name}` (by default `#/components/schemas/`). Checks
 * JSON Schema cannot express (real calendar dates, IANA zones, cross-references) are enforced by
 * the core parsers on the server.
 *
 * @param refPrefix - the prefix of `$ref`s between the schemas
 * @returns a fresh JSON-serialisable object on each call
 */
export function contractJsonSchemas(
  refPrefix = '#/components/schemas/',
): Record<ContractSchemaName, Record<string, unknown>> {
  const registry = z.registry<{ id: ContractSchemaName }>();
  const entries: [z.core.$ZodType, ContractSchemaName][] = [
    [ErrorBodySchema, 'ErrorBody'],
    [MilieuDocumentSchema, 'MilieuDocument'],
    [ProgramSchema, 'Program'],
    [ParticipantSchema, 'Participant'],
    [StaffSchema, 'Staff'],
    [RoutineSchema, 'Routine'],
    [ExpectationSetSchema, 'ExpectationSet'],
    [RecordsSchema, 'Records'],
    [TransitionSchema, 'Transition'],
    [DocumentSavedSchema, 'DocumentSaved'],
    [PersonRefSchema, 'PersonRef'],
    [OccurrenceViewSchema, 'OccurrenceView'],
    [OccurrencesResponseSchema, 'OccurrencesResponse'],
    [AttendanceRecordSchema, 'AttendanceRecord'],
    [AttendanceResponseSchema, 'AttendanceResponse'],
    [AttendanceListResponseSchema, 'AttendanceListResponse'],
    [FeedbackEntrySchema, 'FeedbackEntry'],
    [CreateFeedbackResponseSchema, 'CreateFeedbackResponse'],
    [PeerFeedbackAggregateSchema, 'PeerFeedbackAggregate'],
    [FeedbackListResponseSchema, 'FeedbackListResponse'],
    [ReviewChangeRequestSchema, 'ReviewChangeRequest'],
    [ReviewChangeResponseSchema, 'ReviewChangeResponse'],
    [FindingSchema, 'Finding'],
    [CheckResponseSchema, 'CheckResponse'],
    [SessionResponseSchema, 'SessionResponse'],
    [HealthResponseSchema, 'HealthResponse'],
    [ProgramSummarySchema, 'ProgramSummary'],
    [ProgramListResponseSchema, 'ProgramListResponse'],
    [OccurrencesQuerySchema, 'OccurrencesQuery'],
    [AttendanceQuerySchema, 'AttendanceQuery'],
    [FeedbackListQuerySchema, 'FeedbackListQuery'],
    [CheckQuerySchema, 'CheckQuery'],
    [FeedbackContextQuerySchema, 'FeedbackContextQuery'],
    [FeedbackContextResponseSchema, 'FeedbackContextResponse'],
  ];
  for (const [schema, id] of entries) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => refPrefix + id,
  }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas = {} as Record<ContractSchemaName, Record<string, unknown>>;
  for (const name of CONTRACT_SCHEMA_NAMES) {
    const { $schema: _schema, $id: _id, ...rest } = out.schemas[name] ?? {};
    schemas[name] = rest;
  }
  return schemas;
}
