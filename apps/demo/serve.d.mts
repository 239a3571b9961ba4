// Types of serve.mjs, for the browser tests and the benchmark.
import type { Server } from 'node:http';
import type { RunningServer } from '@milieu/server';

/** Entries the demo backend stored, and its idempotency records. */
export interface FeedbackStore {
  entries: unknown[];
  byKey: Map<string, { digest: string; status: number; body: unknown }>;
}

/** Options of {@link createDemoServer}; every one is for tests and benchmarks. */
export interface DemoServerOptions {
  /** Folder of the built pages. Default `apps/demo/dist`. */
  root?: string;
  /** Folder served at `/cdn/`. Default `packages/elements/dist/cdn`. */
  cdnDir?: string;
  /** More folders by URL prefix (ending in `/`), served like `/cdn/`. */
  mounts?: Record<string, string>;
  /** Extra HTML pages by path, served with the policy and nonces like the built ones. */
  pages?: Record<string, string>;
  /**
   * The document of the in-memory backend's `GET /api/v1/document` and `GET /api/v1/occurrences`
   * (staff sessions only).
   * Default `examples/inpatient-unit.json`.
   */
  document?: unknown;
  /** Where `POST /api/v1/feedback` stores entries. */
  feedback?: FeedbackStore;
  /** The Content-Security-Policy for a nonce. Default {@link csp}. */
  csp?: (nonce: string) => string;
  /** Forward `/api/*` to @milieu/server at `url` with the session's demo user's token. */
  api?: { url: string; tokens: Record<DemoUser, string> };
}

/** The demo portal's users: one per page. */
export type DemoUser = 'staff' | 'participant' | 'kiosk';
/** The token spec of each demo user. */
export const DEMO_USERS: Record<
  DemoUser,
  { role: 'staff' | 'participant' | 'kiosk'; staffId?: string; participantId?: string }
>;
/** The demo user a page signs in (`participant`, `kiosk`, or `staff` for every other page). */
export function userOfPage(path: string): DemoUser;

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  /** The SQLite file (`:memory:` for tests). Default `milieu.db` at the repository root. */
  dbFile?: string;
  /** The portal's port (`0` picks a free one; the next free one is taken when it is busy). Default 4173. */
  port?: number;
  /** The internal @milieu/server's port. Default 0: any free port, since only the portal talks to it. */
  apiPort?: number;
  /** The document file seeded into an empty database. Default `examples/inpatient-unit.json`. */
  seed?: string;
  /** Folder of the built pages. Default `apps/demo/dist`. */
  root?: string;
}

/** A running demo: the portal server in front of @milieu/server. */
export interface RunningDemo {
  port: number;
  url: string;
  api: RunningServer;
  /** The bearer token of each demo user (for tests that ask the server directly). */
  tokens: Record<DemoUser, string>;
  close(): Promise<void>;
}
/** Starts the demo as `npm start` does (SQLite file seeded from the inpatient example). */
export function startDemo(options?: StartDemoOptions): Promise<RunningDemo>;

/** The path of the demo's document endpoint. */
export const DOCUMENT_PATH: string;
/** The path of the schedule resource. */
export const OCCURRENCES_PATH: string;
/** The strict policy of the demo. */
export function csp(nonce: string): string;
/** A fresh in-memory feedback store. */
export function createFeedbackStore(): FeedbackStore;
/** Creates the demo server (not listening yet). */
export function createDemoServer(options?: DemoServerOptions): Server;
/** Listens on `port`, trying the next ports when it is taken; resolves with the port. */
export function listen(
  server: Server,
  port: number,
  host?: string,
  tries?: number,
): Promise<number>;
