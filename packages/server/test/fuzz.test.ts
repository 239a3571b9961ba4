import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry, testDocument } from './fixtures.js';
import { harness, type Harness } from './harness.js';

// Whatever a client sends, the answer is a JSON 4xx (or success), never a 500.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const json = fc.jsonValue({ maxDepth: 4 });
/** Valid bodies with one property replaced by anything, or garbage. */
const mutated = (base: Record<string, unknown>) =>
  fc.oneof(
    json,
    fc
      .record({
        key: fc.constantFrom(...Object.keys(base), '__proto__', 'constructor', 'extra'),
        value: json,
      })
      // Text, not objects: the last of duplicate keys wins (and `__proto__` stays an own key).
      .map(
        ({ key, value }) =>
          JSON.parse(
            JSON.stringify(base).slice(0, -1) +
              `,${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`,
          ) as unknown,
      ),
  );

async function expectNo500(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await h.request(method, path, {
    token: 'admin',
    raw: JSON.stringify(body) ?? 'null',
    headers,
  });
  expect(res.status, res.text).toBeLessThan(500);
  expect(res.headers.get('content-type')).toContain('application/json');
  if (res.status >= 400) expect(res.json.error.code).toEqual(expect.any(String));
}

describe('no input makes a 500', () => {
  it('POST /api/v1/feedback', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(entry({ source: 'staff', subjectId: 'p-01' })), async (body) => {
        await expectNo500('POST', '/api/v1/feedback', body, {
          'Idempotency-Key': crypto.randomUUID(),
        });
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/v1/attendance and PUT review', async () => {
    const record = {
      occurrenceId: 'community@2026-03-09',
      participantId: 'p-01',
      status: 'present',
    };
    await fc.assert(
      fc.asyncProperty(mutated(record), mutated({ status: 'approved' }), async (a, b) => {
        await expectNo500('POST', '/api/v1/attendance', a);
        await expectNo500('PUT', '/api/v1/feedback/fb-1/review', b);
      }),
      { numRuns: 150 },
    );
  });

  it('PUT /api/v1/document', async () => {
    const doc = testDocument() as unknown as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(mutated(doc), async (body) => {
        const revision = (await h.store.head())!.revision;
        await expectNo500('PUT', '/api/v1/document', body, { 'If-Match': `"${revision}"` });
      }),
      { numRuns: 60 },
    );
  });

  it('query strings', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('2026-03-09', '2026-03-09T00:00:00Z', '-1', '0', '9'.repeat(20)),
    );
    await fc.assert(
      fc.asyncProperty(value, value, value, async (a, b, c) => {
        const q = (s: string) => encodeURIComponent(s);
        for (const path of [
          `/api/v1/occurrences?from=${q(a)}&to=${q(b)}&participant=${q(c)}`,
          `/api/v1/attendance?from=${q(a)}&to=${q(b)}`,
          `/api/v1/feedback?limit=${q(a)}&cursor=${q(b)}&status=${q(c)}`,
          `/api/v1/check?now=${q(a)}&locale=${q(b)}`,
        ]) {
          const res = await h.request('GET', path, { token: 'staff' });
          expect(res.status, `${path}: ${res.text}`).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });
});
