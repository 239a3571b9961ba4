import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FeedbackTemplate, FieldIssue, MilieuDocument } from '@milieu/core';
import { fill, type FeedbackFormMessages } from './feedback-form.messages.js';
import type { FeedbackSaveController } from './feedback-form.save.js';

/** A participant's name as shown: preferred name and last initial at most. */
export function displayName(doc: MilieuDocument | null, id: string): string | undefined {
  const p = doc?.people.participants.find((x) => x.id === id);
  if (!p) return undefined;
  const initial = p.lastName?.trim().charAt(0);
  return initial ? `${p.preferredName} ${initial}.` : p.preferredName;
}

/** What the audience note needs. */
export interface AudienceContext {
  t: FeedbackFormMessages;
  template: FeedbackTemplate;
  /** The subject's display name (or a neutral fallback). */
  name: string;
  anonymous: boolean;
  keepAuthor: boolean;
  minRaters: number;
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
        : fill(t.readBy_subject, { name: c.name })
      : template.visibility === 'community'
        ? t.readBy_community
        : t.readBy_staff;
  const review = template.review === 'pending' ? ` ${t.reviewFirst}` : '';
  let anonymity: TemplateResult | typeof nothing = nothing;
  if (template.anonymity === 'choice') {
    const peer = template.mode === 'peer';
    const note = c.anonymous
      ? [
          c.keepAuthor ? t.anonKeep : t.anonOmit,
          peer ? fill(t.aggregate, { name: c.name, n: c.minRaters }) : '',
        ].join(' ')
      : peer
        ? fill(t.named, { name: c.name })
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
      <p class="help" part="anonymity-note" id="anonymity-note">${note.trim()}</p>`;
  }
  return html`<div class="audience" part="audience">
    <p class="who"><strong>${t.whoReads}:</strong> ${readBy}${review}</p>
    ${anonymity}
  </div>`;
}

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
              ${labelOf(i.fieldId)}: ${i.message}
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** What the notes, the submit button and the status lines need. */
export interface StatusContext {
  t: FeedbackFormMessages;
  /** Safety language was found: say, kindly, that staff will read it. */
  safety: boolean;
  save: Pick<FeedbackSaveController, 'state' | 'retrying' | 'failure' | 'online'>;
  restored: boolean;
  /** A problem with the entry itself (for example an invalid subject id). */
  invalidEntry: string;
  disabled: boolean;
}

/**
 * The live regions (safety note, offline note, status) — always rendered, so screen readers
 * announce changes — the submit button, and the error alert.
 */
export function renderStatus(c: StatusContext): TemplateResult {
  const { t, save } = c;
  const pending = save.state === 'pending' || save.state === 'offline';
  const status = save.retrying
    ? t.retrying
    : save.state === 'pending'
      ? t.sending
      : save.state === 'saved'
        ? t.saved
        : c.restored
          ? t.restored
          : '';
  const f = save.failure;
  const why = f?.message
    ? fill(t.rejected, { message: f.message })
    : fill(t.rejectedNoMessage, { status: f?.status ?? 0 });
  const error = c.invalidEntry || (f ? (f.retryable ? t.failed : `${why} ${t.keptFix}`) : '');
  // No whitespace inside the live regions: `.note:empty` hides a region with nothing to say.
  const safety = c.safety ? t.safety : '';
  const offline = save.online ? '' : t.offline;
  return html`<p class="note safety" part="safety-note" role="status">${safety}</p>
    <p class="note offline" part="offline-note" role="status">${offline}</p>
    <div class="actions" part="actions">
      <button
        type="submit"
        part="submit"
        ?disabled=${c.disabled}
        aria-disabled=${pending ? 'true' : 'false'}
      >
        ${pending ? t.sending : t.submit}
      </button>
      <p class="status" part="status" role="status">${status}</p>
    </div>
    <p class="alert" part="error-message" role="alert">${error}</p>`;
}
