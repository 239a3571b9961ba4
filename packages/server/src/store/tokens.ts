/**
 * Bearer tokens. A token is shown once when created; only its SHA-256 hash is stored, so a copy
 * of the database does not hand out access.
 *
 * A database holds many programs (tenants), and a token says where it may act:
 * - with **grants** (the `token_grants` table): only in those programs, with the grant's role,
 *   participant and staff ids there (a per-program admin is an `admin` grant);
 * - without grants, role `admin`: a **global admin**, admin of every program (and the only
 *   token that may list every program or create one it has no grant for);
 * - without grants, any other role: **bound to the database's only program**. Such tokens
 *   exist only while the database has no program yet; creating the first program binds them to
 *   it (a grant each), and a token created when exactly one program exists gets a grant on it.
 *
 * @module
 */
import { hash, randomBytes } from 'node:crypto';
import type { Role } from '@milieu/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';

/** Who a token speaks for. */
export interface Principal {
  /** The token's id (not secret; used to scope idempotency keys and rate limits). */
  tokenId: string;
  role: Role;
  /** For `participant` tokens: the participant. */
  participantId?: string;
  /** Optionally, for `staff` and `admin` tokens: the staff member (recorded as reviewer). */
  staffId?: string;
}

/** What a token may do in one program. */
export interface ProgramGrant {
  programId: string;
  role: Role;
  /** For `participant` grants: the participant in this program. */
  participantId?: string;
  /** Optionally, for `staff` and `admin` grants: the staff member in this program. */
  staffId?: string;
}

/**
 * A token as the auth layer finds it: its own role and ids, and its grants (omitted when it has
 * none: a global admin, or a token bound to the database's only program).
 */
export interface TokenPrincipal extends Principal {
  grants?: ProgramGrant[];
}

/** A token as listed (never the secret). */
export interface TokenInfo extends TokenPrincipal {
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

/** What to create a token for. */
export interface NewToken {
  /** The role, in every program of {@link NewToken.programs}. */
  role: Role;
  participantId?: string | undefined;
  staffId?: string | undefined;
  label?: string | undefined;
  /**
   * The programs the token may use (a grant each, with `role` and the ids above). Omitted:
   * an `admin` is global; any other role gets the database's only program (see the module
   * documentation). A participant token names exactly one program.
   */
  programs?: readonly string[] | undefined;
}

/** The prefix of every token, so leaked ones are easy to find with secret scanners. */
export const TOKEN_PREFIX = 'milieu_';

/**
 * The SHA-256 hash (hex) under which a token is stored.
 *
 * @param token - the secret token
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex'); // one-shot: no Hash object per request
}

/**
 * Creates a token and stores its hash, with a grant on each of `spec.programs`.
 *
 * @param db - the write transaction
 * @param spec - role, whom it speaks for and its programs (already resolved by the store)
 * @param now - creation time
 * @returns the secret token (show it once) and its id
 */
export async function createToken(
  db: Kysely<Schema>,
  spec: NewToken,
  now: string,
): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = 'tok_' + randomBytes(6).toString('hex');
  await db
    .insertInto('tokens')
    .values({
      id,
      hash: hashToken(token),
      role: spec.role,
      participant_id: spec.participantId ?? null,
      staff_id: spec.staffId ?? null,
      label: spec.label ?? null,
      created_at: now,
      revoked_at: null,
    })
    .execute();
  const programs = [...new Set(spec.programs ?? [])];
  if (programs.length > 0) {
    await db
      .insertInto('token_grants')
      .values(
        programs.map((program) => ({
          token_id: id,
          program_id: program,
          role: spec.role,
          participant_id: spec.participantId ?? null,
          staff_id: spec.staffId ?? null,
        })),
      )
      .execute();
  }
  return { id, token };
}

type TokenRow = {
  id: string;
  role: string;
  participant_id: string | null;
  staff_id: string | null;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
};

function toInfo(row: TokenRow): TokenInfo {
  const info: TokenInfo = { tokenId: row.id, role: row.role as Role, createdAt: row.created_at };
  if (row.participant_id !== null) info.participantId = row.participant_id;
  if (row.staff_id !== null) info.staffId = row.staff_id;
  if (row.label !== null) info.label = row.label;
  if (row.revoked_at !== null) info.revokedAt = row.revoked_at;
  return info;
}

const COLUMNS = [
  'id',
  'role',
  'participant_id',
  'staff_id',
  'label',
  'created_at',
  'revoked_at',
] as const;

/**
 * Finds the principal of a token by its hash, with its grants (revoked tokens are not found).
 *
 * @param db - any connection
 * @param hash - {@link hashToken} of the presented token
 */
export async function findPrincipal(
  db: Kysely<Schema>,
  hash: string,
): Promise<TokenPrincipal | undefined> {
  const row = await db
    .selectFrom('tokens')
    .select(COLUMNS)
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { label: _label, createdAt: _created, revokedAt: _revoked, ...principal } = toInfo(row);
  const grants = await grantsOf(db, [row.id]);
  const mine = grants.get(row.id);
  return mine ? { ...principal, grants: mine } : principal;
}

async function grantsOf(
  db: Kysely<Schema>,
  tokenIds: readonly string[] | 'all',
): Promise<Map<string, ProgramGrant[]>> {
  let query = db
    .selectFrom('token_grants')
    .select(['token_id', 'program_id', 'role', 'participant_id', 'staff_id']);
  if (tokenIds !== 'all') query = query.where('token_id', 'in', tokenIds);
  const out = new Map<string, ProgramGrant[]>();
  for (const r of await query.orderBy('program_id').execute()) {
    const grant: ProgramGrant = { programId: r.program_id, role: r.role as Role };
    if (r.participant_id !== null) grant.participantId = r.participant_id;
    if (r.staff_id !== null) grant.staffId = r.staff_id;
    const list = out.get(r.token_id) ?? [];
    list.push(grant);
    out.set(r.token_id, list);
  }
  return out;
}

/**
 * What a token may do in one program, or `undefined` when nothing (the caller answers `404`,
 * as for a program that does not exist).
 *
 * @param token - the token's principal and grants
 * @param programId - the program asked for
 * @param onlyProgram - whether `programId` is the database's only program (tokens without
 *   grants and not admin act there)
 */
export function principalIn(
  token: TokenPrincipal,
  programId: string,
  onlyProgram: boolean,
): Principal | undefined {
  const { grants, ...base } = token;
  if (grants !== undefined && grants.length > 0) {
    const grant = grants.find((g) => g.programId === programId);
    if (!grant) return undefined;
    const principal: Principal = { tokenId: token.tokenId, role: grant.role };
    if (grant.participantId !== undefined) principal.participantId = grant.participantId;
    if (grant.staffId !== undefined) principal.staffId = grant.staffId;
    return principal;
  }
  if (token.role === 'admin' || onlyProgram) return base;
  return undefined;
}

/**
 * Whether a token is a global admin (role `admin`, no grants).
 *
 * @param token - the token's principal and grants
 */
export function isGlobalAdmin(token: TokenPrincipal): boolean {
  return token.role === 'admin' && (token.grants === undefined || token.grants.length === 0);
}

/**
 * Gives every active token without grants, other than admins, a grant on a program (run when
 * the database's first program is created, so those tokens stay bound to it).
 *
 * @param db - the write transaction
 * @param programId - the new program
 */
export async function bindUnboundTokens(db: Kysely<Schema>, programId: string): Promise<void> {
  const unbound = await db
    .selectFrom('tokens')
    .select(['id', 'role', 'participant_id', 'staff_id'])
    .where('role', '<>', 'admin')
    .where('revoked_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('token_grants')
            .select('token_grants.token_id')
            .whereRef('token_grants.token_id', '=', 'tokens.id'),
        ),
      ),
    )
    .execute();
  if (unbound.length === 0) return;
  await db
    .insertInto('token_grants')
    .values(
      unbound.map((t) => ({
        token_id: t.id,
        program_id: programId,
        role: t.role,
        participant_id: t.participant_id,
        staff_id: t.staff_id,
      })),
    )
    .execute();
}

/**
 * Lists every token (never the secret), oldest first.
 *
 * @param db - any connection
 */
export async function listTokens(db: Kysely<Schema>): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('tokens').select(COLUMNS).orderBy('created_at').execute();
  const grants = await grantsOf(db, 'all');
  return rows.map((row) => {
    const info = toInfo(row);
    const mine = grants.get(row.id);
    return mine ? { ...info, grants: mine } : info;
  });
}

/**
 * Revokes a token.
 *
 * @param db - the write transaction
 * @param id - the token's id
 * @param now - revocation time
 * @returns `false` when no active token has this id
 */
export async function revokeToken(db: Kysely<Schema>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
