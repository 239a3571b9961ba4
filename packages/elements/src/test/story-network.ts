/**
 * The stories' mock network: the shared `@milieu/msw` handlers (the schedule resource for a
 * staff, participant or kiosk token; the feedback POST), answered through the widgets'
 * `loader` / `fetcher` properties with `createFetch` (no service worker) until
 * msw-storybook-addon runs one. One fresh network per story visit (made in a Storybook
 * loader), and one kept per scenario when a control changes it.
 */
import { parseDocument, type MilieuDocument, type ScheduleViewer } from '@milieu/core';
import {
  createFeedbackServer,
  createFetch,
  feedbackHandlers,
  scheduleEndpoint,
  scheduleHandlers,
  scheduleLoader,
  type FeedbackHandlerOptions,
  type FeedbackScenario,
  type FeedbackServer,
  type ScheduleEndpoint,
  type ScheduleScenario,
} from '@milieu/msw';
import type { ScheduleLoader } from '../components/schedule-board/schedule-board.types.js';

// ── the schedule resource GET (schedule board) ──────────────────────────
/** `none`: the document is set as a property (the SDK path); otherwise the schedule resource over the mock network. */
export type ScheduleNetwork = 'none' | ScheduleScenario;
/** Whose token the mock server sees. */
export const SCHEDULE_ROLES = ['staff', 'participant', 'kiosk'] as const;
/** One of {@link SCHEDULE_ROLES}. */
export type ScheduleRole = (typeof SCHEDULE_ROLES)[number];

/** What a story's network depends on. */
export interface ScheduleNetArgs {
  network: ScheduleNetwork;
  document: unknown;
  role: ScheduleRole;
  participant: string;
}

/** One visit's schedule endpoint and the board's loader over it. */
export interface ScheduleNet extends ScheduleNetArgs {
  endpoint: ScheduleEndpoint;
  loader: ScheduleLoader;
}

/** The viewer a role's token stands for (a participant token is the story's participant). */
export function viewerOf(role: ScheduleRole, participant: string): ScheduleViewer {
  if (role === 'participant') return { kind: 'participant', participantId: participant };
  return role === 'kiosk' ? { kind: 'kiosk' } : { kind: 'staff' };
}

/** A fresh endpoint answering from `document` as `network` says, or `undefined` for `none` (or a document that does not parse). */
export function makeScheduleNet(a: ScheduleNetArgs): ScheduleNet | undefined {
  if (a.network === 'none') return undefined;
  const parsed = parseDocument(a.document);
  if (!parsed.ok) return undefined;
  const endpoint = scheduleEndpoint(parsed.value, a.network, {
    delayMs: 1200,
    viewer: viewerOf(a.role, a.participant),
  });
  const loader = scheduleLoader(createFetch(endpoint.handlers));
  return { ...a, endpoint, loader };
}

const scheduleMemo = new WeakMap<object, Map<string, ScheduleNet | undefined>>();

/** The visit's network (from `loaded.net`) when it matches the args, else one kept per scenario. */
export function scheduleNetFor(
  a: ScheduleNetArgs,
  loaded: Record<string, unknown>,
): ScheduleNet | undefined {
  const visit = loaded['net'] as ScheduleNet | undefined;
  const same = (n: ScheduleNetArgs): boolean =>
    n.network === a.network &&
    n.document === a.document &&
    n.role === a.role &&
    n.participant === a.participant;
  if (visit && same(visit)) return visit;
  if (a.network === 'none' || typeof a.document !== 'object' || a.document === null) {
    return makeScheduleNet(a);
  }
  let byArgs = scheduleMemo.get(a.document);
  if (!byArgs) scheduleMemo.set(a.document, (byArgs = new Map()));
  const key = `${a.network}|${a.role}|${a.participant}`;
  if (!byArgs.has(key)) byArgs.set(key, makeScheduleNet(a));
  return byArgs.get(key);
}

/** Story annotations: the schedule resource comes over the network in `network` (with msw parameters). */
export const overNetwork = (
  network: ScheduleScenario,
  document: MilieuDocument,
  role: ScheduleRole = 'staff',
  participant = '',
) => {
  const parsed = parseDocument(document);
  return {
    args: { network, document, role, participant },
    parameters: parsed.ok
      ? {
          msw: {
            handlers: scheduleHandlers(parsed.value, network, {
              viewer: viewerOf(role, participant),
            }),
          },
        }
      : {},
  };
};

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
