import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backoffDelay,
  CreateFeedbackRequestSchema,
  CreateFeedbackResponseSchema,
  DEFAULT_RETRY_POLICY,
  ErrorBodySchema,
  IdempotencyKeySchema,
  IDEMPOTENCY_KEY_HEADER,
  isRetryableStatus,
  readFeedbackResponse,
} from './index.js';

const entry = {
  id: 'fb-1',
  createdAt: '2026-03-08T09:00:00Z',
  source: 'self',
  subjectId: 'p1',
  strengths: 'Went to group',
  visibility: 'subject',
  anonymous: false,
  review: { status: 'approved' },
};

describe('HTTP contract schemas', () => {
  it('the request body is a feedback entry', () => {
    expect(CreateFeedbackRequestSchema.safeParse(entry).success).toBe(true);
    expect(CreateFeedbackRequestSchema.safeParse({ ...entry, strengths: '' }).success).toBe(false);
  });

  it('a 201 body wraps the stored entry', () => {
    expect(CreateFeedbackResponseSchema.safeParse({ entry }).success).toBe(true);
    expect(CreateFeedbackResponseSchema.safeParse(entry).success).toBe(false);
  });

  it('an error body has a code, a message and optional issues', () => {
    const body = {
      error: {
        code: 'invalid_entry',
        message: 'Strengths are required.',
        issues: [{ path: '/strengths', code: 'too_small', message: 'must not be empty' }],
      },
    };
    expect(ErrorBodySchema.safeParse(body).success).toBe(true);
    expect(ErrorBodySchema.safeParse({ error: { message: 'x' } }).success).toBe(false);
  });

  it('idempotency keys are visible ASCII, 1–255 characters', () => {
    expect(IDEMPOTENCY_KEY_HEADER).toBe('Idempotency-Key');
    expect(IdempotencyKeySchema.safeParse('0b6c2f8e-8a0e-4c9f-9f55-0f3c7a1d2e4b').success).toBe(
      true,
    );
    expect(IdempotencyKeySchema.safeParse('').success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('has space').success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('x'.repeat(256)).success).toBe(false);
  });
});

describe('readFeedbackResponse', () => {
  it('any 2xx is saved, with the server entry when it matches', () => {
    expect(readFeedbackResponse(201, { entry })).toEqual({ ok: true, entry });
    expect(readFeedbackResponse(204, undefined)).toEqual({ ok: true, entry: undefined });
  });

  it('a 4xx is not retryable and carries the server message', () => {
    const body = { error: { code: 'forbidden', message: 'You cannot write about this person.' } };
    expect(readFeedbackResponse(403, body)).toEqual({
      ok: false,
      retryable: false,
      error: body.error,
    });
    expect(readFeedbackResponse(400, '<html>')).toEqual({
      ok: false,
      retryable: false,
      error: { code: 'http_400', message: '' },
    });
  });

  it('a 5xx is retryable', () => {
    expect(readFeedbackResponse(503, null)).toMatchObject({
      ok: false,
      retryable: true,
      error: { code: 'server_error' },
    });
  });
});

describe('retry timing', () => {
  it('retries network errors, 408, 429 and 5xx only', () => {
    expect([undefined, 408, 429, 500, 503].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 409, 422].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('doubles from the base delay, with equal jitter, up to the cap', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelay(1, policy, 0)).toBe(50);
    expect(backoffDelay(3, { baseDelayMs: 0 })).toBe(0);
  });

  it('stays within [half, all] of the capped exponential delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const full = Math.min(
            DEFAULT_RETRY_POLICY.maxDelayMs,
            DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (n - 1),
          );
          const d = backoffDelay(n, {}, r);
          return d >= Math.floor(full / 2) && d <= full;
        },
      ),
    );
  });
});
