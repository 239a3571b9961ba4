/**
 * JSON pointers (RFC 6901) for issue paths, in a module of their own so that a widget that only
 * reports schema issues does not bundle the document's issue messages.
 *
 * @module
 */

/**
 * Formats a path as a JSON pointer (RFC 6901): `['routines', 3, 'a/b']` → `/routines/3/a~1b`.
 *
 * @param path - property names and array indexes from the root
 */
export function toPointer(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    out += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return out;
}
