/**
 * The feedback policy: one set of decisions that the server, the `peer-anonymity` and
 * `safety-language-review` rules and the feedback form all call, so they cannot drift.
 *
 * - **Writing** ({@link decideNewFeedback}): who may write which source about whom, the review
 *   status and visibility an entry starts with, safety routing, and whether the writer's id is
 *   stored at all.
 * - **Reading** ({@link canReadFeedback}, {@link presentFeedback}): what each role may read, and
 *   when an anonymous entry may carry its author.
 * - **Aggregates** ({@link peerAggregate}): anonymous peer feedback reaches its subject only as
 *   an aggregate of at least `peerAnonymityMinRaters` distinct raters.
 * - **Safety text** ({@link safetyText}): what the safety scan reads.
 *
 * The table of who sees what, per role and setting, is in `docs/feedback-policy.md`.
 *
 * @module
 */
import type { PeerFeedbackAggregate } from '../contract/records.js';
import { detectSafetyLanguage, type SafetyMatch, type SafetyOptions } from './safety.js';
import {
  DEFAULT_ANONYMOUS_AUTHOR_VISIBILITY,
  DEFAULT_PEER_ANONYMITY_MIN_RATERS,
  checkReferences,
  type AnonymousAuthorVisibility,
  type CrisisResource,
  type FeedbackEntry,
  type FeedbackSource,
  type Issue,
  type MilieuDocument,
  type Policy,
} from '../model/index.js';

/** The roles a feedback caller can have (the HTTP contract's roles). */
export type FeedbackRole = 'admin' | 'staff' | 'participant' | 'kiosk';

/** Who is calling: a role and the person the token speaks for, if any. */
export interface FeedbackCaller {
  role: FeedbackRole;
  participantId?: string | undefined;
  staffId?: string | undefined;
}

/** The program's feedback settings, with defaults applied. */
export interface FeedbackSettings {
  /** Distinct anonymous raters before the subject sees an aggregate (default 3). */
  minRaters: number;
  /** Who may learn the writer of an anonymous entry (default `nobody`). */
  anonymousAuthors: AnonymousAuthorVisibility;
  /** Staff read peer feedback before its subject does: always `true`. */
  peerReviewFirst: true;
  crisisResource?: CrisisResource;
}

/**
 * The program's feedback settings (`program.policy`), defaults applied.
 *
 * @param doc - a document, or just its program (or `{ program: {} }` for the defaults)
 */
export function feedbackSettings(doc: {
  program: { policy?: Policy | undefined };
}): FeedbackSettings {
  const policy = doc.program.policy;
  const settings: FeedbackSettings = {
    minRaters: policy?.peerAnonymityMinRaters ?? DEFAULT_PEER_ANONYMITY_MIN_RATERS,
    anonymousAuthors: policy?.anonymousAuthors ?? DEFAULT_ANONYMOUS_AUTHOR_VISIBILITY,
    peerReviewFirst: true,
  };
  if (policy?.crisisResource) settings.crisisResource = policy.crisisResource;
  return settings;
}

/** The sources each role may write. Kiosks write nothing. */
export const WRITABLE_SOURCES: Readonly<Record<FeedbackRole, readonly FeedbackSource[]>> = {
  admin: ['therapist', 'staff', 'peer', 'self', 'program'],
  staff: ['therapist', 'staff'],
  participant: ['peer', 'self', 'program'],
  kiosk: [],
};

// ---------------------------------------------------------------------------------------------
// Safety text

/**
 * Every text of an entry a person wrote or chose, one string per field: `strengths`,
 * `suggestions`, `about.label`, and every answer and rating key (with `-`, `_` and `.` read as
 * spaces) and every answer value (numbers as text). The safety scan reads all of them.
 *
 * @param entry - an entry
 */
export function safetyTexts(entry: FeedbackEntry): string[] {
  const texts = [entry.strengths];
  if (entry.suggestions !== undefined) texts.push(entry.suggestions);
  if (entry.about?.label !== undefined) texts.push(entry.about.label);
  for (const [key, value] of Object.entries(entry.answers ?? {})) {
    texts.push(keyText(key));
    if (Array.isArray(value)) texts.push(...value);
    else texts.push(String(value));
  }
  texts.push(...Object.keys(entry.ratings ?? {}).map(keyText));
  return texts;
}

/** An item key as words: `i-want_to.die` reads `i want to die`. */
const keyText = (key: string): string => key.replace(/[-_.]+/g, ' ');

/** Separates the fields in {@link safetyText}: not white space, so no phrase spans two fields. */
const FIELD_BREAK = '\n\u00b6\n';

/**
 * The text the safety scan reads: {@link safetyTexts} joined so that no phrase can run from one
 * field into the next.
 *
 * @param entry - an entry
 */
export function safetyText(entry: FeedbackEntry): string {
  return safetyTexts(entry).join(FIELD_BREAK);
}

/**
 * Safety language anywhere in an entry ({@link safetyText} through `detectSafetyLanguage`).
 *
 * @param entry - an entry
 * @param options - extra or replacement phrases
 */
export function entrySafety(entry: FeedbackEntry, options?: SafetyOptions): SafetyMatch[] {
  const text = safetyText(entry);
  const key = optionsKey(options);
  const memo = safetyMemo.get(entry);
  if (memo && memo.text === text && memo.key === key) return memo.matches.map((m) => ({ ...m }));
  const matches = detectSafetyLanguage(text, options);
  safetyMemo.set(entry, { text, key, matches: matches.map((m) => ({ ...m })) });
  return matches;
}

/**
 * The last scan of each entry object, so checking the same document again (an editor, a
 * watch mode, a server re-checking after one edit) scans only entries whose text changed. Weak:
 * an entry dropped by its document is dropped here too; the text is compared on every call, so
 * an entry edited in place is scanned again.
 */
const safetyMemo = new WeakMap<
  FeedbackEntry,
  { text: string; key: string; matches: readonly SafetyMatch[] }
>();

/** The phrases of `options` as one string: equal options give equal keys. */
function optionsKey(options: SafetyOptions | undefined): string {
  const words = options?.words ?? [];
  if (words.length === 0 && !options?.replace) return '';
  const list = words.map((w) => (typeof w === 'string' ? [w] : [w.phrase, w.category]));
  return JSON.stringify([options?.replace === true, list]);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The outcome of {@link decideNewFeedback}. */
export type FeedbackWriteDecision =
  | {
      ok: true;
      /** The entry as it is stored and returned. */
      entry: FeedbackEntry;
      /**
       * The writer's id, for counting distinct raters, even when `entry` does not carry it
       * (anonymous under `nobody`). Never store or send it with the entry; see
       * `docs/feedback-policy.md` for the keyed rater hash the reference server keeps instead.
       */
      writerId?: string;
      /** Safety language found (the entry is then `pending`, flagged and staff-only). */
      safety: SafetyMatch[];
    }
  | {
      ok: false;
      /** `forbidden`: the caller may not write this; `invalid_entry`: ids that do not resolve. */
      code: 'forbidden' | 'invalid_entry';
      message: string;
      issues: Issue[];
    };

/** Options of {@link decideNewFeedback}. */
export interface DecideOptions {
  /** The write's time (ISO instant): `review.reviewedAt` of an entry staff write as reviewed. */
  now: string;
  /** Extra safety phrases. */
  safety?: SafetyOptions;
}

const VISIBILITY_ORDER = ['staff', 'subject', 'community'] as const;
/** The visibility a participant's entry starts with (they may ask for less, never more). */
const PARTICIPANT_VISIBILITY: Record<string, FeedbackEntry['visibility']> = {
  peer: 'subject',
  self: 'subject',
  program: 'staff',
};

const narrower = (
  a: FeedbackEntry['visibility'],
  b: FeedbackEntry['visibility'],
): FeedbackEntry['visibility'] =>
  VISIBILITY_ORDER.indexOf(a) <= VISIBILITY_ORDER.indexOf(b) ? a : b;

const forbidden = (message: string): FeedbackWriteDecision => ({
  ok: false,
  code: 'forbidden',
  message,
  issues: [],
});

const invalid = (issues: Issue[]): FeedbackWriteDecision => ({
  ok: false,
  code: 'invalid_entry',
  message: 'the entry does not fit the program: see issues',
  issues,
});

/**
 * Decides how a new entry is stored, or why it may not be.
 *
 * - **Sources**: see {@link WRITABLE_SOURCES}.
 * - **Author**: participants and staff write as themselves (`authorId` from the token; naming
 *   anyone else is `forbidden`); a staff token without a staff id may not name an author at
 *   all; admin may name any person of the right kind (staff for `staff`/`therapist`,
 *   participants otherwise).
 * - **Subject**: `peer` names another participant, `self` is about the writer, `program` has
 *   none; staff sources name a participant.
 * - **Review**: a participant's `review` is always ignored: their entries start `pending`
 *   (staff read them first), except `self` feedback only they and staff can see, which starts
 *   `approved`. Their `visibility` may narrow the default (`subject` for peer and self, `staff`
 *   for program) but never widen it. Staff and admin choose status and visibility;
 *   `reviewedBy`/`reviewedAt` come from the token and the clock only (and only when the
 *   status is not `pending`).
 * - **Safety**: safety language anywhere ({@link safetyText}) makes the entry `pending`,
 *   flagged `safety-language`, and staff-only, whoever wrote it.
 * - **Anonymous authors**: under `anonymousAuthors: 'nobody'` (the default) an anonymous entry
 *   is stored without `authorId`; the writer is returned separately as `writerId` for rater
 *   counting. Under `reviewers` it keeps `authorId`, which only review routes show.
 * - **References**: the entry must pass the document's reference checks (subject, author,
 *   reviewer, and `about`: expectation, activity's routine, subject's goal), so a later
 *   GET → PUT of the unchanged document still parses.
 *
 * @param input - a parsed entry
 * @param caller - who writes
 * @param doc - the program document (records may be empty)
 * @param options - the clock and extra safety phrases
 */
export function decideNewFeedback(
  input: FeedbackEntry,
  caller: FeedbackCaller,
  doc: MilieuDocument,
  options: DecideOptions,
): FeedbackWriteDecision {
  const { role } = caller;
  if (!WRITABLE_SOURCES[role].includes(input.source)) {
    return forbidden(`a ${role} token may not write ${input.source} feedback`);
  }
  const entry: FeedbackEntry = { ...input, review: { status: input.review.status } };
  const settings = feedbackSettings(doc);
  const me = role === 'participant' ? caller.participantId : caller.staffId;

  if (role === 'participant' || role === 'staff') {
    if (me === undefined) {
      if (input.authorId !== undefined) {
        return forbidden(`this ${role} token speaks for nobody, so it cannot name an author`);
      }
      if (role === 'participant') return forbidden('this participant token speaks for nobody');
    } else {
      if (input.authorId !== undefined && input.authorId !== me) {
        return forbidden('feedback can only be written as yourself');
      }
      entry.authorId = me;
    }
  }

  if (role === 'participant' && me !== undefined) {
    if (entry.source === 'self') entry.subjectId = input.subjectId ?? me;
    if (entry.source === 'self' && entry.subjectId !== me) {
      return invalid([
        {
          path: '/subjectId',
          code: 'invalid_reference',
          message: 'self feedback is about yourself',
        },
      ]);
    }
    if (entry.source === 'peer' && entry.subjectId === me) {
      return invalid([
        {
          path: '/subjectId',
          code: 'invalid_reference',
          message: 'peer feedback is about someone else',
        },
      ]);
    }
    // A participant's review is ignored; their visibility may only narrow.
    const start = PARTICIPANT_VISIBILITY[entry.source] ?? 'staff';
    entry.visibility = narrower(input.visibility, start);
    entry.review = {
      status: entry.source === 'self' && entry.visibility !== 'community' ? 'approved' : 'pending',
    };
  } else if (entry.review.status !== 'pending') {
    entry.review.reviewedAt = options.now;
    if (caller.staffId !== undefined && doc.people.staff.some((s) => s.id === caller.staffId)) {
      entry.review.reviewedBy = caller.staffId;
    }
  }

  const issues: Issue[] = [];
  if (entry.subjectId === undefined && entry.source !== 'program') {
    issues.push({
      path: '/subjectId',
      code: 'required',
      message: `${entry.source} feedback names the participant it is about`,
    });
  }
  const probe: MilieuDocument = { ...doc, records: { ...doc.records, feedback: [entry] } };
  const prefix = '/records/feedback/0';
  for (const issue of checkReferences(probe)) {
    if (issue.path === prefix || issue.path.startsWith(prefix + '/')) {
      issues.push({ ...issue, path: issue.path.slice(prefix.length) });
    }
  }
  if (issues.length > 0) return invalid(issues);

  const safety = entrySafety(entry, options.safety);
  if (safety.length > 0) {
    entry.review = { status: 'pending', flags: ['safety-language'] };
    entry.visibility = 'staff';
  }

  const writerId = entry.authorId;
  if (entry.anonymous && settings.anonymousAuthors === 'nobody') delete entry.authorId;
  return writerId === undefined
    ? { ok: true, entry, safety }
    : { ok: true, entry, writerId, safety };
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Whether a caller may read an entry individually (aggregates aside). Staff and admin read
 * every entry; kiosks none. A participant reads what they wrote (when the entry still names
 * them), and approved entries that are not staff-only, shown to them (`subject`) or to the
 * community — never an anonymous peer entry, which reaches its subject only in aggregate.
 *
 * @param entry - a stored entry
 * @param caller - who reads
 */
export function canReadFeedback(entry: FeedbackEntry, caller: FeedbackCaller): boolean {
  if (caller.role === 'admin' || caller.role === 'staff') return true;
  const me = caller.role === 'participant' ? caller.participantId : undefined;
  if (me === undefined) return false;
  if (entry.authorId === me) return true;
  if (entry.review.status !== 'approved' || entry.visibility === 'staff') return false;
  if (entry.anonymous && entry.source === 'peer') return false;
  return entry.visibility === 'community' || entry.subjectId === me;
}

/** Where an entry is shown: a review route (the staff list and review change) or anywhere else. */
export type FeedbackRoute = 'review' | 'other';

/**
 * Whether a response may carry the author of an anonymous entry: only a staff or admin caller
 * on a review route, and only under `anonymousAuthors: 'reviewers'`. Never the subject, peers
 * or kiosks, under any setting.
 *
 * @param caller - who reads
 * @param route - where
 * @param settings - the program's settings
 */
export function mayShowAnonymousAuthor(
  caller: FeedbackCaller,
  route: FeedbackRoute,
  settings: Pick<FeedbackSettings, 'anonymousAuthors'>,
): boolean {
  return (
    (caller.role === 'admin' || caller.role === 'staff') &&
    route === 'review' &&
    settings.anonymousAuthors === 'reviewers'
  );
}

/**
 * An entry as a caller may see it: the author removed from an anonymous entry unless
 * {@link mayShowAnonymousAuthor}. Call {@link canReadFeedback} first.
 *
 * @param entry - a stored entry
 * @param caller - who reads
 * @param route - where
 * @param settings - the program's settings
 */
export function presentFeedback(
  entry: FeedbackEntry,
  caller: FeedbackCaller,
  route: FeedbackRoute,
  settings: Pick<FeedbackSettings, 'anonymousAuthors'>,
): FeedbackEntry {
  if (!entry.anonymous || entry.authorId === undefined) return entry;
  if (mayShowAnonymousAuthor(caller, route, settings)) return entry;
  const { authorId: _author, ...rest } = entry;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Aggregates

/** Who rated an entry, for counting: its author, or a key kept for it elsewhere. */
export type RaterOf = (entry: FeedbackEntry) => string | undefined;

/** The default {@link RaterOf}: the entry's `authorId`. */
export const raterByAuthor: RaterOf = (entry) => entry.authorId;

/**
 * Whether anonymous peer entries may reach their subject, in aggregate: at least `minRaters`
 * distinct raters, and none of the entries without a known rater.
 *
 * @param pool - anonymous peer entries about one subject
 * @param minRaters - the program minimum
 * @param raterOf - who rated each entry
 */
export function distinctRaters(
  pool: readonly FeedbackEntry[],
  raterOf: RaterOf = raterByAuthor,
): number {
  const raters = new Set<string>();
  for (const entry of pool) {
    const rater = raterOf(entry);
    if (rater !== undefined) raters.add(rater);
  }
  return raters.size;
}

/**
 * Whether an anonymous peer entry is shown to its subject (or about to be): not staff-only and
 * not withheld or sent back.
 *
 * @param entry - an entry
 */
export function shownToSubject(entry: FeedbackEntry): boolean {
  return (
    entry.visibility !== 'staff' &&
    entry.review.status !== 'withheld' &&
    entry.review.status !== 'needs-changes'
  );
}

/**
 * The aggregate of anonymous peer feedback about a participant, when at least `minRaters`
 * distinct raters wrote it; `undefined` otherwise (never an aggregate with a count below the
 * minimum). Entries without a known rater cannot be counted and are left out, and so are
 * entries the subject rated themself.
 *
 * @param subjectId - the participant
 * @param pool - approved, subject-visible anonymous peer entries about them
 * @param minRaters - the program minimum ({@link feedbackSettings})
 * @param raterOf - who rated each entry (default its `authorId`)
 */
export function peerAggregate(
  subjectId: string,
  pool: readonly FeedbackEntry[],
  minRaters: number,
  raterOf: RaterOf = raterByAuthor,
): PeerFeedbackAggregate | undefined {
  const counted = pool.filter((e) => {
    const rater = raterOf(e);
    return rater !== undefined && rater !== subjectId && e.authorId !== subjectId;
  });
  const raters = distinctRaters(counted, raterOf);
  if (raters < minRaters || counted.length === 0) return undefined;
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
