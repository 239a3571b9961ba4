/**
 * Feedback: templates (with built-ins for staff, peer, self and program feedback), safety-language
 * detection, one cached validator for form values, the entry builder, the HTTP contract, the
 * feedback policy (who writes and reads what) and the builder of the feedback context resource.
 *
 * @module
 */
export * from './template.js';
export * from './template-utils.js';
export * from './templates.js';
export * from './messages.js';
export * from './safety.js';
export * from './validate.js';
export * from './entry.js';
export * from './contract.js';
export * from './error-codes.js';
export * from './policy.js';
export * from './context-resource.js';
