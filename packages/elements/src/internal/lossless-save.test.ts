import { afterEach, describe, expect, it } from 'vitest';
import {
  clearMemoryQueues,
  readContractResponse,
  SaveQueue,
  type QueueReport,
  type QueueStorage,
} from './lossless-save.js';

interface Call {
  key: string;
  body: { item: string; v: number };
}

function server(script: (call: Call, n: number) => number | 'drop') {
  const calls: Call[] = [];
  const fetcher = (async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call = { key: headers['Idempotency-Key'] ?? '', body: JSON.parse(String(init.body)) };
    calls.push(call);
    const answer = script(call, calls.length);
    if (answer === 'drop') throw new TypeError('network');
    return new Response(
      JSON.stringify(answer < 300 ? { ok: true } : { error: { code: 'x', message: 'no' } }),
      {
        status: answer,
        headers: { 'content-type': 'application/json' },
      },
    );
  }) as typeof fetch;
  return { calls, fetcher };
}

function queue(fetcher: typeof fetch, storage: QueueStorage = 'memory') {
  const reports: QueueReport<unknown>[] = [];
  const q = new SaveQueue<unknown>({
    url: () => '/save',
    fetch: () => fetcher,
    retry: () => ({ maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 }),
    read: (status, body) => readContractResponse(status, body, (b) => b),
    storageKey: () => 'test-queue',
    storage: () => storage,
    onReport: (r) => reports.push(r),
    sleep: () => Promise.resolve(),
    random: () => 0,
  });
  return { q, reports };
}

afterEach(() => {
  clearMemoryQueues();
  sessionStorage.clear();
});

describe('SaveQueue', () => {
  it('keeps one key across retries and reports saved only after a 2xx', async () => {
    const { calls, fetcher } = server((_c, n) => (n === 1 ? 503 : n === 2 ? 'drop' : 200));
    const { q, reports } = queue(fetcher);
    q.enqueue('a', { item: 'a', v: 1 });
    await q.whenSettled();
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.key)).size).toBe(1);
    expect(reports.map((r) => r.state)).toEqual([
      'queued',
      'saving',
      'retrying',
      'retrying',
      'saved',
    ]);
  });

  it('sends an item’s changes in order, the latest waiting change replacing older ones', async () => {
    const { calls, fetcher } = server(() => 200);
    const { q, reports } = queue(fetcher);
    q.enqueue('a', { item: 'a', v: 1 });
    q.enqueue('a', { item: 'a', v: 2 });
    q.enqueue('a', { item: 'a', v: 3 });
    await q.whenSettled();
    expect(calls.map((c) => c.body.v)).toEqual([1, 3]);
    expect(
      reports.filter((r) => r.state === 'saved').map((r) => (r.body as Call['body']).v),
    ).toEqual([3]);
  });

  it('ends at a 4xx without retrying, and survives a reload in sessionStorage with the same key', async () => {
    const refused = server(() => 403);
    const first = queue(refused.fetcher);
    first.q.enqueue('a', { item: 'a', v: 1 });
    await first.q.whenSettled();
    expect(refused.calls).toHaveLength(1);
    expect(first.reports.at(-1)).toMatchObject({ state: 'failed', status: 403 });

    const down = server(() => 'drop');
    const before = queue(down.fetcher, 'session');
    before.q.enqueue('b', { item: 'b', v: 1 });
    await before.q.whenSettled();
    expect(sessionStorage.getItem('test-queue')).toContain('"b"');
    clearMemoryQueues(); // the reload
    const up = server(() => 200);
    const after = queue(up.fetcher, 'session');
    expect(after.q.resume().map((r) => r.item)).toEqual(['b']);
    await after.q.whenSettled();
    expect(up.calls[0]?.key).toBe(down.calls[0]?.key);
    expect(sessionStorage.getItem('test-queue')).toBeNull();
  });
});
