/**
 * The data layer: one class over Kysely that runs the same queries on SQLite and PostgreSQL.
 * Reads go to the reader connection; every write is a job in a {@link WriteQueue}, so it runs
 * in a transaction (batched with concurrent writes) and is acknowledged only once committed.
 *
 * The write path: SQLite has one writer, so one queue (group commit: one fsync for many
 * writes). PostgreSQL gets a {@link WritePool} of several queues, each on its own connection.
 * A record write (feedback, review, attendance) locks the document row `FOR SHARE`, writes its
 * rows and adds one to its queue's revision slot, so record writes on every connection and
 * instance run side by side; a replace locks the row exclusively first (see `documents.ts`). In
 * this process a replace also holds back new record writes until it is done, so a steady stream
 * of them cannot keep it waiting for ever.
 *
 * @module
 */
import type { AttendanceRecord, FeedbackEntry, MilieuDocument } from '@milieu/core';
import type { Kysely } from 'kysely';
import {
  integrityCheck,
  openDatabase,
  type DatabaseHandle,
  type DatabaseKind,
  type DatabaseTarget,
} from '../db/connect.js';
import { migrateToLatest } from '../db/migrations.js';
import type { Schema } from '../db/schema.js';
import { WritePool, WriteQueue, type WriteJob, type WriteTx } from '../db/write-queue.js';
import {
  DOCUMENT_ID,
  REVISION_SLOTS,
  bumpSlot,
  lockDocument,
  compileHead,
  headOf,
  readBody,
  readDocument,
  readHead,
  replaceDocument,
  type DocumentHead,
  type ReplaceOutcome,
  type ReplacePrecondition,
} from './documents.js';
import {
  anonymousPeerFeedbackAbout,
  createFeedback,
  findIdempotent,
  listAttendance,
  listFeedback,
  lockFeedback,
  NotFound,
  raterKeys,
  recordAttendance,
  setReview,
  type CreateFeedbackOutcome,
  type FeedbackFilter,
  type FeedbackRecord,
  type IdempotentRequest,
  type PooledEntry,
  type ReviewChange,
} from './records.js';
import { RATER_KEY_NAME, raterKey } from './raters.js';
import {
  createToken,
  findPrincipal,
  listTokens,
  revokeToken,
  type NewToken,
  type Principal,
  type TokenInfo,
} from './tokens.js';

/** Adds a transaction's record writes to its queue's revision slot, just before it commits. */
async function countRecordWrites(db: Kysely<Schema>, tx: WriteTx): Promise<void> {
  for (const [documentId, n] of tx.bumps) await bumpSlot(db, tx.slot, documentId, n);
}

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** The clock (ISO 8601 UTC); inject one in tests. Default `new Date().toISOString()`. */
  now?: () => string;
  /** Run pending migrations when opening (default `true`). */
  migrate?: boolean;
  /**
   * PostgreSQL: how many write queues (connections) commit at once; default 4. Keep it below
   * the pool size, which reads share. SQLite always has one.
   */
  writeQueues?: number;
  /** Most writes per transaction of a queue; default 256 (`1`: a transaction per write). */
  maxBatch?: number;
}

/** The data layer (see the module documentation). */
export class Store {
  /** The dialect. */
  readonly kind: DatabaseKind;
  /** Migrations applied when this store was opened. */
  readonly migrationsApplied: readonly string[];
  readonly #handle: DatabaseHandle;
  readonly #queue: WriteQueue<Schema> | WritePool<Schema>;
  readonly #now: () => string;
  /** Settles when the replace in progress (in this process) is done; new record writes wait. */
  #replacing: Promise<unknown> | undefined;
  #head: { version: number; head: DocumentHead | undefined } | undefined;
  #headSql: { sql: string; parameters: readonly unknown[] } | undefined;
  /** PostgreSQL: the head query running now, and the one that runs after it (see head()). */
  #headInFlight: Promise<DocumentHead | undefined> | undefined;
  #headQueued: Promise<DocumentHead | undefined> | undefined;
  #raterSecret: string | undefined;

  /**
   * Use {@link openStore}.
   *
   * @param handle - an open, migrated database
   * @param migrationsApplied - names of the migrations run at open
   * @param now - the clock
   * @param options - write queues and batching (see {@link StoreOptions})
   */
  constructor(
    handle: DatabaseHandle,
    migrationsApplied: readonly string[],
    now: () => string,
    options: Pick<StoreOptions, 'writeQueues' | 'maxBatch'> = {},
  ) {
    this.kind = handle.kind;
    this.migrationsApplied = migrationsApplied;
    this.#handle = handle;
    const batching = {
      ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
      beforeCommit: countRecordWrites,
    };
    this.#queue =
      handle.kind === 'postgres'
        ? new WritePool(handle.writer, handle.kind, {
            ...batching,
            queues: options.writeQueues ?? 4,
            slots: REVISION_SLOTS,
          })
        : new WriteQueue(handle.writer, handle.kind, batching);
    this.#now = now;
  }

  /**
   * Runs a record write: locks the document row `FOR SHARE` (no document: `NotFound`, rolled
   * back), runs the job, and counts it in the queue's revision slot when `wrote` says it wrote.
   * Waits first while a replace of this process is in progress.
   */
  async #recordWrite<T>(job: WriteJob<Schema, T>, wrote: (result: T) => boolean): Promise<T> {
    while (this.#replacing !== undefined) await this.#replacing;
    return this.#queue.run(async (db, tx) => {
      // Once per transaction: the lock lasts until it commits (the memo is cleared whenever a
      // write rolls back, taking its locks with it).
      const locked = `lock:${DOCUMENT_ID}`;
      if (!tx.memo.has(locked)) {
        if (!(await lockDocument(db, this.kind, 'share', DOCUMENT_ID))) throw new NotFound();
        tx.memo.set(locked, true);
      }
      const result = await job(db, tx);
      if (wrote(result)) tx.bumps.set(DOCUMENT_ID, (tx.bumps.get(DOCUMENT_ID) ?? 0) + 1);
      return result;
    });
  }

  get #reader(): Kysely<Schema> {
    return this.#handle.reader;
  }

  /** The rater key (see `raters.ts`), read once. */
  async #secret(): Promise<string> {
    if (this.#raterSecret === undefined) {
      const row = await this.#reader
        .selectFrom('server_secrets')
        .select('value')
        .where('name', '=', RATER_KEY_NAME)
        .executeTakeFirst();
      if (!row) throw new Error('the database has no rater key: run the migrations');
      this.#raterSecret = row.value;
    }
    return this.#raterSecret;
  }

  /** The current time as the store records it. */
  now(): string {
    return this.#now();
  }

  /** Answers when the database does (a trivial read). */
  async ping(): Promise<void> {
    await readHead(this.#reader);
  }

  /** SQLite's `integrity_check` (`['ok']` when sound). */
  integrityCheck(): Promise<string[]> {
    return integrityCheck(this.#handle);
  }

  /**
   * The document's versions, or `undefined` when there is no document yet. On an SQLite file
   * the answer is reused until some connection commits (checked with `PRAGMA data_version`,
   * which costs far less than the query). On PostgreSQL concurrent calls share queries: a call
   * made while a head query is in flight waits for the next one, which starts only after the
   * current one ends — so every answer comes from a query that started after the call, and sees
   * every write committed before it (a client always sees its own acknowledged writes), while
   * at most one head query runs at a time however many requests arrive.
   */
  async head(): Promise<DocumentHead | undefined> {
    if (this.#handle.prepared) {
      if (this.#headInFlight === undefined) return this.#queryHead();
      this.#headQueued ??= this.#headInFlight.then(
        () => this.#nextHead(),
        () => this.#nextHead(),
      );
      return this.#headQueued;
    }
    const version = this.#handle.dataVersion?.();
    if (version !== undefined && this.#head?.version === version) return this.#head.head;
    const head = await readHead(this.#reader);
    if (version !== undefined) this.#head = { version, head };
    return head;
  }

  #nextHead(): Promise<DocumentHead | undefined> {
    this.#headQueued = undefined;
    return this.#queryHead();
  }

  /** PostgreSQL: the same query as readHead, prepared once per connection. */
  #queryHead(): Promise<DocumentHead | undefined> {
    const prepared = this.#handle.prepared;
    if (!prepared) return readHead(this.#reader);
    this.#headSql ??= compileHead(this.#reader, DOCUMENT_ID);
    const query = prepared('milieu_head', this.#headSql.sql, this.#headSql.parameters).then(
      (rows) => headOf(rows[0]),
    );
    this.#headInFlight = query;
    const done = () => {
      if (this.#headInFlight === query) this.#headInFlight = undefined;
    };
    query.then(done, done);
    return query;
  }

  /** The document without attendance and feedback (for schedules and checks). */
  body(): Promise<{ head: DocumentHead; body: MilieuDocument } | undefined> {
    return readBody(this.#reader);
  }

  /** The whole document with its records, read in one snapshot. */
  document(): Promise<{ head: DocumentHead; document: MilieuDocument } | undefined> {
    let tx = this.#reader.transaction();
    if (this.kind === 'postgres') tx = tx.setIsolationLevel('repeatable read');
    return tx.execute((db) => readDocument(db));
  }

  /**
   * Replaces the whole document (records included) if the precondition holds.
   *
   * @param doc - a document that passed `parseDocument`
   * @param precondition - `If-Match` revisions or create-only
   * @param by - the staff id of the caller: who recorded new or changed attendance (records the
   *   PUT leaves unchanged keep their `recorded_at` and `recorded_by`)
   */
  async replaceDocument(
    doc: MilieuDocument,
    precondition: ReplacePrecondition,
    by?: string,
  ): Promise<ReplaceOutcome> {
    const secret = await this.#secret();
    while (this.#replacing !== undefined) await this.#replacing.catch(() => undefined);
    const outcome = this.#queue.run(
      (db) => replaceDocument(db, doc, precondition, this.#now(), secret, by),
      { alone: true },
    );
    const done = outcome.then(
      () => undefined,
      () => undefined,
    );
    this.#replacing = done;
    try {
      return await outcome;
    } finally {
      if (this.#replacing === done) this.#replacing = undefined;
    }
  }

  /**
   * Stores the document only when there is none yet (the `--seed` of `serve`).
   *
   * @param doc - a document that passed `parseDocument`
   * @returns whether it was stored
   */
  async seed(doc: MilieuDocument): Promise<boolean> {
    const outcome = await this.replaceDocument(doc, { type: 'create' });
    return outcome.kind === 'saved';
  }

  /**
   * The stored response of an idempotent request, without writing (a fast path for replays).
   *
   * @param request - token, key and body hash
   */
  findIdempotent(request: IdempotentRequest): Promise<CreateFeedbackOutcome | undefined> {
    return findIdempotent(this.#reader, request);
  }

  /**
   * Stores a feedback entry under an idempotency key: a repeated key returns the first
   * response and stores nothing; the same key with another body is `key_reused`.
   *
   * An anonymous entry about a subject gets a rater key from `writerId`; its author is stored
   * only with `keepAnonymousAuthor` (see `raters.ts` and `rows.ts`).
   *
   * @param request - token, key and body hash
   * @param entry - the validated, normalised entry
   * @param options - the writer (never stored as such for anonymous entries), whether to keep
   *   an anonymous author, and the entry as the response shows it
   */
  async createFeedback(
    request: IdempotentRequest,
    entry: FeedbackEntry,
    options: { writerId?: string; keepAnonymousAuthor?: boolean; response?: FeedbackEntry } = {},
  ): Promise<CreateFeedbackOutcome> {
    const { writerId, keepAnonymousAuthor = false, response = entry } = options;
    const key =
      entry.anonymous && entry.subjectId !== undefined && writerId !== undefined
        ? raterKey(await this.#secret(), entry.subjectId, writerId)
        : null;
    const writer = { raterKey: key, keepAnonymousAuthor };
    try {
      return await this.#recordWrite(
        (db) => createFeedback(db, request, entry, this.#now(), writer, response),
        (outcome) => outcome.kind === 'created',
      );
    } catch (error) {
      if (error instanceof NotFound) return { kind: 'no_document' };
      throw error;
    }
  }

  /**
   * Lists feedback in stored order.
   *
   * @param filter - filters and page
   */
  listFeedback(filter: FeedbackFilter): Promise<FeedbackRecord[]> {
    return listFeedback(this.#reader, filter);
  }

  /**
   * Approved anonymous peer feedback about a participant (the pool of their aggregate).
   *
   * @param subjectId - the participant
   */
  anonymousPeerFeedbackAbout(subjectId: string): Promise<PooledEntry[]> {
    return anonymousPeerFeedbackAbout(this.#reader, subjectId);
  }

  /** The rater keys of anonymous entries, by entry id (never sent in a response). */
  raterKeys(): Promise<Record<string, string>> {
    return raterKeys(this.#reader);
  }

  /**
   * Changes the review of an entry.
   *
   * @param id - the entry's id
   * @param change - the new review, and optionally a new visibility
   * @returns the entry after the change, or `undefined` when unknown
   */
  async setReview(id: string, change: ReviewChange): Promise<FeedbackEntry | undefined> {
    try {
      return await this.#recordWrite(
        async (db) => {
          await lockFeedback(db, this.kind, id);
          return setReview(db, id, change, this.#now());
        },
        () => true,
      );
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  /**
   * Records attendance (replacing the record for the same occurrence and participant).
   *
   * @param record - a validated record
   * @param by - the staff id recording it, if known
   * @returns `false` when there is no document
   */
  async recordAttendance(record: AttendanceRecord, by?: string): Promise<boolean> {
    try {
      return await this.#recordWrite(
        (db) => recordAttendance(db, record, { at: this.#now(), by: by ?? null }),
        () => true,
      );
    } catch (error) {
      if (error instanceof NotFound) return false;
      throw error;
    }
  }

  /**
   * Attendance of occurrences whose original date is in `[from, to)`.
   *
   * @param from - first local date
   * @param to - the local date after the last
   */
  listAttendance(from: string, to: string): Promise<AttendanceRecord[]> {
    return listAttendance(this.#reader, from, to);
  }

  /**
   * Creates a bearer token; returns the secret once.
   *
   * @param spec - role and whom it speaks for
   */
  createToken(spec: NewToken): Promise<{ id: string; token: string }> {
    return this.#queue.run((db) => createToken(db, spec, this.#now()));
  }

  /**
   * The principal of a token hash, or `undefined` (unknown or revoked).
   *
   * @param hash - SHA-256 hex of the token
   */
  findPrincipal(hash: string): Promise<Principal | undefined> {
    return findPrincipal(this.#reader, hash);
  }

  /** Every token, without secrets. */
  listTokens(): Promise<TokenInfo[]> {
    return listTokens(this.#reader);
  }

  /**
   * Revokes a token.
   *
   * @param id - the token's id
   * @returns `false` when no active token has this id
   */
  revokeToken(id: string): Promise<boolean> {
    return this.#queue.run((db) => revokeToken(db, id, this.#now()));
  }

  /** Finishes pending writes, then closes every connection. */
  async close(): Promise<void> {
    await this.#queue.close();
    await this.#handle.close();
  }
}

/**
 * Opens the database, runs pending migrations and returns the data layer.
 *
 * @param target - an SQLite file (`:memory:` for tests) or a PostgreSQL URL
 * @param options - clock and migration switch
 * @example
 * ```ts
 * const store = await openStore({ kind: 'sqlite', file: './milieu.db' });
 * ```
 */
export async function openStore(
  target: DatabaseTarget,
  options: StoreOptions = {},
): Promise<Store> {
  const handle = openDatabase(target);
  try {
    const applied =
      options.migrate === false
        ? []
        : await migrateToLatest(handle.writer as Kysely<unknown>, handle.kind);
    return new Store(handle, applied, options.now ?? (() => new Date().toISOString()), options);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
