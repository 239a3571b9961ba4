/**
 * `@milieu/server` — the reference HTTP API behind the Milieu widgets: Hono on Node, SQLite
 * or PostgreSQL through Kysely, bearer-token roles, idempotent writes, OpenAPI 3.1.
 *
 * @packageDocumentation
 */
export { createApp, routes, type AppOptions } from './http/app.js';
export { ByteBudget, DEFAULT_CACHE_BUDGET_BYTES } from './http/cache.js';
export { buildOpenApi } from './http/openapi.js';
export { jsonLogger, silentLogger, type Logger, type LogFields } from './http/logger.js';
export { ApiError } from './http/errors.js';
export { startServer, readSeed, type RunningServer, type ServerOptions } from './serve.js';
export {
  openStore,
  ProgramRequiredError,
  Store,
  type ProgramInfo,
  type StoreOptions,
} from './store/store.js';
export type { DocumentHead, ReplaceOutcome, ReplacePrecondition } from './store/documents.js';
export type {
  CreateFeedbackOutcome,
  FeedbackFilter,
  FeedbackRecord,
  IdempotentRequest,
  ReviewChange,
} from './store/records.js';
export {
  hashToken,
  isGlobalAdmin,
  principalIn,
  TOKEN_PREFIX,
  type NewToken,
  type Principal,
  type ProgramGrant,
  type TokenInfo,
  type TokenPrincipal,
} from './store/tokens.js';
export {
  integrityCheck,
  openDatabase,
  type DatabaseHandle,
  type DatabaseKind,
  type DatabaseTarget,
} from './db/connect.js';
export { migrateToLatest, migrations } from './db/migrations.js';
export { main, VERSION, type MainIo } from './main.js';
