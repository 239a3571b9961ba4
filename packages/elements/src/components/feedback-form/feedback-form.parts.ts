import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  AnonymousAuthorVisibility,
  CrisisResource,
  FeedbackTemplate,
  FieldIssue,
} from '@milieu/core';
import { fill, fillParts, type FeedbackFormMessages } from './feedback-form.messages.js';
import type { FeedbackSaveController } from './feedback-form.save.js';

/** What the audience note needs. */
export interface AudienceContext {
  t: FeedbackFormMessages;
  template: FeedbackTemplate;
  /** The subject's display name in `<bdi>`, or a neutral fallback. */
  name: TemplateResult | string;
  /** The same, for the start of a sentence (a fallback is capitalised). */
  Name: TemplateResult | string;
  anonymous: boolean;
  /** Who may learn the writer of anonymous feedback (the program's `policy.anonymousAuthors`). */
  anonymousAuthors: AnonymousAuthorVisibility;
  minRaters: number;
  /** Staff read it before its subject does (peer: `policy.peerReviewFirst`; else the template's review). */
  reviewFirst: boolean;
  disabled: boolean;
}

/**
 * Who will read the feedback, and for templates that offer it, the anonymity choice with an
 * honest note of what it means under the program's policy.
 */
export function renderAudience(c: AudienceContext): TemplateResult {
  const { t, template } = c;
  const readBy =
    template.visibility === 'subject'
      ? template.mode === 'self'
        ? t.readBy_self
        : fillParts(t.readBy_subject, { name: c.Name })
      : template.visibility === 'community'
        ? t.readBy_community
        : t.readBy_staff;
  let anonymity: TemplateResult | typeof nothing = nothing;
  if (template.anonymity === 'choice') {
    const peer = template.mode === 'peer';
    const keep = c.anonymousAuthors === 'reviewers';
    const note = c.anonymous
      ? html`${
          keep ? (peer ? fillParts(t.anonKeep, { name: c.name }) : t.anonKeepProgram) : t.anonOmit
        }${peer ? html` ${fillParts(t.aggregate, { name: c.Name, n: String(c.minRaters) })}` : nothing}`
      : peer
        ? fillParts(t.named, { name: c.Name })
        : t.namedProgram;
    anonymity = html`<label class="option anonymity" part="anonymity">
        <input
          type="checkbox"
          id="anonymous-choice"
          data-anonymous
          .checked=${live(c.anonymous)}
          ?disabled=${c.disabled}
          aria-describedby="anonymity-note"
        />
        <span>${t.anonymous}</span>
      </label>
      <p class="help" part="anonymity-note" id="anonymity-note">${note}</p>`;
  }
  return html`<div class="audience" part="audience">
    <p class="who">
      <strong>${t.whoReads}:</strong> ${readBy}${c.reviewFirst ? ` ${t.reviewFirst}` : ''}
    </p>
    ${anonymity}
  </div>`;
}

/** A label and a message joined as a sentence: no colon after a question mark. */
export const joinLabel = (label: string, message: string): string =>
  label ? `${label}${/[?!.:…]$/.test(label) ? ' ' : ': '}${message}` : message;

/** The error summary shown after a submit attempt; each entry moves focus to its field. */
export function renderSummary(
  t: FeedbackFormMessages,
  issues: readonly FieldIssue[],
  labelOf: (id: string) => string,
  onPick: (e: Event) => void,
): TemplateResult {
  const title = issues.length === 1 ? t.summaryOne : fill(t.summary, { n: issues.length });
  return html`<div class="summary" part="summary" role="group" aria-labelledby="summary-title">
    <p class="summary-title" id="summary-title">${title}</p>
    <ul>
      ${issues.map(
        (i) =>
          html`<li>
            <button type="button" class="link" data-focus=${i.fieldId} @click=${onPick}>
              ${joinLabel(labelOf(i.fieldId), i.message)}
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** The safety note by the field that triggered it, naming the program's crisis resource. */
export function renderSafety(
  id: string,
  t: FeedbackFormMessages,
  shown: boolean,
  crisis: CrisisResource | undefined,
  staff = false,
): TemplateResult {
  // Always the same element (a live region must exist before it speaks); `:empty` unboxes it.
  // Staff write about someone else: the note says where the entry goes, not "check in with you".
  const note = shown ? (staff ? t.safetyStaff : safetyText(t, crisis)) : nothing;
  // prettier-ignore
  return html`<p class="safety" part="safety-note" id=${id} role="status">${note}</p>`;
}

function safetyText(t: FeedbackFormMessages, crisis: CrisisResource | undefined): TemplateResult {
  if (!crisis) return html`${t.safety} ${t.safetyNow}`;
  const links = [
    crisis.phone
      ? html`<a part="crisis-link" href=${`tel:${crisis.phone.replace(/[^\d+]/g, '')}`}
          >${fill(t.call, { phone: crisis.phone })}</a
        >`
      : null,
    crisis.url
      ? html`<a part="crisis-link" href=${crisis.url} target="_blank" rel="noopener">${t.visit}</a>`
      : null,
  ].filter((l) => l !== null);
  const name = html`<strong><bdi>${crisis.name}</bdi></strong>`;
  const crisisLine = links.length
    ? fillParts(t.crisis, { name })
    : fillParts(t.crisis.replace(/:$/, '.'), { name });
  return html`${t.safety}<span class="crisis"
      >${crisisLine}${links.map((l, i) => html`${i ? ',' : ''} ${l}`)}${links.length ? '.' : ''}</span
    >`;
}

/** What the offline note, the submit button and the status lines need. */
export interface StatusContext {
  t: FeedbackFormMessages;
  save: Pick<FeedbackSaveController, 'state' | 'retrying' | 'failure' | 'online'>;
  restored: boolean;
  /** A problem with the entry itself (for example an invalid subject id). */
  invalidEntry: string;
  /** Staff read it before its subject does: said in the confirmation. */
  reviewFirst: boolean;
  disabled: boolean;
}

/**
 * The live regions (offline note, status) — always rendered, so screen readers announce
 * changes — the submit button, and the error alert.
 */
export function renderStatus(c: StatusContext): TemplateResult {
  const { t, save } = c;
  const pending = save.state === 'pending' || save.state === 'offline';
  const saved = save.state === 'saved';
  const status = save.retrying
    ? t.retrying
    : save.state === 'pending'
      ? t.sending
      : saved
        ? c.reviewFirst
          ? t.savedReview
          : t.saved
        : c.restored
          ? t.restored
          : '';
  const f = save.failure;
  const why = f?.message
    ? fill(t.rejected, { message: f.message })
    : fill(t.rejectedNoMessage, { status: f?.status ?? 0 });
  const error = c.invalidEntry || (f ? (f.retryable ? t.failed : `${why} ${t.keptFix}`) : '');
  // No whitespace inside the live regions: `.note:empty` hides a region with nothing to say.
  const offline = save.online ? '' : t.offline;
  const statusClass = saved ? 'status saved' : 'status';
  return html`<p class="note offline" part="offline-note" role="status">${offline}</p>
    <div class="actions" part="actions">
      <button
        type="submit"
        part="submit"
        ?disabled=${c.disabled}
        aria-disabled=${pending ? 'true' : 'false'}
      >
        ${save.state === 'offline' ? t.waiting : pending ? t.sending : t.submit}
      </button>
    </div>
    <p class=${statusClass} part="status" role="status" tabindex="-1">${status}</p>
    <p class="alert" part="error-message" role="alert">${error}</p>`;
}
