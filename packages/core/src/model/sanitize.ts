/**
 * Pre-validation walk over untrusted input: finds `__proto__`, `constructor` and `prototype`
 * keys anywhere (as own properties, the way `JSON.parse` creates them) and, only when some are
 * found, returns a copy without them, so no later step can touch a prototype.
 *
 * @internal
 * @module
 */
import type { Issue } from './issues.js';
import { toPointer } from './pointer.js';

/** Keys that are rejected anywhere in a document. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const forbidden = new Set(FORBIDDEN_KEYS);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The result of {@link sanitize}: the value to validate and the forbidden-key issues found. */
export interface Sanitized {
  value: unknown;
  issues: Issue[];
}

/**
 * Walks `input` iteratively (no recursion limit, cycles visited once) using only own enumerable
 * string keys. Reports each forbidden key as `forbidden_key` at its path. When none is found the
 * input is returned as is; otherwise a structural copy without those keys.
 *
 * @param input - untrusted value (typically the result of `JSON.parse`)
 */
export function sanitize(input: unknown): Sanitized {
  const issues: Issue[] = [];
  if (input === null || typeof input !== 'object') return { value: input, issues };
  const seen = new WeakSet<object>();
  // Each frame remembers its parent and key; pointers are built only for the rare forbidden key.
  type Frame = { value: object; parent: Frame | undefined; key: string };
  const pointer = (frame: Frame | undefined, key: string): string => {
    const path = [key];
    for (let f = frame; f && f.parent; f = f.parent) path.push(f.key);
    return toPointer(path.reverse());
  };
  const stack: Frame[] = [{ value: input, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (seen.has(value)) continue;
    seen.add(value);
    for (const key of Object.keys(value)) {
      if (forbidden.has(key)) {
        issues.push({
          path: pointer(frame, key),
          code: 'forbidden_key',
          message: `the key "${key}" is not allowed anywhere in a milieu document`,
        });
        continue;
      }
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, parent: frame, key });
    }
  }
  if (issues.length === 0) return { value: input, issues };
  issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { value: copyWithout(input), issues };
}

function copyWithout(input: object): unknown {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, out);
    for (const key of Object.keys(value)) {
      if (forbidden.has(key)) continue;
      if (hasOwn(value, key)) {
        Object.defineProperty(out, key, {
          value: copy((value as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return out;
  };
  return copy(input);
}
