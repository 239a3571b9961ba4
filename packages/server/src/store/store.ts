/**
 * The data layer: one class over Kysely that runs the same queries on SQLite and PostgreSQL.
 * Reads go to the reader connection; every write is a job in the {@link WriteQueue}, so it runs
 * in a transaction (batched with concurrent writes) and is acknowledged only once committed.
 *
 * The write path: SQLite has one writer, so one queue (group commit: one fsync for many
 * writes). PostgreSQL gets a {@link WritePool} of several queues, each on its own connection.
 * A record write (feedback, review, attendance) locks its program's document row `FOR SHARE`,
 * writes its rows and adds one to its queue's revision slot, so record writes on every
 * connection and instance run side by side; a replace locks the row exclusively first (see
 * `documents.ts`). In this process a replace also holds back new record writes of its program
 * until it is done, so a steady stream of them cannot keep it waiting for ever.
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
  REVISION_SLOTS,
  bumpSlot,
  compileHead,
  headOf,
  lockDocument,
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
  bindUnboundTokens,
  createToken,
  findPrincipal,
  listTokens,
  revokeToken,
  type NewToken,
  type TokenInfo,
  type TokenPrincipal,
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
   * How long the list of program ids is reused, in ms. A program created by another process
   * (another instance on PostgreSQL) shows up within this bound; one created through this
   * process at once. Default 5000.
   */
  programCacheMs?: number;
  /**
   * PostgreSQL: how many write queues (connections) commit at once; default 4. Keep it below
   * the pool size, which reads share. SQLite always has one.
   */
  writeQueues?: number;
  /** Most writes per transaction of a queue; default 256 (`1`: a transaction per write). */
  maxBatch?: number;
}

/**
 * Thrown by a database-wide store ({@link Store.programId} `undefined`) asked for "the"
 * program when the database holds several: use {@link Store.forProgram}.
 */
export class ProgramRequiredError extends Error {
  constructor() {
    super('the database holds several programs: name one (store.forProgram(id))');
    this.name = 'ProgramRequiredError';
  }
}

/** What every store over one database shares (the connections, the queue, caches). */
interface Shared {
  readonly handle: DatabaseHandle;
  readonly queue: WriteQueue<Schema> | WritePool<Schema>;
  readonly now: () => string;
  readonly programCacheMs: number;
  readonly scopes: Map<string, Store>;
  raterSecret: string | undefined;
  programs: { ids: string[]; at: number } | undefined;
}

/** The write queue(s) of a database: one on SQLite, a pool of several on PostgreSQL. */
function writeQueue(
  handle: DatabaseHandle,
  options: Pick<StoreOptions, 'writeQueues' | 'maxBatch'>,
): WriteQueue<Schema> | WritePool<Schema> {
  const batching = {
    ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
    beforeCommit: countRecordWrites,
  };
  return handle.kind === 'postgres'
    ? new WritePool(handle.writer, handle.kind, {
        ...batching,
        queues: options.writeQueues ?? 4,
        slots: REVISION_SLOTS,
      })
    : new WriteQueue(handle.writer, handle.kind, batching);
}

/** Most program-scoped stores kept (each holds a small head cache). */
const MAX_SCOPES = 10_000;

/** A program of the database: its id and name. */
export interface ProgramInfo {
  id: string;
  name: string;
}

/**
 * The data layer (see the module documentation).
 *
 * A database holds many programs (tenants). The store {@link openStore} returns is
 * **database-wide**: its per-program methods (`head`, `document`, `createFeedback`, …) act on
 * the database's only program (nothing while there is none; {@link ProgramRequiredError} when
 * there are several), except `replaceDocument`, which acts on the program its document names.
 * {@link Store.forProgram} gives a store **scoped** to one program that shares the connections
 * and the write queue; the HTTP layer uses one per request's program.
 */
export class Store {
  /** The dialect. */
  readonly kind: DatabaseKind;
  /** Migrations applied when this store was opened. */
  readonly migrationsApplied: readonly string[];
  /** The program this store is scoped to; `undefined` for the database-wide store. */
  readonly programId: string | undefined;
  readonly #shared: Shared;
  /** Settles when the replace in progress (in this process) is done; new record writes wait. */
  #replacing: Promise<unknown> | undefined;
  #head: { version: number; head: DocumentHead | undefined } | undefined;
  #headSql: { sql: string; parameters: readonly unknown[] } | undefined;
  /** PostgreSQL: the head query running now, and the one that runs after it (see head()). */
  #headInFlight: Promise<DocumentHead | undefined> | undefined;
  #headQueued: Promise<DocumentHead | undefined> | undefined;

  /**
   * Use {@link openStore} (and {@link Store.forProgram} for one program).
   *
   * @param handle - an open, migrated database
   * @param migrationsApplied - names of the migrations run at open
   * @param now - the clock
   * @param options - the program-list cache bound ({@link StoreOptions.programCacheMs}), write
   *   queues and batching ({@link StoreOptions.writeQueues}, {@link StoreOptions.maxBatch}); and,
   *   used by {@link Store.forProgram} only, the store to share state with and the program
   */
  constructor(
    handle: DatabaseHandle,
    migrationsApplied: readonly string[],
    now: () => string,
    options: Pick<StoreOptions, 'programCacheMs' | 'writeQueues' | 'maxBatch'> & {
      parent?: Store;
      programId?: string;
    } = {},
  ) {
    this.kind = handle.kind;
    this.migrationsApplied = migrationsApplied;
    this.programId = options.parent ? options.programId : undefined;
    this.#shared = options.parent
      ? options.parent.#shared
      : {
          handle,
          queue: writeQueue(handle, options),
          now,
          programCacheMs: options.programCacheMs ?? 5_000,
          scopes: new Map(),
          raterSecret: undefined,
          programs: undefined,
        };
  }

  /**
   * The store of one program: the same database, connections and write queue, with every read
   * and write confined to that program's rows. Cheap: kept per program id.
   *
   * @param programId - the program's id (`document.program.id`); it need not exist yet
   */
  forProgram(programId: string): Store {
    if (this.programId === programId) return this;
    const shared = this.#shared;
    let scoped = shared.scopes.get(programId);
    if (!scoped) {
      if (shared.scopes.size >= MAX_SCOPES) shared.scopes.clear();
      scoped = new Store(shared.handle, this.migrationsApplied, shared.now, {
        parent: this,
        programId,
      });
      shared.scopes.set(programId, scoped);
    }
    return scoped;
  }

  /**
   * Runs a record write of this store's program: locks the document row `FOR SHARE` (no
   * document: `NotFound`, rolled back), runs the job, and counts it in the queue's revision slot
   * when `wrote` says it wrote. Waits first while a replace of this program, in this process,
   * is in progress.
   */
  async #recordWrite<T>(
    programId: string,
    job: WriteJob<Schema, T>,
    wrote: (result: T) => boolean,
  ): Promise<T> {
    const scoped = this.forProgram(programId);
    while (scoped.#replacing !== undefined) await scoped.#replacing;
    return this.#queue.run(async (db, tx) => {
      // Once per transaction and program: the lock lasts until it commits (the memo is cleared
      // whenever a write rolls back, taking its locks with it).
      const locked = `lock:${programId}`;
      if (!tx.memo.has(locked)) {
        if (!(await lockDocument(db, this.kind, 'share', programId))) throw new NotFound();
        tx.memo.set(locked, true);
      }
      const result = await job(db, tx);
      if (wrote(result)) tx.bumps.set(programId, (tx.bumps.get(programId) ?? 0) + 1);
      return result;
    });
  }

  get #reader(): Kysely<Schema> {
    return this.#shared.handle.reader;
  }

  get #queue(): WriteQueue<Schema> | WritePool<Schema> {
    return this.#shared.queue;
  }

  #now(): string {
    return this.#shared.now();
  }

  /** The rater key (see `raters.ts`), read once. */
  async #secret(): Promise<string> {
    const shared = this.#shared;
    if (shared.raterSecret === undefined) {
      const row = await this.#reader
        .selectFrom('server_secrets')
        .select('value')
        .where('name', '=', RATER_KEY_NAME)
        .executeTakeFirst();
      if (!row) throw new Error('the database has no rater key: run the migrations');
      shared.raterSecret = row.value;
    }
    return shared.raterSecret;
  }

  /**
   * The ids of every program in the database, sorted (cached: see
   * {@link StoreOptions.programCacheMs}; an empty answer is never cached).
   */
  async programIds(): Promise<readonly string[]> {
    const shared = this.#shared;
    const cached = shared.programs;
    const now = Date.now();
    if (cached && now - cached.at < shared.programCacheMs) return cached.ids;
    const rows = await this.#reader.selectFrom('documents').select('id').orderBy('id').execute();
    const ids = rows.map((r) => r.id);
    shared.programs = ids.length > 0 ? { ids, at: now } : undefined;
    return ids;
  }

  /** Every program with its name (reads every document body: for tools, not hot paths). */
  async programs(): Promise<ProgramInfo[]> {
    const rows = await this.#reader
      .selectFrom('documents')
      .select(['id', 'body'])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: (JSON.parse(r.body) as MilieuDocument).program.name,
    }));
  }

  /**
   * The program this store acts on: its own, or the database's only one (`undefined` when
   * there is none).
   *
   * @throws ProgramRequiredError when the database-wide store meets several programs
   */
  async #program(): Promise<string | undefined> {
    if (this.programId !== undefined) return this.programId;
    const ids = await this.programIds();
    if (ids.length > 1) throw new ProgramRequiredError();
    return ids[0];
  }

  /** The current time as the store records it. */
  now(): string {
    return this.#now();
  }

  /** Answers when the database does (a trivial read). */
  async ping(): Promise<void> {
    await this.#reader.selectFrom('documents').select('id').limit(1).execute();
  }

  /** SQLite's `integrity_check` (`['ok']` when sound). */
  integrityCheck(): Promise<string[]> {
    return integrityCheck(this.#shared.handle);
  }

  /**
   * The document's versions, or `undefined` when there is no document yet. On an SQLite file
   * the answer is reused until some connection commits (checked with `PRAGMA data_version`,
   * which costs far less than the query). On PostgreSQL concurrent calls share queries: a call
   * made while a head query is in flight waits for the next one, which starts only after the
   * current one ends — so every answer comes from a query that started after the call, and sees
   * every write committed before it (a client always sees its own acknowledged writes), while
   * at most one head query per program runs at a time however many requests arrive.
   */
  async head(): Promise<DocumentHead | undefined> {
    if (this.programId === undefined) {
      const id = await this.#program();
      return id === undefined ? undefined : this.forProgram(id).head();
    }
    if (this.#shared.handle.prepared) {
      if (this.#headInFlight === undefined) return this.#queryHead(this.programId);
      const programId = this.programId;
      this.#headQueued ??= this.#headInFlight.then(
        () => this.#nextHead(programId),
        () => this.#nextHead(programId),
      );
      return this.#headQueued;
    }
    const version = this.#shared.handle.dataVersion?.();
    if (version !== undefined && this.#head?.version === version) return this.#head.head;
    const head = await readHead(this.#reader, this.programId);
    if (version !== undefined) this.#head = { version, head };
    return head;
  }

  #nextHead(programId: string): Promise<DocumentHead | undefined> {
    this.#headQueued = undefined;
    return this.#queryHead(programId);
  }

  /** PostgreSQL: the same query as readHead, prepared once per connection. */
  #queryHead(programId: string): Promise<DocumentHead | undefined> {
    const prepared = this.#shared.handle.prepared;
    if (!prepared) return readHead(this.#reader, programId);
    this.#headSql ??= compileHead(this.#reader, programId);
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
  async body(): Promise<{ head: DocumentHead; body: MilieuDocument } | undefined> {
    const id = await this.#program();
    return id === undefined ? undefined : readBody(this.#reader, id);
  }

  /** The whole document with its records, read in one snapshot. */
  async document(): Promise<{ head: DocumentHead; document: MilieuDocument } | undefined> {
    const id = await this.#program();
    if (id === undefined) return undefined;
    let tx = this.#reader.transaction();
    if (this.kind === 'postgres') tx = tx.setIsolationLevel('repeatable read');
    return tx.execute((db) => readDocument(db, id));
  }

  /**
   * Replaces the whole document (records included) if the precondition holds. A program-scoped
   * store writes its program (the document's `program.id` must be that id); the database-wide
   * store writes the program the document names, so `{ type: 'create' }` adds a program.
   * Creating the database's first program binds the tokens created before it (see
   * `tokens.ts`).
   *
   * @param doc - a document that passed `parseDocument`
   * @param precondition - `If-Match` revisions or create-only
   * @param by - the staff id of the caller: who recorded new or changed attendance (records the
   *   PUT leaves unchanged keep their `recorded_at` and `recorded_by`)
   * @throws Error when a scoped store is given another program's document
   */
  async replaceDocument(
    doc: MilieuDocument,
    precondition: ReplacePrecondition,
    by?: string,
  ): Promise<ReplaceOutcome> {
    const id = this.programId ?? doc.program.id;
    if (doc.program.id !== id)
      throw new Error(`the document is for program "${doc.program.id}", not "${id}"`);
    const secret = await this.#secret();
    const scoped = this.forProgram(id);
    while (scoped.#replacing !== undefined) await scoped.#replacing.catch(() => undefined);
    const running = this.#queue.run(
      async (db) => {
        const result = await replaceDocument(db, id, doc, precondition, this.#now(), secret, by);
        if (result.kind === 'saved' && result.head.bodyVersion === 1) {
          const count = await db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          if (Number(count.n) === 1) await bindUnboundTokens(db, id);
        }
        return result;
      },
      { alone: true },
    );
    const done = running.then(
      () => undefined,
      () => undefined,
    );
    scoped.#replacing = done;
    let outcome: ReplaceOutcome;
    try {
      outcome = await running;
    } finally {
      if (scoped.#replacing === done) scoped.#replacing = undefined;
    }
    if (outcome.kind === 'saved' && outcome.head.bodyVersion === 1)
      this.#shared.programs = undefined;
    return outcome;
  }

  /**
   * Stores the document only when there is none yet (the `--seed` of `serve`): for the
   * database-wide store, when the database holds no program; for a scoped one, when its
   * program has no document.
   *
   * @param doc - a document that passed `parseDocument`
   * @returns whether it was stored
   */
  async seed(doc: MilieuDocument): Promise<boolean> {
    if (this.programId === undefined && (await this.programIds()).length > 0) return false;
    const outcome = await this.replaceDocument(doc, { type: 'create' });
    return outcome.kind === 'saved';
  }

  /**
   * The stored response of an idempotent request, without writing (a fast path for replays).
   *
   * @param request - token, key and body hash
   */
  async findIdempotent(request: IdempotentRequest): Promise<CreateFeedbackOutcome | undefined> {
    const id = await this.#program();
    return id === undefined ? undefined : findIdempotent(this.#reader, id, request);
  }

  /**
   * Stores a feedback entry under an idempotency key: a repeated key returns the first
   * response and stores nothing; the same key with another body is `key_reused`. Keys are
   * scoped per (program, token).
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
    const id = await this.#program();
    if (id === undefined) return { kind: 'no_document' };
    const { writerId, keepAnonymousAuthor = false, response = entry } = options;
    const key =
      entry.anonymous && entry.subjectId !== undefined && writerId !== undefined
        ? raterKey(await this.#secret(), entry.subjectId, writerId)
        : null;
    const writer = { raterKey: key, keepAnonymousAuthor };
    try {
      return await this.#recordWrite(
        id,
        (db) => createFeedback(db, id, request, entry, this.#now(), writer, response),
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
  async listFeedback(filter: FeedbackFilter): Promise<FeedbackRecord[]> {
    const id = await this.#program();
    return id === undefined ? [] : listFeedback(this.#reader, id, filter);
  }

  /**
   * Approved anonymous peer feedback about a participant (the pool of their aggregate).
   *
   * @param subjectId - the participant
   */
  async anonymousPeerFeedbackAbout(subjectId: string): Promise<PooledEntry[]> {
    const id = await this.#program();
    return id === undefined ? [] : anonymousPeerFeedbackAbout(this.#reader, id, subjectId);
  }

  /** The rater keys of anonymous entries, by entry id (never sent in a response). */
  async raterKeys(): Promise<Record<string, string>> {
    const id = await this.#program();
    return id === undefined ? {} : raterKeys(this.#reader, id);
  }

  /**
   * Changes the review of an entry.
   *
   * @param entryId - the entry's id
   * @param change - the new review, and optionally a new visibility
   * @returns the entry after the change, or `undefined` when unknown
   */
  async setReview(entryId: string, change: ReviewChange): Promise<FeedbackEntry | undefined> {
    const id = await this.#program();
    if (id === undefined) return undefined;
    try {
      return await this.#recordWrite(
        id,
        async (db) => {
          await lockFeedback(db, this.kind, id, entryId);
          return setReview(db, id, entryId, change, this.#now());
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
    const id = await this.#program();
    if (id === undefined) return false;
    try {
      return await this.#recordWrite(
        id,
        (db) => recordAttendance(db, id, record, { at: this.#now(), by: by ?? null }),
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
  async listAttendance(from: string, to: string): Promise<AttendanceRecord[]> {
    const id = await this.#program();
    return id === undefined ? [] : listAttendance(this.#reader, id, from, to);
  }

  /**
   * Creates a bearer token; returns the secret once. Without `spec.programs`: a scoped store
   * grants its program; the database-wide store makes an `admin` global and binds any other
   * role to the database's only program (unbound while there is none, bound when the first
   * program is created).
   *
   * @param spec - role, whom it speaks for, and its programs
   * @throws Error for a participant token with other than one program, or a non-admin token
   *   without programs in a database with several
   */
  async createToken(spec: NewToken): Promise<{ id: string; token: string }> {
    let programs = spec.programs;
    if (programs === undefined) {
      if (this.programId !== undefined) programs = [this.programId];
      else if (spec.role !== 'admin') {
        const ids = await this.programIds();
        if (ids.length > 1)
          throw new Error(
            `the database holds several programs: name the programs of this ${spec.role} token`,
          );
        programs = ids;
      }
    }
    const distinct = [...new Set(programs ?? [])];
    if (spec.role === 'participant' && spec.programs !== undefined && distinct.length !== 1)
      throw new Error('a participant token belongs to exactly one program');
    return this.#queue.run((db) => createToken(db, { ...spec, programs: distinct }, this.#now()));
  }

  /**
   * The principal of a token hash with its grants, or `undefined` (unknown or revoked).
   *
   * @param hash - SHA-256 hex of the token
   */
  findPrincipal(hash: string): Promise<TokenPrincipal | undefined> {
    return findPrincipal(this.#reader, hash);
  }

  /** Every token with its grants, without secrets. */
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

  /** Finishes pending writes, then closes every connection (of every scoped store too). */
  async close(): Promise<void> {
    await this.#queue.close();
    await this.#shared.handle.close();
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
