import { describe, expect, it } from 'vitest';
import { attendanceEndpoint } from './attendance.js';
import { createFetch } from './fetch.js';

const record = { occurrenceId: 'skills@2026-03-10', participantId: 'p-01', status: 'present' };
const post = (f: typeof fetch, body: unknown = record) =>
  f('/api/v1/attendance', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('attendanceEndpoint', () => {
  it('upserts one record per occurrence and participant', async () => {
    const ep = attendanceEndpoint();
    const f = createFetch(ep.handlers);
    expect((await post(f)).status).toBe(200);
    const res = await post(f, { ...record, status: 'late' });
    expect(await res.json()).toEqual({ record: { ...record, status: 'late' } });
    expect(ep.records).toEqual([{ ...record, status: 'late' }]);
    const bad = await post(f, { ...record, status: 'here' });
    expect(bad.status).toBe(400);
  });

  it('answers 503 then 200 when flaky, and stores a lost response before dropping it', async () => {
    const flaky = attendanceEndpoint('flaky');
    const f = createFetch(flaky.handlers);
    expect((await post(f)).status).toBe(503);
    expect(flaky.records).toEqual([]);
    expect((await post(f)).status).toBe(200);
    const lost = attendanceEndpoint('lost-response');
    const g = createFetch(lost.handlers);
    await expect(post(g)).rejects.toThrow();
    expect(lost.records).toEqual([record]);
    expect((await post(g)).status).toBe(200);
    expect(lost.records).toHaveLength(1);
  });

  it('refuses with 403 and with a pointer for a cancelled occurrence', async () => {
    const f = createFetch(attendanceEndpoint('forbidden').handlers);
    expect((await post(f)).status).toBe(403);
    const c = attendanceEndpoint('cancelled');
    const res = await post(createFetch(c.handlers));
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('/occurrenceId');
    expect(c.records).toEqual([]);
  });
});
