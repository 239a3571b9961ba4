/**
 * Who may write which feedback, what the server sets on it, and what a participant may read.
 *
 * Writing: participants write `peer`, `self` or `program` feedback as themselves (their id is
 * kept as `authorId` for reviewers even when anonymous, so raters can be counted); staff write
 * `staff` or `therapist` feedback; admin anything. Safety language anywhere in the free text
 * routes the entry to staff review (`pending`, flag, `visibility: staff`), as the form does.
 *
 * Reading (participants): their own entries; approved entries shown to them or the community,
 * anonymous ones without `authorId`; anonymous peer feedback about them only as an aggregate of
 * at least `peerAnonymityMinRaters` distinct raters.
 *
 * @module
 */
import {
  DEFAULT_PEER_ANONYMITY_MIN_RATERS,
  detectSafetyLanguage,
  type FeedbackEntry,
  type FeedbackSource,
  type Issue,
  type PeerFeedbackAggregate,
} from '@milieu/core';
import type { Principal } from '../store/tokens.js';
import type { LoadedBody } from './cache.js';
import { ApiError, invalid } from './errors.js';

const SOURCES: Record<Principal['role'], readonly FeedbackSource[]> = {
  admin: ['therapist', 'staff', 'peer', 'self', 'program'],
  staff: ['therapist', 'staff'],
  participant: ['peer', 'self', 'program'],
  kiosk: [],
};

function freeText(entry: FeedbackEntry): string[] {
  const texts = [entry.strengths, entry.suggestions ?? ''];
  for (const value of Object.values(entry.answers ?? {})) {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) texts.push(...value);
  }
  return texts;
}

/**
 * Checks a parsed entry against the writer's role and the document, and returns the entry as it
 * will be stored.
 *
 * @param entry - a parsed entry
 * @param principal - the writer
 * @param body - the loaded document
 * @throws ApiError 403 (writing as someone else, a source the role may not use) or 400 (ids that
 *   do not resolve)
 */
export function normaliseNewFeedback(
  entry: FeedbackEntry,
  principal: Principal,
  body: LoadedBody,
): FeedbackEntry {
  const out: FeedbackEntry = { ...entry, review: { ...entry.review } };
  if (!SOURCES[principal.role].includes(entry.source)) {
    throw new ApiError(
      403,
      'forbidden',
      `a ${principal.role} token may not write ${entry.source} feedback`,
    );
  }
  const me = principal.role === 'participant' ? principal.participantId : principal.staffId;
  if (principal.role !== 'admin' && me !== undefined) {
    if (entry.authorId !== undefined && entry.authorId !== me) {
      throw new ApiError(403, 'forbidden', 'feedback can only be written as yourself');
    }
    out.authorId = me;
  }
  if (principal.role === 'participant' && me !== undefined) {
    if (entry.source === 'self') out.subjectId = entry.subjectId ?? me;
    if (entry.source === 'self' && out.subjectId !== me) {
      throw invalid('invalid_entry', [
        {
          path: '/subjectId',
          code: 'invalid_reference',
          message: 'self feedback is about yourself',
        },
      ]);
    }
    if (entry.source === 'peer' && entry.subjectId === me) {
      throw invalid('invalid_entry', [
        {
          path: '/subjectId',
          code: 'invalid_reference',
          message: 'peer feedback is about someone else',
        },
      ]);
    }
  }
  const issues: Issue[] = [];
  if (out.subjectId !== undefined && !body.participants.has(out.subjectId)) {
    issues.push({
      path: '/subjectId',
      code: 'unknown_reference',
      message: `no participant "${out.subjectId}"`,
    });
  }
  if (entry.source === 'peer' && out.subjectId === undefined) {
    issues.push({
      path: '/subjectId',
      code: 'required',
      message: 'peer feedback names the participant it is about',
    });
  }
  if (
    out.authorId !== undefined &&
    !body.participants.has(out.authorId) &&
    !body.staff.has(out.authorId)
  ) {
    issues.push({
      path: '/authorId',
      code: 'unknown_reference',
      message: `no person "${out.authorId}"`,
    });
  }
  if (issues.length > 0) throw invalid('invalid_entry', issues);

  if (principal.role === 'participant') {
    // Writers do not review their own entries.
    out.review = { status: entry.review.status === 'approved' ? 'approved' : 'pending' };
  }
  if (freeText(out).some((text) => detectSafetyLanguage(text).length > 0)) {
    out.review = { status: 'pending', flags: ['safety-language'] };
    out.visibility = 'staff';
  }
  return out;
}

/**
 * An entry as a non-reviewer may see it: the author removed from anonymous entries.
 *
 * @param entry - a stored entry
 */
export function withoutAnonymousAuthor(entry: FeedbackEntry): FeedbackEntry {
  if (!entry.anonymous || entry.authorId === undefined) return entry;
  const { authorId: _author, ...rest } = entry;
  return rest;
}

/**
 * Whether a participant may see an entry individually.
 *
 * @param entry - a stored entry
 * @param me - the participant
 */
export function visibleToParticipant(entry: FeedbackEntry, me: string): boolean {
  if (entry.authorId === me) return true;
  if (entry.review.status !== 'approved' || entry.visibility === 'staff') return false;
  if (entry.anonymous && entry.source === 'peer') return false;
  return entry.visibility === 'community' || entry.subjectId === me;
}

/**
 * The aggregate of anonymous peer feedback about a participant, when at least `minRaters`
 * distinct raters wrote it; `undefined` otherwise. Entries without a known author cannot be
 * counted and are left out.
 *
 * @param subjectId - the participant
 * @param pool - approved, subject-visible anonymous peer entries about them
 * @param body - the loaded document (for the policy)
 */
export function peerAggregate(
  subjectId: string,
  pool: readonly FeedbackEntry[],
  body: LoadedBody,
): PeerFeedbackAggregate | undefined {
  const min = body.doc.program.policy?.peerAnonymityMinRaters ?? DEFAULT_PEER_ANONYMITY_MIN_RATERS;
  const counted = pool.filter((e) => e.authorId !== undefined && e.authorId !== subjectId);
  const raters = new Set(counted.map((e) => e.authorId)).size;
  if (raters < min || counted.length === 0) return undefined;
  const sums = new Map<string, { count: number; total: number }>();
  for (const entry of counted) {
    for (const [item, value] of Object.entries(entry.ratings ?? {})) {
      const sum = sums.get(item) ?? { count: 0, total: 0 };
      sum.count += 1;
      sum.total += value;
      sums.set(item, sum);
    }
  }
  const ratings: PeerFeedbackAggregate['ratings'] = {};
  for (const [item, { count, total }] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) {
    ratings[item] = { count, mean: Math.round((total / count) * 100) / 100 };
  }
  const sorted = (texts: (string | undefined)[]) =>
    texts.filter((t): t is string => t !== undefined && t.trim() !== '').sort();
  return {
    subjectId,
    raters,
    entries: counted.length,
    ratings,
    strengths: sorted(counted.map((e) => e.strengths)),
    suggestions: sorted(counted.map((e) => e.suggestions)),
  };
}
