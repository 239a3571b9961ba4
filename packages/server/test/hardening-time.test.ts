/**
 * Instants and dates outside the supported years (0001-01-01T00:00:00Z up to, not including,
 * 9999-01-01T00:00:00Z) are a located 400 on every route that takes one, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MilieuDocument } from '@milieu/core';
import { entry, testDocument } from './fixtures.js';
import { harness, type Harness, type Reply } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

/** Instants at and past the edges of the supported years. */
const INSTANTS = [
  '9999-12-31T23:59:59Z',
  '9999-01-01T00:00:00Z',
  '9998-12-31T23:59:59-05:00',
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59Z',
  '0001-01-01T00:00:00+14:00',
];
/** Civil dates at and past the edges. */
const DATES = ['9999-12-31', '9999-01-01', '0000-01-01', '0000-12-31'];

function expectLocated(res: Reply, pointer: string): void {
  expect(res.status, res.text).toBe(400);
  const paths = (res.json.error.issues ?? []).map((i: { path: string }) => i.path);
  expect(paths, res.text).toContain(pointer);
}

describe('out-of-range instants and dates: 400 with a located issue, never 500', () => {
  it('GET /api/v1/check?now=', async () => {
    for (const now of INSTANTS) {
      const res = await h.request('GET', `/api/v1/check?now=${encodeURIComponent(now)}`, {
        token: 'staff',
      });
      expectLocated(res, '/now');
    }
  });

  it('GET /api/v1/occurrences from/to as instants and dates', async () => {
    const windows: [string, string, string][] = [
      ['9999-12-30T00:00:00Z', '9999-12-31T23:59:59Z', '/from'],
      ['9998-12-31T00:00:00Z', '9999-01-01T12:00:00Z', '/to'],
      ['0000-12-30T00:00:00Z', '0000-12-31T00:00:00Z', '/from'],
      ['9999-12-30', '9999-12-31', '/from'],
      ['9998-12-30', '9999-01-02', '/to'],
      ['0000-01-01', '0000-01-02', '/from'],
      ['0000-12-31', '0001-01-02', '/from'],
    ];
    for (const [from, to, pointer] of windows) {
      for (const token of ['staff', 'p1', 'kiosk'] as const) {
        const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
        expectLocated(await h.request('GET', `/api/v1/occurrences?${q}`, { token }), pointer);
      }
    }
  });

  it('GET /api/v1/attendance from/to', async () => {
    const windows: [string, string, string][] = [
      ['9999-12-30', '9999-12-31', '/from'],
      ['9998-12-30', '9999-01-02', '/to'],
      ['0000-01-01', '0000-01-02', '/from'],
    ];
    for (const [from, to, pointer] of windows) {
      const res = await h.request('GET', `/api/v1/attendance?from=${from}&to=${to}`, {
        token: 'staff',
      });
      expectLocated(res, pointer);
    }
  });

  it('POST /api/v1/attendance with an occurrence date outside the years', async () => {
    for (const date of DATES) {
      const res = await h.request('POST', '/api/v1/attendance', {
        token: 'staff',
        body: { occurrenceId: `skills@${date}`, participantId: 'p-01', status: 'present' },
      });
      expectLocated(res, '/occurrenceId');
    }
  });

  it('POST /api/v1/feedback with createdAt outside the years', async () => {
    let n = 0;
    for (const createdAt of INSTANTS) {
      for (const token of ['p1', 'staff'] as const) {
        n += 1;
        const body =
          token === 'p1'
            ? entry({ createdAt })
            : entry({ createdAt, source: 'staff', subjectId: 'p-01' });
        const res = await h.request('POST', '/api/v1/feedback', {
          token,
          body,
          headers: { 'Idempotency-Key': `range-${n}` },
        });
        expectLocated(res, '/createdAt');
      }
    }
  });

  it('still answers at the edges of the supported years', async () => {
    for (const now of ['0001-01-01T00:00:00Z', '9998-12-31T23:59:59Z']) {
      const res = await h.request('GET', `/api/v1/check?now=${now}`, { token: 'staff' });
      expect(res.status, res.text).toBe(200);
    }
    for (const [from, to] of [
      ['0001-01-01', '0001-01-08'],
      ['9998-12-01', '9998-12-31'],
    ] as const) {
      for (const token of ['staff', 'p1', 'kiosk'] as const) {
        const res = await h.request('GET', `/api/v1/occurrences?from=${from}&to=${to}`, { token });
        expect(res.status, res.text).toBe(200);
      }
      const res = await h.request('GET', `/api/v1/attendance?from=${from}&to=${to}`, {
        token: 'staff',
      });
      expect(res.status, res.text).toBe(200);
    }
  });

  it('documents holding dates at the far ends of the calendar never make a route 500', async () => {
    const mutations: ((d: MilieuDocument) => void)[] = [
      (d) => d.records.feedback.push(entry({ createdAt: '9999-12-31T23:59:59Z' })),
      (d) => d.records.feedback.push(entry({ createdAt: '0000-01-01T00:00:00Z' })),
      (d) => (d.people.participants[0]!.admissionDate = '0000-01-01'),
      (d) => (d.people.participants[0]!.dischargeDate = '9999-12-31'),
      (d) => (d.routines[0]!.recurrence!.startDate = '0000-01-03'),
      (d) => (d.routines[0]!.recurrence!.startDate = '9999-12-31'),
      (d) => (d.routines[0]!.recurrence!.until = '9999-12-31'),
      (d) => d.routines[0]!.exceptions.push({ date: '9999-12-31', type: 'cancelled', reason: 'x' }),
    ];
    const reads = [
      '/api/v1/check',
      '/api/v1/check?now=9998-12-31T00:00:00Z',
      '/api/v1/check?now=0001-01-01T00:00:00Z',
      '/api/v1/occurrences?from=2026-03-09&to=2026-03-16',
      '/api/v1/occurrences?from=9998-12-01&to=9998-12-31',
      '/api/v1/occurrences?from=0001-01-01&to=0001-01-31',
      '/api/v1/attendance?from=9998-01-01&to=9998-12-31',
      '/api/v1/feedback',
      '/api/v1/feedback/context?source=peer',
    ];
    for (const mutate of mutations) {
      const doc = testDocument();
      mutate(doc);
      const put = await h.request('PUT', '/api/v1/document', {
        token: 'admin',
        body: doc,
        headers: { 'if-match': `"${(await h.store.head())!.revision}"` },
      });
      expect(put.status, put.text).toBeLessThan(500);
      for (const path of reads) {
        for (const token of ['staff', 'p1', 'kiosk'] as const) {
          const res = await h.request('GET', path, { token });
          expect(res.status, `${path} ${res.text}`).toBeLessThan(500);
        }
      }
    }
  });
});
