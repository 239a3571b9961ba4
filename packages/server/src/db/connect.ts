/**
 * Opens the database: SQLite through better-sqlite3 (the embedded default: WAL, full fsync on
 * commit) or PostgreSQL through pg's pool, both behind Kysely so every query is written once.
 *
 * @module
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';

/** The two supported dialects. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** Where the data lives: an SQLite file (or `:memory:`) or a PostgreSQL connection string. */
export type DatabaseTarget =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

/** An open database: a writer (all writes go through it) and a reader. */
export interface DatabaseHandle {
  /** The dialect. */
  readonly kind: DatabaseKind;
  /** Connection(s) for writes. For SQLite one connection, serialised by Kysely. */
  readonly writer: Kysely<Schema>;
  /**
   * Connection(s) for reads outside a write. For an SQLite file a second, read-only connection
   * (WAL lets it read while a write commits); for `:memory:` and PostgreSQL the writer itself.
   */
  readonly reader: Kysely<Schema>;
  /**
   * SQLite files only: a counter that changes whenever any other connection — our writer or
   * another process — commits (`PRAGMA data_version` on the reader). Equal values mean nothing
   * changed in between, so a cached read is still current.
   */
  readonly dataVersion?: () => number;
  /**
   * PostgreSQL only: runs a named prepared statement on the pool (each connection parses and
   * plans it once), for the hottest reads; the rows as pg returns them.
   */
  readonly prepared?: (name: string, sql: string, params: readonly unknown[]) => Promise<unknown[]>;
  /** Closes every connection. */
  close(): Promise<void>;
}

/**
 * Reuses prepared statements: Kysely's SQLite driver prepares every query it runs, which costs
 * more than running a one-row query. Statements are keyed by SQL text (Kysely never iterates
 * them, so sharing one statement between calls is safe).
 */
function cacheStatements(db: Database.Database, max = 256): Database.Database {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = prepare(source);
      if (cache.size >= max) cache.clear();
      cache.set(source, statement);
    }
    return statement;
  }) as typeof db.prepare;
  return db;
}

function openSqlite(file: string): DatabaseHandle {
  const memory = file === ':memory:' || file === '';
  const db = new Database(memory ? ':memory:' : file);
  if (!memory) db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it is acknowledged (WAL fsync per commit; the write queue
  // batches concurrent writes into one commit, so this costs little under load).
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const writer = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: cacheStatements(db) }),
  });
  if (memory) {
    return { kind: 'sqlite', writer, reader: writer, close: () => writer.destroy() };
  }
  const readDb = new Database(file, { readonly: true, fileMustExist: true });
  readDb.pragma('busy_timeout = 5000');
  const version = readDb.prepare('pragma data_version').pluck();
  const reader = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: cacheStatements(readDb) }),
  });
  return {
    kind: 'sqlite',
    writer,
    reader,
    dataVersion: () => version.get() as number,
    async close() {
      await reader.destroy();
      await writer.destroy();
    },
  };
}

/**
 * Runs the parameterised queries of a pooled connection as named prepared statements, keyed by
 * their SQL text: PostgreSQL parses and plans each one once per connection instead of on every
 * call (Kysely sends the same few SQL texts over and over). At most `max` per connection (later
 * texts run unnamed); long texts (a replace's multi-row inserts) and queries that select `*` stay
 * unnamed, so an instance that keeps running
 * while another migrates (adding a column) never gets "cached plan must not change result type".
 */
function prepareStatements(client: pg.PoolClient, max = 200): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = (text: unknown, values: unknown, ...rest: unknown[]): unknown => {
    if (
      rest.length === 0 &&
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      text.length <= 2_000 &&
      !text.includes('*')
    ) {
      let name = names.get(text);
      if (name === undefined && names.size < max) {
        name = `milieu_${names.size}`;
        names.set(text, name);
      }
      if (name !== undefined) return query({ name, text, values });
    }
    return query(text, values, ...rest);
  };
  client.query = prepared as typeof client.query;
}

function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => prepareStatements(client));
  const writer = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    writer,
    reader: writer,
    async prepared(name, sql, params) {
      const result = await pool.query({ name, text: sql, values: [...params] });
      return result.rows as unknown[];
    },
    close: () => writer.destroy(),
  };
}

/**
 * Opens a database. Does not migrate: call `migrateToLatest` (or `openStore`, which does).
 *
 * @param target - an SQLite file or a PostgreSQL URL
 * @throws when the file cannot be opened or created
 */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  return target.kind === 'sqlite'
    ? openSqlite(target.file)
    : openPostgres(target.url, target.poolSize);
}

/**
 * Runs SQLite's `integrity_check` (`['ok']` when sound); on PostgreSQL a trivial query.
 *
 * @param handle - an open database
 */
export async function integrityCheck(handle: DatabaseHandle): Promise<string[]> {
  if (handle.kind === 'postgres') {
    await sql`select 1`.execute(handle.writer);
    return ['ok'];
  }
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
    handle.writer,
  );
  return rows.map((r) => r.integrity_check);
}

/**
 * Whether a write failed only because of a concurrent writer, so running it again can succeed
 * (and its reads will then see the other write): a unique-constraint violation (SQLite or
 * PostgreSQL), or PostgreSQL's deadlock or serialization failure between two instances.
 *
 * @param error - anything thrown by a query
 */
export function isConcurrencyConflict(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === '40P01' ||
    code === '40001' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
