import { describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  ProgramListResponseSchema,
  programPath,
  type ProgramSummary,
} from '@milieu/core';
import {
  PROGRAM_NOT_FOUND,
  createFetch,
  invalidProgramList,
  programNotFoundHandlers,
  programsEndpoint,
  programsHandlers,
} from './index.js';

const programs: ProgramSummary[] = [
  { id: '4-north', name: '4 North', role: 'staff' },
  { id: 'cedar-day', name: 'Cedar Day Program', role: 'admin' },
];
const list = (f: typeof fetch): Promise<Response> => f('/api/v1/programs');

/** The body the server's README documents under "Programs (tenants)". */
const SERVER_404 = '{"error":{"code":"not_found","message":"no such program"}}';

describe('programsHandlers', () => {
  it('answers GET /api/v1/programs with the list, a valid ProgramListResponse', async () => {
    const res = await list(createFetch(programsHandlers(programs)));
    expect(res.status).toBe(200);
    expect(ProgramListResponseSchema.parse(await res.json())).toEqual({ programs });
    const empty = await list(createFetch(programsHandlers([])));
    expect(await empty.json()).toEqual({ programs: [] });
  });

  it('serves the failure scenarios, counting requests', async () => {
    const flaky = programsEndpoint(programs, 'flaky', { failures: 2 });
    const f = createFetch(flaky.handlers);
    expect((await list(f)).status).toBe(500);
    const second = await list(f);
    expect(second.status).toBe(500);
    expect(ErrorBodySchema.parse(await second.json()).error.code).toBe('server_error');
    expect((await list(f)).status).toBe(200);
    expect(flaky.requests).toBe(3);

    expect((await list(createFetch(programsHandlers(programs, 'server-error')))).status).toBe(500);
    const invalid = await list(createFetch(programsHandlers(programs, 'invalid')));
    expect(invalid.status).toBe(200);
    const body: unknown = await invalid.json();
    expect(body).toEqual(invalidProgramList());
    expect(ProgramListResponseSchema.safeParse(body).success).toBe(false);
    await expect(list(createFetch(programsHandlers(programs, 'offline')))).rejects.toThrow(
      TypeError,
    );
    const slow = await list(createFetch(programsHandlers(programs, 'slow', { delayMs: 5 })));
    expect(await slow.json()).toEqual({ programs });
  });

  it('never answers when loading, until the request is aborted', async () => {
    const endpoint = programsEndpoint(programs, 'loading');
    const abort = new AbortController();
    const pending = createFetch(endpoint.handlers)('/api/v1/programs', { signal: abort.signal });
    await expect.poll(() => endpoint.requests).toBe(1);
    abort.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('throws a located error for a list the server would never send', () => {
    const bad = [
      { id: '4-north', name: '4 North', role: 'owner' },
      { id: 'no spaces', name: 'X', role: 'staff' },
      { id: '4-north', name: 'Again', role: 'kiosk' },
    ] as unknown as ProgramSummary[];
    let message = '';
    try {
      programsHandlers(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      message = (error as Error).message;
    }
    expect(message).toContain('programsHandlers: the program list does not match');
    expect(message).toContain('/programs/0/role');
    expect(message).toContain('/programs/1/id');
    expect(message).toContain('/programs/2/id: "4-north" is already listed at /programs/0');
    expect(() => programsEndpoint({ programs } as unknown as ProgramSummary[])).toThrow(
      /programsEndpoint: programs must be an array/,
    );
    expect(() => programsHandlers([{ id: 'a', name: 'A' }] as unknown as ProgramSummary[])).toThrow(
      /\/programs\/0\/role/,
    );
  });

  it("answers the server's 404 for every route of a program not listed", async () => {
    const endpoint = programsEndpoint(programs);
    const f = createFetch(endpoint.handlers);
    for (const [path, method] of [
      ['/api/v1/programs/5-south/occurrences?from=2026-03-09&to=2026-03-10', 'GET'],
      ['/api/v1/programs/5-south/feedback/context', 'GET'],
      ['/api/v1/programs/5-south/attendance', 'POST'],
      ['/api/v1/programs/not%20an%20id/document', 'PUT'],
    ] as const) {
      const res = await f(path, { method });
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(SERVER_404);
    }
    expect(endpoint.notFound).toEqual([
      '/api/v1/programs/5-south/occurrences?from=2026-03-09&to=2026-03-10',
      '/api/v1/programs/5-south/feedback/context',
      '/api/v1/programs/5-south/attendance',
      '/api/v1/programs/not%20an%20id/document',
    ]);
    // A listed program is left to the handlers mounted there (none here).
    await expect(f(`${programPath('4-north')}/occurrences`)).rejects.toThrow(
      'No msw handler for GET http://localhost/api/v1/programs/4-north/occurrences',
    );
    const unhandled = createFetch(programsHandlers(programs, 'success', { unlisted: 'unhandled' }));
    await expect(unhandled('/api/v1/programs/5-south/occurrences')).rejects.toThrow(
      'No msw handler',
    );
  });
});

describe('programNotFoundHandlers', () => {
  it('answers 404 for unknown programs only, and checks the ids it is given', async () => {
    const seen: string[] = [];
    const f = createFetch(programNotFoundHandlers(['unit:4'], (r) => seen.push(r.method)));
    expect((await f('/api/v1/programs/5-south/document')).status).toBe(404);
    await expect(f('/api/v1/programs/unit:4/document')).rejects.toThrow('No msw handler');
    await expect(f('/api/v1/programs/unit%3A4/document')).rejects.toThrow('No msw handler');
    // The list itself is no program's route.
    await expect(f('/api/v1/programs')).rejects.toThrow('No msw handler');
    expect(seen).toEqual(['GET']);
    expect(() => programNotFoundHandlers(['ok', ''])).toThrow(
      /programNotFoundHandlers: known\[1\]: "" is not a program id/,
    );
  });
});

describe("the server's 404 body", () => {
  it("is core's PROGRAM_NOT_FOUND, byte for byte as the server documents it", () => {
    expect(JSON.stringify({ error: PROGRAM_NOT_FOUND })).toBe(SERVER_404);
  });
});
