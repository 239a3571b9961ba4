import { LitElement } from 'lit';

/**
 * The small base class of every Milieu element: a typed event helper and
 * a guarded registration. Keep it small; component behaviour belongs in the
 * component or in a reactive controller.
 */
export class MilieuElement extends LitElement {
  /**
   * Dispatches `event` from this element and returns `false` when a listener
   * called `preventDefault()` on a cancelable event.
   */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /**
   * The locale to render in: `explicit` (the element's `locale` attribute) when set,
   * otherwise the nearest `lang` attribute (a portal's `<html lang="es">`), otherwise the
   * browser's language.
   */
  protected resolveLocale(explicit: string | null | undefined): string {
    if (explicit) return explicit;
    const lang = this.closest('[lang]')?.getAttribute('lang');
    return lang || globalThis.navigator?.language || 'en';
  }
}

/**
 * Registers `ctor` under `tag` unless the tag is taken already, so loading the
 * same build twice on one page is harmless. A tag owned by another class (an
 * other version of this library) is left alone too.
 *
 * @returns `true` when this call registered the tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return false;
  customElements.define(tag, ctor);
  return true;
}
