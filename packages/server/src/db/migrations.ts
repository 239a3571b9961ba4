/**
 * Versioned migrations, run at start and recorded in `milieu_migration` (Kysely's migrator,
 * which also takes a lock so two instances starting together do not both migrate). Each
 * migration is written once for both dialects; only the auto-increment column differs.
 *
 * @module
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { RATER_KEY_NAME, newRaterSecret, raterKey } from '../store/raters.js';
import type { DatabaseKind } from './connect.js';
import { programsMigration } from './migrate-programs.js';
import type { Schema } from './schema.js';

type AnyDb = Kysely<unknown>;

function initial(kind: DatabaseKind): Migration {
  const seq = (table: 'feedback' | 'attendance', db: AnyDb) =>
    kind === 'postgres'
      ? db.schema.createTable(table).addColumn('seq', 'serial', (c) => c.primaryKey())
      : db.schema
          .createTable(table)
          .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('body_version', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await seq('feedback', db)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text')
        .addColumn('author_id', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('anonymous', 'integer', (c) => c.notNull())
        .addColumn('review_status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_subject').on('feedback').column('subject_id').execute();
      await db.schema.createIndex('feedback_author').on('feedback').column('author_id').execute();
      await db.schema
        .createIndex('feedback_status')
        .on('feedback')
        .column('review_status')
        .execute();
      await seq('attendance', db)
        .addColumn('occurrence_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('occurrence_date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addUniqueConstraint('attendance_occurrence_participant', [
          'occurrence_id',
          'participant_id',
        ])
        .execute();
      await db.schema
        .createIndex('attendance_date')
        .on('attendance')
        .column('occurrence_date')
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal', 'key'])
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text')
        .addColumn('staff_id', 'text')
        .addColumn('label', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
    },
  };
}

/**
 * Anonymous authors (issue 14): a `rater_key` column and the `server_secrets` table with a new
 * random rater key. Existing anonymous entries get their rater key; their writer is removed from
 * the entry's JSON, and from `author_id` too unless the program's `anonymousAuthors` is
 * `reviewers`.
 */
const anonymousAuthors: Migration = {
  async up(any: AnyDb) {
    await any.schema.alterTable('feedback').addColumn('rater_key', 'text').execute();
    await any.schema
      .createTable('server_secrets')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    const db = any as unknown as Kysely<Schema>;
    const secret = newRaterSecret();
    await db.insertInto('server_secrets').values({ name: RATER_KEY_NAME, value: secret }).execute();
    const doc = await db.selectFrom('documents').select('body').executeTakeFirst();
    const policy = doc
      ? (JSON.parse(doc.body) as { program?: { policy?: { anonymousAuthors?: string } } }).program
          ?.policy
      : undefined;
    const keep = policy?.anonymousAuthors === 'reviewers';
    const rows = await db
      .selectFrom('feedback')
      .select(['id', 'body', 'subject_id', 'author_id'])
      .where('anonymous', '=', 1)
      .execute();
    for (const row of rows) {
      const { authorId: _author, ...entry } = JSON.parse(row.body) as Record<string, unknown>;
      await db
        .updateTable('feedback')
        .set({
          body: JSON.stringify(entry),
          author_id: keep ? row.author_id : null,
          rater_key:
            row.subject_id !== null && row.author_id !== null
              ? raterKey(secret, row.subject_id, row.author_id)
              : null,
        })
        .where('id', '=', row.id)
        .execute();
    }
  },
};

/**
 * Revision slots (issue 19): the document's revision is the document row's own counter (bumped
 * by a replace) plus the sum of these counters, which record writes (feedback, attendance)
 * bump instead of the document row. A record write picks one of a few slots, so concurrent
 * record writers on PostgreSQL (several connections, several instances) do not all queue on
 * one row lock, and the revision still grows by exactly one per committed write.
 */
const revisionSlots: Migration = {
  async up(any: AnyDb) {
    await any.schema
      .createTable('revision_slots')
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('slot', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('revision_slots_pk', ['document_id', 'slot'])
      .execute();
  },
};

/**
 * Every migration, by name. Names sort in the order they run; never rename or edit a
 * released one: add the next instead.
 *
 * @param kind - the dialect the migrations will run on
 */
export function migrations(kind: DatabaseKind): Record<string, Migration> {
  return {
    '0001_initial': initial(kind),
    '0002_anonymous_authors': anonymousAuthors,
    '0003_revision_slots': revisionSlots,
    '0004_programs': programsMigration(kind),
  };
}

/**
 * Runs every pending migration and returns the names applied now (empty when up to date).
 *
 * @param db - the database, connected with write access
 * @param kind - its dialect
 * @throws Error naming the failing migration; nothing after it ran
 */
export async function migrateToLatest(db: Kysely<unknown>, kind: DatabaseKind): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(kind)) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'milieu_migration',
    migrationLockTableName: 'milieu_migration_lock',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
