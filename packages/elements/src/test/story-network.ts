/**
 * The stories' mock network: the shared `@milieu/msw` handlers, answered through the widgets'
 * `loader` / `fetcher` properties with `createFetch` (no service worker) until
 * msw-storybook-addon runs one. One fresh network per story visit (made in a Storybook
 * loader), and one kept per scenario when a control changes it.
 */
import type { MilieuDocument } from '@milieu/core';
import {
  createFeedbackServer,
  createFetch,
  documentEndpoint,
  documentHandlers,
  documentLoader,
  feedbackHandlers,
  type DocumentEndpoint,
  type DocumentScenario,
  type FeedbackHandlerOptions,
  type FeedbackScenario,
  type FeedbackServer,
} from '@milieu/msw';
import type { ScheduleLoader } from '../components/schedule-board/schedule-board.types.js';

// ── the document GET (schedule board) ───────────────────────────────────
/** `none`: the document is set as a property; otherwise it comes over the mock network. */
export type DocumentNetwork = 'none' | DocumentScenario;

/** One visit's document endpoint and the board's loader over it. */
export interface DocumentNet {
  network: DocumentNetwork;
  document: unknown;
  endpoint: DocumentEndpoint;
  loader: ScheduleLoader;
}

/** A fresh endpoint serving `document` as `network` says, or `undefined` for `none`. */
export function makeDocumentNet(a: {
  network: DocumentNetwork;
  document: unknown;
}): DocumentNet | undefined {
  if (a.network === 'none') return undefined;
  const endpoint = documentEndpoint(a.document as MilieuDocument, a.network, { delayMs: 1200 });
  const loader = documentLoader(createFetch(endpoint.handlers));
  return { network: a.network, document: a.document, endpoint, loader };
}

const documentMemo = new WeakMap<object, Map<DocumentNetwork, DocumentNet>>();

/** The visit's network (from `loaded.net`) when it matches the args, else one kept per scenario. */
export function documentNetFor(
  a: { network: DocumentNetwork; document: unknown },
  loaded: Record<string, unknown>,
): DocumentNet | undefined {
  const visit = loaded['net'] as DocumentNet | undefined;
  if (visit && visit.network === a.network && visit.document === a.document) return visit;
  if (a.network === 'none' || typeof a.document !== 'object' || a.document === null) {
    return makeDocumentNet(a);
  }
  let byNetwork = documentMemo.get(a.document);
  if (!byNetwork) documentMemo.set(a.document, (byNetwork = new Map()));
  let net = byNetwork.get(a.network);
  if (!net) byNetwork.set(a.network, (net = makeDocumentNet(a)!));
  return net;
}

/** Story annotations: the document comes over the network in `network` (with msw parameters). */
export const overNetwork = (network: DocumentScenario, document: MilieuDocument) => ({
  args: { network, document },
  parameters: { msw: { handlers: documentHandlers(document, network) } },
});

// ── the feedback POST (feedback form) ───────────────────────────────────
/** What the mock feedback endpoint does: a `@milieu/msw` scenario, or no `action` at all. */
export const FEEDBACK_SERVERS = {
  success: ['success', {}],
  flaky: ['flaky', {}],
  'error-500': ['flaky', { failures: 1000 }],
  'rejected-403': ['rejected', {}],
  'invalid-422': ['invalid', {}],
  'network-error': ['offline', {}],
  timeout: ['timeout', {}],
  none: null,
} as const satisfies Record<string, readonly [FeedbackScenario, FeedbackHandlerOptions] | null>;
/** A key of {@link FEEDBACK_SERVERS}. */
export type FeedbackServerMode = keyof typeof FEEDBACK_SERVERS;

/** One visit's endpoint memory and the form's `fetcher` over the handlers. */
export interface FeedbackNet {
  mode: FeedbackServerMode;
  mock: FeedbackServer;
  fetcher: typeof fetch | null;
}

/** A fresh endpoint for `mode` (answers after 250 ms, so "Sending…" is visible). */
export function makeFeedbackNet(mode: FeedbackServerMode): FeedbackNet {
  const mock = createFeedbackServer();
  const scenario = FEEDBACK_SERVERS[mode];
  if (!scenario) return { mode, mock, fetcher: null };
  const handlers = feedbackHandlers(mock, scenario[0], { ...scenario[1], delayMs: 250 });
  return { mode, mock, fetcher: createFetch(handlers) };
}

const feedbackMemo = new Map<FeedbackServerMode, FeedbackNet>();

/** The visit's network (from `loaded.net`) when it matches, else one kept per mode. */
export function feedbackNetFor(
  mode: FeedbackServerMode,
  loaded: Record<string, unknown>,
): FeedbackNet {
  const visit = loaded['net'] as FeedbackNet | undefined;
  if (visit?.mode === mode) return visit;
  let net = feedbackMemo.get(mode);
  if (!net) feedbackMemo.set(mode, (net = makeFeedbackNet(mode)));
  return net;
}

/** Story annotations: the form POSTs to the mock endpoint in `mode` (with msw parameters). */
export const serving = (mode: FeedbackServerMode) => {
  const scenario = FEEDBACK_SERVERS[mode];
  return {
    args: { server: mode },
    parameters: scenario
      ? { msw: { handlers: feedbackHandlers(createFeedbackServer(), scenario[0], scenario[1]) } }
      : {},
  };
};
