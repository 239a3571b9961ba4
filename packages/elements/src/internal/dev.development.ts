/**
 * Development build of the dev-warning helper, selected by the `development` condition of the
 * `#dev` import (and for our own sources). Production builds get `dev.production.ts`, where
 * every call is a no-op, so usage warnings cost nothing in a portal.
 */

/** Whether dev-only checks run. */
export const DEV = true;

const warned = new Set<string>();

/**
 * Warns once per distinct message about a usage mistake, naming the element and the page of
 * the docs that explains the right usage. Never logs user data: callers pass attribute values
 * the page author wrote, not document content.
 */
export function devWarn(tag: string, message: string, docs: string): void {
  const text = `<${tag}>: ${message} See ${docs}`;
  if (warned.has(text)) return;
  warned.add(text);
  console.warn(text);
}
