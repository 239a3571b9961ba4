/**
 * `GET` and `PUT /api/v1/document`: the whole program document with `ETag` / `If-Match`.
 *
 * @module
 */
import { documentEtag, parseDocument } from '@milieu/core';
import type { ReplacePrecondition } from '../store/documents.js';
import { ApiError, invalid } from './errors.js';
import { parseEntityTags } from './headers.js';
import { readJson } from './json.js';
import { sendCached, type RouteDef } from './route.js';

/**
 * The revisions listed in an `If-Match` / `If-None-Match` header (`'*'` for any). Weak tags
 * never match (`If-Match` uses strong comparison); malformed parts are ignored. Linear.
 *
 * @param header - the header value
 */
export function parseEtags(header: string): number[] | '*' {
  return parseEntityTags(header);
}

const noDocument = () => new ApiError(404, 'not_found', 'there is no program document yet');

/** The document routes. */
export const documentRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v1/document',
    operationId: 'getDocument',
    summary: 'Read the program document',
    description:
      'The whole milieu document, records included. `ETag` is the revision; send it back as `If-Match` when you replace the document, or as `If-None-Match` to get `304` when nothing changed.',
    tags: ['document'],
    roles: ['admin', 'staff'],
    headers: [{ name: 'If-None-Match', required: false, description: 'An ETag you hold.' }],
    responses: {
      200: {
        description: 'The document.',
        schema: 'MilieuDocument',
        headers: { ETag: 'The revision.' },
      },
      304: { description: 'Unchanged since the ETag you sent.' },
      404: { description: 'No document yet.', schema: 'ErrorBody' },
    },
    async handler(c, { store, cache }) {
      const head = await store.head();
      if (!head) throw noDocument();
      const inm = c.req.header('if-none-match');
      if (inm !== undefined) {
        const tags = parseEntityTags(inm, true); // If-None-Match compares weakly
        if (tags === '*' || tags.includes(head.revision)) {
          return c.body(null, 304, { ETag: documentEtag(head.revision) });
        }
      }
      const full = await cache.fullJson(head.revision);
      if (!full) throw noDocument();
      return sendCached(c, full.json, { ETag: documentEtag(full.revision) });
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/document',
    operationId: 'putDocument',
    summary: 'Replace the program document',
    description:
      'Replaces the whole document, records included, validated by `parseDocument` (`400` with every issue, located by JSON pointers; `program.id` must be the program of the route, else a `400` at `/program/id`). Requires `If-Match` with the current ETag (`428` without it, `412` when someone wrote since), or `If-None-Match: *` to create the first document. `If-Match: *` is refused with `428`: a blind overwrite would silently drop feedback and attendance recorded since the client read the document, so send the ETag of the document you edited.',
    tags: ['document'],
    roles: ['admin'],
    headers: [
      {
        name: 'If-Match',
        required: false,
        description:
          'The ETag of the document you edited (required unless creating; `*` is refused with 428).',
      },
      {
        name: 'If-None-Match',
        required: false,
        description: '`*` to create the first document only.',
      },
    ],
    body: { schema: 'MilieuDocument', limit: 'document' },
    responses: {
      200: {
        description: 'Saved.',
        schema: 'DocumentSaved',
        headers: { ETag: 'The new revision.' },
      },
      412: {
        description: 'The document changed since your ETag (or, with `If-None-Match: *`, exists).',
        schema: 'ErrorBody',
      },
      428: { description: 'No `If-Match` sent, or `If-Match: *`.', schema: 'ErrorBody' },
    },
    async handler(c, deps) {
      const { store, cache } = deps;
      const ifMatch = c.req.header('if-match');
      const create = c.req.header('if-none-match')?.trim() === '*';
      if (ifMatch === undefined && !create) {
        throw new ApiError(
          428,
          'precondition_required',
          'send If-Match with the ETag of the document you edited',
        );
      }
      if (ifMatch !== undefined && parseEntityTags(ifMatch) === '*') {
        // A blind overwrite would silently drop records written since the client last read.
        throw new ApiError(
          428,
          'precondition_required',
          'If-Match: * is not accepted: GET the document and send its ETag as If-Match',
        );
      }
      const parsed = parseDocument(await readJson(c));
      if (!parsed.ok)
        throw invalid('invalid_request', parsed.issues, 'the document is not valid: see issues');
      const program = deps.program;
      if (program && parsed.value.program.id !== program.id) {
        throw invalid('invalid_request', [
          {
            path: '/program/id',
            code: 'program_mismatch',
            message: program.fromPath
              ? `program.id must be "${program.id}", the program in the path`
              : `this server's program is "${program.id}": put another program's document to /api/v1/programs/{programId}/document`,
          },
        ]);
      }
      const precondition: ReplacePrecondition =
        ifMatch === undefined
          ? { type: 'create' }
          : { type: 'match', revisions: parseEtags(ifMatch) };
      const outcome = await store.replaceDocument(
        parsed.value,
        precondition,
        c.get('principal').staffId,
      );
      if (outcome.kind === 'failed') {
        const headers: Record<string, string> = outcome.head
          ? { ETag: documentEtag(outcome.head.revision) }
          : {};
        throw new ApiError(
          412,
          'precondition_failed',
          precondition.type === 'create'
            ? 'a document already exists: replace it with If-Match'
            : outcome.head
              ? 'the document changed since you read it: GET it again and reapply your change'
              : 'there is no document to replace: create it with If-None-Match: *',
          { headers },
        );
      }
      await cache.body(outcome.head);
      return c.json({ revision: outcome.head.revision, updatedAt: outcome.head.updatedAt }, 200, {
        ETag: documentEtag(outcome.head.revision),
      });
    },
  },
];
