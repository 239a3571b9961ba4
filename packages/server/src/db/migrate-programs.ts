/**
 * Migration `0004_programs` (issue 19, programs as tenants): a database holds many programs.
 *
 * - `documents.id` becomes the program's id (`document.program.id`): the `'main'` row of a
 *   single-program database is renamed, and so are its `revision_slots`, so the revision (and
 *   every `ETag` a client holds) is unchanged.
 * - `feedback`, `attendance` and `idempotency_keys` get a `program_id` column, filled with that
 *   program; uniqueness becomes per program (entry ids; (occurrence, participant); idempotency
 *   keys per (program, token)) and every index leads with `program_id`.
 * - `token_grants(token_id, program_id, role, participant_id, staff_id)` says what a token may do
 *   in each program. Existing admin tokens stay global (no grants); every other token gets a
 *   grant on the migrated program with its role and ids, so it keeps working.
 *
 * SQLite cannot change constraints in place, so its tables are rebuilt (create, copy, drop,
 * rename) inside the migration's transaction; PostgreSQL alters them.
 *
 * @module
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { DatabaseKind } from './connect.js';

type AnyDb = Kysely<unknown>;

/** The id of the document row before this migration. */
export const LEGACY_DOCUMENT_ID = 'main';

/** The program id of the `'main'` row, or `undefined` when there is none. */
async function migratedProgram(db: AnyDb): Promise<string | undefined> {
  const { rows } = await sql<{
    body: string;
  }>`select body from documents where id = ${LEGACY_DOCUMENT_ID}`.execute(db);
  const body = rows[0]?.body;
  if (body === undefined) return undefined;
  try {
    const id = (JSON.parse(body) as { program?: { id?: unknown } }).program?.id;
    return typeof id === 'string' && id !== '' ? id : LEGACY_DOCUMENT_ID;
  } catch {
    return LEGACY_DOCUMENT_ID;
  }
}

async function rebuildSqlite(db: AnyDb, program: string): Promise<void> {
  const seq = (table: string) =>
    db.schema.createTable(table).addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  await seq('feedback_next')
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rater_key', 'text')
    .addUniqueConstraint('feedback_program_entry', ['program_id', 'id'])
    .execute();
  await sql`insert into feedback_next (seq, program_id, id, body, subject_id, author_id, source,
      visibility, anonymous, review_status, created_at, rater_key)
    select seq, ${program}, id, body, subject_id, author_id, source, visibility, anonymous,
      review_status, created_at, rater_key from feedback order by seq`.execute(db);
  await db.schema.dropTable('feedback').execute();
  await db.schema.alterTable('feedback_next').renameTo('feedback').execute();

  await seq('attendance_next')
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('attendance_program_occurrence_participant', [
      'program_id',
      'occurrence_id',
      'participant_id',
    ])
    .execute();
  await sql`insert into attendance_next (seq, program_id, occurrence_id, participant_id,
      occurrence_date, status, note, recorded_at, recorded_by)
    select seq, ${program}, occurrence_id, participant_id, occurrence_date, status, note,
      recorded_at, recorded_by from attendance order by seq`.execute(db);
  await db.schema.dropTable('attendance').execute();
  await db.schema.alterTable('attendance_next').renameTo('attendance').execute();

  await db.schema
    .createTable('idempotency_keys_next')
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_program_pk', ['program_id', 'principal', 'key'])
    .execute();
  await sql`insert into idempotency_keys_next (program_id, principal, key, request_hash, status,
      response, created_at)
    select ${program}, principal, key, request_hash, status, response, created_at
    from idempotency_keys`.execute(db);
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.alterTable('idempotency_keys_next').renameTo('idempotency_keys').execute();
}

async function alterPostgres(db: AnyDb, program: string): Promise<void> {
  for (const table of ['feedback', 'attendance', 'idempotency_keys']) {
    await db.schema.alterTable(table).addColumn('program_id', 'text').execute();
    await sql`update ${sql.table(table)} set program_id = ${program}`.execute(db);
    await db.schema
      .alterTable(table)
      .alterColumn('program_id', (c) => c.setNotNull())
      .execute();
  }
  // `feedback.id ... unique` of 0001 is PostgreSQL's default-named `feedback_id_key`.
  await db.schema.alterTable('feedback').dropConstraint('feedback_id_key').execute();
  await db.schema
    .alterTable('feedback')
    .addUniqueConstraint('feedback_program_entry', ['program_id', 'id'])
    .execute();
  await db.schema
    .alterTable('attendance')
    .dropConstraint('attendance_occurrence_participant')
    .execute();
  await db.schema
    .alterTable('attendance')
    .addUniqueConstraint('attendance_program_occurrence_participant', [
      'program_id',
      'occurrence_id',
      'participant_id',
    ])
    .execute();
  await db.schema.alterTable('idempotency_keys').dropConstraint('idempotency_keys_pk').execute();
  await db.schema
    .alterTable('idempotency_keys')
    .addPrimaryKeyConstraint('idempotency_keys_program_pk', ['program_id', 'principal', 'key'])
    .execute();
  for (const index of ['feedback_subject', 'feedback_author', 'feedback_status', 'attendance_date'])
    await db.schema.dropIndex(index).execute();
}

/**
 * The migration (see the module documentation).
 *
 * @param kind - the dialect it runs on
 */
export function programsMigration(kind: DatabaseKind): Migration {
  return {
    async up(db: AnyDb) {
      const migrated = await migratedProgram(db);
      const program = migrated ?? LEGACY_DOCUMENT_ID;
      if (migrated !== undefined && migrated !== LEGACY_DOCUMENT_ID) {
        await sql`update documents set id = ${migrated} where id = ${LEGACY_DOCUMENT_ID}`.execute(
          db,
        );
        await sql`update revision_slots set document_id = ${migrated}
          where document_id = ${LEGACY_DOCUMENT_ID}`.execute(db);
      }
      if (kind === 'sqlite') await rebuildSqlite(db, program);
      else await alterPostgres(db, program);
      // Indexes lead with the program: every query of a record filters by it first.
      const indexes: [string, string, string[]][] = [
        ['feedback_subject', 'feedback', ['program_id', 'subject_id']],
        ['feedback_author', 'feedback', ['program_id', 'author_id']],
        ['feedback_status', 'feedback', ['program_id', 'review_status']],
        ['attendance_date', 'attendance', ['program_id', 'occurrence_date']],
      ];
      for (const [name, table, columns] of indexes)
        await db.schema.createIndex(name).on(table).columns(columns).execute();

      await db.schema
        .createTable('token_grants')
        .addColumn('token_id', 'text', (c) => c.notNull())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text')
        .addColumn('staff_id', 'text')
        .addPrimaryKeyConstraint('token_grants_pk', ['token_id', 'program_id'])
        .execute();
      await db.schema
        .createIndex('token_grants_program')
        .on('token_grants')
        .column('program_id')
        .execute();
      // Admins stay global; everyone else keeps their role in the one program there was. In a
      // database without a program they stay unbound until the first program is created.
      if (migrated !== undefined) {
        await sql`insert into token_grants (token_id, program_id, role, participant_id, staff_id)
          select id, ${migrated}, role, participant_id, staff_id from tokens
          where role <> 'admin'`.execute(db);
      }
    },
  };
}
