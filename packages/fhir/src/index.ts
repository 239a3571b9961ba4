/**
 * `@milieu/fhir` — FHIR R4 for Milieu Kit: {@link toFhir} exports a milieu document as a
 * Bundle, {@link fromFhir} imports one (never throwing), and {@link createFhirSource} reads the
 * schedule from, and saves feedback and attendance to, a FHIR REST server.
 *
 * @packageDocumentation
 */
export * from './constants.js';
export { toFhir, type ToFhirOptions } from './export/index.js';
export { terminology } from './export/terminology.js';
export { itemLinkId, templateQuestionnaire } from './export/records.js';
export { fromFhir, type FromFhirOptions, type FromFhirResult } from './import/index.js';
export type { ProgramDefaults } from './import/people.js';
export {
  createFhirSource,
  type FhirOccurrencesQuery,
  type FhirSource,
  type FhirSourceOptions,
} from './client/source.js';
export type { FhirSaver, SaveOutcome } from './client/saver.js';
export {
  FHIR_ERROR_CODES,
  FhirError,
  type FhirErrorCode,
  type HeadersOption,
} from './client/http.js';
export type { Viewer } from './client/views.js';
