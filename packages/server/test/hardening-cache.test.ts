/**
 * Every in-memory cache is bounded: rendered responses, the full-document JSON and the parsed
 * document are charged to a byte budget (shareable between caches); the rate limiter and the
 * principal cache are bounded by count. (RSS after many windows is measured by
 * `bench/hardening.bench.mjs`; here the accounting itself is checked, deterministically.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ByteBudget,
  CachedJson,
  DocumentCache,
  ENTRY_OVERHEAD_BYTES,
  Lru,
} from '../src/http/cache.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { main } from '../src/main.js';
import { harness, type Harness } from './harness.js';

const json = (bytes: number) => new CachedJson(JSON.stringify('x'.repeat(bytes - 2)));

describe('ByteBudget', () => {
  it('evicts the least recently used entries of every cache that shares it', () => {
    const budget = new ByteBudget(9000);
    const a = new Lru(100, budget);
    const b = new Lru(100, budget);
    a.set('a1', json(2000));
    b.set('b1', json(2000));
    a.set('a2', json(2000));
    expect(a.get('a1')).toBeDefined(); // a1 is now more recent than b1
    b.set('b2', json(2000)); // 4 × (2000 + overhead + key) > 9000: the oldest, b1, goes
    expect(budget.usedBytes).toBeLessThanOrEqual(10_000);
    expect(b.get('b1')).toBeUndefined();
    expect(a.get('a1')).toBeDefined();
    expect(a.get('a2')).toBeDefined();
    expect(b.get('b2')).toBeDefined();
    expect(budget.evictions).toBe(1);
    expect(budget.usedBytes).toBe(3 * (2000 + ENTRY_OVERHEAD_BYTES + 4));
  });

  it('charges the gzip when it is made, and evicts for it', () => {
    const budget = new ByteBudget(1_000_000);
    const lru = new Lru(10, budget);
    const text = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, r: Math.sin(i) })));
    const value = new CachedJson(text);
    lru.set('k', value);
    const before = budget.usedBytes;
    const gz = value.gzip();
    expect(budget.usedBytes).toBe(before + gz.byteLength);
    const tight = new ByteBudget(value.raw.byteLength + ENTRY_OVERHEAD_BYTES + 10);
    const small = new Lru(10, tight);
    const fresh = new CachedJson(text);
    small.set('k', fresh);
    expect(small.get('k')).toBe(fresh);
    fresh.gzip(); // now over the budget: evicted
    expect(small.get('k')).toBeUndefined();
    expect(tight.usedBytes).toBe(0);
  });

  it('never keeps an entry larger than the whole budget, and never evicts a pinned one', () => {
    const budget = new ByteBudget(1000);
    const lru = new Lru(10, budget);
    const pinned = {};
    budget.charge(pinned, 600);
    lru.set('big', json(5000));
    expect(lru.get('big')).toBeUndefined();
    lru.set('small', json(100));
    expect(budget.usedBytes).toBe(600 + 100 + ENTRY_OVERHEAD_BYTES + 10);
    budget.charge({}, 400, () => undefined); // over: the small response goes, the pinned stays
    expect(lru.get('small')).toBeUndefined();
    expect(budget.usedBytes).toBe(1000);
    budget.release(pinned);
    expect(budget.usedBytes).toBe(400);
  });

  it('keeps the count bound too, releasing what the count evicts', () => {
    const budget = new ByteBudget();
    const lru = new Lru(3, budget);
    for (let i = 0; i < 10; i++) lru.set(`k${i}`, json(100));
    expect(lru.size).toBe(3);
    expect(budget.entries).toBe(3);
    expect(budget.usedBytes).toBe(3 * (100 + ENTRY_OVERHEAD_BYTES + 4));
  });
});

describe('the app under 600 distinct windows', () => {
  let h: Harness;
  const budget = new ByteBudget(512 * 1024);
  beforeAll(async () => {
    h = await harness({ cacheBudget: budget });
  });
  afterAll(() => h.close());

  it('keeps the accounted bytes within the budget', async () => {
    const start = Date.parse('2026-03-09T00:00:00Z');
    let largest = 0;
    for (let i = 0; i < 600; i++) {
      const from = new Date(start + i * 1000).toISOString().replace('.000Z', 'Z');
      const to = new Date(start + i * 1000 + 7 * 86_400_000).toISOString().replace('.000Z', 'Z');
      const token = (['staff', 'kiosk', 'p1'] as const)[i % 3];
      const res = await h.request('GET', `/api/v1/occurrences?from=${from}&to=${to}`, {
        token,
        headers: i % 2 ? { 'accept-encoding': 'gzip' } : {},
      });
      expect(res.status).toBe(200);
      largest = Math.max(largest, res.text.length);
      expect(budget.usedBytes).toBeLessThanOrEqual(budget.maxBytes);
    }
    // The windows did not fit: the cache evicted, and it still holds some.
    expect(600 * largest).toBeGreaterThan(budget.maxBytes);
    expect(budget.evictions).toBeGreaterThan(0);
    expect(budget.entries).toBeGreaterThan(1);
    // The full-document JSON is charged too.
    const doc = await h.request('GET', '/api/v1/document', { token: 'admin' });
    expect(doc.status).toBe(200);
    expect(budget.usedBytes).toBeLessThanOrEqual(budget.maxBytes);
  });

  it('shares one budget between several document caches', async () => {
    const shared = new ByteBudget(300 * 1024);
    const caches = [
      new DocumentCache(h.store, { budget: shared }),
      new DocumentCache(h.store, { budget: shared }),
    ];
    for (const cache of caches) expect(await cache.current()).toBeDefined();
    const pinned = shared.usedBytes; // the two parsed documents
    expect(pinned).toBeGreaterThan(0);
    for (let i = 0; i < 100; i++) caches[i % 2]!.responses.set(`k${i}`, json(10_000));
    expect(shared.usedBytes).toBeLessThanOrEqual(shared.maxBytes);
    expect(caches[0]!.responses.get('k0')).toBeUndefined();
    expect(caches[1]!.responses.get('k99')).toBeDefined();
    expect(await caches[0]!.current()).toBeDefined(); // pinned bodies stay
    for (const cache of caches) cache.clear();
    expect(shared.usedBytes).toBe(0);
    expect(shared.entries).toBe(0);
  });
});

describe('count bounds', () => {
  it('the rate limiter tracks at most maxKeys keys, and keeps recent limits', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, maxKeys: 1000 });
    expect(limiter.take('hot', 0).ok).toBe(true);
    expect(limiter.take('hot', 1).ok).toBe(false);
    for (let i = 0; i < 5000; i++) {
      limiter.take(`k${i}`, 2 + i * 0.001);
      expect(limiter.size).toBeLessThanOrEqual(1000);
      if (i % 400 === 0) limiter.take('hot', 2 + i * 0.001); // stays recent: stays limited
    }
    expect(limiter.take('hot', 10).ok).toBe(false);
  });

  it('--cache-budget takes a whole number of MiB', async () => {
    for (const bad of ['-1', 'lots', '1.5', '2000000']) {
      const err: string[] = [];
      const code = await main(['serve', '--db', ':memory:', `--cache-budget=${bad}`], {
        stdout: { write: () => true },
        stderr: { write: (t: string) => err.push(t) },
        env: {},
      });
      expect(code, bad).toBe(2);
      expect(err.join('')).toContain('--cache-budget must be a whole number');
    }
  });
});

describe('DocumentCache.body', () => {
  it('never answers with a body older than the head the caller read', async () => {
    const { testDocument } = await import('./fixtures.js');
    const doc = testDocument();
    const headOf = (v: number) => ({
      revision: v,
      bodyVersion: v,
      updatedAt: '2026-03-10T00:00:00Z',
    });
    let version = 1;
    let release: (() => void) | undefined;
    const loads: number[] = [];
    // A store whose first body read is slow and reads version 1 before the replace to 2 lands.
    const store = {
      head: () => Promise.resolve(headOf(version)),
      body: async () => {
        const read = version;
        loads.push(read);
        if (loads.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return { head: headOf(read), body: doc };
      },
    } as unknown as ConstructorParameters<typeof DocumentCache>[0];
    const cache = new DocumentCache(store);
    const first = cache.body(headOf(1)); // starts the slow load of version 1
    await expect.poll(() => loads.length).toBe(1);
    version = 2; // a replace commits; the next request reads head 2 and joins the load in flight
    const second = cache.body(headOf(2));
    release?.();
    expect((await first)?.head.bodyVersion).toBe(1);
    expect((await second)?.head.bodyVersion).toBe(2);
    expect(loads).toEqual([1, 2]);
  });
});
