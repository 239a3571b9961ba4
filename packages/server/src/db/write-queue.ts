/**
 * Group commit, for both dialects: writes submitted while a commit is in flight run together in
 * the next transaction, each inside its own savepoint, and are acknowledged only after that
 * transaction commits. Every write stays atomic (a failing write rolls back to its savepoint and
 * fails alone), and one fsync covers many writes — SQLite with `synchronous = FULL` pays about
 * 1.4 ms per commit on this kind of disk, which would otherwise cap durable writes near 700/s;
 * on PostgreSQL every write also takes the document row's lock (the revision), so commits one
 * by one would be capped the same way.
 *
 * @module
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { isConcurrencyConflict, type DatabaseKind } from './connect.js';

/** A write: runs inside the batch transaction; may run up to three times (after conflicts). */
export type WriteJob<DB, T> = (db: Kysely<DB>) => Promise<T>;

const BEGIN = CompiledQuery.raw('begin');
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint job');
const RELEASE = CompiledQuery.raw('release savepoint job');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint job');

interface Pending<DB> {
  job: WriteJob<DB, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Options of {@link WriteQueue}. */
export interface WriteQueueOptions {
  /** Most writes per transaction; default 256. */
  maxBatch?: number;
}

/**
 * Serialises writes through one connection and batches them into transactions.
 *
 * A job that fails on a concurrency conflict (a unique violation, a PostgreSQL deadlock) is
 * rolled back to its savepoint and run again, at most three times in all: a concurrent writer
 * elsewhere (another instance on PostgreSQL) wrote the same key, and the job's own reads will
 * then see it (for example to replay an idempotent response).
 */
export class WriteQueue<DB> {
  readonly #db: Kysely<DB>;
  readonly #kind: DatabaseKind;
  readonly #maxBatch: number;
  #queue: Pending<DB>[] = [];
  #running: Promise<void> | undefined;
  #closed = false;

  /**
   * @param db - the writer connection
   * @param kind - its dialect (SQLite begins with `BEGIN IMMEDIATE` to take the write lock first)
   * @param options - batching limits
   */
  constructor(db: Kysely<DB>, kind: DatabaseKind, options: WriteQueueOptions = {}) {
    this.#db = db;
    this.#kind = kind;
    this.#maxBatch = options.maxBatch ?? 256;
  }

  /**
   * Runs a write in a transaction; resolves with its result once that transaction has committed.
   *
   * @param job - the write
   * @throws what the job threw (its changes rolled back), or the commit error
   */
  run<T>(job: WriteJob<DB, T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the database is closing'));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
      if (this.#running === undefined) this.#running = this.#drain();
    });
  }

  /** Waits for every submitted write to finish, then refuses new ones. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#running;
  }

  async #drain(): Promise<void> {
    for (;;) {
      // Yield to the event loop first, so requests that arrived meanwhile (the commit blocked the
      // loop while it synced) are parsed and join this batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.#queue.length === 0) break;
      await this.#commit(this.#queue.splice(0, this.#maxBatch));
    }
    this.#running = undefined;
  }

  async #commit(batch: Pending<DB>[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.#db.connection().execute(async (conn) => {
        await conn.executeQuery(this.#kind === 'sqlite' ? BEGIN_IMMEDIATE : BEGIN);
        try {
          for (const pending of batch) outcomes.push(await this.#runOne(conn, pending.job));
          await conn.executeQuery(COMMIT);
        } catch (error) {
          await conn.executeQuery(ROLLBACK).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.value);
    });
  }

  async #runOne(
    conn: Kysely<DB>,
    job: WriteJob<DB, unknown>,
  ): Promise<{ ok: boolean; value: unknown }> {
    for (let attempt = 0; ; attempt++) {
      await conn.executeQuery(SAVEPOINT);
      try {
        const value = await job(conn);
        await conn.executeQuery(RELEASE);
        return { ok: true, value };
      } catch (error) {
        await conn.executeQuery(ROLLBACK_TO);
        await conn.executeQuery(RELEASE);
        if (attempt >= 2 || !isConcurrencyConflict(error)) return { ok: false, value: error };
      }
    }
  }
}
