import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  buildFeedbackEntry,
  DEFAULT_PEER_ANONYMITY_MIN_RATERS,
  FEEDBACK_MODES,
  FeedbackTemplateSchema,
  linkOptions,
  localize,
  templateItems,
  validateFeedback,
  type AnonymousAuthorPolicy,
  type AnonymousAuthorVisibility,
  type BuildFeedbackResult,
  type FeedbackContext,
  type FeedbackContextResponse,
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
import { MilieuLoadErrorEvent } from '../../events/load-error.js';
import { deleteDraft, draftKey, readDraft, writeDraft } from './feedback-form.drafts.js';
import { controlId, readAnswer, renderField } from './feedback-form.fields.js';
import { FeedbackContextController, type ContextState } from './feedback-form.context.js';
import { capitalize, fill, fillParts, messages } from './feedback-form.messages.js';
import { renderAudience, renderStatus, renderSummary } from './feedback-form.parts.js';
import type { FeedbackRetryOptions } from './feedback-form.submit.js';
import { FeedbackSaveController } from './feedback-form.save.js';
import { styles } from './feedback-form.styles.js';
import type { DraftStorage, FeedbackFormSource } from './feedback-form.types.js';

/**
 * Feedback from staff, peers and self — and participants' feedback about the program — built
 * from a core template, validated live by the core schema, and never losing what was typed.
 * Form-associated: inside a `<form>` its value is the entry as JSON and its validity is the form's.
 *
 * Fed by the feedback context resource (`context-src`, or the `context` property: templates,
 * people as display names, goals, expectations and the policy it shows), validated with core's
 * `FeedbackContextResponseSchema`. A staff tool may give a whole `document` instead; that path
 * (`parseDocument` and the document model) is loaded lazily, only when a document is given.
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
 * @fires milieu-load-error - The context could not be loaded or is invalid. `detail: { message, status? }`.
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
 * @csspart safety-note - The note under a text answer with safety language: staff will read it first, and the crisis resource.
 * @csspart crisis-link - A link (phone or website) of the program's crisis resource.
 * @csspart loading - The line shown while the context loads.
 * @csspart retry - The Retry button of a context that could not be loaded.
 * @csspart offline-note - The note shown while offline.
 * @csspart actions - The submit button and status line.
 * @csspart submit - The submit button.
 * @csspart status - Sending / saved status line (a confirmation panel once saved).
 * @csspart error-message - Why saving failed.
 *
 * @cssprop --milieu-feedback-form-background - Background. Default `--milieu-color-surface`.
 * @cssprop --milieu-feedback-form-color - Text colour. Default `--milieu-color-text`.
 * @cssprop --milieu-feedback-form-accent - Button and selection colour. Default `--milieu-color-accent`.
 * @cssprop --milieu-feedback-form-error - Error colour. Default `--milieu-color-error`.
 * @cssprop --milieu-feedback-form-note-background - Background of notes. Default `--milieu-color-surface-alt`.
 * @cssprop --milieu-feedback-form-gap - Space between questions. Default `--milieu-space`.
 * @cssprop --milieu-feedback-form-max-width - Widest the form grows, for readable lines. Default `50em`.
 * @cssprop --milieu-color-surface - Global token: background.
 * @cssprop --milieu-color-surface-alt - Global token: background of notes and the disabled button.
 * @cssprop --milieu-color-text - Global token: text.
 * @cssprop --milieu-color-text-muted - Global token: the disabled button's text.
 * @cssprop --milieu-color-border - Global token: borders of boxes and options.
 * @cssprop --milieu-color-accent - Global token: the button and chosen options.
 * @cssprop --milieu-color-accent-text - Global token: the button's text.
 * @cssprop --milieu-color-focus - Global token: the focus ring.
 * @cssprop --milieu-color-error - Global token: errors.
 * @cssprop --milieu-color-error-surface - Global token: background of the safety note.
 * @cssprop --milieu-color-success - Global token: the saved confirmation's border.
 * @cssprop --milieu-color-success-surface - Global token: the saved confirmation's background.
 * @cssprop --milieu-color-scheme - Global token: `color-scheme` of native controls (`light` or `dark`).
 * @cssprop --milieu-font-family - Global token: font.
 * @cssprop --milieu-radius - Global token: corner radius.
 * @cssprop --milieu-space - Global token: the base spacing.
 *
 * @cssstate user-invalid - Invalid, after the user interacted or tried to submit.
 * @cssstate pending - Sending (or retrying).
 * @cssstate offline - The browser is offline.
 * @cssstate saved - The last entry was saved.
 * @cssstate error - The last save failed.
 * @cssstate loading - The context is loading.
 * @cssstate load-error - The context could not be loaded or is invalid.
 *
 * @example
 * ```html
 * <milieu-feedback-form source="peer" subject="p-12"
 *   context-src="/api/v1/feedback/context" action="/api/v1/feedback"
 *   draft-storage="session" locale="es"></milieu-feedback-form>
 * ```
 */
export class MilieuFeedbackForm extends MilieuFormAssociatedElement {
  static override styles = styles;

  // ── controllers ─────────────────────────────────────────────────────
  private readonly saving = new FeedbackSaveController(this);
  private readonly loader = new FeedbackContextController(this);

  // ── state ───────────────────────────────────────────────────────────
  @state() private anonymous = false;
  @state() private touched: ReadonlySet<string> = new Set();
  @state() private submitted = false;
  @state() private restored = false;
  @state() private invalidEntry = '';

  private tpl: FeedbackTemplate | null | 'pending' = null;
  private builtins: Record<string, FeedbackTemplate> | null = null;
  private builtinsLoading: Promise<unknown> | null = null;
  private reportedError: ContextState | null = null;
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

  /**
   * URL of the feedback context resource (`GET /api/v1/feedback/context`); the form adds
   * `source` and, for staff, `subject`. Sent with `fetcher` and same-origin credentials.
   */
  @property({ attribute: 'context-src' }) contextSrc = '';

  /** A feedback context resource (a `FeedbackContextResponse`), validated; wins over `document` and `context-src`. */
  @property({ attribute: false }) context: FeedbackContextResponse | null = null;

  /**
   * A whole milieu document (staff tools), validated with `parseDocument`; wins over
   * `context-src`. Its code is loaded only when a document is given.
   */
  @property({ attribute: false }) document: MilieuDocument | null = null;

  /** URL to POST entries to (see the HTTP contract in `@milieu/core`). Empty: the host saves. */
  @property() action = '';

  /** BCP 47 tag for the form's text; English and Spanish ship. Default: the program's locale. */
  @property() locale = '';

  /** Where drafts are kept: `memory` (default) or `session` (`sessionStorage`). */
  @property({ attribute: 'draft-storage' }) draftStorage: DraftStorage = 'memory';

  /**
   * Deprecated: the program's `policy.anonymousAuthors` (from the context or document) decides.
   * Used only with neither: `omit` (default, like `nobody`) or `keep-for-reviewers` (`reviewers`).
   */
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
    this.loader.sync();
    this.tpl = this.resolveTemplate();
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
    this.validation =
      this.tpl && this.tpl !== 'pending' && this.ctx
        ? validateFeedback(this.tpl, this.values, this.fieldContext())
        : null;
  }

  override updated(): void {
    this.syncForm();
    const s = this.loader.state;
    if (s.status === 'error' && this.reportedError !== s) {
      this.reportedError = s;
      const { detail, status } = s.error;
      console.warn(`<milieu-feedback-form>: ${detail}`); // the details are for developers, not users
      this.emit(new MilieuLoadErrorEvent({ message: detail, ...(status ? { status } : {}) }));
    }
  }

  /** Also waits for the code the form loads lazily (the document path, the built-in templates). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (let p = this.pendingLoad(); p; p = this.pendingLoad()) {
      await p.catch(() => undefined);
      done = await super.getUpdateComplete();
    }
    return done;
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

  private pendingLoad(): Promise<unknown> | null {
    return this.loader.loading ?? this.builtinsLoading;
  }

  /** The validated context, once there is one (an empty one when no source is given). */
  private get ctx(): FeedbackContextResponse | null {
    const s = this.loader.state;
    return s.status === 'ready' ? s.context : s.status === 'none' ? NO_CONTEXT : null;
  }

  /** The `locale` attribute, then the nearest `lang`, then the program's locale. */
  private get language(): 'en' | 'es' {
    const lang = this.closest('[lang]')?.getAttribute('lang');
    return languageOf(this.locale || lang || this.ctx?.program.locale);
  }

  private get anonymousAuthors(): AnonymousAuthorVisibility {
    const s = this.loader.state;
    if (s.status === 'ready') return s.context.policy.anonymousAuthors;
    return this.anonymousAuthor === 'keep-for-reviewers' ? 'reviewers' : 'nobody';
  }

  /** Staff read it before its subject: always for peers (per policy), else per template. */
  private get reviewFirst(): boolean {
    const tpl = this.tpl;
    if (!tpl || tpl === 'pending') return false;
    if (tpl.mode === 'peer') return this.ctx?.policy.peerReviewFirst ?? true;
    return tpl.review === 'pending';
  }

  private get subjectId(): string {
    const tpl = this.tpl;
    const self = tpl && tpl !== 'pending' ? tpl.mode === 'self' : this.source === 'self';
    return self ? this.subject || this.author : this.subject;
  }

  /** The template: the property, else the context's for `source`, else the built-in (lazy). */
  private resolveTemplate(): FeedbackTemplate | null | 'pending' {
    const t = this.template;
    if (t !== null && typeof t === 'object') return checkedTemplate(t);
    if (t === null || t === '') {
      const ctx = this.ctx;
      // Wait for the context: its templates come first, and may make the built-ins unneeded.
      if (!ctx) return 'pending';
      const fromContext = ctx.templates.find((x) => x.mode === this.source);
      if (fromContext) return fromContext;
    }
    const name = typeof t === 'string' && t ? t : this.source;
    if (!this.builtins) {
      this.builtinsLoading ??= import('./feedback-form.builtins.js').then(
        ({ BUILT_IN_TEMPLATES }) => {
          this.builtins = BUILT_IN_TEMPLATES;
          this.builtinsLoading = null;
          this.requestUpdate();
        },
        () => {
          this.builtinsLoading = null; // the next update tries again
        },
      );
      return 'pending';
    }
    return this.builtins[name] ?? (t ? null : (this.builtins['self'] ?? null));
  }

  private fieldContext(): FeedbackContext {
    const c = this.ctx;
    return {
      locale: this.language,
      goals: c?.goals ?? [],
      expectations: c?.expectations ?? [],
      ...(this.safetyWords ? { safety: this.safetyWords } : {}),
    };
  }

  /** The document, when the context came from one (for the therapist check of staff entries). */
  private get sourceDocument(): MilieuDocument | null {
    const s = this.loader.state;
    return s.status === 'ready' ? (s.document ?? null) : null;
  }

  private build(
    createdAt = this.saving.id.createdAt ?? new Date().toISOString(),
  ): BuildFeedbackResult | null {
    if (!this.tpl || this.tpl === 'pending' || !this.ctx) return null;
    return buildFeedbackEntry(this.tpl, this.values, {
      ...this.fieldContext(),
      id: this.saving.id.entryId,
      createdAt,
      ...(this.author ? { authorId: this.author } : {}),
      ...(this.subjectId ? { subjectId: this.subjectId } : {}),
      anonymous: this.anonymous,
      anonymousAuthor: this.anonymousAuthors === 'reviewers' ? 'keep-for-reviewers' : 'omit',
      document: this.sourceDocument,
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
    const load = this.loader.state.status;
    this.toggleState('loading', load === 'loading' || this.tpl === 'pending');
    this.toggleState('load-error', load === 'error');
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
      const tpl = this.tpl;
      const item =
        tpl && tpl !== 'pending' ? templateItems(tpl).find((i) => i.id === id) : undefined;
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
    if (this.saving.busy || this.isDisabled || !this.tpl || this.tpl === 'pending') return;
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
    // The form empties: move focus to the confirmation, so nobody is left wondering.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part=status]')?.focus(),
    );
  }

  private onRetry(): void {
    this.loader.retry();
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
    const load = this.loader.state;
    if (load.status === 'error') {
      const { kind, retry } = load.error;
      return html`<div class="base failed" part="base">
        <p class="alert" part="error-message" role="alert">${t[`ctx_${kind}`]}</p>
        ${
          retry
            ? html`<button type="button" class="secondary" part="retry" @click=${this.onRetry}>
                ${t.retry}
              </button>`
            : nothing
        }
      </div>`;
    }
    const tpl = this.tpl;
    const ctx = this.ctx;
    if (!ctx || tpl === 'pending') {
      return html`<p class="loading" part="loading" role="status">${t.loading}</p>`;
    }
    if (!tpl) return html`<p class="alert" part="error-message" role="alert">${t.badTemplate}</p>`;
    if (!ctx.sources.includes(tpl.mode)) {
      return html`<p class="alert" part="error-message" role="alert">${t.notAllowed}</p>`;
    }
    const v = this.validation;
    const locale = this.language;
    const fieldContext = this.fieldContext();
    const known = ctx.people.find((p) => p.id === this.subjectId)?.name;
    const name = known ? html`<bdi>${known}</bdi>` : t.theParticipant;
    const Name = known ? name : capitalize(t.theParticipant);
    const show = (id: string): boolean => this.submitted || this.touched.has(id);
    const issues = this.submitted ? (v?.issues ?? []) : [];
    const flagged = new Set(v?.safety.map((m) => m.fieldId));
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
          ? html`<p class="subject" part="subject">${fillName(t.about, Name)}</p>`
          : nothing
      }
      <div class="intro" part="intro"><slot></slot></div>
      ${renderAudience({
        t,
        template: tpl,
        name,
        Name,
        anonymous: this.anonymous,
        anonymousAuthors: this.anonymousAuthors,
        minRaters: ctx.policy.peerAnonymityMinRaters ?? DEFAULT_PEER_ANONYMITY_MIN_RATERS,
        reviewFirst: this.reviewFirst,
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
                options: linkOptions(item, fieldContext),
                disabled: this.isDisabled,
                safety: flagged.has(item.id),
                crisis: ctx.policy.crisisResource,
                staff: tpl.mode === 'staff',
              }),
            )}
          </section>`,
      )}
      ${renderStatus({
        t,
        save: this.saving,
        restored: this.restored,
        invalidEntry: this.invalidEntry,
        reviewFirst: this.reviewFirst,
        disabled: this.isDisabled,
      })}
    </form>`;
  }
}

/** "About {name}" with the name (a `<bdi>`) in place. */
function fillName(text: string, name: TemplateResult | string): (string | TemplateResult)[] {
  return fillParts(text, { name });
}

/** The context of a form given none: every source, nobody named, the default policy. */
const NO_CONTEXT: FeedbackContextResponse = {
  program: { name: '', locale: '' },
  sources: [...FEEDBACK_MODES],
  templates: [],
  people: [],
  goals: [],
  copingSkills: [],
  expectations: [],
  policy: {
    peerAnonymityMinRaters: DEFAULT_PEER_ANONYMITY_MIN_RATERS,
    anonymousAuthors: 'nobody',
    peerReviewFirst: true,
  },
};

const templateChecks = new WeakMap<object, FeedbackTemplate | null>();

/** A template given as a property, checked once with core's `FeedbackTemplateSchema`. */
function checkedTemplate(t: FeedbackTemplate): FeedbackTemplate | null {
  let r = templateChecks.get(t);
  if (r === undefined) {
    const parsed = FeedbackTemplateSchema.safeParse(t);
    r =
      parsed.success && (FEEDBACK_MODES as readonly string[]).includes(parsed.data.mode) ? t : null;
    templateChecks.set(t, r);
  }
  return r;
}
