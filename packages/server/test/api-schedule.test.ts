import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const WEEK = '/api/v1/occurrences?from=2026-03-09&to=2026-03-16';

describe('GET /api/v1/occurrences', () => {
  it('gives staff the week with participants, full names and attendance records', async () => {
    await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: {
        occurrenceId: 'skills@2026-03-10',
        participantId: 'p-03',
        status: 'excused',
        note: 'Appointment',
      },
    });
    const res = await h.request('GET', WEEK, { token: 'staff' });
    expect(res.status).toBe(200);
    expect(res.json.timeZone).toBe('America/Chicago');
    expect(res.json.from).toBe('2026-03-09T00:00:00-05:00');
    expect(res.json.to).toBe('2026-03-16T00:00:00-05:00');
    const skills = res.json.occurrences.find((o: { id: string }) => o.id === 'skills@2026-03-10');
    expect(skills).toMatchObject({
      routineId: 'skills',
      kind: 'group-therapy',
      start: '2026-03-10T09:45:00-05:00',
      location: { id: 'group-room', name: 'Group room' },
      facilitators: [{ id: 'st-1', name: 'Nadia R.' }],
      attendanceRecords: [{ participantId: 'p-03', status: 'excused', note: 'Appointment' }],
    });
    expect(skills.participants).toContainEqual({ id: 'p-03', name: 'Dana Rivera' });
    expect(skills).not.toHaveProperty('routine');
    expect(res.json.occurrences.length).toBeGreaterThan(10);
  });

  it('gives a participant their own schedule only, with nobody else in it', async () => {
    const res = await h.request('GET', WEEK, { token: 'p1' });
    expect(res.status).toBe(200);
    expect(res.json.participant).toEqual({ id: 'p-01', name: 'Robin S.' });
    for (const o of res.json.occurrences) {
      expect(o).not.toHaveProperty('participants');
      expect(o).not.toHaveProperty('attendanceRecords');
    }
    expect(res.text).not.toContain('p-02');
    // p-01 chose the elective art studio; p-02 did not.
    expect(res.json.occurrences.some((o: { routineId: string }) => o.routineId === 'art')).toBe(
      true,
    );
    const other = await h.request('GET', WEEK, { token: 'p2' });
    expect(other.json.occurrences.some((o: { routineId: string }) => o.routineId === 'art')).toBe(
      false,
    );
  });

  it("forbids a participant another participant's schedule", async () => {
    const res = await h.request('GET', WEEK + '&participant=p-02', { token: 'p1' });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(Object.keys(res.json)).toEqual(['error']);
  });

  it('answers a kiosk asking for any participant with the same 403, so ids cannot be probed', async () => {
    const known = await h.request('GET', WEEK + '&participant=p-05', { token: 'kiosk' });
    const unknown = await h.request('GET', WEEK + '&participant=p-nobody', { token: 'kiosk' });
    expect(known.status).toBe(403);
    expect(unknown.status).toBe(403);
    expect(unknown.text).toBe(known.text);
  });

  it('gives a kiosk display-safe names, no ids of people and no records', async () => {
    const res = await h.request('GET', WEEK, { token: 'kiosk' });
    expect(res.status).toBe(200);
    expect(res.json.participant).toBeUndefined();
    const text = res.text;
    expect(text).not.toContain('Rivera');
    expect(text).not.toContain("O'Brien");
    expect(text).not.toContain('secret-level');
    expect(text).not.toContain('"participants"');
    expect(text).not.toContain('attendanceRecords');
    expect(text).not.toContain('st-1');
    for (const o of res.json.occurrences) {
      for (const f of o.facilitators) expect(Object.keys(f)).toEqual(['name']);
    }
  });

  it('keeps or drops cancelled occurrences, with the reason', async () => {
    const range = '/api/v1/occurrences?from=2026-03-06&to=2026-03-07';
    const all = await h.request('GET', range, { token: 'kiosk' });
    const cancelled = all.json.occurrences.find(
      (o: { id: string }) => o.id === 'skills@2026-03-06',
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      exception: { type: 'cancelled', reason: 'Staff training day.' },
    });
    const kept = await h.request('GET', range + '&includeCancelled=false', { token: 'kiosk' });
    expect(kept.json.occurrences.some((o: { id: string }) => o.id === 'skills@2026-03-06')).toBe(
      false,
    );
  });

  it('accepts instants with offsets as bounds', async () => {
    const res = await h.request(
      'GET',
      '/api/v1/occurrences?from=2026-03-09T09:00:00-05:00&to=2026-03-09T10:00:00-05:00',
      { token: 'staff' },
    );
    expect(res.json.occurrences.map((o: { id: string }) => o.id)).toEqual([
      'community@2026-03-09',
      'skills@2026-03-09',
    ]);
  });

  it('answers 400 with pointers for bad queries', async () => {
    const cases: [string, string][] = [
      ['/api/v1/occurrences?to=2026-03-16', '/from'],
      ['/api/v1/occurrences?from=monday&to=2026-03-16', '/from'],
      ['/api/v1/occurrences?from=2026-03-16&to=2026-03-09', '/to'],
      ['/api/v1/occurrences?from=2026-01-01&to=2026-06-01', '/to'],
      ['/api/v1/occurrences?from=2026-03-09&to=2026-03-16&participant=p-99', '/participant'],
      ['/api/v1/occurrences?from=2026-03-09&to=2026-03-16&color=red', '/color'],
      ['/api/v1/occurrences?from=2026-03-09&to=2026-03-16&__proto__=x', '/__proto__'],
    ];
    for (const [path, pointer] of cases) {
      const res = await h.request('GET', path, { token: 'staff' });
      expect(res.status, path).toBe(400);
      expect(
        res.json.error.issues.map((i: { path: string }) => i.path),
        path,
      ).toContain(pointer);
    }
  });

  it('serves the new schedule right after the document changes', async () => {
    const before = await h.request('GET', WEEK, { token: 'kiosk' });
    const doc = (await h.request('GET', '/api/v1/document', { token: 'admin' })).json;
    doc.routines[0].title = 'Morning meeting';
    await h.request('PUT', '/api/v1/document', {
      token: 'admin',
      body: doc,
      headers: { 'If-Match': '"1"' },
    });
    const after = await h.request('GET', WEEK, { token: 'kiosk' });
    expect(before.text).toContain('Community meeting');
    expect(after.text).toContain('Morning meeting');
    expect(after.text).not.toContain('Community meeting');
  });
});

describe('attendance', () => {
  it('records, replaces and lists attendance', async () => {
    const body = { occurrenceId: 'community@2026-03-09', participantId: 'p-01', status: 'late' };
    const first = await h.request('POST', '/api/v1/attendance', { token: 'staff', body });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ record: body });
    await h.request('POST', '/api/v1/attendance', {
      token: 'admin',
      body: { ...body, status: 'present' },
    });
    const list = await h.request('GET', '/api/v1/attendance?from=2026-03-09&to=2026-03-10', {
      token: 'staff',
    });
    expect(list.json.records).toEqual([{ ...body, status: 'present' }]);
  });

  it('answers 400 with pointers to unknown people, routines and bad statuses', async () => {
    const res = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: { occurrenceId: 'yoga@2026-03-09', participantId: 'p-99', status: 'present' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      '/occurrenceId',
      '/participantId',
    ]);
    const shape = await h.request('POST', '/api/v1/attendance', {
      token: 'staff',
      body: { occurrenceId: 'community', participantId: 'p-01', status: 'here' },
    });
    expect(shape.status).toBe(400);
    expect(
      [...new Set(shape.json.error.issues.map((i: { path: string }) => i.path))].sort(),
    ).toEqual(['/occurrenceId', '/status']);
  });

  it('rejects a range that is reversed or too long', async () => {
    const res = await h.request('GET', '/api/v1/attendance?from=2026-03-09&to=2026-03-01', {
      token: 'staff',
    });
    expect(res.status).toBe(400);
  });
});
