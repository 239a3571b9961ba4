import { describe, expect, it } from 'vitest';
import {
  CreateFeedbackResponseSchema,
  ErrorBodySchema,
  parseDocument,
  type FeedbackEntry,
  type MilieuDocument,
} from '@milieu/core';
import minimal from '../../../examples/minimal.json' with { type: 'json' };
import {
  createFeedbackServer,
  createFetch,
  documentEndpoint,
  documentHandlers,
  documentLoader,
  feedbackHandlers,
  DOCUMENT_PATH,
} from './index.js';

const doc = minimal as unknown as MilieuDocument;
const entry: FeedbackEntry = {
  id: 'fb-1',
  createdAt: '2026-03-09T10:00:00-05:00',
  source: 'self',
  authorId: 'p1',
  subjectId: 'p1',
  strengths: 'Went to art group',
  visibility: 'staff',
  anonymous: false,
  review: { status: 'pending' },
};
const post = (f: typeof fetch, key: string | null, body: unknown = entry): Promise<Response> =>
  f('/api/v1/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: JSON.stringify(body),
  });

describe('feedbackHandlers', () => {
  it('201 stores one entry per key; a replay answers the first entry', async () => {
    const server = createFeedbackServer();
    const f = createFetch(feedbackHandlers(server));
    const first = await post(f, 'k-1');
    expect(first.status).toBe(201);
    expect(CreateFeedbackResponseSchema.safeParse(await first.json()).success).toBe(true);
    expect((await post(f, 'k-1')).status).toBe(201);
    expect(server.saved).toHaveLength(1);
    expect(server.requests.map((r) => r.key)).toEqual(['k-1', 'k-1']);
    expect((await post(f, 'k-1', { ...entry, strengths: 'Other' })).status).toBe(422);
    expect((await post(f, null)).status).toBe(400);
    expect((await post(f, 'k-2', { ...entry, strengths: '' })).status).toBe(422);
    server.reset();
    expect(server.saved).toEqual([]);
  });

  it('flaky: stores, answers 500, then 201 for the same key; one entry', async () => {
    const server = createFeedbackServer();
    const f = createFetch(feedbackHandlers(server, 'flaky'));
    expect((await post(f, 'k')).status).toBe(500);
    expect((await post(f, 'k')).status).toBe(201);
    expect(server.saved).toHaveLength(1);
  });

  it('rejected and invalid carry the server message', async () => {
    const server = createFeedbackServer();
    const rejected = await post(createFetch(feedbackHandlers(server, 'rejected')), 'k');
    expect(rejected.status).toBe(403);
    const invalid = await post(createFetch(feedbackHandlers(server, 'invalid')), 'k');
    expect(invalid.status).toBe(422);
    const body = ErrorBodySchema.parse(await invalid.json());
    expect(body.error.code).toBe('invalid_entry');
    expect(body.error.message).not.toBe('');
    expect(server.saved).toEqual([]);
  });

  it('offline rejects like a network error; timeout waits for the abort', async () => {
    const server = createFeedbackServer();
    await expect(post(createFetch(feedbackHandlers(server, 'offline')), 'k')).rejects.toThrow(
      TypeError,
    );
    const f = createFetch(feedbackHandlers(server, 'timeout'));
    await expect(
      f('/api/v1/feedback', {
        method: 'POST',
        body: JSON.stringify(entry),
        signal: AbortSignal.timeout(30),
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('documentHandlers', () => {
  it('serves the document with an ETag and answers 304 to If-None-Match', async () => {
    const f = createFetch(documentHandlers(doc));
    const res = await f(DOCUMENT_PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"1"');
    expect(parseDocument(await res.json()).ok).toBe(true);
    const again = await f(DOCUMENT_PATH, { headers: { 'If-None-Match': '"1"' } });
    expect(again.status).toBe(304);
  });

  it('answers 404, 500 and an invalid document, and fails offline', async () => {
    expect((await createFetch(documentHandlers(doc, 'not-found'))(DOCUMENT_PATH)).status).toBe(404);
    expect((await createFetch(documentHandlers(doc, 'server-error'))(DOCUMENT_PATH)).status).toBe(
      500,
    );
    const invalid = await createFetch(documentHandlers(doc, 'invalid'))(DOCUMENT_PATH);
    expect(parseDocument(await invalid.json()).ok).toBe(false);
    await expect(createFetch(documentHandlers(doc, 'offline'))(DOCUMENT_PATH)).rejects.toThrow(
      'Failed to fetch',
    );
  });

  it('flaky: a 500 first, then the document; the loader reports the message', async () => {
    const endpoint = documentEndpoint(doc, 'flaky');
    const load = documentLoader(createFetch(endpoint.handlers));
    await expect(load(new AbortController().signal)).rejects.toThrow(
      'GET /api/v1/document answered 500: Temporary failure.',
    );
    expect(parseDocument(await load(new AbortController().signal)).ok).toBe(true);
    expect(endpoint.requests).toBe(2);
  });

  it('slow answers after the delay; loading never answers until aborted', async () => {
    const slow = createFetch(documentHandlers(doc, 'slow', { delayMs: 20 }));
    expect((await slow(DOCUMENT_PATH)).status).toBe(200);
    const loading = createFetch(documentHandlers(doc, 'loading'));
    const controller = new AbortController();
    const pending = loading(DOCUMENT_PATH, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects requests no handler answers, naming them', async () => {
    await expect(createFetch([])('/nowhere')).rejects.toThrow('No msw handler for GET');
  });
});
