/**
 * Regression tests of issue 14 ("Feedback people can trust"): each finding of the security
 * review, for each role, under both `anonymousAuthors` settings where it matters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackEntry, MilieuDocument } from '@milieu/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { entry, testDocument } from './fixtures.js';
import { harness, type Harness, type TokenName } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'milieu-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let h: Harness;
let file = '';
afterEach(() => h.close());

/** A harness on an SQLite file (so tests can read the stored rows), with a policy. */
async function start(policy: NonNullable<MilieuDocument['program']['policy']> = {}) {
  file = join(dir, `${crypto.randomUUID()}.db`);
  const seed = testDocument();
  seed.program.policy = { peerAnonymityMinRaters: 3, ...policy };
  h = await harness({ database: { kind: 'sqlite', file }, seed });
}

/** The raw stored row of an entry, and the stored idempotent responses. */
function rawRow(id: string) {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('select * from feedback where id = ?').get(id) as Record<
      string,
      unknown
    >;
    const responses = (
      db.prepare('select response from idempotency_keys').all() as { response: string }[]
    ).map((r) => r.response);
    return { row, responses };
  } finally {
    db.close();
  }
}

const post = (token: TokenName | string, body: unknown, key: string = crypto.randomUUID()) =>
  h.request('POST', '/api/v1/feedback', { token, body, headers: { 'Idempotency-Key': key } });

async function approve(id: string, visibility?: 'subject' | 'community') {
  const res = await h.request('PUT', `/api/v1/feedback/${id}/review`, {
    token: 'staff',
    body: { status: 'approved', ...(visibility ? { visibility } : {}) },
  });
  expect(res.status).toBe(200);
  return res;
}

/** Every response a participant can get that could carry feedback. */
async function participantViews(token: TokenName): Promise<string[]> {
  const paths = [
    '/api/v1/feedback',
    '/api/v1/feedback?limit=1',
    '/api/v1/check?now=2026-03-10T12:00:00-05:00',
    '/api/v1/feedback/context',
  ];
  return Promise.all(paths.map(async (p) => (await h.request('GET', p, { token })).text));
}

describe('anonymous authors: "Your name is not saved" is true under the default policy', () => {
  it("stores no author for an anonymous peer entry under 'nobody', anywhere", async () => {
    await start();
    const e = entry({ anonymous: true, subjectId: 'p-02' });
    const res = await post('p1', e);
    expect(res.status).toBe(201);
    expect(res.json.entry.authorId).toBeUndefined();
    const { row, responses } = rawRow(e.id);
    expect(row['author_id']).toBeNull();
    expect(JSON.parse(row['body'] as string)).not.toHaveProperty('authorId');
    expect(row['rater_key']).toEqual(expect.any(String));
    expect(row['rater_key']).not.toContain('p-01');
    for (const text of responses.filter((r) => r.includes(e.id)))
      expect(text).not.toContain('p-01');
    for (const token of ['staff', 'admin'] as const) {
      const list = await h.request('GET', `/api/v1/feedback?subject=p-02`, { token });
      const mine = list.json.entries.find((x: FeedbackEntry) => x.id === e.id);
      expect(mine).toBeDefined();
      expect(mine.authorId).toBeUndefined();
    }
  });

  for (const anonymousAuthors of ['nobody', 'reviewers'] as const) {
    it(`never gives the author to the subject or peers (anonymousAuthors: ${anonymousAuthors})`, async () => {
      await start({ anonymousAuthors });
      const ids: string[] = [];
      for (const token of ['p1', 'p3', 'p4'] as const) {
        const e = entry({ anonymous: true, subjectId: 'p-02', strengths: `From ${token}.` });
        ids.push(e.id);
        const res = await post(token, e);
        expect(res.json.entry.authorId).toBeUndefined();
        const review = await approve(e.id);
        expect(review.json.entry.authorId).toBe(
          anonymousAuthors === 'reviewers' ? `p-0${token.slice(1)}` : undefined,
        );
      }
      // The subject sees the aggregate (three raters), never an author.
      const subject = await h.request('GET', '/api/v1/feedback', { token: 'p2' });
      expect(subject.json.aggregates[0]).toMatchObject({ raters: 3, entries: 3 });
      for (const token of ['p2', 'p5', 'p1'] as const) {
        for (const text of await participantViews(token)) {
          for (const id of ids) expect(text).not.toContain(id);
        }
        const list = await h.request('GET', '/api/v1/feedback', { token });
        const anonymous = list.json.entries.filter((x: FeedbackEntry) => x.anonymous);
        expect(anonymous.every((x: FeedbackEntry) => x.authorId === undefined)).toBe(true);
        for (const author of ['p-01', 'p-03', 'p-04'])
          expect(JSON.stringify(list.json.aggregates ?? [])).not.toContain(author);
      }
      // Only the review list shows the author, and only under `reviewers`.
      const staffList = await h.request('GET', '/api/v1/feedback?subject=p-02&source=peer', {
        token: 'staff',
      });
      const authors = staffList.json.entries
        .filter((x: FeedbackEntry) => ids.includes(x.id))
        .map((x: FeedbackEntry) => x.authorId);
      expect(authors).toEqual(
        anonymousAuthors === 'reviewers'
          ? ['p-01', 'p-03', 'p-04']
          : [undefined, undefined, undefined],
      );
      const doc = await h.request('GET', '/api/v1/document', { token: 'admin' });
      const inDoc = doc.json.records.feedback.filter((x: FeedbackEntry) => ids.includes(x.id));
      expect(inDoc.every((x: FeedbackEntry) => x.authorId === undefined)).toBe(true);
      // A GET → PUT of the unchanged document keeps the rater keys (the aggregate survives).
      const put = await h.request('PUT', '/api/v1/document', {
        token: 'admin',
        body: doc.json,
        headers: { 'If-Match': doc.headers.get('etag') ?? '' },
      });
      expect(put.status).toBe(200);
      const again = await h.request('GET', '/api/v1/feedback', { token: 'p2' });
      expect(again.json.aggregates[0]).toMatchObject({ raters: 3 });
      const check = await h.request('GET', '/api/v1/check?now=2026-03-10T12:00:00-05:00', {
        token: 'staff',
      });
      expect(
        check.json.findings.filter((f: { ruleId: string }) => f.ruleId === 'peer-anonymity'),
      ).toEqual([]);
    });
  }
});

describe('peer approval: a participant cannot approve or widen their own entry', () => {
  it.each(['p1', 'p3'] as const)('%s: review and visibility are ignored', async (token) => {
    await start();
    const e = entry({
      subjectId: 'p-02',
      visibility: 'community',
      review: { status: 'approved', reviewedBy: 'st-1', reviewedAt: '2026-03-10T15:00:00Z' },
    });
    const res = await post(token, e);
    expect(res.json.entry).toMatchObject({ review: { status: 'pending' }, visibility: 'subject' });
    for (const reader of ['p2', 'p5'] as const) {
      expect((await h.request('GET', '/api/v1/feedback', { token: reader })).text).not.toContain(
        e.id,
      );
    }
  });
});

describe('reviewer fields and authors come from the token and the clock', () => {
  it('staff cannot forge reviewedBy or reviewedAt', async () => {
    await start();
    const res = await post(
      'staff',
      entry({
        source: 'staff',
        review: { status: 'approved', reviewedBy: 'st-2', reviewedAt: '2020-01-01T00:00:00Z' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.json.entry.review.reviewedBy).toBe('st-1');
    expect(res.json.entry.review.reviewedAt).not.toBe('2020-01-01T00:00:00Z');
    expect(Date.parse(res.json.entry.review.reviewedAt)).toBeGreaterThan(Date.parse('2025-01-01'));
    const admin = await post(
      'admin',
      entry({
        source: 'staff',
        authorId: 'st-2',
        review: { status: 'approved', reviewedBy: 'st-2' },
      }),
    );
    expect(admin.json.entry.review.reviewedBy).toBeUndefined();
  });

  it('a staff token without a staff id cannot name an author', async () => {
    await start();
    const { token } = await h.store.createToken({ role: 'staff' });
    const named = await post(token, entry({ source: 'staff', authorId: 'st-2' }));
    expect(named.status).toBe(403);
    const unnamed = await post(token, entry({ source: 'staff' }));
    expect(unnamed.status).toBe(201);
    expect(unnamed.json.entry.authorId).toBeUndefined();
  });

  it('a reviewer who is not in the document is not recorded, so GET → PUT still passes', async () => {
    await start();
    const { token } = await h.store.createToken({ role: 'staff', staffId: 'st-ghost' });
    const res = await h.request('PUT', '/api/v1/feedback/fb-2/review', {
      token,
      body: { status: 'approved' },
    });
    expect(res.json.entry.review.reviewedBy).toBeUndefined();
    const doc = await h.request('GET', '/api/v1/document', { token: 'admin' });
    const put = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc.json,
      headers: { 'If-Match': doc.headers.get('etag') ?? '' },
    });
    expect(put.status).toBe(200);
  });
});

describe('about references are checked on write', () => {
  it.each([
    ['a goal of someone else', { type: 'goal', id: 'g-missing' }],
    ['an expectation', { type: 'expectation', id: 'ghost' }],
    ['an activity', { type: 'activity', id: 'ghost@2026-03-10' }],
  ] as const)('rejects %s that does not exist', async (_name, about) => {
    await start();
    const res = await post('p1', entry({ about }));
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toContainEqual(
      expect.objectContaining({ path: '/about/id', code: 'unknown_reference' }),
    );
  });

  it('accepts real references, and the unchanged document round-trips', async () => {
    await start();
    for (const about of [
      { type: 'goal' as const, id: 'g1' },
      { type: 'expectation' as const, id: 'confidential' },
      { type: 'activity' as const, id: 'community@2026-03-09' },
    ]) {
      const res = await post('p1', entry({ about }));
      expect(res.status, JSON.stringify(about)).toBe(201);
    }
    const doc = await h.request('GET', '/api/v1/document', { token: 'admin' });
    const put = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc.json,
      headers: { 'If-Match': doc.headers.get('etag') ?? '' },
    });
    expect(put.status).toBe(200);
  });
});

describe('the safety scan reads every text', () => {
  it.each([
    ['about.label', { about: { type: 'general', label: "I'm going to hang myself" } }],
    ['an answer key', { answers: { 'i want to kill myself': 'yes' } }],
    ['an answer value', { answers: { q1: ['ok', 'no quiero seguir viviendo'] } }],
    ['a rating key', { ratings: { 'ending-it-all': 3 } }],
    ['the suggestions', { suggestions: "I don't want to live anymore" }],
  ] as const)('routes safety language in %s to staff review', async (_name, extra) => {
    await start();
    const res = await post('p1', entry({ ...(extra as Partial<FeedbackEntry>) }));
    expect(res.status).toBe(201);
    expect(res.json.entry.review).toEqual({ status: 'pending', flags: ['safety-language'] });
    expect(res.json.entry.visibility).toBe('staff');
  });
});

describe('cursor paging never leaks hidden rows', () => {
  it('pages of one hold only readable entries; every cursor is a returned entry', async () => {
    await start();
    // Rows p1 may not read, between rows they may.
    for (let i = 0; i < 4; i++) {
      await post('p3', entry({ subjectId: 'p-04', strengths: `hidden ${i}` }));
      await post(
        'p4',
        entry({ subjectId: 'p-01', visibility: 'staff', strengths: `private ${i}` }),
      );
    }
    const all = await h.request('GET', '/api/v1/feedback?limit=100', { token: 'p1' });
    const expected = all.json.entries.map((e: FeedbackEntry) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.request(
        'GET',
        `/api/v1/feedback?limit=1${cursor === undefined ? '' : `&cursor=${cursor}`}`,
        { token: 'p1' },
      );
      expect(res.status).toBe(200);
      pages += 1;
      if (res.json.nextCursor !== undefined) expect(res.json.entries).toHaveLength(1);
      seen.push(...res.json.entries.map((e: FeedbackEntry) => e.id));
      cursor = res.json.nextCursor;
    } while (cursor !== undefined && pages < 50);
    expect(seen).toEqual(expected);
    expect(pages).toBe(expected.length);
  });
});

describe('/check tells a participant nothing about raters or entries they cannot read', () => {
  it('hides peer-anonymity counts and pointers to unreadable entries', async () => {
    await start();
    const doc = (await h.request('GET', '/api/v1/document', { token: 'admin' })).json;
    const about = (id: string, authorId: string, over: Partial<FeedbackEntry> = {}) => ({
      ...entry({ id, subjectId: 'p-01', authorId, anonymous: true }),
      ...over,
    });
    doc.records.feedback.push(
      about('an-1', 'p-02', { review: { status: 'approved', reviewedBy: 'st-1' } }),
      about('an-2', 'p-03', { review: { status: 'approved', reviewedBy: 'st-1' } }),
      // Pending, unflagged safety language about p-01 written by someone else.
      {
        ...entry({ id: 'risk-1', subjectId: 'p-01', authorId: 'p-04' }),
        review: { status: 'pending' },
        suggestions: 'I want to hurt him',
      },
    );
    const put = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': `"${(await h.store.head())!.revision}"` },
    });
    expect(put.status).toBe(200);
    const url = '/api/v1/check?now=2026-03-10T12:00:00-05:00';
    const staff = await h.request('GET', url, { token: 'staff' });
    const rules = staff.json.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).toContain('peer-anonymity');
    expect(rules).toContain('safety-language-review');
    const mine = await h.request('GET', url, { token: 'p1' });
    expect(mine.status).toBe(200);
    for (const f of mine.json.findings as { ruleId: string; path: string[]; data: object }[]) {
      expect(f.ruleId).not.toBe('peer-anonymity');
      expect(f.data).not.toHaveProperty('raters');
      for (const pointer of f.path) expect(pointer).not.toMatch(/^\/records\/feedback\/(6|7|8)\b/);
    }
    expect(mine.text).not.toContain('risk-1');
  });
});

describe('deeply nested JSON', () => {
  it('answers 400, not 500, to arrays nested 5,000 deep', async () => {
    await start();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const raw = JSON.stringify(entry()).replace(
      '"strengths"',
      `"answers":{"q":${deep}},"strengths"`,
    );
    for (const token of ['p1', 'staff', 'admin'] as const) {
      const res = await h.request('POST', '/api/v1/feedback', {
        token,
        raw,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.issues[0]).toMatchObject({ path: '', code: 'too_deep' });
    }
    const put = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      raw: `{"a":${deep}}`,
      headers: { 'If-Match': `"${(await h.store.head())!.revision}"` },
    });
    expect(put.status).toBe(400);
  });
});

describe('GET /api/v1/feedback/context', () => {
  it('gives a participant names, their own goals and the policy; nothing else of a person', async () => {
    await start({ crisisResource: { name: '988 Suicide & Crisis Lifeline', phone: '988' } });
    const res = await h.request('GET', '/api/v1/feedback/context?source=peer', { token: 'p1' });
    expect(res.status).toBe(200);
    expect(res.json.people).toEqual(
      expect.arrayContaining([
        { id: 'p-02', name: 'Casey L.' },
        { id: 'p-03', name: 'Dana R.' },
      ]),
    );
    expect(res.json.people.map((p: { id: string }) => p.id)).not.toContain('p-01');
    expect(res.json.goals.map((g: { id: string }) => g.id)).toEqual(['g1']);
    expect(res.json.policy).toMatchObject({
      anonymousAuthors: 'nobody',
      peerAnonymityMinRaters: 3,
      peerReviewFirst: true,
      crisisResource: { phone: '988' },
    });
    for (const secret of ['secret-level', 'admissionDate', 'pronouns', 'Return to work'])
      expect(res.text).not.toContain(secret);
    expect(res.headers.get('cache-control')).toContain('no-store');
  });

  it("gives staff a subject's goals; refuses participants another subject and staff a peer form", async () => {
    await start();
    const staff = await h.request('GET', '/api/v1/feedback/context?source=staff&subject=p-02', {
      token: 'staff',
    });
    expect(staff.json.goals[0].statement).toBe('Return to work part-time with a plan');
    expect(
      (await h.request('GET', '/api/v1/feedback/context?subject=p-02', { token: 'p1' })).status,
    ).toBe(403);
    expect(
      (await h.request('GET', '/api/v1/feedback/context?source=peer', { token: 'staff' })).status,
    ).toBe(403);
    expect(
      (await h.request('GET', '/api/v1/feedback/context?subject=p-99', { token: 'staff' })).status,
    ).toBe(400);
    expect(
      (await h.request('GET', '/api/v1/feedback/context?source=nope', { token: 'admin' })).status,
    ).toBe(400);
  });
});

describe('feedback policy × role', () => {
  const ROLES = { admin: 'admin', staff: 'staff', participant: 'p1', kiosk: 'kiosk' } as const;
  const cases = {
    // role: [status of a forged approved peer entry, its stored review status, context status]
    admin: [201, 'approved', 200],
    staff: [403, undefined, 200],
    participant: [201, 'pending', 200],
    kiosk: [403, undefined, 403],
  } as const;

  for (const [role, token] of Object.entries(ROLES) as [keyof typeof ROLES, TokenName][]) {
    it(`${role}: writes with server-set review fields, reads no anonymous author, gets its context`, async () => {
      await start({ anonymousAuthors: 'reviewers' });
      const [status, review, context] = cases[role];
      const e = entry({
        subjectId: 'p-02',
        ...(role === 'admin' ? { authorId: 'p-03' } : {}),
        review: { status: 'approved', reviewedBy: 'st-2', reviewedAt: '2020-01-01T00:00:00Z' },
      });
      const res = await post(token, e);
      expect(res.status).toBe(status);
      if (review !== undefined) {
        expect(res.json.entry.review.status).toBe(review);
        expect(res.json.entry.review.reviewedBy).toBeUndefined();
        expect(res.json.entry.review.reviewedAt).not.toBe('2020-01-01T00:00:00Z');
      }
      const anon = entry({ anonymous: true, subjectId: 'p-02', strengths: 'Anonymous one.' });
      await post('p4', anon);
      await approve(anon.id);
      const list = await h.request('GET', '/api/v1/feedback', { token });
      const shown = (list.json?.entries ?? []).find((x: FeedbackEntry) => x.id === anon.id);
      if (role === 'admin' || role === 'staff') expect(shown.authorId).toBe('p-04');
      else expect(shown).toBeUndefined();
      expect(list.text).not.toContain(role === 'participant' ? 'p-04' : '"authorId":"p-09"');
      const ctx = await h.request('GET', '/api/v1/feedback/context', { token });
      expect(ctx.status).toBe(context);
    });
  }
});
