/**
 * Starting the HTTP server: opens and migrates the store, seeds an empty database, and
 * listens with `@hono/node-server`.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { parseDocumentJson, type MilieuDocument } from '@milieu/core';
import type { DatabaseTarget } from './db/connect.js';
import { createApp, type AppOptions } from './http/app.js';
import { silentLogger } from './http/logger.js';
import { openStore, type Store } from './store/store.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends AppOptions {
  /** The database. */
  database: DatabaseTarget;
  /** TCP port (`0` picks a free one); default 8787. */
  port?: number;
  /** Interface to bind; default `127.0.0.1` (put a reverse proxy in front for other hosts). */
  host?: string;
  /** A milieu document file stored when the database has no document yet. */
  seed?: string;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port`. */
  url: string;
  port: number;
  store: Store;
  /** Stops accepting connections, lets running requests finish (10 s at most), then closes the database. */
  close(): Promise<void>;
}

/**
 * Reads and validates a seed document.
 *
 * @param file - path of a milieu document (JSON)
 * @throws Error listing the first issues when it is not a valid document
 */
export async function readSeed(file: string): Promise<MilieuDocument> {
  const parsed = parseDocumentJson(await readFile(file, 'utf8'));
  if (!parsed.ok) {
    const first = parsed.issues.slice(0, 5).map((i) => `  ${i.path || '/'}: ${i.message}`);
    throw new Error(`the seed ${file} is not a valid milieu document:\n${first.join('\n')}`);
  }
  return parsed.value;
}

/**
 * Opens the database (migrating it), seeds it when empty and starts listening.
 *
 * @param options - database, address, seed and app options
 * @example
 * ```ts
 * const server = await startServer({ database: { kind: 'sqlite', file: 'milieu.db' }, port: 8787 });
 * ```
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? silentLogger;
  const store = await openStore(options.database);
  try {
    if (store.migrationsApplied.length > 0) {
      logger.info('migrated', { migrations: store.migrationsApplied.join(',') });
    }
    if (options.seed !== undefined) {
      const seeded = await store.seed(await readSeed(options.seed));
      logger.info(seeded ? 'seeded' : 'seed skipped: the database has a document', {});
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = createApp(store, options);
  const host = options.host ?? '127.0.0.1';
  // Requests still running when we stop finish before the database closes.
  let active = 0;
  let idle: (() => void) | undefined;
  const fetch: typeof app.fetch = async (request, env, ctx) => {
    active += 1;
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      active -= 1;
      if (active === 0) idle?.();
    }
  };
  const drained = (ms: number) =>
    new Promise<void>((resolve) => {
      if (active === 0) return resolve();
      const timer = setTimeout(resolve, ms);
      idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, port: options.port ?? 8787, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info('listening', { url, database: store.kind });
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    store,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        await drained(10_000);
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
        await store.close();
      })();
      return closing;
    },
  };
}
