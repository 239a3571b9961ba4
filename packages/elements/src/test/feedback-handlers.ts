/**
 * msw handlers for the feedback HTTP contract, for the form's browser tests. They live in
 * `@milieu/msw`, shared with Storybook; this module keeps the names the tests import.
 */
export {
  createFeedbackServer,
  feedbackHandlers,
  type FeedbackHandlerOptions,
  type FeedbackScenario,
  type FeedbackServer,
  type SeenRequest,
} from '@milieu/msw';
