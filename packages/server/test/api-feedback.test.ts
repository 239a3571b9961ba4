import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entry } from './fixtures.js';
import { harness, type Harness, type TokenName } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const post = (token: TokenName, body: unknown, key: string = crypto.randomUUID()) =>
  h.request('POST', '/api/v1/feedback', { token, body, headers: { 'Idempotency-Key': key } });

/** Staff approve an entry (optionally widening who sees it). */
async function approve(id: string, visibility?: 'subject' | 'community'): Promise<void> {
  const res = await h.request('PUT', `/api/v1/feedback/${id}/review`, {
    token: 'staff',
    body: { status: 'approved', ...(visibility ? { visibility } : {}) },
  });
  expect(res.status).toBe(200);
}

async function storedIds(): Promise<string[]> {
  return (await h.store.listFeedback({ limit: 1000 })).map((r) => r.entry.id);
}

describe('POST /api/v1/feedback: idempotency', () => {
  it('stores an entry once and replays the first response for a repeated key', async () => {
    const e = entry({ source: 'peer', subjectId: 'p-02' });
    const first = await post('p1', e, 'key-1');
    expect(first.status).toBe(201);
    expect(first.json.entry).toMatchObject({ id: e.id, authorId: 'p-01' });
    const again = await post('p1', e, 'key-1');
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await storedIds()).filter((id) => id === e.id)).toHaveLength(1);
  });

  it('stores one record when the same key arrives many times at once', async () => {
    const e = entry();
    const replies = await Promise.all(Array.from({ length: 25 }, () => post('p1', e, 'same-key')));
    expect(replies.map((r) => r.status)).toEqual(Array(25).fill(201));
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect((await storedIds()).filter((id) => id === e.id)).toHaveLength(1);
  });

  it('treats key order and whitespace in the body as the same request', async () => {
    const e = entry();
    await post('p1', e, 'k');
    const reordered = Object.fromEntries(Object.entries(e).reverse());
    const res = await h.request('POST', '/api/v1/feedback', {
      token: 'p1',
      raw: JSON.stringify(reordered, null, 2),
      headers: { 'Idempotency-Key': 'k' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 422 to a key reused with a different body, storing nothing', async () => {
    const e = entry();
    await post('p1', e, 'k2');
    const other = await post('p1', { ...e, strengths: 'Something else entirely.' }, 'k2');
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('idempotency_key_reused');
    expect(await storedIds()).toHaveLength(7);
  });

  it('scopes keys per token', async () => {
    const a = await post('p1', entry(), 'shared');
    const b = await post('p3', entry(), 'shared');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
  });

  it('requires the key, and a well-formed one', async () => {
    const none = await h.request('POST', '/api/v1/feedback', { token: 'p1', body: entry() });
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe('idempotency_key_missing');
    const bad = await post('p1', entry(), 'has space');
    expect(bad.status).toBe(400);
  });

  it('answers 409 to a new key reusing an existing entry id', async () => {
    const res = await post('staff', entry({ id: 'fb-1', source: 'staff', subjectId: 'p-01' }));
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
  });
});

describe('POST /api/v1/feedback: validation and policy', () => {
  it('answers 400 with JSON pointers and stores nothing', async () => {
    const res = await post('p1', { ...entry(), strengths: '', visibility: 'everyone', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_entry');
    expect(res.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      '/extra',
      '/strengths',
      '/visibility',
    ]);
    expect(await storedIds()).toHaveLength(6);
  });

  it('rejects prototype keys in an entry', async () => {
    const raw = JSON.stringify(entry()).replace('{', '{"__proto__":{"admin":true},');
    const res = await h.request('POST', '/api/v1/feedback', {
      token: 'p1',
      raw,
      headers: { 'Idempotency-Key': 'proto' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toContainEqual(
      expect.objectContaining({ path: '/__proto__', code: 'forbidden_key' }),
    );
  });

  it('lets participants write only as themselves and only peer, self or program feedback', async () => {
    expect((await post('p1', entry({ authorId: 'p-03' }))).status).toBe(403);
    expect((await post('p1', entry({ source: 'staff' }))).status).toBe(403);
    const self = await post('p1', entry({ source: 'self', subjectId: 'p-03' }));
    expect(self.status).toBe(400);
    expect(self.json.error.issues[0].path).toBe('/subjectId');
    const unknown = await post('p1', entry({ subjectId: 'p-99' }));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.issues[0]).toMatchObject({
      path: '/subjectId',
      code: 'unknown_reference',
    });
    const program = await post(
      'p1',
      entry({ source: 'program', subjectId: undefined, visibility: 'staff' }),
    );
    expect(program.status).toBe(201);
  });

  it('never gives the author of anonymous peer feedback to the subject or peers', async () => {
    const e = entry({ anonymous: true, subjectId: 'p-02' });
    const res = await post('p1', e);
    expect(res.status).toBe(201);
    expect(res.json.entry.authorId).toBeUndefined();
    await approve(e.id);
    const staffView = await h.request('GET', '/api/v1/feedback?subject=p-02', { token: 'staff' });
    // Under the default policy (`nobody`) the server does not know the author any more.
    expect(staffView.json.entries.find((x: { id: string }) => x.id === e.id).authorId).toBe(
      undefined,
    );
    for (const token of ['p2', 'p3'] as const) {
      const view = await h.request('GET', '/api/v1/feedback', { token });
      expect(view.text).not.toContain(e.id);
      const anonymous = view.json.entries.filter((x: { anonymous: boolean }) => x.anonymous);
      expect(anonymous.every((x: { authorId?: string }) => x.authorId === undefined)).toBe(true);
    }
  });

  it('routes safety language to staff review, whatever the writer asked', async () => {
    const res = await post(
      'p1',
      entry({ suggestions: 'Some days I want to die.', visibility: 'community' }),
    );
    expect(res.status).toBe(201);
    expect(res.json.entry.review).toEqual({ status: 'pending', flags: ['safety-language'] });
    expect(res.json.entry.visibility).toBe('staff');
  });

  it("ignores a participant's review and widened visibility: peer entries start pending", async () => {
    const res = await post(
      'p1',
      entry({
        visibility: 'community',
        review: { status: 'approved', reviewedBy: 'st-1', reviewedAt: '2026-03-10T15:00:00Z' },
      }),
    );
    expect(res.json.entry.review).toEqual({ status: 'pending' });
    expect(res.json.entry.visibility).toBe('subject');
    const subject = await h.request('GET', '/api/v1/feedback', { token: 'p2' });
    expect(subject.text).not.toContain(res.json.entry.id);
    const withheld = await post('p1', entry({ review: { status: 'withheld' } }));
    expect(withheld.json.entry.review).toEqual({ status: 'pending' });
  });

  it('sets the staff author from the token', async () => {
    const res = await post('staff', entry({ source: 'staff', subjectId: 'p-03' }));
    expect(res.status).toBe(201);
    expect(res.json.entry.authorId).toBe('st-1');
  });
});

describe('GET /api/v1/feedback', () => {
  it('gives reviewers every entry, filtered and paged', async () => {
    const all = await h.request('GET', '/api/v1/feedback', { token: 'staff' });
    expect(all.json.entries).toHaveLength(6);
    const page1 = await h.request('GET', '/api/v1/feedback?limit=4', { token: 'admin' });
    expect(page1.json.entries).toHaveLength(4);
    const page2 = await h.request(
      'GET',
      `/api/v1/feedback?limit=4&cursor=${page1.json.nextCursor}`,
      { token: 'admin' },
    );
    expect(page2.json.entries).toHaveLength(2);
    expect(page2.json.nextCursor).toBeUndefined();
    const peer = await h.request('GET', '/api/v1/feedback?source=peer&subject=p-01', {
      token: 'staff',
    });
    expect(peer.json.entries.map((e: { id: string }) => e.id)).toEqual(['fb-2']);
    const bad = await h.request('GET', '/api/v1/feedback?status=done', { token: 'staff' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe('/status');
  });

  it("shows a participant their own, what is shown to them, and never others' private entries", async () => {
    const a = entry({ source: 'peer', subjectId: 'p-04', visibility: 'subject' });
    const b = entry({ source: 'peer', subjectId: 'p-04', strengths: 'Everyone can read this.' });
    const c = entry({ source: 'peer', subjectId: 'p-01', visibility: 'subject' });
    for (const e of [a, b, c]) await post('p3', e);
    await approve(a.id);
    await approve(b.id, 'community');
    const mine = await h.request('GET', '/api/v1/feedback', { token: 'p1' });
    const ids = mine.json.entries.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['fb-1', 'fb-2', 'fb-3', 'fb-5', b.id]));
    expect(ids).not.toContain('fb-4');
    expect(ids).not.toContain('fb-6');
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(c.id); // about p-01, but still pending
    expect(mine.text).toContain('Everyone can read this.');
    expect(
      mine.json.entries.every(
        (e: { review: { status: string }; authorId?: string }) =>
          e.review.status === 'approved' || e.authorId === 'p-01',
      ),
    ).toBe(true);
  });

  it('shows anonymous peer feedback to its subject only as an aggregate of at least three raters', async () => {
    const about = async (token: TokenName, rating: 1 | 2 | 3 | 4 | 5, strengths: string) => {
      const e = entry({
        anonymous: true,
        subjectId: 'p-02',
        ratings: { listening: rating },
        strengths,
      });
      await post(token, e);
      await approve(e.id);
    };
    await about('p1', 4, 'Kind to newcomers.');
    await about('p3', 5, 'Funny in a good way.');
    let view = await h.request('GET', '/api/v1/feedback', { token: 'p2' });
    expect(view.json.aggregates).toEqual([]);
    expect(view.text).not.toContain('Kind to newcomers.');
    await about('p3', 3, 'Second entry, same rater.');
    view = await h.request('GET', '/api/v1/feedback', { token: 'p2' });
    expect(view.json.aggregates).toEqual([]);
    await about('p4', 3, 'Always on time.');
    view = await h.request('GET', '/api/v1/feedback', { token: 'p2' });
    expect(view.json.aggregates).toEqual([
      {
        subjectId: 'p-02',
        raters: 3,
        entries: 4,
        ratings: { listening: { count: 4, mean: 3.75 } },
        strengths: [
          'Always on time.',
          'Funny in a good way.',
          'Kind to newcomers.',
          'Second entry, same rater.',
        ],
        suggestions: [],
      },
    ]);
    for (const author of ['p-01', 'p-03', 'p-04'])
      expect(JSON.stringify(view.json.aggregates)).not.toContain(author);
  });
});

describe('PUT /api/v1/feedback/:id/review', () => {
  it('lets staff change the review, recording who and when', async () => {
    const e = entry({ suggestions: 'I want to die some days.' });
    await post('p1', e);
    const res = await h.request('PUT', `/api/v1/feedback/${e.id}/review`, {
      token: 'staff',
      body: { status: 'approved', flags: ['safety-language'], visibility: 'subject' },
    });
    expect(res.status).toBe(200);
    expect(res.json.entry.review).toEqual({
      status: 'approved',
      flags: ['safety-language'],
      reviewedBy: 'st-1',
      reviewedAt: expect.any(String),
    });
    expect(res.json.entry.visibility).toBe('subject');
    const pending = await h.request('GET', '/api/v1/feedback?status=pending', { token: 'staff' });
    expect(pending.json.entries).toHaveLength(0);
  });

  it('answers 404 for an unknown entry and 400 for a bad status', async () => {
    expect(
      (
        await h.request('PUT', '/api/v1/feedback/nope/review', {
          token: 'staff',
          body: { status: 'approved' },
        })
      ).status,
    ).toBe(404);
    const bad = await h.request('PUT', '/api/v1/feedback/fb-1/review', {
      token: 'staff',
      body: { status: 'ok' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe('/status');
  });
});
