import { describe, expect, it } from 'vitest';
import {
  CreateFeedbackResponseSchema,
  FeedbackContextResponseSchema,
  OccurrencesResponseSchema,
  parseDocument,
  programPath,
  type MilieuDocument,
} from '@milieu/core';
import inpatient from '../../../examples/inpatient-unit.json' with { type: 'json' };
import {
  ATTENDANCE_PATH,
  DOCUMENT_PATH,
  OCCURRENCES_PATH,
  attendanceEndpoint,
  createFeedbackServer,
  createFetch,
  documentEndpoint,
  feedbackContextEndpoint,
  feedbackHandlers,
  programScopedPath,
  programsHandlers,
  scheduleEndpoint,
  scheduleLoader,
} from './index.js';

const parsed = parseDocument(inpatient);
if (!parsed.ok) throw new Error('the inpatient example must parse');
const doc: MilieuDocument = parsed.value;
const range = '?from=2026-03-09&to=2026-03-10';
const entry = {
  id: 'fb-1',
  createdAt: '2026-03-09T10:00:00-05:00',
  source: 'self',
  authorId: 'p1',
  subjectId: 'p1',
  strengths: 'Went to art group',
  visibility: 'staff',
  anonymous: false,
  review: { status: 'pending' },
};
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('programScopedPath', () => {
  it("maps a route to the program's route, as programPath does", () => {
    expect(programScopedPath(OCCURRENCES_PATH, '4-north')).toBe(
      '/api/v1/programs/4-north/occurrences',
    );
    expect(programScopedPath('/api/v1/feedback/context', 'unit:4')).toBe(
      `${programPath('unit:4')}/feedback/context`,
    );
  });

  it('throws a located error for a bad id or a path outside the API', () => {
    expect(() => programScopedPath(DOCUMENT_PATH, '../admin')).toThrow(
      /programScopedPath: programId: "\.\.\/admin" is not a program id/,
    );
    expect(() => programScopedPath('/document', 'a')).toThrow(/is not a route under \/api\/v1\//);
    expect(() => programScopedPath('/api/v1/programs', 'a')).toThrow(/is not a route/);
  });
});

describe('every endpoint family mounts under a program with options.programId', () => {
  it('document and schedule answer at the program route only', async () => {
    const document = documentEndpoint(doc, 'success', { programId: '4-north' });
    const schedule = scheduleEndpoint(doc, 'success', { programId: '4-north' });
    const f = createFetch([...document.handlers, ...schedule.handlers]);
    const got = await f('/api/v1/programs/4-north/document');
    expect(got.status).toBe(200);
    expect(((await got.json()) as MilieuDocument).program.id).toBe(doc.program.id);
    const load = scheduleLoader(f, programScopedPath(OCCURRENCES_PATH, '4-north'));
    const body = await load({ from: '2026-03-09', to: '2026-03-10' }, new AbortController().signal);
    expect(OccurrencesResponseSchema.parse(body).occurrences.length).toBeGreaterThan(0);
    await expect(f(`/api/v1/occurrences${range}`)).rejects.toThrow('No msw handler');
    await expect(f(`/api/v1/programs/5-south/occurrences${range}`)).rejects.toThrow(
      'No msw handler',
    );
    expect([document.requests, schedule.requests]).toEqual([1, 1]);
  });

  it('feedback, feedback context and attendance answer at the program route only', async () => {
    const feedback = createFeedbackServer();
    const context = feedbackContextEndpoint('participant', { programId: 'cedar-day' });
    const attendance = attendanceEndpoint('success', { programId: 'cedar-day' });
    const f = createFetch([
      ...feedbackHandlers(feedback, 'success', { programId: 'cedar-day' }),
      ...context.handlers,
      ...attendance.handlers,
    ]);
    const created = await f(
      '/api/v1/programs/cedar-day/feedback',
      json(entry, { 'Idempotency-Key': 'k-0000000001' }),
    );
    expect(created.status).toBe(201);
    expect(CreateFeedbackResponseSchema.parse(await created.json()).entry.id).toBe('fb-1');
    expect(feedback.saved).toHaveLength(1);
    const ctx = await f('/api/v1/programs/cedar-day/feedback/context?source=peer');
    expect(FeedbackContextResponseSchema.parse(await ctx.json()).templates).toHaveLength(1);
    const record = { occurrenceId: 'skills@2026-03-10', participantId: 'p-01', status: 'present' };
    expect((await f('/api/v1/programs/cedar-day/attendance', json(record))).status).toBe(200);
    expect(attendance.records).toEqual([record]);
    await expect(f(ATTENDANCE_PATH, json(record))).rejects.toThrow('No msw handler');
    await expect(f('/api/v1/feedback/context')).rejects.toThrow('No msw handler');
    await expect(f('/api/v1/programs/4-north/attendance', json(record))).rejects.toThrow(
      'No msw handler',
    );
    await expect(
      f('/api/v1/programs/4-north/feedback', json(entry, { 'Idempotency-Key': 'k-0000000002' })),
    ).rejects.toThrow('No msw handler');
    expect(feedback.requests).toHaveLength(1);
    expect(context.requests).toHaveLength(1);
  });

  it('matches the program however its id is encoded, as the server does', async () => {
    const schedule = scheduleEndpoint(doc, 'success', { programId: 'unit:4' });
    const f = createFetch(schedule.handlers);
    expect((await f(`/api/v1/programs/unit:4/occurrences${range}`)).status).toBe(200);
    expect((await f(`${programPath('unit:4')}/occurrences${range}`)).status).toBe(200);
    expect(schedule.requests).toBe(2);
  });

  it('serves two programs side by side, and 404s the others with the program list', async () => {
    const north = scheduleEndpoint(doc, 'success', { programId: '4-north' });
    const cedar = scheduleEndpoint(doc, 'server-error', { programId: 'cedar-day' });
    const f = createFetch([
      ...programsHandlers([
        { id: '4-north', name: '4 North', role: 'staff' },
        { id: 'cedar-day', name: 'Cedar Day Program', role: 'staff' },
      ]),
      ...north.handlers,
      ...cedar.handlers,
    ]);
    expect((await f(`/api/v1/programs/4-north/occurrences${range}`)).status).toBe(200);
    expect((await f(`/api/v1/programs/cedar-day/occurrences${range}`)).status).toBe(500);
    const other = await f(`/api/v1/programs/5-south/occurrences${range}`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({
      error: { code: 'not_found', message: 'no such program' },
    });
    expect([north.requests, cedar.requests]).toEqual([1, 1]);
  });

  it('lets url win over programId, and checks programId either way', async () => {
    const schedule = scheduleEndpoint(doc, 'success', {
      url: '/custom/occurrences',
      programId: '4-north',
    });
    const f = createFetch(schedule.handlers);
    expect((await f(`/custom/occurrences${range}`)).status).toBe(200);
    await expect(f(`/api/v1/programs/4-north/occurrences${range}`)).rejects.toThrow(
      'No msw handler',
    );
    expect(() => scheduleEndpoint(doc, 'success', { url: '/x', programId: 'a b' })).toThrow(
      /scheduleEndpoint: options\.programId: "a b" is not a program id/,
    );
    expect(() => documentEndpoint(doc, 'success', { programId: '' })).toThrow(
      /documentEndpoint: options\.programId/,
    );
    expect(() => feedbackHandlers(createFeedbackServer(), 'success', { programId: '-x' })).toThrow(
      /feedbackHandlers: options\.programId/,
    );
    expect(() => feedbackContextEndpoint('staff', { programId: 'x/y' })).toThrow(
      /feedbackContextEndpoint: options\.programId/,
    );
    expect(() => attendanceEndpoint('success', { programId: '.x' })).toThrow(
      /attendanceEndpoint: options\.programId/,
    );
  });
});
