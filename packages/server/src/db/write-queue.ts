/**
 * Group commit, for both dialects: writes submitted while a commit is in flight run together in
 * the next transaction, each inside its own savepoint, and are acknowledged only after that
 * transaction commits. Every write stays atomic (a failing write rolls back to its savepoint and
 * fails alone), and one fsync covers many writes — SQLite with `synchronous = FULL` pays about
 * 1.4 ms per commit on this kind of disk, which would otherwise cap durable writes near 700/s.
 *
 * SQLite has one writer, so it gets one {@link WriteQueue}. On PostgreSQL a {@link WritePool}
 * runs several queues side by side, each on its own pooled connection with its own revision slot
 * (record writes lock the document row only `FOR SHARE` and count themselves in their queue's
 * slot), so writes use several connections — and several instances — at once.
 *
 * @module
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { isConcurrencyConflict, type DatabaseKind } from './connect.js';

/**
 * What the writes of one transaction share: the queue's revision slot, revision counts to add
 * before the commit, and a scratch map (for example "the document row is locked already").
 */
export interface WriteTx {
  /** The revision slot of the queue (the same for every write of the transaction). */
  readonly slot: number;
  /**
   * Revision counts by document, added to the slot by the queue's `beforeCommit` hook. A write
   * adds its count as its last step, so a write that fails never counts.
   */
  readonly bumps: Map<string, number>;
  /**
   * Scratch for the transaction; cleared whenever a write in it rolls back to its savepoint
   * (locks it took are gone then).
   */
  readonly memo: Map<string, unknown>;
}

/** A write: runs inside the batch transaction; may run several times (see {@link WriteQueue}). */
export type WriteJob<DB, T> = (db: Kysely<DB>, tx: WriteTx) => Promise<T>;

const BEGIN = CompiledQuery.raw('begin');
const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');
const SAVEPOINT = CompiledQuery.raw('savepoint job');
const RELEASE = CompiledQuery.raw('release savepoint job');
// One round trip instead of two between the writes of a batch.
const RELEASE_SAVEPOINT = CompiledQuery.raw('release savepoint job; savepoint job');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint job');

interface Pending<DB> {
  job: WriteJob<DB, unknown>;
  alone: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Options of {@link WriteQueue}. */
export interface WriteQueueOptions<DB = unknown> {
  /** Most writes per transaction; default 256. */
  maxBatch?: number;
  /** The revision slot handed to this queue's jobs; default 0. */
  slot?: number;
  /** Runs last in every transaction, before `COMMIT` (writes `tx.bumps`). */
  beforeCommit?: (db: Kysely<DB>, tx: WriteTx) => Promise<void>;
}

/** Options of one write. */
export interface RunOptions {
  /** Run it in a transaction of its own (a replace: heavy, and it must see every count). */
  alone?: boolean;
}

class JobFailed {
  constructor(readonly error: unknown) {}
}

/**
 * Serialises writes through one connection and batches them into transactions.
 *
 * A batch first runs optimistically, without savepoints (fewer round trips). When a write in it
 * fails, the transaction is rolled back and the batch runs again with a savepoint per write, so
 * the failing write fails alone. There, a write that fails on a concurrency conflict (a unique
 * violation, a PostgreSQL deadlock) is rolled back to its savepoint and run again, at most three
 * times in all: a concurrent writer elsewhere (another instance on PostgreSQL) wrote the same
 * key, and the write's own reads will then see it (for example to replay an idempotent
 * response). So a write may run up to four times; only the last run's effects are committed.
 */
export class WriteQueue<DB> {
  readonly #db: Kysely<DB>;
  readonly #kind: DatabaseKind;
  readonly #maxBatch: number;
  readonly #slot: number;
  readonly #beforeCommit: ((db: Kysely<DB>, tx: WriteTx) => Promise<void>) | undefined;
  #queue: Pending<DB>[] = [];
  #running: Promise<void> | undefined;
  #inFlight = 0;
  #closed = false;

  /**
   * @param db - the writer connection
   * @param kind - its dialect (SQLite begins with `BEGIN IMMEDIATE` to take the write lock first)
   * @param options - batching limits, the slot, the pre-commit hook
   */
  constructor(db: Kysely<DB>, kind: DatabaseKind, options: WriteQueueOptions<DB> = {}) {
    this.#db = db;
    this.#kind = kind;
    this.#maxBatch = options.maxBatch ?? 256;
    this.#slot = options.slot ?? 0;
    this.#beforeCommit = options.beforeCommit;
  }

  /** Writes submitted and not yet settled (queued or in the running batch). */
  get pending(): number {
    return this.#queue.length + this.#inFlight;
  }

  /**
   * Runs a write in a transaction; resolves with its result once that transaction has committed.
   *
   * @param job - the write
   * @param options - whether it runs alone
   * @throws what the job threw (its changes rolled back), or the commit error
   */
  run<T>(job: WriteJob<DB, T>, options: RunOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the database is closing'));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        job,
        alone: options.alone === true,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
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
      let size = 0;
      while (size < this.#queue.length && size < this.#maxBatch) {
        if (this.#queue[size]?.alone) {
          if (size === 0) size = 1;
          break;
        }
        size++;
      }
      const batch = this.#queue.splice(0, size);
      this.#inFlight = batch.length;
      if (!(await this.#commit(batch, false))) await this.#commit(batch, true);
      this.#inFlight = 0;
    }
    this.#running = undefined;
  }

  /**
   * Runs a batch in one transaction and settles its writes. Without savepoints, a failing write
   * rolls everything back and the result is `false` (nothing settled: run it again with them).
   */
  async #commit(batch: Pending<DB>[], savepoints: boolean): Promise<boolean> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const tx: WriteTx = { slot: this.#slot, bumps: new Map(), memo: new Map() };
    try {
      await this.#db.connection().execute(async (conn) => {
        await conn.executeQuery(this.#kind === 'sqlite' ? BEGIN_IMMEDIATE : BEGIN);
        try {
          if (savepoints) {
            // A savepoint is open whenever a job starts (the previous job's release opens it).
            await conn.executeQuery(SAVEPOINT);
            for (const pending of batch) outcomes.push(await this.#runOne(conn, tx, pending.job));
            await conn.executeQuery(RELEASE);
          } else {
            for (const pending of batch) {
              try {
                outcomes.push({ ok: true, value: await pending.job(conn, tx) });
              } catch (error) {
                throw new JobFailed(error);
              }
            }
          }
          await this.#beforeCommit?.(conn, tx);
          await conn.executeQuery(COMMIT);
        } catch (error) {
          await conn.executeQuery(ROLLBACK).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      if (error instanceof JobFailed) return false;
      for (const pending of batch) pending.reject(error);
      return true;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.value);
    });
    return true;
  }

  async #runOne(
    conn: Kysely<DB>,
    tx: WriteTx,
    job: WriteJob<DB, unknown>,
  ): Promise<{ ok: boolean; value: unknown }> {
    for (let attempt = 0; ; attempt++) {
      const bumps = new Map(tx.bumps);
      try {
        const value = await job(conn, tx);
        if (this.#kind === 'postgres') await conn.executeQuery(RELEASE_SAVEPOINT);
        else {
          // better-sqlite3 prepares one statement at a time (and in-process calls cost little).
          await conn.executeQuery(RELEASE);
          await conn.executeQuery(SAVEPOINT);
        }
        return { ok: true, value };
      } catch (error) {
        await conn.executeQuery(ROLLBACK_TO);
        tx.memo.clear();
        tx.bumps.clear();
        for (const [k, v] of bumps) tx.bumps.set(k, v);
        if (attempt >= 2 || !isConcurrencyConflict(error)) return { ok: false, value: error };
      }
    }
  }
}

/** Options of {@link WritePool}. */
export interface WritePoolOptions<DB = unknown> extends WriteQueueOptions<DB> {
  /** How many queues (connections) write at once; default 4. */
  queues?: number;
  /** The slot of the first queue; the others take the next ones (mod `slots`). Default random. */
  firstSlot?: number;
  /** How many slots there are; default 16. */
  slots?: number;
}

/**
 * Several {@link WriteQueue}s over one connection pool (PostgreSQL): a write goes to the queue
 * with the fewest pending writes, so under load every queue batches and commits at once on its
 * own connection. Each queue has its own revision slot, starting at a random one, so instances
 * on one database rarely share a slot.
 */
export class WritePool<DB> {
  readonly #queues: WriteQueue<DB>[];

  /**
   * @param db - the pool
   * @param kind - its dialect
   * @param options - how many queues, their slots and batching limits
   */
  constructor(db: Kysely<DB>, kind: DatabaseKind, options: WritePoolOptions<DB> = {}) {
    const slots = options.slots ?? 16;
    const first = options.firstSlot ?? Math.floor(Math.random() * slots);
    const count = Math.max(1, Math.min(options.queues ?? 4, slots));
    this.#queues = Array.from(
      { length: count },
      (_, i) => new WriteQueue(db, kind, { ...options, slot: (first + i) % slots }),
    );
  }

  /**
   * Runs a write on the least busy queue (see {@link WriteQueue.run}).
   *
   * @param job - the write
   * @param options - whether it runs alone
   */
  run<T>(job: WriteJob<DB, T>, options: RunOptions = {}): Promise<T> {
    let best = this.#queues[0] as WriteQueue<DB>;
    for (const queue of this.#queues) if (queue.pending < best.pending) best = queue;
    return best.run(job, options);
  }

  /** Waits for every queue's writes, then refuses new ones. */
  async close(): Promise<void> {
    await Promise.all(this.#queues.map((q) => q.close()));
  }
}
