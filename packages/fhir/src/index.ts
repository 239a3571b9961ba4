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
