/** Production build of the dev-warning helper: no checks, no output (see `dev.development.ts`). */

/** Whether dev-only checks run. */
export const DEV = false;

/** No-op in production builds. */
export function devWarn(_tag: string, _message: string, _docs: string): void {}
