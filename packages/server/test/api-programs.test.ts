/**
 * Programs as tenants: every route × role × program. Program A (`cedar-day`) and program B
 * (`birch-house`, the same document under another id, so the same participant and entry ids
 * exist in both) share one database. A token of A gets on B exactly the `404` it gets on a
 * program that does not exist; records written in A never appear in B.
 */
import type { MilieuDocument, Role } from '@milieu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../src/http/app.js';
import type { RouteDef } from '../src/http/route.js';
import { entry, testDocument } from './fixtures.js';
import { harness, type Harness, type RequestOptions } from './harness.js';

const A = 'cedar-day';
const B = 'birch-house';
const NOPE = 'no-such-unit';
const ROLES = ['admin', 'staff', 'participant', 'kiosk'] as const;

function programB(): MilieuDocument {
  const doc = testDocument();
  doc.program.id = B;
  doc.program.name = 'Birch House';
  return doc;
}

const base = (program: string | undefined) =>
  program === undefined ? '/api/v1' : `/api/v1/programs/${program}`;

/** A plausible request for a route (its legacy operation id) in a program. */
async function sample(
  h: Harness,
  operationId: string,
  role: Role,
  program: string | undefined,
): Promise<{ path: string; options: RequestOptions }> {
  const p = base(program);
  switch (operationId) {
    case 'getDocument':
      return { path: `${p}/document`, options: {} };
    case 'putDocument': {
      const target = program ?? A;
      const doc = target === B ? programB() : testDocument();
      doc.program.id = target;
      const head = await h.store.forProgram(target).head();
      return {
        path: `${p}/document`,
        options: {
          body: doc,
          headers: head ? { 'If-Match': `"${head.revision}"` } : { 'If-None-Match': '*' },
        },
      };
    }
    case 'listOccurrences':
      return { path: `${p}/occurrences?from=2026-03-09&to=2026-03-10`, options: {} };
    case 'recordAttendance':
      return {
        path: `${p}/attendance`,
        options: {
          body: { occurrenceId: 'community@2026-03-09', participantId: 'p-01', status: 'present' },
        },
      };
    case 'listAttendance':
      return { path: `${p}/attendance?from=2026-03-09&to=2026-03-10`, options: {} };
    case 'createFeedback': {
      const body = role === 'participant' ? entry() : entry({ source: 'staff', subjectId: 'p-01' });
      return {
        path: `${p}/feedback`,
        options: { body, headers: { 'Idempotency-Key': crypto.randomUUID() } },
      };
    }
    case 'listFeedback':
      return { path: `${p}/feedback`, options: {} };
    case 'setFeedbackReview':
      return { path: `${p}/feedback/fb-1/review`, options: { body: { status: 'approved' } } };
    case 'getFeedbackContext':
      return { path: `${p}/feedback/context`, options: {} };
    case 'checkDocument':
      return { path: `${p}/check?now=2026-03-10T12:00:00-05:00`, options: {} };
    case 'getSession':
      return { path: `${p}/me`, options: {} };
    default:
      throw new Error(`no sample request for ${operationId}: add one`);
  }
}

const programRoutes: RouteDef[] = routes.filter((r) => r.operationId.endsWith('InProgram'));
const legacyOf = (r: RouteDef) => r.operationId.slice(0, -'InProgram'.length);

let h: Harness;
/** Tokens of program A (the harness's, made when A was the only program) and of B. */
const tokensA: Record<Role, string> = { admin: '', staff: '', participant: '', kiosk: '' };
const tokensB: Record<Role, string> = { admin: '', staff: '', participant: '', kiosk: '' };
let globalAdmin = '';
let notFoundBody = '';

beforeAll(async () => {
  h = await harness();
  globalAdmin = h.tokens.admin;
  tokensA.staff = h.tokens.staff;
  tokensA.participant = h.tokens.p1;
  tokensA.kiosk = h.tokens.kiosk;
  tokensA.admin = (await h.store.createToken({ role: 'admin', programs: [A] })).token;
  expect((await h.store.replaceDocument(programB(), { type: 'create' })).kind).toBe('saved');
  const specs: Record<Role, { participantId?: string; staffId?: string }> = {
    admin: {},
    staff: { staffId: 'st-1' },
    participant: { participantId: 'p-01' },
    kiosk: {},
  };
  for (const role of ROLES) {
    tokensB[role] = (await h.store.createToken({ role, ...specs[role], programs: [B] })).token;
  }
  const res = await h.request('GET', `/api/v1/programs/${NOPE}/me`, { token: tokensA.staff });
  notFoundBody = res.text;
});
afterAll(() => h.close());

describe('every program route × role × program', () => {
  it('has a program twin of every API route', () => {
    const legacy = routes.filter((r) => r.path.startsWith('/api/v1/') && r.roles !== null);
    const twins = new Set(programRoutes.map(legacyOf));
    for (const r of legacy) {
      if (r.operationId === 'listPrograms' || r.operationId.endsWith('InProgram')) continue;
      expect(twins, r.operationId).toContain(r.operationId);
    }
    expect(programRoutes.length).toBeGreaterThanOrEqual(11);
  });

  it('answers a program that does not exist with a plain 404', () => {
    expect(JSON.parse(notFoundBody)).toEqual({
      error: { code: 'not_found', message: 'no such program' },
    });
  });

  for (const route of programRoutes) {
    const op = legacyOf(route);
    for (const role of ROLES) {
      const allowed = route.roles?.includes(role) ?? true;
      it(`${route.method} ${route.path} as ${role} of A: own ${allowed ? 'allowed' : '403'}, B and unknown the same 404, legacy 409`, async () => {
        const token = tokensA[role];
        const own = await sample(h, op, role, A);
        const mine = await h.request(route.method, own.path, { ...own.options, token });
        if (allowed) expect(mine.status, mine.text).toBeLessThan(300);
        else expect(mine.status, mine.text).toBe(403);

        const other = await sample(h, op, role, B);
        const theirs = await h.request(route.method, other.path, { ...other.options, token });
        const none = await sample(h, op, role, NOPE);
        const unknown = await h.request(route.method, none.path, { ...none.options, token });
        expect(theirs.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(theirs.text).toBe(notFoundBody);
        expect(unknown.text).toBe(notFoundBody);

        const legacy = await sample(h, op, role, undefined);
        const old = await h.request(route.method, legacy.path, { ...legacy.options, token });
        expect(old.status, old.text).toBe(409);
        expect(old.json.error.message).toContain('/api/v1/programs');
      });
    }
    it(`${route.method} ${route.path} for B's tokens: own allowed by role, A the same 404`, async () => {
      for (const role of ROLES) {
        const token = tokensB[role];
        const allowed = route.roles?.includes(role) ?? true;
        const own = await sample(h, op, role, B);
        const mine = await h.request(route.method, own.path, { ...own.options, token });
        if (allowed) expect(mine.status, `${role}: ${mine.text}`).toBeLessThan(300);
        else expect(mine.status, role).toBe(403);
        const other = await sample(h, op, role, A);
        const theirs = await h.request(route.method, other.path, { ...other.options, token });
        expect(theirs.text, role).toBe(notFoundBody);
      }
    });
    it(`${route.method} ${route.path} for a global admin: every program`, async () => {
      for (const program of [A, B]) {
        const s = await sample(h, op, 'admin', program);
        const res = await h.request(route.method, s.path, { ...s.options, token: globalAdmin });
        expect(res.status, `${program}: ${res.text}`).toBeLessThan(300);
      }
    });
  }

  it('never answers 404 differently for a program a token lacks and one that does not exist, whatever the route', async () => {
    const bodies = new Set<string>();
    for (const route of programRoutes) {
      for (const program of [B, NOPE, 'x'.repeat(300), 'bad%20id']) {
        const s = await sample(h, legacyOf(route), 'staff', program);
        const res = await h.request(route.method, s.path, { ...s.options, token: tokensA.staff });
        expect(res.status, s.path).toBe(404);
        bodies.add(res.text);
      }
    }
    // A global admin may use every program, but one that does not exist is the same 404.
    for (const route of programRoutes) {
      if (route.method === 'PUT' && route.path.endsWith('/document')) continue;
      const s = await sample(h, legacyOf(route), 'admin', NOPE);
      const res = await h.request(route.method, s.path, { ...s.options, token: globalAdmin });
      bodies.add(res.text);
    }
    expect([...bodies]).toEqual([notFoundBody]);
  });
});

describe('records stay in their program', () => {
  it('keeps feedback, attendance, the document, occurrences and findings of A out of B', async () => {
    const fresh = await harness();
    await fresh.store.replaceDocument(programB(), { type: 'create' });
    const staffB = (
      await fresh.store.createToken({ role: 'staff', staffId: 'st-1', programs: [B] })
    ).token;
    const pB = (
      await fresh.store.createToken({ role: 'participant', participantId: 'p-01', programs: [B] })
    ).token;
    const before = await fresh.request('GET', `/api/v1/programs/${B}/document`, {
      token: 'admin',
    });
    const check = (program: string) =>
      fresh.request('GET', `/api/v1/programs/${program}/check?now=2026-03-12T12:00:00-05:00`, {
        token: 'admin',
      });
    const checkABefore = (await check(A)).text;
    const checkBBefore = (await check(B)).text;
    // In A: a new entry, a review of an entry whose id B has too, and attendance.
    const marker = entry({ strengths: 'Only in program A, never in B.' });
    const key = { 'Idempotency-Key': 'shared-key' };
    const created = await fresh.request('POST', `/api/v1/programs/${A}/feedback`, {
      token: 'p1',
      body: marker,
      headers: key,
    });
    expect(created.status, created.text).toBe(201);
    const recorded = await fresh.request('POST', `/api/v1/programs/${A}/attendance`, {
      token: 'staff',
      body: { occurrenceId: 'community@2026-03-10', participantId: 'p-02', status: 'absent' },
    });
    expect(recorded.status, recorded.text).toBe(200);
    const reviewed = await fresh.request('PUT', `/api/v1/programs/${A}/feedback/fb-1/review`, {
      token: 'staff',
      body: { status: 'withheld' },
    });
    expect(reviewed.status, reviewed.text).toBe(200);

    const after = await fresh.request('GET', `/api/v1/programs/${B}/document`, { token: 'admin' });
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(after.text).toBe(before.text);
    expect(after.text).not.toContain('Only in program A');
    const listB = await fresh.request('GET', `/api/v1/programs/${B}/feedback`, { token: staffB });
    expect(listB.text).not.toContain('Only in program A');
    expect(listB.json.entries.find((e: { id: string }) => e.id === 'fb-1').review.status).not.toBe(
      'withheld',
    );
    const mineB = await fresh.request('GET', `/api/v1/programs/${B}/feedback`, { token: pB });
    expect(mineB.text).not.toContain('Only in program A');
    const attB = await fresh.request(
      'GET',
      `/api/v1/programs/${B}/attendance?from=2026-03-01&to=2026-03-31`,
      { token: staffB },
    );
    expect(attB.json.records).toEqual(testDocument().records.attendance);
    const occ = (program: string, token: string) =>
      fresh.request(
        'GET',
        `/api/v1/programs/${program}/occurrences?from=2026-03-10&to=2026-03-11`,
        { token },
      );
    const occA = await occ(A, fresh.tokens.staff);
    const occB = await occ(B, staffB);
    expect(occA.text).toContain('"status":"absent"');
    expect(occB.text).not.toContain('"status":"absent"');
    // A's findings moved on with its records; B's did not.
    expect((await check(A)).text).not.toBe(checkABefore);
    expect((await check(B)).text).toBe(checkBBefore);

    // The same entry id and the same Idempotency-Key in B store a second entry, not a replay.
    const again = await fresh.request('POST', `/api/v1/programs/${B}/feedback`, {
      token: pB,
      body: marker,
      headers: key,
    });
    expect(again.status, again.text).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    const replay = await fresh.request('POST', `/api/v1/programs/${B}/feedback`, {
      token: pB,
      body: marker,
      headers: key,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await fresh.close();
  });

  it('scopes idempotency keys per program for a token of several programs', async () => {
    const fresh = await harness();
    await fresh.store.replaceDocument(programB(), { type: 'create' });
    const both = (
      await fresh.store.createToken({ role: 'staff', staffId: 'st-1', programs: [A, B] })
    ).token;
    const e = entry({ source: 'staff', subjectId: 'p-01' });
    const post = (program: string) =>
      fresh.request('POST', `/api/v1/programs/${program}/feedback`, {
        token: both,
        body: e,
        headers: { 'Idempotency-Key': 'one-key' },
      });
    const inA = await post(A);
    const inB = await post(B);
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inB.headers.get('idempotent-replayed')).toBeNull();
    expect((await post(A)).headers.get('idempotent-replayed')).toBe('true');
    await fresh.close();
  });
});

describe('rate limits', () => {
  it('stay per token across programs', async () => {
    const limited = await harness({ rateLimitPerMinute: 60, rateLimitBurst: 3 });
    await limited.store.replaceDocument(programB(), { type: 'create' });
    const both = (await limited.store.createToken({ role: 'staff', programs: [A, B] })).token;
    const me = (program: string) =>
      limited.request('GET', `/api/v1/programs/${program}/me`, { token: both });
    expect([(await me(A)).status, (await me(B)).status, (await me(A)).status]).toEqual([
      200, 200, 200,
    ]);
    const fourth = await me(B);
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    await limited.close();
  });
});

describe('GET /api/v1/programs', () => {
  it('lists what each caller may use: id, name and role, nothing more', async () => {
    const list = async (token: string) =>
      (await h.request('GET', '/api/v1/programs', { token })).json;
    expect(await list(globalAdmin)).toEqual({
      programs: [
        { id: B, name: 'Birch House', role: 'admin' },
        { id: A, name: testDocument().program.name, role: 'admin' },
      ],
    });
    expect(await list(tokensA.participant)).toEqual({
      programs: [{ id: A, name: testDocument().program.name, role: 'participant' }],
    });
    expect(await list(tokensB.kiosk)).toEqual({
      programs: [{ id: B, name: 'Birch House', role: 'kiosk' }],
    });
    expect(await list(tokensA.admin)).toEqual({
      programs: [{ id: A, name: testDocument().program.name, role: 'admin' }],
    });
    const both = (
      await h.store.createToken({ role: 'staff', programs: [A, B, NOPE], label: 'float' })
    ).token;
    expect((await list(both)).programs.map((p: { id: string }) => p.id)).toEqual([B, A]);
  });

  it('is 401 without a token', async () => {
    expect((await h.request('GET', '/api/v1/programs')).status).toBe(401);
  });
});

describe('creating and replacing programs', () => {
  it('lets a global admin create a program; a program admin only theirs', async () => {
    const c = testDocument();
    c.program.id = 'cypress-ward';
    const put = (token: string, doc: MilieuDocument, program = doc.program.id) =>
      h.request('PUT', `/api/v1/programs/${program}/document`, {
        token,
        body: doc,
        headers: { 'If-None-Match': '*' },
      });
    const refused = await put(tokensA.admin, c);
    expect(refused.text).toBe(notFoundBody);
    const mismatch = await put(globalAdmin, c, 'other-ward');
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.issues).toEqual([
      expect.objectContaining({ path: '/program/id', code: 'program_mismatch' }),
    ]);
    const created = await put(globalAdmin, c);
    expect(created.status, created.text).toBe(200);
    expect(created.headers.get('etag')).toBe('"1"');
    const ownAdmin = (await h.store.createToken({ role: 'admin', programs: ['larch-ward'] })).token;
    const l = testDocument();
    l.program.id = 'larch-ward';
    expect((await put(ownAdmin, l)).status).toBe(200);
    expect((await h.request('GET', '/api/v1/programs', { token: ownAdmin })).json).toEqual({
      programs: [{ id: 'larch-ward', name: l.program.name, role: 'admin' }],
    });
  });
});

describe('legacy routes on a single-program database', () => {
  it('serve the only program; a token of another program gets the same 404', async () => {
    const one = await harness();
    const stranger = (await one.store.createToken({ role: 'staff', programs: [B] })).token;
    const legacy = await one.request('GET', '/api/v1/document', { token: 'staff' });
    const scoped = await one.request('GET', `/api/v1/programs/${A}/document`, { token: 'staff' });
    expect(legacy.status).toBe(200);
    expect(legacy.text).toBe(scoped.text);
    expect(legacy.headers.get('etag')).toBe(scoped.headers.get('etag'));
    const nope = await one.request('GET', '/api/v1/occurrences?from=2026-03-09&to=2026-03-10', {
      token: stranger,
    });
    const unknown = await one.request('GET', `/api/v1/programs/${NOPE}/me`, { token: 'staff' });
    expect(nope.status).toBe(404);
    expect(nope.text).toBe(unknown.text);
    // A legacy PUT of another program's document is refused where the id is.
    const doc = programB();
    const put = await one.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': legacy.headers.get('etag') ?? '' },
    });
    expect(put.status).toBe(400);
    expect(put.json.error.issues[0].path).toBe('/program/id');
    await one.close();
  });

  it('create the first program with PUT /api/v1/document and If-None-Match: *; earlier tokens are bound to it', async () => {
    // Grants, like revocations, reach a server within its token cache time: none here.
    const empty = await harness({ seed: null, tokenCacheMs: 0 });
    expect((await empty.request('GET', '/api/v1/document', { token: 'staff' })).status).toBe(404);
    const created = await empty.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: testDocument(),
      headers: { 'If-None-Match': '*' },
    });
    expect(created.status, created.text).toBe(200);
    await empty.store.replaceDocument(programB(), { type: 'create' });
    // The staff token made before any program works in the first one only.
    const inA = await empty.request('GET', `/api/v1/programs/${A}/document`, { token: 'staff' });
    const inB = await empty.request('GET', `/api/v1/programs/${B}/document`, { token: 'staff' });
    expect(inA.status).toBe(200);
    expect(inB.status).toBe(404);
    const grants = (await empty.store.listTokens()).find((t) => t.staffId === 'st-1')?.grants;
    expect(grants).toEqual([{ programId: A, role: 'staff', staffId: 'st-1' }]);
    await empty.close();
  });
});
