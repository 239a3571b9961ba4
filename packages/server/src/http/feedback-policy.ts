/**
 * The server's side of the feedback policy: core decides (`decideNewFeedback`,
 * `canReadFeedback`, `presentFeedback`, `peerAggregate`; see core's `docs/feedback-policy.md`);
 * this module only turns core's answers into HTTP errors.
 *
 * @module
 */
import {
  decideNewFeedback,
  type FeedbackEntry,
  type FeedbackWriteDecision,
  type MilieuDocument,
} from '@milieu/core';
import type { Principal } from '../store/tokens.js';
import { ApiError, invalid } from './errors.js';

/** A write core accepted. */
export type AcceptedFeedback = Extract<FeedbackWriteDecision, { ok: true }>;

/**
 * Decides how a new entry is stored (core's `decideNewFeedback`), or throws why not.
 *
 * @param entry - a parsed entry
 * @param principal - the writer
 * @param doc - the program document
 * @param now - the write's time
 * @throws ApiError 403 (a source the role may not use, writing as someone else, naming an author
 *   without a staff id) or 400 (ids that do not resolve)
 */
export function acceptNewFeedback(
  entry: FeedbackEntry,
  principal: Principal,
  doc: MilieuDocument,
  now: string,
): AcceptedFeedback {
  const decision = decideNewFeedback(entry, principal, doc, { now });
  if (decision.ok) return decision;
  if (decision.code === 'forbidden') throw new ApiError(403, 'forbidden', decision.message);
  throw invalid('invalid_entry', decision.issues, decision.message);
}
