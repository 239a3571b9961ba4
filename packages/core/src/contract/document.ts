/**
 * The program document resource, `/api/v1/document`, with optimistic concurrency:
 *
 * ```
 * GET  /api/v1/document                     200 MilieuDocument, ETag: "<revision>"
 *      If-None-Match: "<revision>"          304 when unchanged
 * PUT  /api/v1/document                     body MilieuDocument (validated by parseDocument)
 *      If-Match: "<revision>"               200 DocumentSaved, ETag: "<new revision>"
 *      (stale)                              412 precondition_failed
 *      (no If-Match, or If-Match: *)        428 precondition_required
 *      If-None-Match: *                     creates the first document (412 if one exists)
 * ```
 *
 * The revision changes on every write, records (feedback, attendance) included, so a `PUT`
 * never silently drops an entry written after the `GET` it is based on.
 *
 * @module
 */
import * as z from 'zod/mini';
import { InstantSchema, MilieuDocumentSchema, NonNegativeIntSchema } from '../model/index.js';

/** The body of `GET /api/v1/document`: the whole document (records included). */
export const GetDocumentResponseSchema = MilieuDocumentSchema;
/** The body of `PUT /api/v1/document`: the whole new document. */
export const PutDocumentRequestSchema = MilieuDocumentSchema;

/** The `200` body of a successful `PUT /api/v1/document`. */
export const DocumentSavedSchema = z.strictObject({
  /** The new revision; the response's `ETag` is its quoted form. */
  revision: NonNegativeIntSchema,
  /** When it was saved. */
  updatedAt: InstantSchema,
});
/** The `200` body of a successful `PUT /api/v1/document`. */
export type DocumentSaved = z.infer<typeof DocumentSavedSchema>;

/**
 * The entity tag of a document revision (a strong validator): `"7"` for revision 7.
 *
 * @param revision - the document revision
 */
export function documentEtag(revision: number): string {
  return `"${revision}"`;
}
