import type { Role } from '@milieu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../src/http/app.js';
import { entry, testDocument } from './fixtures.js';
import { harness, type Harness, type RequestOptions, type TokenName } from './harness.js';

const TOKENS: Record<Role, TokenName> = {
  admin: 'admin',
  staff: 'staff',
  participant: 'p1',
  kiosk: 'kiosk',
};

/** The ETag of the stored document, read before each request (`If-Match: *` is a 428). */
let currentEtag = '';

/** A plausible request for each route and role (allowed roles must get past the gate). */
function sample(operationId: string, role: Role): { path: string; options: RequestOptions } {
  if (operationId.endsWith('InProgram')) {
    // The same request under /api/v1/programs/{programId}/ (the harness's one program).
    const legacy = sample(operationId.slice(0, -'InProgram'.length), role);
    return { ...legacy, path: legacy.path.replace('/api/v1/', '/api/v1/programs/cedar-day/') };
  }
  switch (operationId) {
    case 'listPrograms':
      return { path: '/api/v1/programs', options: {} };
    case 'getDocument':
      return { path: '/api/v1/document', options: {} };
    case 'putDocument':
      return {
        path: '/api/v1/document',
        options: { body: testDocument(), headers: { 'If-Match': currentEtag } },
      };
    case 'listOccurrences':
      return { path: '/api/v1/occurrences?from=2026-03-09&to=2026-03-10', options: {} };
    case 'recordAttendance':
      return {
        path: '/api/v1/attendance',
        options: {
          body: { occurrenceId: 'community@2026-03-09', participantId: 'p-01', status: 'present' },
        },
      };
    case 'listAttendance':
      return { path: '/api/v1/attendance?from=2026-03-09&to=2026-03-10', options: {} };
    case 'createFeedback': {
      const body = role === 'participant' ? entry() : entry({ source: 'staff', subjectId: 'p-01' });
      return {
        path: '/api/v1/feedback',
        options: { body, headers: { 'Idempotency-Key': crypto.randomUUID() } },
      };
    }
    case 'listFeedback':
      return { path: '/api/v1/feedback', options: {} };
    case 'setFeedbackReview':
      return { path: '/api/v1/feedback/fb-1/review', options: { body: { status: 'approved' } } };
    case 'getFeedbackContext':
      return { path: '/api/v1/feedback/context', options: {} };
    case 'checkDocument':
      return { path: '/api/v1/check?now=2026-03-10T12:00:00-05:00', options: {} };
    case 'getSession':
      return { path: '/api/v1/me', options: {} };
    case 'health':
      return { path: '/healthz', options: {} };
    default:
      throw new Error(`no sample request for ${operationId}: add one`);
  }
}

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe('role matrix: every route, every role', () => {
  for (const route of routes) {
    for (const role of ['admin', 'staff', 'participant', 'kiosk'] as const) {
      const allowed = route.roles === null || route.roles.includes(role);
      it(`${route.method} ${route.path} as ${role}: ${allowed ? 'allowed' : '403'}`, async () => {
        currentEtag = `"${(await h.store.head())?.revision ?? 0}"`;
        const { path, options } = sample(route.operationId, role);
        const res = await h.request(route.method, path, { ...options, token: TOKENS[role] });
        if (allowed) {
          expect(res.status, res.text).toBeLessThan(300);
        } else {
          expect(res.status).toBe(403);
          expect(res.json).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        }
      });
    }
    if (route.roles !== null) {
      it(`${route.method} ${route.path} without a token or with a wrong one: 401`, async () => {
        const { path, options } = sample(route.operationId, 'admin');
        for (const token of [undefined, 'milieu_not-a-real-token']) {
          const res = await h.request(route.method, path, {
            ...options,
            ...(token ? { token } : {}),
          });
          expect(res.status).toBe(401);
          expect(res.headers.get('www-authenticate')).toBe('Bearer realm="milieu"');
          expect(res.json).toEqual({
            error: { code: 'unauthorized', message: expect.any(String) },
          });
        }
      });
    }
  }

  it('never lets a revoked token in (after the lookup cache expires)', async () => {
    const quick = await harness({ tokenCacheMs: 0 });
    const tokens = await quick.store.listTokens();
    const kiosk = tokens.find((t) => t.role === 'kiosk');
    expect((await quick.request('GET', '/api/v1/me', { token: 'kiosk' })).status).toBe(200);
    await quick.store.revokeToken(kiosk?.tokenId ?? '');
    expect((await quick.request('GET', '/api/v1/me', { token: 'kiosk' })).status).toBe(401);
    await quick.close();
  });
});
