import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { MilieuElement } from '../../internal/milieu-element.js';
import { languageOf } from '../../internal/locale.js';
import { MilieuRationaleToggleEvent } from '../../events/rationale-toggle.js';
import { messages } from './expectation-card.messages.js';
import { styles } from './expectation-card.styles.js';

/** The part of a core `Expectation` this card shows. */
export interface ExpectationCardData {
  id?: string;
  statement: string;
  rationale?: string;
  mutual?: boolean;
}

let uid = 0;

/**
 * A community expectation with its plain-language reason one click away.
 * Rules whose reason people do not understand drive conflict, so the card
 * always offers the rationale, and says so when none has been written yet.
 *
 * @tagname milieu-expectation-card
 * @summary One community expectation and the reason for it.
 *
 * @fires milieu-rationale-toggle - The user showed or hid the rationale. `detail: { expectationId, open }`.
 *
 * @csspart base - The card's outer box.
 * @csspart statement - The expectation, phrased as what to do.
 * @csspart toggle - The button that shows or hides the reason.
 * @csspart rationale - The reason for the expectation.
 *
 * @cssprop --milieu-expectation-card-background - Card background. Default: `--milieu-color-surface`.
 * @cssprop --milieu-expectation-card-color - Text colour. Default: `--milieu-color-text`.
 * @cssprop --milieu-expectation-card-accent - Accent stripe and button colour. Default: `--milieu-color-accent`.
 *
 * @example
 * ```html
 * <milieu-expectation-card
 *   statement="Speak to each other with respect."
 *   rationale="Everyone here needs to feel safe to talk."></milieu-expectation-card>
 * ```
 */
export class MilieuExpectationCard extends MilieuElement {
  static override styles = styles;

  // ── state ───────────────────────────────────────────────────────────
  private readonly rationaleId = `milieu-rationale-${++uid}`;

  // ── properties ──────────────────────────────────────────────────────
  /** The expectation, phrased positively (what to do). Ignored when `expectation` is set. */
  @property() statement = '';

  /** The plain-language reason for the expectation. Ignored when `expectation` is set. */
  @property() rationale = '';

  /** Whether the expectation binds staff as well as participants. */
  @property({ type: Boolean }) mutual = false;

  /** Whether the rationale is shown. Reflects so hosts can style the open card. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * BCP 47 language tag for the card's own text (English and Spanish ship). Empty: the
   * nearest `lang` attribute, then the browser's language.
   */
  @property() locale = '';

  /** A core `Expectation` object (property only); takes precedence over the attributes. */
  @property({ attribute: false }) expectation: ExpectationCardData | null = null;

  // ── handlers ────────────────────────────────────────────────────────
  private onToggle(): void {
    this.open = !this.open;
    this.emit(
      new MilieuRationaleToggleEvent({
        expectationId: this.expectation?.id ?? null,
        open: this.open,
      }),
    );
  }

  // ── render ──────────────────────────────────────────────────────────
  override render(): TemplateResult {
    const t = messages[languageOf(this.resolveLocale(this.locale))];
    const data = this.expectation ?? {
      statement: this.statement,
      rationale: this.rationale,
      mutual: this.mutual,
    };
    const reason = data.rationale?.trim() ? data.rationale : t.noRationale;
    return html`<article class="base" part="base" aria-label=${t.label}>
      <p class="statement" part="statement">${data.statement}</p>
      ${data.mutual ? html`<span class="mutual">${t.mutual}</span>` : nothing}
      <div>
        <button
          class="toggle"
          part="toggle"
          type="button"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${this.rationaleId}
          @click=${this.onToggle}
        >
          ${this.open ? t.hide : t.why}
        </button>
      </div>
      <p class="rationale" part="rationale" id=${this.rationaleId} ?hidden=${!this.open}>
        ${reason}
      </p>
    </article>`;
  }
}
