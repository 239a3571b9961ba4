import { afterEach, describe, expect, it } from 'vitest';
import { jsonLogger } from '../src/http/logger.js';
import { startServer } from '../src/serve.js';
import { entry } from './fixtures.js';
import { harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('errors outside the routes', () => {
  it('answers unknown routes with 404 JSON (401 first under /api without a token)', async () => {
    h = await harness();
    const res = await h.request('GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: 'not_found', message: 'no such route' } });
    expect((await h.request('GET', '/api/v1/nope', { token: 'admin' })).status).toBe(404);
    expect((await h.request('DELETE', '/api/v1/document', { token: 'admin' })).status).toBe(404);
    expect((await h.request('GET', '/api/v1/nope')).status).toBe(401);
  });

  it('answers 413 to an oversized feedback body', async () => {
    h = await harness({ bodyLimit: 1024 });
    const res = await h.request('POST', '/api/v1/feedback', {
      token: 'p1',
      body: entry({ strengths: 'x'.repeat(4096) }),
      headers: { 'Idempotency-Key': 'big' },
    });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
  });

  it('answers 413 to an oversized chunked body over real HTTP, counting as it arrives', async () => {
    const server = await startServer({
      database: { kind: 'sqlite', file: ':memory:' },
      port: 0,
      bodyLimit: 2048,
    });
    const { token } = await server.store.createToken({
      role: 'participant',
      participantId: 'p-01',
    });
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/v1/feedback`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'chunked',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
    await server.close();
  });

  it('turns an unexpected failure into a 500 JSON error without details', async () => {
    const lines: string[] = [];
    const broken = await harness({ logger: jsonLogger({ write: (l: string) => lines.push(l) }) });
    await broken.store.close();
    const res = await broken.request('GET', '/api/v1/document', { token: 'admin' });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'server_error', message: expect.any(String) } });
    expect(lines.some((l) => JSON.parse(l).msg === 'unhandled error')).toBe(true);
  });
});

describe('demo mode', () => {
  it('treats requests without a token as the configured principal, never wrong tokens', async () => {
    h = await harness({ anonymous: { role: 'participant', participantId: 'p-02' } });
    expect((await h.request('GET', '/api/v1/me')).json).toEqual({
      role: 'participant',
      participantId: 'p-02',
    });
    expect((await h.request('GET', '/api/v1/document')).status).toBe(403);
    expect((await h.request('GET', '/api/v1/me', { token: 'milieu_wrong' })).status).toBe(401);
    const created = await h.request('POST', '/api/v1/feedback', {
      body: entry({ subjectId: 'p-01' }),
      headers: { 'Idempotency-Key': 'demo' },
    });
    expect(created.json.entry.authorId).toBe('p-02');
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a token spends its burst, per token', async () => {
    h = await harness({ rateLimitPerMinute: 60, rateLimitBurst: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await h.request('GET', '/api/v1/me', { token: 'p1' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await h.request('GET', '/api/v1/me', { token: 'p1' });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.json.error.code).toBe('rate_limited');
    expect((await h.request('GET', '/api/v1/me', { token: 'p2' })).status).toBe(200);
  });

  it('limits requests without a valid token by client address', async () => {
    h = await harness({ rateLimitPerMinute: 60, rateLimitBurst: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await h.request('GET', '/api/v1/me', { token: 'milieu_guess' + i })).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
  });
});

describe('headers', () => {
  it('sets security headers and no-store on API responses', async () => {
    h = await harness();
    const res = await h.request('GET', '/api/v1/me', { token: 'admin' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toContain('max-age');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers CORS preflights for configured origins only', async () => {
    h = await harness({ corsOrigins: ['https://portal.example.org'] });
    const preflight = {
      Origin: 'https://portal.example.org',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
    };
    const ok = await h.request('OPTIONS', '/api/v1/feedback', { headers: preflight });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example.org');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
    const other = await h.request('OPTIONS', '/api/v1/feedback', {
      headers: { ...preflight, Origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await h.request('GET', '/api/v1/me', {
      token: 'admin',
      headers: { Origin: 'https://portal.example.org' },
    });
    expect(get.headers.get('access-control-expose-headers')).toContain('ETag');
  });
});

describe('meta endpoints', () => {
  it('reports health without a token', async () => {
    h = await harness();
    const res = await h.request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('tells a token who it speaks for', async () => {
    h = await harness();
    expect((await h.request('GET', '/api/v1/me', { token: 'p2' })).json).toEqual({
      role: 'participant',
      participantId: 'p-02',
    });
    expect((await h.request('GET', '/api/v1/me', { token: 'staff' })).json).toEqual({
      role: 'staff',
      staffId: 'st-1',
    });
  });

  it('runs checkDocument: every finding for staff, only their own for a participant', async () => {
    h = await harness();
    const staff = await h.request('GET', '/api/v1/check?now=2026-03-10T12:00:00-05:00', {
      token: 'staff',
    });
    expect(staff.status).toBe(200);
    expect(staff.json.findings.length).toBeGreaterThan(0);
    expect(staff.json.summary).toMatchObject({ errors: expect.any(Number), locale: 'en' });
    const own = await h.request('GET', '/api/v1/check?now=2026-03-10T12:00:00-05:00', {
      token: 'p1',
    });
    expect(own.json.summary).toBeUndefined();
    for (const f of own.json.findings) expect(f.related.participantIds).toEqual(['p-01']);
    const es = await h.request('GET', '/api/v1/check?now=2026-03-10T12:00:00-05:00&locale=es', {
      token: 'admin',
    });
    expect(es.json.summary.locale).toBe('es');
    const bad = await h.request('GET', '/api/v1/check?now=yesterday', { token: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe('/now');
  });
});

describe('logs', () => {
  it('writes one JSON line per request with the route pattern, never bodies, queries or names', async () => {
    const lines: string[] = [];
    h = await harness({ logger: jsonLogger({ write: (l: string) => lines.push(l) }) });
    const e = entry({ strengths: 'Robin was so brave today.' });
    await h.request('POST', '/api/v1/feedback', {
      token: 'p1',
      body: e,
      headers: { 'Idempotency-Key': 'log-key' },
    });
    await h.request('GET', '/api/v1/occurrences?from=2026-03-09&to=2026-03-10&participant=p-03', {
      token: 'staff',
    });
    await h.request('PUT', `/api/v1/feedback/${e.id}/review`, {
      token: 'staff',
      body: { status: 'approved' },
    });
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => r.route)).toEqual([
      '/api/v1/feedback',
      '/api/v1/occurrences',
      '/api/v1/feedback/:id/review',
    ]);
    expect(records[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      status: 201,
      role: 'participant',
    });
    const all = lines.join('');
    for (const secret of [
      'Robin',
      'brave',
      'p-03',
      'p-01',
      e.id,
      'log-key',
      h.tokens.p1,
      'Bearer',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
