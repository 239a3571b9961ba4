import { describe, expect, it } from 'vitest';
import { OccurrencesResponseSchema, parseDocument, type MilieuDocument } from '@milieu/core';
import inpatient from '../../../examples/inpatient-unit.json' with { type: 'json' };
import { createFetch, scheduleEndpoint, scheduleHandlers, scheduleLoader } from './index.js';

const parsed = parseDocument(inpatient);
if (!parsed.ok) throw new Error('the inpatient example must parse');
const doc: MilieuDocument = parsed.value;
const someone = doc.people.participants[0]!.id;
const get = (f: typeof fetch, query: string): Promise<Response> =>
  f(`/api/v1/occurrences?${query}`);

describe('scheduleHandlers', () => {
  it('answers the range for staff, a valid OccurrencesResponse honouring from and to', async () => {
    const f = createFetch(scheduleHandlers(doc));
    const body: unknown = await (await get(f, 'from=2026-03-09&to=2026-03-10')).json();
    const r = OccurrencesResponseSchema.parse(body);
    expect(r.program.timeZone).toBe(doc.program.timeZone);
    expect(r.occurrences.length).toBeGreaterThan(0);
    expect(r.occurrences.every((o) => o.end > '2026-03-09' && o.start < '2026-03-10T23:59')).toBe(
      true,
    );
    expect(r.occurrences.some((o) => o.participants !== undefined)).toBe(true);
  });

  it('gives a kiosk no participants, and 403 for any participant query', async () => {
    const f = createFetch(scheduleHandlers(doc, 'success', { viewer: { kind: 'kiosk' } }));
    const body = JSON.stringify(await (await get(f, 'from=2026-03-09&to=2026-03-16')).json());
    expect(body).not.toContain('"participants"');
    expect(body).not.toContain(someone);
    expect((await get(f, `from=2026-03-09&to=2026-03-16&participant=${someone}`)).status).toBe(403);
    expect((await get(f, 'from=2026-03-09&to=2026-03-16&participant=nobody')).status).toBe(403);
  });

  it('gives a participant their own schedule, through the board-shaped loader', async () => {
    const viewer = { kind: 'participant' as const, participantId: someone };
    const endpoint = scheduleEndpoint(doc, 'success', { viewer });
    const load = scheduleLoader(createFetch(endpoint.handlers));
    const r = OccurrencesResponseSchema.parse(
      await load({ from: '2026-03-09', to: '2026-03-16' }, new AbortController().signal),
    );
    expect(r.participant?.id).toBe(someone);
    expect(endpoint.queries).toEqual([{ from: '2026-03-09', to: '2026-03-16' }]);
    const other = doc.people.participants[1]!.id;
    await expect(
      load(
        { from: '2026-03-09', to: '2026-03-16', participant: other },
        new AbortController().signal,
      ),
    ).rejects.toThrow('403');
  });

  it('rejects a bad query with 400 and serves the failure scenarios', async () => {
    const ok = createFetch(scheduleHandlers(doc));
    expect((await get(ok, 'from=monday&to=2026-03-16')).status).toBe(400);
    expect((await get(ok, 'from=2026-03-09&to=2026-06-16')).status).toBe(400);
    const invalid = createFetch(scheduleHandlers(doc, 'invalid'));
    const body: unknown = await (await get(invalid, 'from=2026-03-09&to=2026-03-16')).json();
    expect(OccurrencesResponseSchema.safeParse(body).success).toBe(false);
    expect(
      (await get(createFetch(scheduleHandlers(doc, 'not-found')), 'from=2026-03-09&to=2026-03-16'))
        .status,
    ).toBe(404);
    const flaky = createFetch(scheduleHandlers(doc, 'flaky'));
    expect((await get(flaky, 'from=2026-03-09&to=2026-03-16')).status).toBe(500);
    expect((await get(flaky, 'from=2026-03-09&to=2026-03-16')).status).toBe(200);
    await expect(
      get(createFetch(scheduleHandlers(doc, 'offline')), 'from=2026-03-09&to=2026-03-16'),
    ).rejects.toThrow(TypeError);
  });
});
