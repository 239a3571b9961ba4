/**
 * `@milieu/core` — the therapeutic milieu as validated data, plus pure, DOM-free logic:
 * the document model, schedule expansion across time zones and DST, and conflict detection.
 *
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './time/index.js';
export * from './schedule/index.js';
export * from './layout/index.js';
export * from './feedback/index.js';
export * from './rules/index.js';
export * from './contract/index.js';
export * from './view/index.js';
