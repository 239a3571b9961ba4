import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  OccurrencesResponseSchema,
  sharedScreenName,
  emptyStretchOptions,
  expandOccurrences,
  type MilieuDocument,
} from '@milieu/core';
import { createFhirSource, FhirError, toFhir, DEFAULT_CANONICAL_BASE } from '../src/index.js';
import { examples } from './helpers.js';
import { startFhirServer, type TestFhirServer } from './fhir-server.js';

/** Two weeks of weekday routines in America/Chicago, across the spring-forward change (8 March). */
const WEEK = { from: '2026-03-02', to: '2026-03-14' } as const;
const RANGE = { from: '2026-03-02T00:00:00-06:00', to: '2026-03-14T00:00:00-05:00' } as const;
let server: TestFhirServer;
let doc: MilieuDocument;
/** The same program under another id, with `displayNames: 'initials'` (its routines renamed). */
let initials: MilieuDocument;
const unitOf = (d: MilieuDocument) => ({
  system: `${DEFAULT_CANONICAL_BASE}/id/program`,
  value: d.program.id,
});
const unit = () => unitOf(doc);

async function seed(d: MilieuDocument): Promise<void> {
  const res = await fetch(server.baseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify(toFhir(d, { type: 'transaction', range: RANGE })),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = await startFhirServer();
  doc = examples().find((e) => e.name === 'minimal.json')!.doc;
  initials = structuredClone(doc);
  initials.program.id = `${doc.program.id}-initials`;
  initials.program.policy = { displayNames: 'initials' };
  const rename = (id: string) => `i-${id}`;
  for (const r of initials.routines) r.id = rename(r.id);
  for (const p of initials.people.participants)
    p.electiveRoutineIds = p.electiveRoutineIds.map(rename);
  initials.records = { attendance: [], observations: [], feedback: [], copingPractice: [] };
  await seed(doc);
  await seed(initials);
});
afterAll(() => server.close());

describe('createFhirSource against @medplum/fhir-router (in-memory) over HTTP', () => {
  test('the staff schedule equals core’s expansion of the document, read across pages', async () => {
    const source = createFhirSource({ baseUrl: server.baseUrl, unit: unit(), pageSize: 10 });
    const before = server.requests.length;
    const response = await source.occurrences({ ...WEEK, viewer: { role: 'staff' } });
    expect(OccurrencesResponseSchema.safeParse(response).success).toBe(true);
    const expected = expandOccurrences(doc, RANGE);
    expect(response.occurrences.map((o) => [o.id, o.start, o.end, o.status])).toEqual(
      expected.map((o) => [o.id, o.start, o.end, o.status]),
    );
    // The week crosses the spring-forward change (8 March in New York).
    expect(new Set(response.occurrences.map((o) => o.start.slice(-6)))).toEqual(
      new Set(['-06:00', '-05:00']),
    );
    const pages = server.requests.slice(before).filter((r) => r.url.includes('/Appointment?'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.slice(1).every((r) => r.url.includes('_offset='))).toBe(true);
    expect(response.program).toEqual({
      name: doc.program.name,
      timeZone: doc.program.timeZone,
      locale: doc.program.locale,
      displayNames: 'first-initial',
    });
    // Only where people live on site (not this day program): the same decision as the server's.
    expect(response.emptyStretch).toEqual(emptyStretchOptions(doc.program.setting));
    const withPeople = response.occurrences.find((o) => (o.participants?.length ?? 0) > 0)!;
    expect(withPeople.participants![0]).toEqual({
      id: expect.any(String),
      name: expect.stringMatching(/ /),
    });
    const attended = response.occurrences.filter((o) => (o.attendanceRecords?.length ?? 0) > 0);
    expect(attended.map((o) => o.id)).toEqual(['skills@2026-03-03']);
    const records = doc.records.attendance.filter((r) =>
      attended.some((o) => o.id === r.occurrenceId),
    );
    expect(
      attended
        .flatMap((o) => o.attendanceRecords!.map((r) => `${o.id}/${r.participantId}/${r.status}`))
        .sort(),
    ).toEqual(records.map((r) => `${r.occurrenceId}/${r.participantId}/${r.status}`).sort());
  });

  test.each([
    ['first-initial', () => doc],
    ['initials', () => initials],
  ] as const)(
    'a kiosk (%s) gets names per policy.displayNames and no ids, participants or records',
    async (policy, d) => {
      const source = createFhirSource({ baseUrl: server.baseUrl, unit: unitOf(d()) });
      const response = await source.occurrences({ ...WEEK, viewer: { role: 'kiosk' } });
      expect(OccurrencesResponseSchema.safeParse(response).success).toBe(true);
      expect(response.program.displayNames).toBe(policy);
      expect(response.occurrences.length).toBeGreaterThan(20);
      const allowed = new Set(d().people.staff.map((s) => sharedScreenName(s, policy)));
      const text = JSON.stringify(response.occurrences);
      for (const o of response.occurrences) {
        expect(o.participants).toBeUndefined();
        expect(o.attendanceRecords).toBeUndefined();
        for (const f of o.facilitators) {
          expect(Object.keys(f)).toEqual(['name']);
          expect(allowed.has(f.name)).toBe(true);
        }
      }
      for (const p of d().people.participants) {
        expect(text).not.toContain(`"${p.id}"`);
        expect(text).not.toContain(p.preferredName);
      }
      for (const s of d().people.staff) expect(text).not.toContain(`"${s.id}"`);
    },
  );

  test('a participant sees only their own occurrences, and no one else', async () => {
    const me = doc.people.participants[0]!;
    const source = createFhirSource({ baseUrl: server.baseUrl, unit: unit() });
    const response = await source.occurrences({
      ...WEEK,
      viewer: { role: 'participant', participantId: me.id },
    });
    expect(OccurrencesResponseSchema.safeParse(response).success).toBe(true);
    const mine = expandOccurrences(doc, { ...RANGE, participant: me.id });
    expect(response.occurrences.map((o) => o.id)).toEqual(mine.map((o) => o.id));
    expect(response.participant).toEqual({
      id: me.id,
      name: `${me.preferredName} ${me.lastName}`.trim(),
    });
    const text = JSON.stringify(response.occurrences);
    for (const p of doc.people.participants)
      if (p.id !== me.id) expect(text).not.toContain(p.preferredName + ' ');
    expect(
      response.occurrences.every(
        (o) => o.participants === undefined && o.attendanceRecords === undefined,
      ),
    ).toBe(true);
  });

  test('two units with the same participant ids keep different people (identifiers are scoped by program)', async () => {
    const res = await fetch(`${server.baseUrl}/Patient?_count=100`);
    const bundle = (await res.json()) as {
      entry?: { resource: { identifier?: { system?: string; value?: string }[] } }[];
    };
    const p01 = (bundle.entry ?? []).filter((e) =>
      e.resource.identifier?.some((i) => i.value === 'p-01'),
    );
    expect(p01.map((e) => e.resource.identifier?.[0]?.system).sort()).toEqual([
      `${DEFAULT_CANONICAL_BASE}/id/${doc.program.id}-initials/participant`,
      `${DEFAULT_CANONICAL_BASE}/id/${doc.program.id}/participant`,
    ]);
  });

  test('posting the same transaction bundle again changes nothing (conditional updates)', async () => {
    const count = async (type: string) =>
      ((await (await fetch(`${server.baseUrl}/${type}?_count=1000`)).json()) as { total?: number })
        .total;
    const types = [
      'Patient',
      'Appointment',
      'Encounter',
      'ActivityDefinition',
      'CodeSystem',
      'Goal',
    ];
    const before = await Promise.all(types.map(count));
    await seed(doc);
    expect(await Promise.all(types.map(count))).toEqual(before);
    expect(before.every((n) => (n ?? 0) > 0)).toBe(true);
  });

  test('a unit that does not exist is a clear not_found error', async () => {
    const source = createFhirSource({ baseUrl: server.baseUrl, unit: 'no-such-group' });
    const error = await source
      .occurrences({ ...WEEK, viewer: { role: 'kiosk' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirError);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect((error as Error).message).toMatch(/GET .*\/Group\/no-such-group: not found/);
  });

  test('a deleted unit Group is a clear gone error (410)', async () => {
    const created = await fetch(`${server.baseUrl}/Group`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Group',
        type: 'person',
        actual: true,
        name: 'Closed unit',
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect(
      (await fetch(`${server.baseUrl}/Group/${created.id}`, { method: 'DELETE' })).status,
    ).toBe(200);
    const source = createFhirSource({ baseUrl: server.baseUrl, unit: `Group/${created.id}` });
    const error = await source
      .occurrences({ ...WEEK, viewer: { role: 'staff' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'gone', status: 410 });
    expect((error as Error).message).toMatch(
      /gone \(deleted on the server\): Group\/.* was deleted/,
    );
  });

  test("an OperationOutcome error carries the server's diagnostics", async () => {
    const source = createFhirSource({ baseUrl: server.baseUrl, unit: unit() });
    server.failNext(/^Appointment\?/, 500, 'database is restarting');
    const error = await source
      .occurrences({ ...WEEK, viewer: { role: 'staff' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'operation_outcome', status: 500, retryable: true });
    expect((error as Error).message).toMatch(/HTTP 500: database is restarting/);
    // The same source works once the server does.
    await expect(source.occurrences({ ...WEEK, viewer: { role: 'staff' } })).resolves.toBeDefined();
  });

  test('a 400 OperationOutcome from the router itself (a malformed search) is reported as such', async () => {
    const res = await fetch(`${server.baseUrl}/Appointment?date=notadate`);
    expect(res.status).toBe(400);
    const source = createFhirSource({ baseUrl: server.baseUrl, unit: unit() });
    // An invalid range never reaches the server: it is a ScheduleRangeError.
    await expect(
      source.occurrences({ from: 'soon', to: '2026-03-09', viewer: { role: 'kiosk' } }),
    ).rejects.toThrow(/from/);
  });

  test('paging never follows a next link to another host (it would carry the credentials)', async () => {
    const evil = (async (input: RequestInfo | URL) => {
      const url = String(input);
      const bundle = url.includes('/Group/')
        ? { resourceType: 'Group', id: 'u', type: 'person', actual: true }
        : {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [],
            link: [{ relation: 'next', url: 'https://elsewhere.example/steal' }],
          };
      return new Response(JSON.stringify(bundle), { status: 200 });
    }) as typeof fetch;
    const source = createFhirSource({
      baseUrl: 'https://ehr.example/fhir',
      unit: 'u',
      fetch: evil,
    });
    await expect(source.occurrences({ ...WEEK, viewer: { role: 'kiosk' } })).rejects.toMatchObject({
      code: 'unsafe_link',
    });
  });
});
