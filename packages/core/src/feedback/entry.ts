/**
 * From validated form values to a `FeedbackEntry` that passes the model's `FeedbackEntrySchema`,
 * with peer anonymity and safety-language routing applied.
 *
 * @module
 */
import {
  FeedbackEntrySchema,
  toPointer,
  type FeedbackEntry,
  type FeedbackSource,
  type Issue,
  type MilieuDocument,
  type Rating,
} from '../model/index.js';
import { entrySafety } from './policy.js';
import type { FeedbackTemplate } from './template.js';
import { templateItems } from './template-utils.js';
import {
  contextFromDocument,
  linkOptions,
  validateFeedback,
  type FeedbackContext,
  type FeedbackValues,
  type FieldIssue,
  type FieldSafetyMatch,
} from './validate.js';

/**
 * What happens to the writer's id on anonymous feedback (a program policy):
 * - `omit` (default): the entry carries no `authorId` at all — nobody, staff included, can tell
 *   who wrote it from the entry;
 * - `keep-for-reviewers`: `authorId` is kept so reviewing staff can follow up (for example on
 *   safety language); it must never travel to the subject. Tell writers so (the form does).
 */
export const ANONYMOUS_AUTHOR_POLICIES = ['omit', 'keep-for-reviewers'] as const;
/** See {@link ANONYMOUS_AUTHOR_POLICIES}. */
export type AnonymousAuthorPolicy = (typeof ANONYMOUS_AUTHOR_POLICIES)[number];

/** Options of {@link buildFeedbackEntry}. Core has no clock or random source: pass `id` and `createdAt`. */
export interface BuildFeedbackOptions extends FeedbackContext {
  /** The entry's id (the form uses `crypto.randomUUID()`). */
  id: string;
  /** When it was written: an ISO instant with offset or `Z`. */
  createdAt: string;
  /** The writer (staff or participant id). */
  authorId?: string;
  /** The participant it is about; for `self` it defaults to the author; never set for `program`. */
  subjectId?: string;
  /** The writer asked to stay anonymous (honoured when the template offers the choice). */
  anonymous?: boolean;
  /** Program policy for the author of anonymous feedback. Default `omit`. */
  anonymousAuthor?: AnonymousAuthorPolicy;
  /** Overrides the entry's source (by default from the template's mode; see {@link entrySource}). */
  source?: FeedbackSource;
  /** The document, for goals, expectations and the therapist check. */
  document?: MilieuDocument | null;
}

/** The result of {@link buildFeedbackEntry}. */
export type BuildFeedbackResult =
  | { ok: true; value: FeedbackEntry; safety: FieldSafetyMatch[] }
  | { ok: false; issues: Issue[]; fields: FieldIssue[] };

/**
 * The entry source for a mode: `staff` becomes `therapist` when the author is the subject's
 * primary therapist in the document; other modes keep their name.
 */
export function entrySource(
  template: FeedbackTemplate,
  doc: MilieuDocument | null | undefined,
  authorId?: string,
  subjectId?: string,
): FeedbackSource {
  if (template.mode !== 'staff') return template.mode;
  const subject = doc?.people.participants.find((p) => p.id === subjectId);
  return authorId !== undefined && subject?.primaryTherapistId === authorId ? 'therapist' : 'staff';
}

/**
 * Builds a feedback entry from form values, validating them first.
 *
 * - The strengths item fills `strengths`, the suggestions item `suggestions`, scales `ratings`,
 *   everything else `answers` (by item id); a single goal or expectation chosen in an item with
 *   `about: true` becomes `about`.
 * - Anonymity is offered by the template (`anonymity: 'choice'`); an anonymous entry has
 *   `anonymous: true` and an `authorId` only under the `keep-for-reviewers` policy.
 * - Safety language anywhere in the entry (the policy's `entrySafety`, the same scan as the
 *   server's) sets `review: { status: 'pending', flags: ['safety-language'] }` and narrows
 *   `visibility` to `staff` until reviewed; otherwise
 *   the review starts at the template's `review` (default `approved`).
 * - The result is checked with the model's `FeedbackEntrySchema`.
 *
 * @returns the entry and any safety matches, or field issues and JSON-pointer issues
 */
export function buildFeedbackEntry(
  template: FeedbackTemplate,
  values: FeedbackValues,
  options: BuildFeedbackOptions,
): BuildFeedbackResult {
  const subjectId =
    template.mode === 'self' ? (options.subjectId ?? options.authorId) : options.subjectId;
  const context: FeedbackContext = {
    ...contextFromDocument(options.document, subjectId),
    ...options,
  };
  const v = validateFeedback(template, values, context);
  if (!v.valid) {
    return {
      ok: false,
      fields: v.issues,
      issues: v.issues.map((i) => ({ path: `/${i.fieldId}`, code: i.code, message: i.message })),
    };
  }
  const source =
    options.source ?? entrySource(template, options.document, options.authorId, options.subjectId);
  const anonymous = template.anonymity === 'choice' && options.anonymous === true;
  const entry: FeedbackEntry = {
    id: options.id,
    createdAt: options.createdAt,
    source,
    strengths: '',
    visibility: template.visibility,
    anonymous,
    review: { status: template.review ?? 'approved' },
    templateId: template.id,
  };
  if (options.authorId && (!anonymous || options.anonymousAuthor === 'keep-for-reviewers')) {
    entry.authorId = options.authorId;
  }
  if (template.mode !== 'program' && subjectId) entry.subjectId = subjectId;

  const ratings: Record<string, Rating> = {};
  const answers: NonNullable<FeedbackEntry['answers']> = {};
  for (const item of templateItems(template)) {
    const value = v.values[item.id];
    if (value === undefined) continue;
    if (item.type === 'text' && item.role) entry[item.role] = String(value);
    else if (item.type === 'scale') ratings[item.id] = value as Rating;
    else answers[item.id] = value;
    if (
      (item.type === 'goal-link' || item.type === 'expectation-link') &&
      item.about &&
      typeof value === 'string'
    ) {
      const label = linkOptions(item, context).find((o) => o.id === value)?.label;
      entry.about = {
        type: item.type === 'goal-link' ? 'goal' : 'expectation',
        id: value,
        ...(label ? { label } : {}),
      };
    }
  }
  if (Object.keys(ratings).length) entry.ratings = ratings;
  if (Object.keys(answers).length) entry.answers = answers;
  // The same scan as the server's: every text of the entry (the policy's safetyText), so a goal
  // statement in `about.label` or a chosen option counts as much as typed text.
  if (v.safety.length > 0 || entrySafety(entry, context.safety).length > 0) {
    entry.visibility = 'staff';
    entry.review = { status: 'pending', flags: ['safety-language'] };
  }

  const checked = FeedbackEntrySchema.safeParse(entry, { reportInput: true });
  if (!checked.success) {
    // A light mapping (the full one, `fromZodIssues`, is heavy for a widget bundle): these
    // issues mean a wrong option (an id, a time), not something the writer can fix.
    const issues = checked.error.issues.map((i) => ({
      path: toPointer(i.path),
      code: String((i as { params?: { code?: string } }).params?.code ?? i.code),
      message: i.message,
    }));
    return { ok: false, issues, fields: [] };
  }
  return { ok: true, value: checked.data, safety: v.safety };
}
