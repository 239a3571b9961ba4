/**
 * The milieu document model: zod/mini schemas, inferred types, parsers and the JSON Schema.
 *
 * @module
 */
export * from './scalars.js';
export * from './vocabulary.js';
export * from './zone-locale.js';
export * from './time-zones.js';
export * from './program.js';
export * from './people.js';
export * from './routine.js';
export * from './expectations.js';
export * from './records.js';
export * from './transitions.js';
export * from './document.js';
export * from './issues.js';
export * from './pointer.js';
export { checkReferences } from './refs.js';
export * from './parse.js';
export { FORBIDDEN_KEYS } from './sanitize.js';
export * from './json-schema.js';
