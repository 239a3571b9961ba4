import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDocument } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

describe('GET /api/v1/document', () => {
  it('returns the whole document with a strong ETag, records included', async () => {
    const res = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toEqual(testDocument());
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const res = await h.request('GET', '/api/v1/document', {
      token: 'staff',
      headers: { 'If-None-Match': '"1"' },
    });
    expect(res.status).toBe(304);
    expect(res.text).toBe('');
    const changed = await h.request('GET', '/api/v1/document', {
      token: 'staff',
      headers: { 'If-None-Match': '"0"' },
    });
    expect(changed.status).toBe(200);
  });

  it('is 404 JSON when nothing was stored yet', async () => {
    const empty = await harness({ seed: null });
    const res = await empty.request('GET', '/api/v1/document', { token: 'admin' });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    await empty.close();
  });
});

describe('PUT /api/v1/document', () => {
  it('replaces the document with a matching If-Match and moves the ETag on', async () => {
    const doc = testDocument();
    doc.program.name = 'Cedar Day Program (renamed)';
    const res = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ revision: 2, updatedAt: expect.any(String) });
    expect(res.headers.get('etag')).toBe('"2"');
    const read = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(read.json.program.name).toBe('Cedar Day Program (renamed)');
  });

  it('rejects a stale If-Match with 412 and the current ETag', async () => {
    const doc = testDocument();
    await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': '"1"' },
    });
    const stale = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('precondition_failed');
    expect(stale.headers.get('etag')).toBe('"2"');
  });

  it('counts record writes as changes: a PUT based on an older GET is stale', async () => {
    const before = await h.request('GET', '/api/v1/document', { token: 'admin' });
    const rec = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: { occurrenceId: 'community@2026-03-09', participantId: 'p-01', status: 'present' },
    });
    expect(rec.status).toBe(200);
    const put = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: before.json,
      headers: { 'If-Match': before.headers.get('etag') ?? '' },
    });
    expect(put.status).toBe(412);
  });

  it('requires If-Match (428), and creates only with If-None-Match: *', async () => {
    const doc = testDocument();
    const missing = await h.request('PUT', '/api/v1/document', { token: 'admin', body: doc });
    expect(missing.status).toBe(428);
    expect(missing.json.error.code).toBe('precondition_required');
    const exists = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-None-Match': '*' },
    });
    expect(exists.status).toBe(412);
    const empty = await harness({ seed: null });
    const created = await empty.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-None-Match': '*' },
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('etag')).toBe('"1"');
    const noneToMatch = await harness({ seed: null });
    const r = await noneToMatch.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': '"1"' },
    });
    expect(r.status).toBe(412);
    await empty.close();
    await noneToMatch.close();
  });

  it('refuses If-Match: * (428), accepts lists of ETags, never weak ones', async () => {
    const doc = testDocument();
    const star = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': ' * ' },
    });
    expect(star.status).toBe(428);
    expect(star.json.error.code).toBe('precondition_required');
    const revision = (await h.store.head())!.revision;
    const listed = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': `"${revision + 100}", "${revision}"` },
    });
    expect(listed.status).toBe(200);
    const weak = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': `W/"${revision + 1}"` },
    });
    expect(weak.status).toBe(412);
  });

  it('answers 400 with every core issue located by a JSON pointer, and stores nothing', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- break the document on purpose
    const doc = testDocument() as unknown as Record<string, any>;
    doc.routines[0].facilitatorIds = ['nobody'];
    doc.program.timeZone = 'Europe/Londn';
    const res = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    const paths = res.json.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('/program/timeZone');
    expect(paths).toContain('/routines/0/facilitatorIds/0');
    expect(res.json.error.issues[0]).toEqual({
      path: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
    });
    expect((await h.store.head())?.revision).toBe(1);
  });

  it('rejects prototype-polluting keys as forbidden_key issues', async () => {
    const text = JSON.stringify(testDocument()).replace(
      '"milieuVersion":1',
      '"milieuVersion":1,"__proto__":{"polluted":true}',
    );
    const res = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      raw: text,
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toContainEqual(
      expect.objectContaining({ path: '/__proto__', code: 'forbidden_key' }),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers 400 invalid_json to malformed JSON and 415 to other content types', async () => {
    const bad = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      raw: '{"milieuVersion":',
      headers: { 'If-Match': '"1"' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: 'invalid_json',
      issues: [{ path: '', code: 'invalid_json' }],
    });
    const form = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      raw: 'a=1',
      headers: { 'If-Match': '"1"', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('unsupported_media_type');
  });

  it('answers 413 to a body over the document limit', async () => {
    const small = await harness({ documentBodyLimit: 10_000 });
    const res = await small.request('PUT', '/api/v1/document', {
      token: 'admin',
      raw: JSON.stringify({ pad: 'x'.repeat(20_000) }),
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    await small.close();
  });

  it('keeps attendance and feedback in their own tables yet returns them in place', async () => {
    const doc = testDocument();
    const res = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(res.json.records.feedback).toEqual(doc.records.feedback);
    expect(res.json.records.attendance).toEqual(doc.records.attendance);
  });
});
