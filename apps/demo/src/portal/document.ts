// The document path of the portal, for staff pages only (the unit page, the embedding lab): a
// separate module, so that no participant or kiosk page bundles the document parser.
import { parseDocument, type MilieuDocument } from '@milieu/core';
import { getJson } from './api.js';

/** The document endpoint (staff sessions only). */
export const DOCUMENT_URL = '/api/v1/document';

/**
 * Fetches the program's document for a staff page, as a portal with its own session would
 * (the schedule board's document `loader` takes exactly this shape).
 */
export function loadDocument(signal?: AbortSignal): Promise<unknown> {
  return getJson(DOCUMENT_URL, signal);
}

/** Fetches and validates the document once, for staff widgets that take it as a property. */
export async function loadValidDocument(): Promise<MilieuDocument> {
  const parsed = parseDocument(await loadDocument());
  if (!parsed.ok) throw new Error('The schedule service sent a document that is not valid.');
  return parsed.value;
}
