/**
 * Rater keys: how the server counts distinct anonymous raters without storing who they are.
 *
 * Under `program.policy.anonymousAuthors: 'nobody'` (the default) an anonymous entry is stored
 * without its writer: the row's `author_id` is `null` and the entry's JSON has no `authorId`.
 * To keep the "at least N distinct raters" rule checkable, the row keeps
 * `rater_key = HMAC-SHA256(key, subjectId + NUL + writerId)` (base64url, 128 bits): equal for
 * the same writer about the same subject, different across subjects (entries about two people
 * cannot be linked to one writer), and never sent in any response. The key is 256 random bits
 * made when the database is migrated, kept in the `server_secrets` table.
 *
 * What this protects against: every API caller (staff and admin included), exports of the
 * document, and anyone reading the feedback table without the key. What it does not: someone
 * who holds both the database (with its key) and the list of participant ids can recompute the
 * keys of a small unit. The reference server documents this; run it so that database access is
 * limited to its operators.
 *
 * @module
 */
import { createHmac, randomBytes } from 'node:crypto';

/** The name of the rater key in `server_secrets`. */
export const RATER_KEY_NAME = 'rater-key';

/** A fresh random key (base64url, 256 bits). */
export function newRaterSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The rater key of a writer about a subject.
 *
 * @param secret - the server's rater secret
 * @param subjectId - the participant the entry is about
 * @param writerId - the writer
 */
export function raterKey(secret: string, subjectId: string, writerId: string): string {
  return createHmac('sha256', secret)
    .update(`${subjectId}\u0000${writerId}`)
    .digest('base64url')
    .slice(0, 22);
}
