// The portal's own API client. The portal's backend (serve.mjs) adds the session's token; the
// widgets never see it.
import {
  FEEDBACK_CONTEXT_PATH,
  FeedbackContextResponseSchema,
  type FeedbackContextResponse,
} from '@milieu/core';

/** The schedule resource, shaped for the session's role (participant and kiosk pages). */
export const OCCURRENCES_URL = '/api/v1/occurrences';
/** The feedback endpoint (the `@milieu/core` feedback contract). */
export const FEEDBACK_URL = '/api/v1/feedback';

/**
 * The example data covers February–March 2026, so the demo runs on a fixed instant:
 * Monday 9 March 2026, 10:20 in New York. Widgets take it through their `now` attribute.
 */
export const DEMO_NOW = '2026-03-09T10:20:00-04:00';
/** The day the demo opens on, in the program's zone. */
export const DEMO_DATE = '2026-03-09';

/** GETs JSON from the portal's backend with the page's session. */
export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`The portal's service answered ${response.status}.`);
  return (await response.json()) as unknown;
}

/**
 * Fetches the feedback context for the session's user (validated with the contract's schema):
 * for a participant, peers appear as id and display name only.
 *
 * @param source - the mode the form writes as
 */
export async function loadFeedbackContext(
  source: 'peer' | 'self',
): Promise<FeedbackContextResponse> {
  const parsed = FeedbackContextResponseSchema.safeParse(
    await getJson(`${FEEDBACK_CONTEXT_PATH}?source=${source}`),
  );
  if (!parsed.success) throw new Error('The feedback service sent a context that is not valid.');
  return parsed.data;
}
