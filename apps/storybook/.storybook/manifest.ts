import type { ArgTypes, InputType, SBType } from 'storybook/internal/types';

/**
 * The docs tables, read from `@milieu/elements/custom-elements.json`.
 *
 * Storybook's own reader for web components lists private fields as properties, drops the
 * default slot (it has no name), lets an attribute hide the property of the same name, and
 * knows no custom states. This one shows, per element: properties (public, with their
 * attribute and a control inferred from the type), attributes, methods, events, slots, CSS
 * custom properties, CSS parts and custom states (`:state()`), each in its own category.
 */

interface CemItem {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  fieldName?: string;
}

/** A custom element's declaration in the manifest (the parts read here). */
export interface CemElement {
  tagName?: string;
  customElement?: boolean;
  description?: string;
  members?: CemItem[];
  attributes?: CemItem[];
  events?: CemItem[];
  slots?: CemItem[];
  cssParts?: CemItem[];
  cssProperties?: CemItem[];
  cssStates?: CemItem[];
}

/** The manifest (schema 2.x), as far as read here. */
export interface CemManifest {
  modules: { declarations?: CemElement[] }[];
}

/** The declaration of `tagName`, if the manifest has it. */
export function findElement(manifest: CemManifest, tagName: unknown): CemElement | undefined {
  if (typeof tagName !== 'string') return undefined;
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) if (d.customElement && d.tagName === tagName) return d;
  }
  return undefined;
}

/** `'a' | 'b'` → `['a', 'b']`; anything else → `null`. */
function literals(text: string): string[] | null {
  const parts = text.split('|').map((p) => p.trim());
  const values = parts.filter((p) => p !== 'undefined' && p !== 'null');
  return values.length > 1 && values.every((p) => /^'[^']*'$/.test(p))
    ? values.map((p) => p.slice(1, -1))
    : null;
}

/** A Storybook type for a TypeScript type text, so controls can be inferred. */
function sbType(text: string | undefined): SBType {
  const t = (text ?? '').replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
  if (t === 'string') return { name: 'string' };
  if (t === 'boolean') return { name: 'boolean' };
  if (t === 'number') return { name: 'number' };
  const values = literals(text ?? '');
  if (values) return { name: 'enum', value: values };
  return { name: 'other', value: t || 'unknown' };
}

const describe = (item: CemItem): string => item.description ?? item.summary ?? '';

/** A table-only row (no control): attributes, events, slots, parts, states… */
function row(name: string, category: string, item: CemItem, summary?: string): InputType {
  return {
    name,
    description: describe(item),
    control: false,
    table: {
      category,
      ...(summary ? { type: { summary } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
  };
}

/**
 * The argTypes of `tagName` from `manifest`, for `parameters.docs.extractArgTypes`.
 *
 * @param manifest - the custom-elements manifest
 * @param tagName - the story's `component`
 */
export function argTypesFromManifest(manifest: CemManifest, tagName: unknown): ArgTypes | null {
  const el = findElement(manifest, tagName);
  if (!el) return null;
  const out: ArgTypes = {};
  for (const m of el.members ?? []) {
    if (m.static || (m.privacy && m.privacy !== 'public') || m.name.startsWith('#')) continue;
    if (m.kind === 'method') {
      out[`method:${m.name}`] = row(`${m.name}()`, 'methods', m);
      continue;
    }
    const attr = m.attribute ? `Attribute \`${m.attribute}\`.` : 'Property only.';
    out[m.name] = {
      name: m.name,
      description: `${describe(m)} ${attr}`.trim(),
      type: sbType(m.type?.text),
      ...(m.readonly ? { control: false } : {}),
      table: {
        category: 'properties',
        type: { summary: m.type?.text ?? 'unknown' },
        ...(m.default !== undefined ? { defaultValue: { summary: m.default } } : {}),
      },
    };
  }
  for (const a of el.attributes ?? []) {
    const prop = a.fieldName ? ` Property \`${a.fieldName}\`.` : '';
    out[`attr:${a.name}`] = {
      ...row(a.name, 'attributes', a, a.type?.text),
      description: `${describe(a)}${prop}`,
    };
  }
  for (const e of el.events ?? []) {
    out[`event:${e.name}`] = row(e.name, 'events', e, e.type?.text ?? 'CustomEvent');
  }
  for (const s of el.slots ?? []) {
    out[`slot:${s.name}`] = row(s.name || '(default)', 'slots', s);
  }
  for (const p of el.cssProperties ?? []) {
    out[`css:${p.name}`] = row(p.name, 'css custom properties', p);
  }
  for (const p of el.cssParts ?? []) {
    out[`part:${p.name}`] = row(`::part(${p.name})`, 'css shadow parts', p);
  }
  for (const s of el.cssStates ?? []) {
    out[`state:${s.name}`] = row(`:state(${s.name})`, 'css custom states', s);
  }
  return out;
}

/** The event names `tagName` fires (to log them in the Actions panel). */
export function eventNames(manifest: CemManifest, tagName: unknown): string[] {
  return (findElement(manifest, tagName)?.events ?? []).map((e) => e.name);
}
