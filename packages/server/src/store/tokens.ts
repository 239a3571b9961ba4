/**
 * Bearer tokens. A token is shown once when created; only its SHA-256 hash is stored, so a copy
 * of the database does not hand out access.
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

/** A token as listed (never the secret). */
export interface TokenInfo extends Principal {
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

/** What to create a token for. */
export interface NewToken {
  role: Role;
  participantId?: string | undefined;
  staffId?: string | undefined;
  label?: string | undefined;
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
 * Creates a token and stores its hash.
 *
 * @param db - the write transaction
 * @param spec - role and whom it speaks for
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
 * Finds the principal of a token by its hash (revoked tokens are not found).
 *
 * @param db - any connection
 * @param hash - {@link hashToken} of the presented token
 */
export async function findPrincipal(
  db: Kysely<Schema>,
  hash: string,
): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('tokens')
    .select(COLUMNS)
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { label: _label, createdAt: _created, revokedAt: _revoked, ...principal } = toInfo(row);
  return principal;
}

/**
 * Lists every token (never the secret), oldest first.
 *
 * @param db - any connection
 */
export async function listTokens(db: Kysely<Schema>): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('tokens').select(COLUMNS).orderBy('created_at').execute();
  return rows.map(toInfo);
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
