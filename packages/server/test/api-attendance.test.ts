import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

let h: Harness;
let dir: string;
let file: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'milieu-attendance-'));
  file = join(dir, 'milieu.db');
  h = await harness({ database: { kind: 'sqlite', file } });
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Provenance {
  occurrence_id: string;
  participant_id: string;
  status: string;
  recorded_at: string;
  recorded_by: string | null;
}

function stored(): Provenance[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT occurrence_id, participant_id, status, recorded_at, recorded_by FROM attendance WHERE occurrence_id IN ('skills@2026-03-10', 'skills@2026-03-06', 'skills@2026-03-01') ORDER BY occurrence_id, participant_id",
      )
      .all() as Provenance[];
  } finally {
    db.close();
  }
}

const record = { occurrenceId: 'skills@2026-03-10', participantId: 'p-01', status: 'present' };

describe('POST /api/v1/attendance: who and when', () => {
  it('takes recordedBy from the token and recordedAt from the clock, never from the body', async () => {
    const forged = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: { ...record, recordedBy: 'st-999', recordedAt: '2020-01-01T00:00:00Z' },
    });
    expect(forged.status).toBe(400);
    expect(forged.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      '/recordedAt',
      '/recordedBy',
    ]);
    expect(stored()).toEqual([]);
    const before = new Date().toISOString();
    const ok = await h.request('POST', '/api/v1/attendance', { token: 'staff', body: record });
    expect(ok.status).toBe(200);
    const [row] = stored();
    expect(row).toMatchObject({ participant_id: 'p-01', recorded_by: 'st-1' });
    expect(row!.recorded_at >= before).toBe(true);
  });

  it('answers 400 with a pointer for a cancelled occurrence or a participant outside their stay', async () => {
    const cancelled = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: { ...record, occurrenceId: 'skills@2026-03-06' },
    });
    expect(cancelled.status).toBe(400);
    expect(cancelled.json.error.issues).toMatchObject([
      { path: '/occurrenceId', code: 'cancelled_occurrence' },
    ]);
    const early = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: { ...record, occurrenceId: 'skills@2026-03-01' },
    });
    expect(early.status).toBe(400);
    expect(early.json.error.issues).toMatchObject([
      { path: '/participantId', code: 'outside_stay' },
    ]);
    expect(stored()).toEqual([]);
  });
});

describe('PUT /api/v1/document keeps attendance provenance', () => {
  it('leaves unchanged records as recorded and records changed ones by the caller', async () => {
    await h.request('POST', '/api/v1/attendance', { token: 'staff', body: record });
    const other = { ...record, participantId: 'p-02', status: 'late' };
    await h.request('POST', '/api/v1/attendance', { token: 'staff', body: other });
    const first = stored();
    const doc = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(doc.status).toBe(200);
    const body = doc.json;
    body.records.attendance = body.records.attendance.map((r: { participantId: string }) =>
      r.participantId === 'p-02' ? { ...r, status: 'present' } : r,
    );
    const put = await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body,
      headers: { 'if-match': doc.headers.get('etag') ?? '' },
    });
    expect(put.status).toBe(200);
    const after = stored();
    const unchanged = after.find((r) => r.participant_id === 'p-01');
    const changed = after.find((r) => r.participant_id === 'p-02');
    expect(unchanged).toEqual(first.find((r) => r.participant_id === 'p-01'));
    expect(unchanged?.recorded_by).toBe('st-1');
    expect(changed).toMatchObject({ status: 'present', recorded_by: null });
    expect(after).toHaveLength(2);
  });
});

describe('GET /api/v1/occurrences: completeness', () => {
  it('carries each occurrence’s attendance completeness for staff, and never for others', async () => {
    await h.request('POST', '/api/v1/attendance', { token: 'staff', body: record });
    const WEEK = '/api/v1/occurrences?from=2026-03-09&to=2026-03-16';
    const staff = await h.request('GET', WEEK, { token: 'staff' });
    const skills = staff.json.occurrences.find((o: { id: string }) => o.id === record.occurrenceId);
    expect(skills.completeness).toMatchObject({
      recorded: 1,
      missing: expect.not.arrayContaining(['p-01']),
    });
    expect(skills.completeness.expected).toBe(skills.participants.length);
    expect(['overdue', 'pending']).toContain(skills.completeness.state);
    const meal = staff.json.occurrences.find((o: { kind: string }) => o.kind === 'breakfast');
    if (meal) expect(meal.completeness.state).toBe('not-taken');
    for (const token of ['kiosk', 'p1'] as const) {
      const res = await h.request('GET', WEEK, { token });
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('completeness');
    }
  });
});
