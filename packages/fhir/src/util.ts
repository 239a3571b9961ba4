/**
 * Small helpers shared by export, import and the client: deterministic UUIDs, extensions,
 * codings, references.
 *
 * @module
 */
import type { Coding, Extension, Identifier, Reference, Resource } from '@medplum/fhirtypes';

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A deterministic UUID (version 8, RFC 9562 "custom") for a key, so exporting the same
 * document twice gives the same `urn:uuid:` full URLs. Not cryptographic.
 *
 * @param key - e.g. `Patient|p-01`
 */
export function stableUuid(key: string): string {
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995]
    .map((seed) => fnv1a(key, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A `Coding` with a display when given. */
export function coding(system: string, code: string, display?: string): Coding {
  return display === undefined ? { system, code } : { system, code, display };
}

/** One extension with a value (`valueString`, `valueCode`, …) or sub-extensions. */
export function ext(url: string, value: Partial<Extension>): Extension {
  return { url, ...value };
}

/** Sub-extensions, skipping the `undefined` ones. */
export function subs(list: (Extension | undefined)[]): Extension[] {
  return list.filter((e): e is Extension => e !== undefined);
}

/** The first extension with `url`, if any. */
export function findExt(
  holder: { extension?: Extension[] } | undefined,
  url: string,
): Extension | undefined {
  const list = holder?.extension;
  return Array.isArray(list) ? list.find((e) => e?.url === url) : undefined;
}

/** Every extension with `url`. */
export function findExts(
  holder: { extension?: Extension[] } | undefined,
  url: string,
): Extension[] {
  const list = holder?.extension;
  return Array.isArray(list) ? list.filter((e) => e?.url === url) : [];
}

/** The identifier value of `system`, if any. */
export function identifierValue(
  holder: { identifier?: Identifier[] } | undefined,
  system: string,
): string | undefined {
  const list: unknown = holder?.identifier;
  // QuestionnaireResponse.identifier is a single Identifier; the others are lists.
  const one = (i: unknown): i is Identifier =>
    typeof i === 'object' && i !== null && (i as Identifier).system === system;
  const value = Array.isArray(list) ? list.find(one)?.value : one(list) ? list.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A reference assignable to any `Reference<T>` of `@medplum/fhirtypes` (which types the target;
 * ours are checked by the validator tests instead).
 */
export type AnyRef = Reference<never>;

/** A reference to a bundle entry's full URL. */
export function ref(fullUrl: string, display?: string): AnyRef {
  return display === undefined ? { reference: fullUrl } : { reference: fullUrl, display };
}

/** A resource with its full URL, as collected by the export. */
export interface Entry<R extends Resource = Resource> {
  fullUrl: string;
  resource: R;
  /** The identifier a transaction's conditional update matches on. */
  match?: Identifier;
}
