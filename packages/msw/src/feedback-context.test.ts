import { describe, expect, it } from 'vitest';
import { ErrorBodySchema, FeedbackContextResponseSchema } from '@milieu/core';
import {
  createFetch,
  feedbackContextEndpoint,
  feedbackContextHandlers,
  participantFeedbackContext,
  staffFeedbackContext,
} from './index.js';

const get = (f: typeof fetch, query = ''): Promise<Response> =>
  f(`/api/v1/feedback/context${query}`);

describe('feedbackContextHandlers', () => {
  it('serves a participant context that passes the contract, narrowed to the source', async () => {
    const f = createFetch(feedbackContextHandlers('participant'));
    const res = await get(f, '?source=peer');
    expect(res.status).toBe(200);
    const body = FeedbackContextResponseSchema.parse(await res.json());
    expect(body.templates.map((t) => t.mode)).toEqual(['peer']);
    expect(body.people.map((p) => p.id)).not.toContain('p2'); // not the writer themself
    expect(body.policy.anonymousAuthors).toBe('nobody');
  });

  it('gives staff the goals of the subject in the query, and none without one', async () => {
    const endpoint = feedbackContextEndpoint('staff');
    const f = createFetch(endpoint.handlers);
    const withSubject = FeedbackContextResponseSchema.parse(
      await (await get(f, '?source=staff&subject=p1')).json(),
    );
    expect(withSubject.goals.map((g) => g.id)).toEqual(['g1', 'g2']);
    const without = FeedbackContextResponseSchema.parse(
      await (await get(f, '?source=staff')).json(),
    );
    expect(without.goals).toEqual([]);
    expect(endpoint.requests.map((u) => u.searchParams.get('subject'))).toEqual(['p1', null]);
  });

  it.each([
    ['forbidden', 403, 'forbidden'],
    ['server-error', 500, 'server_error'],
  ] as const)('%s answers %i with a contract error body', async (scenario, status, code) => {
    const res = await get(createFetch(feedbackContextHandlers(scenario)), '?source=peer');
    expect(res.status).toBe(status);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe(code);
  });

  it('offline rejects like a network error', async () => {
    await expect(get(createFetch(feedbackContextHandlers('offline')))).rejects.toThrow();
  });

  it('invalid serves a 200 body the contract schema rejects', async () => {
    const res = await get(createFetch(feedbackContextHandlers('invalid')), '?source=peer');
    expect(res.status).toBe(200);
    expect(FeedbackContextResponseSchema.safeParse(await res.json()).success).toBe(false);
  });

  it('rejects an unknown source with 400, as the contract query schema does', async () => {
    const res = await get(createFetch(feedbackContextHandlers()), '?source=boss');
    expect(res.status).toBe(400);
  });

  it('fixtures pass the contract schema', () => {
    expect(FeedbackContextResponseSchema.safeParse(participantFeedbackContext()).success).toBe(
      true,
    );
    expect(FeedbackContextResponseSchema.safeParse(staffFeedbackContext('p1')).success).toBe(true);
  });
});
