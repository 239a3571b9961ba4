/**
 * The builder of the feedback context resource (`GET /api/v1/feedback/context`), shared by the
 * reference server and any other source (a FHIR adapter), so every form is fed alike.
 *
 * @module
 */
import type {
  FeedbackContextQuery,
  FeedbackContextResponse,
  FeedbackPerson,
} from '../contract/feedback-context.js';
import { displayName } from '../layout/index.js';
import type { Issue, MilieuDocument, Participant } from '../model/index.js';
import { feedbackSettings, type FeedbackCaller } from './policy.js';
import { type FeedbackMode } from './template-utils.js';
import { BUILT_IN_TEMPLATES } from './templates.js';

/** The template modes each role may write as. */
const MODES: Readonly<Record<FeedbackCaller['role'], readonly FeedbackMode[]>> = {
  admin: ['staff', 'peer', 'self', 'program'],
  staff: ['staff'],
  participant: ['peer', 'self', 'program'],
  kiosk: [],
};

/** The result of {@link feedbackContext}. */
export type FeedbackContextResult =
  | { ok: true; value: FeedbackContextResponse }
  | { ok: false; code: 'forbidden' | 'invalid_request'; message: string; issues: Issue[] };

const person = (p: { id: string; preferredName: string; lastName?: string | undefined }) =>
  ({ id: p.id, name: displayName(p) }) satisfies FeedbackPerson;

/** Participants still in their stay (no `dischargeDate`), in document order. */
const current = (doc: MilieuDocument): Participant[] =>
  doc.people.participants.filter((p) => p.dischargeDate === undefined);

/**
 * Builds the feedback context for a caller: only what their form needs, nothing more.
 *
 * - `templates` and `sources`: the built-in templates of the modes the caller may write (only
 *   `query.source` when given; a mode they may not write is `forbidden`);
 * - `people`: whom they may write about, as id plus display name (`Dana R.`) and nothing else
 *   of a person: other current participants for a participant's peer feedback, every current
 *   participant for staff and admin; nobody for `self` and `program`;
 * - `goals` and `copingSkills` (from their coping-practice records): a participant's own, or
 *   the subject's when a staff or admin caller names `query.subject`; otherwise empty;
 * - `expectations`, `program` (name, locale) and `policy` (the values the form shows).
 *
 * @param doc - the program document
 * @param caller - who asks
 * @param query - the parsed query
 * @returns the resource, or why not (`forbidden`, or `invalid_request` for an unknown subject)
 */
export function feedbackContext(
  doc: MilieuDocument,
  caller: FeedbackCaller,
  query: FeedbackContextQuery = {},
): FeedbackContextResult {
  const allowed = MODES[caller.role];
  if (query.source !== undefined && !allowed.includes(query.source)) {
    return {
      ok: false,
      code: 'forbidden',
      message: `a ${caller.role} token may not write ${query.source} feedback`,
      issues: [],
    };
  }
  const sources = query.source === undefined ? [...allowed] : [query.source];
  const reviewer = caller.role === 'admin' || caller.role === 'staff';
  const me = caller.role === 'participant' ? caller.participantId : undefined;
  if (query.subject !== undefined && !reviewer && query.subject !== me) {
    return {
      ok: false,
      code: 'forbidden',
      message: 'only staff may ask for the goals of another participant',
      issues: [],
    };
  }
  const subjectId = reviewer ? query.subject : me;
  const subject =
    subjectId === undefined ? undefined : doc.people.participants.find((p) => p.id === subjectId);
  if (subjectId !== undefined && !subject) {
    return {
      ok: false,
      code: 'invalid_request',
      message: `no participant "${subjectId}"`,
      issues: [
        { path: '/subject', code: 'unknown_reference', message: `no participant "${subjectId}"` },
      ],
    };
  }

  let people: FeedbackPerson[] = [];
  if (reviewer && (sources.includes('staff') || sources.includes('peer'))) {
    people = current(doc).map(person);
  } else if (me !== undefined && sources.includes('peer')) {
    people = current(doc)
      .filter((p) => p.id !== me)
      .map(person);
  }

  const skills = new Set<string>();
  if (subject) {
    for (const practice of doc.records.copingPractice) {
      if (practice.participantId === subject.id) skills.add(practice.skill);
    }
  }

  const settings = feedbackSettings(doc);
  const value: FeedbackContextResponse = {
    program: { name: doc.program.name, locale: doc.program.locale },
    sources,
    templates: sources.map((mode) => BUILT_IN_TEMPLATES[mode]),
    people,
    goals: (subject?.goals ?? []).map(({ id, statement, status }) => ({ id, statement, status })),
    copingSkills: [...skills].sort(),
    expectations: doc.expectations.items.map(({ id, statement }) => ({ id, statement })),
    policy: {
      peerAnonymityMinRaters: settings.minRaters,
      anonymousAuthors: settings.anonymousAuthors,
      peerReviewFirst: settings.peerReviewFirst,
      ...(settings.crisisResource ? { crisisResource: settings.crisisResource } : {}),
    },
  };
  const author =
    me !== undefined
      ? doc.people.participants.find((p) => p.id === me)
      : caller.staffId === undefined
        ? undefined
        : doc.people.staff.find((s) => s.id === caller.staffId);
  if (author) value.author = person(author);
  return { ok: true, value };
}
