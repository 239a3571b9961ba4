/**
 * An app over an in-memory (or given) store with one token per role, and a request helper.
 */
import type { MilieuDocument, Role } from '@milieu/core';
import { createApp, type AppOptions } from '../src/http/app.js';
import type { DatabaseTarget } from '../src/db/connect.js';
import { openStore, type Store } from '../src/store/store.js';
import { testDocument } from './fixtures.js';

/** The tokens of a harness, by name. */
export type TokenName = 'admin' | 'staff' | 'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'kiosk';

const SPECS: Record<TokenName, { role: Role; participantId?: string; staffId?: string }> = {
  admin: { role: 'admin' },
  staff: { role: 'staff', staffId: 'st-1' },
  p1: { role: 'participant', participantId: 'p-01' },
  p2: { role: 'participant', participantId: 'p-02' },
  p3: { role: 'participant', participantId: 'p-03' },
  p4: { role: 'participant', participantId: 'p-04' },
  p5: { role: 'participant', participantId: 'p-05' },
  kiosk: { role: 'kiosk' },
};

/** A response, read. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely
  json: any;
}

/** Options of {@link request}. */
export interface RequestOptions {
  token?: TokenName | string;
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
}

/** A running harness. */
export interface Harness {
  store: Store;
  app: ReturnType<typeof createApp>;
  tokens: Record<TokenName, string>;
  request(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * Opens a store, seeds it, creates tokens and builds the app.
 *
 * @param options - app options (rate limiting is off unless given), database and seed
 */
export async function harness(
  options: AppOptions & { database?: DatabaseTarget; seed?: MilieuDocument | null } = {},
): Promise<Harness> {
  const store = await openStore(options.database ?? { kind: 'sqlite', file: ':memory:' });
  if (options.seed !== null) await store.seed(options.seed ?? testDocument());
  const tokens = {} as Record<TokenName, string>;
  for (const [name, spec] of Object.entries(SPECS) as [TokenName, (typeof SPECS)[TokenName]][]) {
    tokens[name] = (await store.createToken(spec)).token;
  }
  const app = createApp(store, { rateLimitPerMinute: 0, ...options });
  return {
    store,
    app,
    tokens,
    async request(method, path, { token, body, raw, headers = {} } = {}) {
      const h: Record<string, string> = { ...headers };
      if (token !== undefined) h['authorization'] = `Bearer ${tokens[token as TokenName] ?? token}`;
      let payload: string | undefined = raw;
      if (body !== undefined) payload = JSON.stringify(body);
      if (payload !== undefined) h['content-type'] ??= 'application/json';
      const res = await app.request(path, {
        method,
        headers: h,
        ...(payload === undefined ? {} : { body: payload }),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
    close: () => store.close(),
  };
}
