import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Custom properties to set on an element: name → value. */
export type CssVars = Readonly<Record<`--${string}`, string | number>>;

/**
 * Sets CSS custom properties on its element with `style.setProperty` (CSSOM), which a strict
 * `style-src 'self'` policy allows, unlike a `style="…"` attribute or `styleMap`. Writes only
 * values that changed since the last render.
 */
class CssVarsDirective extends Directive {
  private last: Record<string, string> = {};

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('vars() must be used on an element');
  }

  render(_vars: CssVars): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [vars]: [CssVars]): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const name in vars) {
      const value = String(vars[name as `--${string}`]);
      if (this.last[name] !== value) {
        style.setProperty(name, value);
        this.last[name] = value;
      }
    }
    return nothing;
  }
}

/**
 * `<div ${vars({ '--_s': 540, '--_e': 600 })}>`: positions an element through custom
 * properties without inline style attributes (strict CSP).
 */
export const vars = directive(CssVarsDirective);
