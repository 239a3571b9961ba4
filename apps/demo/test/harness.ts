// Shared harness of the demo's browser tests: the demo server (exact strict CSP, nonces),
// system Chromium through playwright-core, and a page watcher that records every CSP violation,
// console message, page error and request from the very first script.
import { expect } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  createDemoServer,
  createFeedbackStore,
  listen,
  type DemoServerOptions,
  type FeedbackStore,
} from '../serve.mjs';
// @ts-expect-error -- plain ESM helper without types
import { findChromium, CHROMIUM_ARGS, INSTALL_HINT } from '../../../scripts/chromium.mjs';

/** The instant the demo runs at (its pages pass it to the widgets as `now`). */
export const DEMO_NOW = '2026-03-09T10:20:00-04:00';
/** The built demo and CDN files the tests need. */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const CDN_DIR = fileURLToPath(
  new URL('../../../packages/elements/dist/cdn/', import.meta.url),
);

/** A running demo server. */
export interface Served {
  base: string;
  port: number;
  server: Server;
  store: FeedbackStore;
  close(): Promise<void>;
}

/** Starts a demo server on a free port. */
export async function serve(options: DemoServerOptions = {}): Promise<Served> {
  for (const file of [`${DIST}index.html`, `${CDN_DIR}integrity.json`]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: run \`npx turbo run build --filter=@milieu/demo...\` first.`,
      );
    }
  }
  const store = options.feedback ?? createFeedbackStore();
  const server = createDemoServer({ ...options, feedback: store });
  const port = await listen(server, 0);
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    server,
    store,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Launches the system Chromium (never a downloaded one). */
export async function launch(): Promise<Browser> {
  const executablePath = findChromium() as string | undefined;
  if (!executablePath) throw new Error(INSTALL_HINT as string);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS as string[] });
}

/** What a watched page saw. */
export interface Watched {
  page: Page;
  context: BrowserContext;
  /** `securitypolicyviolation` events: directive, blocked URI and sample. */
  violations: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every console message, any level. */
  messages: string[];
  /** Every request URL. */
  requests: string[];
}

/** Options of {@link open}. */
export interface OpenOptions {
  /** Browser context options (time zone, viewport…). */
  context?: Parameters<Browser['newContext']>[0];
  /** Runs before navigation (e.g. `page.clock.install`, more init scripts). */
  before?: (page: Page) => Promise<void>;
}

/** Opens `url` in a fresh context, watching CSP violations, console and requests from the start. */
export async function open(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    ...options.context,
  });
  const page = await context.newPage();
  const watched: Watched = {
    page,
    context,
    violations: [],
    errors: [],
    messages: [],
    requests: [],
  };
  await page.exposeFunction('__cspViolation', (v: string) => watched.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      ),
    );
  });
  page.on('console', (m) => {
    watched.messages.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(`${e.name}: ${e.message}`));
  page.on('request', (r) => watched.requests.push(r.url()));
  await options.before?.(page);
  await page.goto(url);
  return watched;
}

/** Counts `customElements.define` calls per tag, with the script URL that made each. */
export async function countDefinitions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const calls: { tag: string; from: string }[] = [];
    (window as unknown as { __defines: typeof calls }).__defines = calls;
    const define = customElements.define.bind(customElements);
    customElements.define = (tag, ctor, options) => {
      const stack = new Error().stack ?? '';
      const from = /https?:\/\/[^\s)]+?\.js[^\s):]*/.exec(stack.split('\n').slice(2).join('\n'));
      calls.push({ tag, from: from?.[0] ?? 'unknown' });
      define(tag, ctor, options);
    };
  });
}

/** The `customElements.define` calls recorded by {@link countDefinitions}. */
export function definitions(page: Page): Promise<{ tag: string; from: string }[]> {
  return page.evaluate(
    () => (window as unknown as { __defines: { tag: string; from: string }[] }).__defines,
  );
}

/** Waits until `selector`'s board shows occurrences, and returns how many. */
export async function boardReady(page: Page, selector = 'milieu-schedule-board'): Promise<number> {
  const occurrences = page.locator(selector).first().locator('button.occ');
  await occurrences.first().waitFor({ state: 'visible', timeout: 15_000 });
  return occurrences.count();
}

/** A page of ours, served with the policy and nonces: `<head>` and `<body>` parts. */
export function html(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title><link rel="icon" href="/favicon.svg">${head}</head><body>${body}</body></html>`;
}

/** `expect.poll` with a timeout that survives a busy CI machine (the default is 1 s). */
export function eventually<T>(fn: () => T | Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(fn, { timeout: 10_000, interval: 50 });
}

/** A response a page received, with its body as text (empty when the browser kept none). */
export interface SeenResponse {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

/**
 * Records every response `page` receives from now on, body included: each request goes through
 * a route that fetches it, keeps the body and fulfils the page with that same response. (A body
 * read from `page.on('response')` never arrives when the page itself does not read it, as
 * with an error the widget only counts.) `settled()` waits until every routed response has
 * been recorded.
 */
export async function recordResponses(page: Page): Promise<{
  seen: SeenResponse[];
  settled(): Promise<SeenResponse[]>;
}> {
  const seen: SeenResponse[] = [];
  const pending: Promise<void>[] = [];
  await page.route('**/*', (route) => {
    const done = (async () => {
      const response = await route.fetch();
      const body = await response.body();
      seen.push({
        url: response.url(),
        status: response.status(),
        contentType: response.headers()['content-type'] ?? '',
        body: body.toString('utf8'),
      });
      await route.fulfill({ response, body });
    })();
    pending.push(done);
    return done;
  });
  return {
    seen,
    async settled() {
      await Promise.all(pending);
      return seen;
    },
  };
}
