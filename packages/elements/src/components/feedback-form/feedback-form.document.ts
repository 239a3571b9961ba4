/**
 * The document path of `<milieu-feedback-form>`: a whole milieu document (a staff tool's) becomes
 * the same `FeedbackContextResponse` the context resource serves. Loaded with a dynamic import,
 * only when the form is given a `document`, so a form fed by `context-src` never downloads
 * `parseDocument` and the document model.
 *
 * @module
 */
import {
  DEFAULT_ANONYMOUS_AUTHOR_VISIBILITY,
  DEFAULT_PEER_ANONYMITY_MIN_RATERS,
  displayName,
  FEEDBACK_MODES,
  parseDocument,
  type FeedbackContextResponse,
  type FeedbackMode,
  type MilieuDocument,
} from '@milieu/core';

/** Who writes as which source about whom. */
export interface DocumentCaller {
  source: FeedbackMode;
  subject: string;
  author: string;
}

/** The context of a valid document, or why the document cannot be used (for the console). */
export type DocumentContextResult =
  | { ok: true; context: FeedbackContextResponse; document: MilieuDocument }
  | { ok: false; detail: string };

/**
 * The feedback context a document gives `caller`: every participant as a display name, the
 * subject's goals (the writer's own for `self`; none for a peer), the program's expectations and
 * policy. Templates are left empty: the form uses its `template` or the built-in for the source.
 *
 * @param input - a milieu document, validated with `parseDocument`
 * @param caller - the form's `source`, `subject` and `author`
 */
export function documentContext(input: unknown, caller: DocumentCaller): DocumentContextResult {
  const parsed = parseDocument(input);
  if (!parsed.ok) {
    const detail = parsed.issues
      .slice(0, 5)
      .map((i) => `${i.path || '/'}: ${i.message}`)
      .join('; ');
    return { ok: false, detail };
  }
  const doc = parsed.value;
  const { participants, staff } = doc.people;
  const subjectId = caller.source === 'self' ? caller.subject || caller.author : caller.subject;
  const subject = participants.find((p) => p.id === subjectId);
  const writer =
    participants.find((p) => p.id === caller.author) ?? staff.find((s) => s.id === caller.author);
  const policy = doc.program.policy;
  const goals =
    caller.source === 'staff' || caller.source === 'self'
      ? (subject?.goals ?? []).map(({ id, statement, status }) => ({ id, statement, status }))
      : [];
  const context: FeedbackContextResponse = {
    program: { name: doc.program.name, locale: doc.program.locale },
    sources: [...FEEDBACK_MODES],
    templates: [],
    people: participants.map((p) => ({ id: p.id, name: displayName(p, 'kiosk') })),
    goals,
    copingSkills: [],
    expectations: doc.expectations.items.map(({ id, statement }) => ({ id, statement })),
    policy: {
      peerAnonymityMinRaters: policy?.peerAnonymityMinRaters ?? DEFAULT_PEER_ANONYMITY_MIN_RATERS,
      anonymousAuthors: policy?.anonymousAuthors ?? DEFAULT_ANONYMOUS_AUTHOR_VISIBILITY,
      peerReviewFirst: true,
      ...(policy?.crisisResource ? { crisisResource: policy.crisisResource } : {}),
    },
  };
  if (writer) context.author = { id: writer.id, name: displayName(writer, 'kiosk') };
  return { ok: true, context, document: doc };
}
