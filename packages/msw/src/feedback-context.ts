/**
 * msw handlers for the feedback context resource of `@milieu/core`'s contract
 * (`GET /api/v1/feedback/context?source=…&subject=…`): a participant's and a staff member's
 * context, `403`, `500`, a network error and a body that fails `FeedbackContextResponseSchema`.
 *
 * @module
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  BUILT_IN_TEMPLATES,
  FEEDBACK_CONTEXT_PATH,
  FeedbackContextQuerySchema,
  FeedbackContextResponseSchema,
  type FeedbackContextResponse,
  type FeedbackMode,
} from '@milieu/core';
import { errorResponse } from './errors.js';
import { mount } from './program-routes.js';

/** Scenarios of the mock feedback context endpoint (see {@link feedbackContextHandlers}). */
export const FEEDBACK_CONTEXT_SCENARIOS = [
  'participant',
  'staff',
  'loading',
  'forbidden',
  'server-error',
  'offline',
  'invalid',
] as const;
/**
 * How `GET /api/v1/feedback/context` answers:
 * - `participant`: `200` with {@link participantFeedbackContext} (peer, self and program);
 * - `staff`: `200` with {@link staffFeedbackContext} (staff; the subject's goals when `subject` is given);
 * - `loading`: never answers;
 * - `forbidden`: `403 forbidden`;
 * - `server-error`: `500 server_error`;
 * - `offline`: a network error (`fetch` rejects);
 * - `invalid`: `200` with a body that fails `FeedbackContextResponseSchema` (no `policy`).
 *
 * A success narrows `templates` to the `source` of the query, as the server does.
 */
export type FeedbackContextScenario = (typeof FEEDBACK_CONTEXT_SCENARIOS)[number];

/** Options of {@link feedbackContextHandlers}. */
export interface FeedbackContextHandlerOptions {
  /**
   * Endpoint URL or path. Default `FEEDBACK_CONTEXT_PATH` (`/api/v1/feedback/context`, or the
   * `programId`'s route).
   */
  url?: string;
  /**
   * Mount at this program's route, `programPath(programId)` + `/feedback/context`
   * (`/api/v1/programs/{programId}/feedback/context`), instead of `/api/v1/feedback/context`. `url` wins when both are
   * given. Throws a `TypeError` at creation for an invalid id.
   */
  programId?: string;
  /** The context to serve instead of the scenario's fixture (it must pass the contract schema). */
  context?: FeedbackContextResponse;
}

/** What the mock endpoint saw: its handlers and every request URL. */
export interface FeedbackContextEndpoint {
  handlers: HttpHandler[];
  /** Every request's URL, in order (to check `source`/`subject` and that Retry sent another). */
  readonly requests: readonly URL[];
}

const CRISIS = {
  name: '988 Suicide & Crisis Lifeline',
  phone: '988',
  url: 'https://988lifeline.org',
};

const PEOPLE = [
  { id: 'p1', name: 'Sam R.' },
  { id: 'p2', name: 'Alex K.' },
  { id: 'p3', name: 'Jordan T.' },
];

/**
 * A participant's context (Alex K., `p2`): peer, self and program templates, the other
 * participants as display names, their own goals, and the default policy (`nobody`).
 */
export function participantFeedbackContext(): FeedbackContextResponse {
  return {
    program: { name: 'Unit 4', locale: 'en-US' },
    author: { id: 'p2', name: 'Alex K.' },
    sources: ['peer', 'self', 'program'],
    templates: [BUILT_IN_TEMPLATES.peer, BUILT_IN_TEMPLATES.self, BUILT_IN_TEMPLATES.program],
    people: PEOPLE.filter((p) => p.id !== 'p2'),
    goals: [{ id: 'g4', statement: 'Join one group a day', status: 'active' }],
    copingSkills: ['breathing', 'walking'],
    expectations: [
      { id: 'e1', statement: 'We speak to each other with respect.' },
      { id: 'e2', statement: 'Phones stay in the lockers during groups.' },
    ],
    policy: {
      peerAnonymityMinRaters: 3,
      anonymousAuthors: 'nobody',
      peerReviewFirst: true,
      crisisResource: CRISIS,
    },
  };
}

/**
 * A staff member's context (Dr. Lee, `s1`): the staff template, every participant, and the
 * goals of `subject` (Sam R., `p1`, has two active goals).
 *
 * @param subject - the participant named in the query, if any
 */
export function staffFeedbackContext(subject?: string): FeedbackContextResponse {
  const goals =
    subject === 'p1'
      ? [
          { id: 'g1', statement: 'Go to bed by 11 pm', status: 'active' as const },
          {
            id: 'g2',
            statement: 'Ask for help before I feel overwhelmed',
            status: 'active' as const,
          },
        ]
      : [];
  return {
    ...participantFeedbackContext(),
    author: { id: 's1', name: 'Dana L.' },
    sources: ['staff'],
    templates: [BUILT_IN_TEMPLATES.staff],
    people: PEOPLE,
    goals,
    copingSkills: [],
    policy: { ...participantFeedbackContext().policy, anonymousAuthors: 'reviewers' },
  };
}

function narrowed(context: FeedbackContextResponse, source: FeedbackMode | undefined) {
  return source
    ? { ...context, templates: context.templates.filter((t) => t.mode === source) }
    : context;
}

/**
 * Like {@link feedbackContextHandlers}, and records the request URLs.
 *
 * @param scenario - how to answer; default `participant`
 * @param options - endpoint (`url` or `programId`) and context
 * @throws TypeError when `options.programId` is not a valid id
 */
export function feedbackContextEndpoint(
  scenario: FeedbackContextScenario = 'participant',
  options: FeedbackContextHandlerOptions = {},
): FeedbackContextEndpoint {
  const requests: URL[] = [];
  const at = mount('feedbackContextEndpoint', FEEDBACK_CONTEXT_PATH, options);
  const handler = http.get(at.path, async ({ request, params }) => {
    if (!at.owns(params)) return undefined;
    const url = new URL(request.url);
    requests.push(url);
    const query = FeedbackContextQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      return errorResponse(400, { code: 'invalid_query', message: 'Unknown source or subject.' });
    }
    switch (scenario) {
      case 'loading':
        await delay('infinite');
        return HttpResponse.error();
      case 'forbidden':
        return errorResponse(403, {
          code: 'forbidden',
          message: 'This token may not write feedback.',
        });
      case 'server-error':
        return errorResponse(500, { code: 'server_error', message: 'Temporary failure.' });
      case 'offline':
        return HttpResponse.error();
      case 'invalid': {
        const { policy: _policy, ...broken } = participantFeedbackContext();
        return HttpResponse.json(broken);
      }
      default: {
        const base =
          options.context ??
          (scenario === 'staff'
            ? staffFeedbackContext(query.data.subject)
            : participantFeedbackContext());
        const body = FeedbackContextResponseSchema.parse(narrowed(base, query.data.source));
        return HttpResponse.json(body);
      }
    }
  });
  return {
    handlers: [handler],
    get requests() {
      return requests;
    },
  };
}

/**
 * msw handlers of `GET /api/v1/feedback/context` answering as `scenario` says.
 *
 * @param scenario - how to answer; default `participant`
 * @param options - endpoint (`url` or `programId`) and context
 * @throws TypeError when `options.programId` is not a valid id
 */
export function feedbackContextHandlers(
  scenario: FeedbackContextScenario = 'participant',
  options: FeedbackContextHandlerOptions = {},
): HttpHandler[] {
  return feedbackContextEndpoint(scenario, options).handlers;
}
