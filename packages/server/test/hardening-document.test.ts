/**
 * `If-Match: *` on `PUT /api/v1/document` is a 428: a blind overwrite would silently drop
 * feedback and attendance recorded since the client read the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, testDocument } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe('PUT /api/v1/document with If-Match: *', () => {
  it('is 428 and keeps every acknowledged record', async () => {
    const posted = await h.request('POST', '/api/v1/feedback', {
      token: 'p1',
      body: entry(),
      headers: { 'Idempotency-Key': 'acknowledged-1' },
    });
    expect(posted.status).toBe(201);
    const before = await h.request('GET', '/api/v1/document', { token: 'admin' });
    for (const star of ['*', ' * ', '\t*']) {
      const res = await h.request('PUT', '/api/v1/document', {
        token: 'admin',
        body: testDocument(), // the stale copy, without the entry just written
        headers: { 'If-Match': star },
      });
      expect(res.status).toBe(428);
      expect(res.json.error).toEqual({
        code: 'precondition_required',
        message: expect.stringContaining('ETag'),
      });
    }
    // Refused before the body is read: a broken body is still a 428.
    const broken = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      raw: '{',
      headers: { 'If-Match': '*' },
    });
    expect(broken.status).toBe(428);
    const after = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(after.json.records.feedback.map((e: { id: string }) => e.id)).toContain(
      posted.json.entry.id,
    );
  });

  it('still replaces with the real ETag, and a list holding "*" is not a wildcard', async () => {
    const etag = (await h.request('GET', '/api/v1/document', { token: 'admin' })).headers.get(
      'etag',
    )!;
    const mixed = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: testDocument(),
      headers: { 'If-Match': '*, "999999"' },
    });
    expect(mixed.status).toBe(412);
    const ok = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: testDocument(),
      headers: { 'If-Match': etag },
    });
    expect(ok.status).toBe(200);
  });

  it('is documented in the OpenAPI description', async () => {
    const api = (await h.request('GET', '/openapi.json')).json;
    const put = api.paths['/api/v1/document'].put;
    expect(put.description).toContain('`If-Match: *` is refused with `428`');
    expect(put.responses['428'].description).toContain('If-Match: *');
  });
});
