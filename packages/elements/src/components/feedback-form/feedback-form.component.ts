import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  BUILT_IN_TEMPLATES,
  buildFeedbackEntry,
  contextFromDocument,
  DEFAULT_PEER_ANONYMITY_MIN_RATERS,
  linkOptions,
  localize,
  templateItems,
  validateFeedback,
  type AnonymousAuthorPolicy,
  type BuildFeedbackResult,
  type FeedbackContext,
  type FeedbackEntry,
  type FeedbackTemplate,
  type FeedbackValidation,
  type FeedbackValue,
  type MilieuDocument,
  type SafetyOptions,
} from '@milieu/core';
import { MilieuFormAssociatedElement } from '../../internal/form-associated.js';
import { languageOf } from '../../internal/locale.js';
import { MilieuDraftChangeEvent } from '../../events/draft-change.js';
import { deleteDraft, draftKey, readDraft, writeDraft } from './feedback-form.drafts.js';
import { controlId, readAnswer, renderField } from './feedback-form.fields.js';
import { fill, messages } from './feedback-form.messages.js';
import { displayName, renderAudience, renderStatus, renderSummary } from './feedback-form.parts.js';
import type { FeedbackRetryOptions } from './feedback-form.submit.js';
import { FeedbackSaveController } from './feedback-form.save.js';
import { styles } from './feedback-form.styles.js';
import type { DraftStorage, FeedbackFormSource } from './feedback-form.types.js';

/**
 * Feedback from staff, peers and self — and participants' feedback about the program — built
 * from a core template, validated live by the core schema, and never losing what was typed.
 * Form-associated: inside a `<form>` its value is the entry as JSON and its validity is the form's.
 *
 * Saving: every valid submit fires the cancelable `milieu-feedback-submit`. If not cancelled and
 * `action` is set, the entry is POSTed as JSON with an `Idempotency-Key` (the same for every
 * retry), retried with backoff on network errors and 5xx, and shown as saved only on a 2xx.
 * Without `action` (or when cancelled) the host saves it and calls `markSaved()`.
 *
 * @tagname milieu-feedback-form
 * @summary A feedback form (staff, peer, self or program) that validates live and keeps drafts.
 *
 * @slot - Optional intro under the title, for example the program's own instructions.
 *
 * @fires milieu-feedback-submit - Cancelable; `detail: { entry, idempotencyKey }`.
 * @fires milieu-feedback-saved - Confirmed saved; `detail: { entry, status }`. The draft is cleared.
 * @fires milieu-feedback-error - Saving failed for good; `detail: { status, code, message, retryable, attempts }`.
 * @fires milieu-draft-change - The user changed the draft (or it was cleared after a save).
 * @fires input - Native, from the inner control the user typed in (composed).
 * @fires change - The user committed a change to an answer.
 *
 * @csspart base - The inner `<form>`.
 * @csspart title - The form's heading.
 * @csspart subject - The line naming who the feedback is about.
 * @csspart intro - The wrapper of the default slot.
 * @csspart audience - Who will read it, and the anonymity choice.
 * @csspart anonymity - The anonymity checkbox and its label.
 * @csspart anonymity-note - What anonymity means under the program's policy.
 * @csspart summary - The list of answers to check after a submit attempt.
 * @csspart section - A group of questions.
 * @csspart section-title - A group's heading.
 * @csspart field - One question. `group` is added for choices and scales.
 * @csspart group - A question answered by choosing (radio or checkbox group).
 * @csspart label - A question's label or legend.
 * @csspart help - A question's hint.
 * @csspart control - A text box.
 * @csspart options - The options of a choice or scale.
 * @csspart option - One option with its label.
 * @csspart error - A question's validation message.
 * @csspart safety-note - The kind note shown when staff will read the feedback first.
 * @csspart offline-note - The note shown while offline.
 * @csspart actions - The submit button and status line.
 * @csspart submit - The submit button.
 * @csspart status - Sending / saved status line.
 * @csspart error-message - Why saving failed.
 *
 * @cssprop --milieu-feedback-form-background - Background. Default `--milieu-color-surface`.
 * @cssprop --milieu-feedback-form-color - Text colour. Default `--milieu-color-text`.
 * @cssprop --milieu-feedback-form-accent - Button and selection colour. Default `--milieu-color-accent`.
 * @cssprop --milieu-feedback-form-error - Error colour. Default `--milieu-color-danger`.
 * @cssprop --milieu-feedback-form-note-background - Background of notes. Default `--milieu-color-info-surface`.
 * @cssprop --milieu-feedback-form-gap - Space between questions. Default `--milieu-space`.
 *
 * @cssstate user-invalid - Invalid, after the user interacted or tried to submit.
 * @cssstate pending - Sending (or retrying).
 * @cssstate offline - The browser is offline.
 * @cssstate saved - The last entry was saved.
 * @cssstate error - The last save failed.
 *
 * @example
 * ```html
 * <milieu-feedback-form source="peer" subject="p-12" author="p-7"
 *   action="/api/v1/feedback" draft-storage="session" locale="es"></milieu-feedback-form>
 * <script type="module">
 *   document.querySelector('milieu-feedback-form').document = milieuDocument;
 * </script>
 * ```
 */
export class MilieuFeedbackForm extends MilieuFormAssociatedElement {
  static override styles = styles;

  // ── controllers ─────────────────────────────────────────────────────
  private readonly saving = new FeedbackSaveController(this);

  // ── state ───────────────────────────────────────────────────────────
  @state() private anonymous = false;
  @state() private touched: ReadonlySet<string> = new Set();
  @state() private submitted = false;
  @state() private restored = false;
  @state() private invalidEntry = '';

  private tpl: FeedbackTemplate | null = null;
  private validation: FeedbackValidation | null = null;
  private loadedKey = '';
  private dirty = new Set<string>();

  // ── properties ──────────────────────────────────────────────────────
  /** Who writes about whom: `staff`, `peer`, `self` (daily reflection) or `program`. */
  @property() source: FeedbackFormSource = 'self';

  /** Id of the participant the feedback is about (not used for `program`; defaults to `author` for `self`). */
  @property() subject = '';

  /** Id of the writer (staff or participant). */
  @property() author = '';

  /** A core `FeedbackTemplate`, or a built-in name (`staff`, `peer`, `self`, `program`). Default: the built-in for `source`. */
  @property() template: FeedbackTemplate | string | null = null;

  /** The milieu document: the subject's name and goals, the program's expectations and policy. */
  @property({ attribute: false }) document: MilieuDocument | null = null;

  /** URL to POST entries to (see the HTTP contract in `@milieu/core`). Empty: the host saves. */
  @property() action = '';

  /** BCP 47 tag for the form's text; English and Spanish ship. Default: the program's locale. */
  @property() locale = '';

  /** Where drafts are kept: `memory` (default) or `session` (`sessionStorage`). */
  @property({ attribute: 'draft-storage' }) draftStorage: DraftStorage = 'memory';

  /** Program policy for anonymous feedback: `omit` the writer's id (default) or `keep-for-reviewers`. */
  @property({ attribute: 'anonymous-author' }) anonymousAuthor: AnonymousAuthorPolicy = 'omit';

  /** The answers by template item id. Setting it fires no event. */
  @property({ attribute: false }) values: Record<string, FeedbackValue> = {};

  /** Extra safety phrases, or `{ words, replace: true }` to use only yours. */
  @property({ attribute: false }) safetyWords: SafetyOptions | null = null;

  /** Retry timing: `{ maxAttempts, baseDelayMs, maxDelayMs, timeoutMs }` (any subset). */
  @property({ attribute: false }) retry: Partial<FeedbackRetryOptions> = {};

  /** The `fetch` to use (for example one that adds auth headers). Default: the global `fetch`. */
  @property({ attribute: false }) fetcher: typeof fetch | null = null;

  // ── lifecycle ───────────────────────────────────────────────────────
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('template') || changed.has('source')) this.tpl = this.resolveTemplate();
    const key = this.draftKey;
    if (key !== this.loadedKey) {
      // Another writer, subject or source: its own draft (or a fresh start), never the last one's.
      const first = this.loadedKey === '';
      this.loadedKey = key;
      const draft = readDraft(key, this.draftStorage);
      this.clearInteraction();
      this.saving.restore(draft);
      if (draft) {
        this.values = { ...draft.values };
        this.anonymous = draft.anonymous;
        this.restored = Object.keys(draft.values).length > 0;
      } else if (!first && !changed.has('values')) {
        this.values = {};
      }
    }
    this.validation = this.tpl ? validateFeedback(this.tpl, this.values, this.context()) : null;
  }

  override updated(): void {
    this.syncForm();
  }

  /** The form was reset: answers, draft and messages are cleared. */
  override formResetCallback(): void {
    deleteDraft(this.draftKey);
    this.values = {};
    this.clearInteraction();
    this.saving.reset();
  }

  /** Back/forward navigation or autofill restores the answers. */
  override formStateRestoreCallback(restored: string | File | FormData | null): void {
    if (typeof restored !== 'string') return;
    try {
      const data = JSON.parse(restored) as {
        values?: Record<string, FeedbackValue>;
        anonymous?: boolean;
      };
      this.values = { ...data.values };
      this.anonymous = data.anonymous === true;
    } catch {
      // not our state
    }
  }

  // ── private helpers ─────────────────────────────────────────────────
  private get draftKey(): string {
    return draftKey(this.source, this.subject, this.author);
  }

  private get language(): 'en' | 'es' {
    return languageOf(this.locale || this.document?.program.locale);
  }

  private get subjectId(): string {
    return this.tpl?.mode === 'self' ? this.subject || this.author : this.subject;
  }

  private resolveTemplate(): FeedbackTemplate | null {
    const t = this.template;
    if (t === null || t === '') return BUILT_IN_TEMPLATES[this.source] ?? BUILT_IN_TEMPLATES.self;
    if (typeof t === 'string') return BUILT_IN_TEMPLATES[t as FeedbackFormSource] ?? null;
    // A structural guard only: check custom templates with `parseFeedbackTemplate` (core).
    const ok =
      typeof t === 'object' &&
      BUILT_IN_TEMPLATES[t.mode] !== undefined &&
      Array.isArray(t.sections) &&
      t.sections.every((s) => Array.isArray(s?.items));
    return ok ? t : null;
  }

  private context(): FeedbackContext {
    return {
      locale: this.language,
      ...contextFromDocument(this.document, this.subjectId),
      ...(this.safetyWords ? { safety: this.safetyWords } : {}),
    };
  }

  private build(
    createdAt = this.saving.id.createdAt ?? new Date().toISOString(),
  ): BuildFeedbackResult | null {
    if (!this.tpl) return null;
    return buildFeedbackEntry(this.tpl, this.values, {
      ...this.context(),
      id: this.saving.id.entryId,
      createdAt,
      ...(this.author ? { authorId: this.author } : {}),
      ...(this.subjectId ? { subjectId: this.subjectId } : {}),
      anonymous: this.anonymous,
      anonymousAuthor: this.anonymousAuthor,
      document: this.document,
    });
  }

  private syncForm(): void {
    const v = this.validation;
    const built = v?.valid ? this.build() : null;
    const restore = JSON.stringify({ values: this.values, anonymous: this.anonymous });
    this.setFormValue(built?.ok ? JSON.stringify(built.value) : null, restore);
    const first = v?.issues[0];
    if (!v || built?.ok) this.setValidity({});
    else if (first) {
      const flags = Object.assign({}, ...v.issues.map((i) => i.flags)) as ValidityStateFlags;
      this.setValidity(flags, first.message, this.controlFor(first.fieldId));
    } else if (built && !built.ok) {
      this.setValidity({ customError: true }, this.entryMessage(built));
    }
    const shown =
      !!v && !v.valid && (this.submitted || v.issues.some((i) => this.touched.has(i.fieldId)));
    this.toggleState('user-invalid', shown);
    this.toggleState('offline', !this.saving.online);
    for (const s of ['pending', 'saved', 'error'] as const)
      this.toggleState(s, this.saving.state === s);
  }

  private entryMessage(built: BuildFeedbackResult & { ok: false }): string {
    return fill(messages[this.language].invalidEntry, { message: built.issues[0]?.message ?? '' });
  }

  private controlFor(fieldId: string): HTMLElement | undefined {
    return (
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(controlId(fieldId))}`) ?? undefined
    );
  }

  private clearInteraction(): void {
    this.anonymous = false;
    this.touched = new Set();
    this.dirty = new Set();
    this.submitted = false;
    this.restored = false;
    this.invalidEntry = '';
  }

  private storeDraft(): void {
    const { values, anonymous } = this;
    writeDraft(this.draftKey, { values, anonymous, ...this.saving.id }, this.draftStorage);
  }

  private emitDraft(): void {
    const detail = { key: this.draftKey, values: { ...this.values }, anonymous: this.anonymous };
    this.emit(new MilieuDraftChangeEvent({ ...detail, storage: this.draftStorage }));
  }

  // ── handlers ────────────────────────────────────────────────────────
  private onInput(e: Event): void {
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (el.hasAttribute('data-anonymous')) {
      this.anonymous = (el as HTMLInputElement).checked;
    } else {
      const id = el.dataset['field'] ?? '';
      const item = this.tpl ? templateItems(this.tpl).find((i) => i.id === id) : undefined;
      if (!item) return;
      const value = readAnswer(el, item, this.renderRoot);
      const next = { ...this.values };
      if (value === '' || (Array.isArray(value) && value.length === 0)) delete next[id];
      else next[id] = value;
      this.values = next;
      this.dirty.add(id);
      if (el.type === 'checkbox' || el.type === 'radio') this.touch(id);
    }
    this.saving.edited();
    this.restored = false;
    this.storeDraft();
    this.emitDraft();
  }

  private onChange(): void {
    // `change` does not cross the shadow root: re-fire it from the host, for user changes only.
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onFocusOut(e: FocusEvent): void {
    const id = (e.target as HTMLElement).dataset['field'];
    if (id && this.dirty.has(id)) this.touch(id);
  }

  private touch(id: string): void {
    if (!this.touched.has(id)) this.touched = new Set([...this.touched, id]);
  }

  private onPickIssue(e: Event): void {
    this.controlFor((e.currentTarget as HTMLElement).dataset['focus'] ?? '')?.focus();
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.send();
  }

  private async send(): Promise<void> {
    if (this.saving.busy || this.isDisabled || !this.tpl) return;
    this.submitted = true;
    const built = this.build(this.saving.stamp());
    this.invalidEntry =
      built && !built.ok && built.fields.length === 0 ? this.entryMessage(built) : '';
    if (!built?.ok) {
      await this.updateComplete;
      const first = this.validation?.issues[0];
      if (first) this.controlFor(first.fieldId)?.focus();
      return;
    }
    const outcome = await this.saving.save(built.value, () => this.storeDraft());
    if (typeof outcome === 'object') this.finishSaved(outcome.entry, outcome.status);
  }

  private finishSaved(entry: FeedbackEntry, status: number | null): void {
    deleteDraft(this.draftKey);
    this.values = {};
    this.clearInteraction();
    this.saving.saved(entry, status);
    this.emitDraft();
  }

  // ── public methods ──────────────────────────────────────────────────
  /** The entry as JSON when the answers are valid, else `''` (what a host `<form>` submits). */
  get value(): string {
    const built = this.validation?.valid ? this.build() : null;
    return built?.ok ? JSON.stringify(built.value) : '';
  }

  /**
   * Tells the form that the host saved the entry itself (after cancelling
   * `milieu-feedback-submit`, or without `action`): the draft is cleared and "saved" shown.
   */
  markSaved(entry?: FeedbackEntry): void {
    const built = entry ? null : this.build();
    const saved = entry ?? (built?.ok ? built.value : undefined);
    if (saved) this.finishSaved(saved, null);
  }

  // ── render ──────────────────────────────────────────────────────────
  override render(): TemplateResult {
    const t = messages[this.language];
    const tpl = this.tpl;
    if (!tpl) return html`<p class="alert" part="error-message" role="alert">${t.badTemplate}</p>`;
    const v = this.validation;
    const locale = this.language;
    const ctx = this.context();
    const name = displayName(this.document, this.subjectId) ?? t.theParticipant;
    const show = (id: string): boolean => this.submitted || this.touched.has(id);
    const issues = this.submitted ? (v?.issues ?? []) : [];
    const labelOf = (id: string): string =>
      localize(templateItems(tpl).find((i) => i.id === id)?.label, locale);
    return html`<form
      class="base"
      part="base"
      novalidate
      aria-labelledby="title"
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onChange}
      @focusout=${this.onFocusOut}
    >
      <h2 class="title" part="title" id="title">${localize(tpl.title, locale)}</h2>
      ${
        tpl.mode === 'staff' || tpl.mode === 'peer'
          ? html`<p class="subject" part="subject">${fill(t.about, { name })}</p>`
          : nothing
      }
      <div class="intro" part="intro"><slot></slot></div>
      ${renderAudience({
        t,
        template: tpl,
        name,
        anonymous: this.anonymous,
        keepAuthor: this.anonymousAuthor === 'keep-for-reviewers',
        minRaters:
          this.document?.program.policy?.peerAnonymityMinRaters ??
          DEFAULT_PEER_ANONYMITY_MIN_RATERS,
        disabled: this.isDisabled,
      })}
      ${issues.length ? renderSummary(t, issues, labelOf, this.onPickIssue) : nothing}
      ${tpl.sections.map(
        (s) =>
          html`<section class="section" part="section" aria-labelledby=${`s-${s.id}`}>
            <h3 class="section-title" part="section-title" id=${`s-${s.id}`}>
              ${localize(s.title, locale)}
            </h3>
            ${s.description ? html`<p class="help">${localize(s.description, locale)}</p>` : nothing}
            ${s.items.map((item) =>
              renderField(item, {
                locale,
                t,
                value: this.values[item.id],
                issue: show(item.id) ? v?.fields[item.id] : undefined,
                options: linkOptions(item, ctx),
                disabled: this.isDisabled,
              }),
            )}
          </section>`,
      )}
      ${renderStatus({
        t,
        safety: !!v?.safety.length,
        save: this.saving,
        restored: this.restored,
        invalidEntry: this.invalidEntry,
        disabled: this.isDisabled,
      })}
    </form>`;
  }
}
