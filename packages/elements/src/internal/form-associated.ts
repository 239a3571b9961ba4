import { property, state } from 'lit/decorators.js';
import { MilieuElement } from './milieu-element.js';

/**
 * The small base of form-associated Milieu elements, on `ElementInternals` (never `formdata`
 * hacks): a value and validity the host `<form>` sees, the native validity API, the reset,
 * disabled and restore callbacks, and custom states (`:state(user-invalid)`).
 *
 * Subclasses call {@link setFormValue} and {@link setValidity} as their value changes, and
 * override {@link formResetCallback} / {@link formStateRestoreCallback}.
 */
export class MilieuFormAssociatedElement extends MilieuElement {
  /** Lets the element take part in forms. */
  static readonly formAssociated = true;

  /** The element's internals: form value, validity, custom states. */
  protected readonly internals: ElementInternals;

  // ── state ───────────────────────────────────────────────────────────
  /** Disabled by its own `disabled` attribute or a disabled `<fieldset>` ancestor. */
  @state() protected formDisabled = false;

  // ── properties ──────────────────────────────────────────────────────
  /** The name under which the value is submitted with the form. */
  @property({ reflect: true }) name = '';

  /** Disables the element. A disabled element is not validated and not submitted. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  // ── native validity API ─────────────────────────────────────────────
  /** The form this element belongs to, or `null`. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The validity state, as on native controls. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message shown when the element is invalid (empty when valid). */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Returns `false` and fires `invalid` when the element is invalid. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like {@link checkValidity}, and shows the problem to the user. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  // ── form callbacks ──────────────────────────────────────────────────
  /** The host form was reset. Override to restore the initial value. */
  formResetCallback(): void {}

  /** A `<fieldset>` ancestor or the `disabled` attribute changed. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** The browser restores a value (back/forward cache or autofill). Override to apply it. */
  formStateRestoreCallback(_state: string | File | FormData | null, _mode: string): void {}

  // ── helpers for subclasses ──────────────────────────────────────────
  /** Whether the element is disabled by any means. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Sets the submitted value (and optionally the state to restore). */
  protected setFormValue(
    value: string | FormData | null,
    restore?: string | FormData | null,
  ): void {
    this.internals.setFormValue(value, restore ?? value);
  }

  /**
   * Sets the validity. With no flag set the element is valid; otherwise `message` must be
   * non-empty, and `anchor` (a focusable element in the shadow root) is where the browser
   * points when it reports the problem.
   */
  protected setValidity(flags: ValidityStateFlags, message = '', anchor?: HTMLElement): void {
    const invalid = Object.values(flags).some(Boolean);
    if (!invalid) this.internals.setValidity({});
    else this.internals.setValidity(flags, message || ' ', anchor);
  }

  /** Adds or removes a custom state (`:state(name)`). */
  protected toggleState(name: string, on: boolean): void {
    const states = this.internals.states;
    if (on) states.add(name);
    else states.delete(name);
  }
}
