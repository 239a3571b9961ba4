import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FEEDBACK_PATH,
  IDEMPOTENCY_KEY_HEADER,
  type FeedbackEntry,
  type MilieuDocument,
} from '@milieu/core';
import type { Bundle, Encounter, QuestionnaireResponse } from '@medplum/fhirtypes';
import {
  createFhirSource,
  DEFAULT_CANONICAL_BASE,
  FhirError,
  fromFhir,
  toFhir,
} from '../src/index.js';
import { examples } from './helpers.js';
import { startFhirServer, type TestFhirServer } from './fhir-server.js';
import { validate } from './medplum.js';

let server: TestFhirServer;
let doc: MilieuDocument;
/** Identifier systems are scoped by program (except the program's own). */
const system = (kind: string) =>
  kind === 'program'
    ? `${DEFAULT_CANONICAL_BASE}/id/program`
    : `${DEFAULT_CANONICAL_BASE}/id/${doc.program.id}/${kind}`;

async function search<T>(path: string): Promise<T[]> {
  const b = (await (await fetch(`${server.baseUrl}/${path}`)).json()) as Bundle;
  return (b.entry ?? []).map((e) => e.resource as T);
}

beforeAll(async () => {
  server = await startFhirServer();
  doc = examples().find((e) => e.name === 'minimal.json')!.doc;
  const bundle = toFhir(
    { ...doc, records: { ...doc.records, attendance: [], feedback: [] } },
    {
      type: 'transaction',
      range: { from: '2026-03-02T00:00:00-06:00', to: '2026-03-07T00:00:00-06:00' },
    },
  );
  const res = await fetch(server.baseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify(bundle),
  });
  expect(res.status).toBe(200);
});
afterAll(() => server.close());

const source = () =>
  createFhirSource({
    baseUrl: server.baseUrl,
    unit: { system: system('program'), value: doc.program.id },
  });

const peerEntry = (): FeedbackEntry => ({
  id: 'fb-fhir-1',
  createdAt: '2026-03-04T15:00:00-06:00',
  source: 'peer',
  authorId: 'p-02',
  subjectId: 'p-01',
  strengths: 'You helped me set up the room.',
  ratings: { kindness: 5 },
  visibility: 'subject',
  anonymous: true,
  review: { status: 'pending' },
});

describe('the saver writes feedback as a QuestionnaireResponse, once', () => {
  test('a retried save finds the first resource (conditional create on the entry id)', async () => {
    const saver = source().saver;
    const first = await saver.saveFeedback(peerEntry());
    const again = await saver.saveFeedback(peerEntry());
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, resource: first.resource });
    const stored = await search<QuestionnaireResponse>(
      `QuestionnaireResponse?identifier=${encodeURIComponent(`${system('feedback')}|fb-fhir-1`)}`,
    );
    expect(stored).toHaveLength(1);
    const qr = stored[0]!;
    expect(validate(qr)).toEqual([]);
    // Anonymous: no author; the subject is the participant it is about, a literal reference.
    expect(qr.author).toBeUndefined();
    expect(qr.subject?.reference).toMatch(/^Patient\//);
    expect(qr.meta?.tag?.map((t) => t.code)).toEqual(
      expect.arrayContaining(['subject', 'pending']),
    );
    // The server's copy reads back as the same entry, without the author.
    const back = fromFhir({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: qr }],
    });
    expect(back.ok).toBe(true);
  });

  test("the form's fetch: POST /api/v1/feedback answers 201 { entry }, retries stay one resource", async () => {
    const saver = source().saver;
    const entry = { ...peerEntry(), id: 'fb-fhir-2', anonymous: false };
    const post = () =>
      saver.fetch(`https://portal.example${FEEDBACK_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: 'key-2' },
        body: JSON.stringify(entry),
      });
    const [a, b] = [await post(), await post()];
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(await a.json()).toEqual({ entry });
    const stored = await search<QuestionnaireResponse>(
      `QuestionnaireResponse?identifier=${encodeURIComponent(`${system('feedback')}|fb-fhir-2`)}`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.author?.reference).toMatch(/^Patient\//);
  });

  test('an invalid entry is a 400 with located issues, and nothing is written', async () => {
    const saver = source().saver;
    const res = await saver.fetch(FEEDBACK_PATH, {
      method: 'POST',
      body: JSON.stringify({ ...peerEntry(), id: 'fb-bad', strengths: '' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_entry');
    expect(body.error.issues.map((i) => i.path)).toContain('/strengths');
    await expect(
      saver.saveFeedback({ ...peerEntry(), createdAt: 'yesterday' }),
    ).rejects.toBeInstanceOf(FhirError);
  });

  test('a failing FHIR server is a retryable 503 for the form', async () => {
    const saver = source().saver;
    await saver.saveFeedback({ ...peerEntry(), id: 'fb-warm' }); // caches the unit and references
    server.failNext(/^QuestionnaireResponse$/, 503, 'maintenance window');
    const res = await saver.fetch(FEEDBACK_PATH, {
      method: 'POST',
      body: JSON.stringify({ ...peerEntry(), id: 'fb-fhir-3' }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /maintenance window/,
    );
  });
});

describe('the saver writes attendance as an Encounter per participant per session', () => {
  const encounters = () =>
    search<Encounter>(
      `Encounter?identifier=${encodeURIComponent(`${system('attendance')}|skills@2026-03-03/p-02`)}`,
    );

  test('created once, linked to the occurrence Appointment; a changed status updates it', async () => {
    const saver = source().saver;
    const record = {
      occurrenceId: 'skills@2026-03-03',
      participantId: 'p-02',
      status: 'late' as const,
      note: 'Bus delay.',
    };
    const first = await saver.saveAttendance(record);
    const again = await saver.saveAttendance(record);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, resource: first.resource });
    let stored = await encounters();
    expect(stored).toHaveLength(1);
    expect(validate(stored[0]!)).toEqual([]);
    expect(stored[0]!.appointment?.[0]?.reference).toMatch(/^Appointment\//);
    expect(stored[0]!.period?.start).toBe('2026-03-03T09:45:00-06:00');

    const res = await saver.fetch('/api/v1/attendance', {
      method: 'POST',
      body: JSON.stringify({ ...record, status: 'present', note: undefined }),
    });
    expect(res.status).toBe(200);
    stored = await encounters();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.extension?.find((e) => e.url.endsWith('/attendance-status'))?.valueCode).toBe(
      'present',
    );

    // And the staff schedule shows it.
    const week = await source().occurrences({
      from: '2026-03-03',
      to: '2026-03-04',
      viewer: { role: 'staff' },
    });
    const skills = week.occurrences.find((o) => o.id === 'skills@2026-03-03');
    expect(skills?.attendanceRecords).toEqual([{ participantId: 'p-02', status: 'present' }]);
  });
});
