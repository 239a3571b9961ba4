// The portal's own API client. A real portal adds its session here; the widgets never see it.
import { parseDocument, type MilieuDocument } from '@milieu/core';

/** The demo backend's document endpoint (serve.mjs). */
export const DOCUMENT_URL = '/api/v1/document';
/** The demo backend's feedback endpoint (the `@milieu/core` feedback contract). */
export const FEEDBACK_URL = '/api/v1/feedback';

/**
 * The example data covers February–March 2026, so the demo runs on a fixed instant:
 * Monday 9 March 2026, 10:20 in New York. Widgets take it through their `now` attribute.
 */
export const DEMO_NOW = '2026-03-09T10:20:00-04:00';
/** The day the demo opens on, in the program's zone. */
export const DEMO_DATE = '2026-03-09';

/**
 * Fetches the program's document, as a portal with its own session would (`loader` of the
 * schedule board takes exactly this shape).
 */
export async function loadDocument(signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(DOCUMENT_URL, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`The schedule service answered ${response.status}.`);
  return (await response.json()) as unknown;
}

/** Fetches and validates the document once, for widgets that take it as a property. */
export async function loadValidDocument(): Promise<MilieuDocument> {
  const parsed = parseDocument(await loadDocument());
  if (!parsed.ok) throw new Error('The schedule service sent a document that is not valid.');
  return parsed.value;
}
