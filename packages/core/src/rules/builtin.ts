/**
 * The built-in rules, in documentation order (by concern).
 *
 * @module
 */
import { basicNeedsUnconditional } from './consistency/basic-needs-unconditional.js';
import { coCreated } from './consistency/co-created.js';
import { consistentResponse } from './consistency/consistent-response.js';
import { expectationExplained } from './consistency/expectation-explained.js';
import { expectationPositive } from './consistency/expectation-positive.js';
import { graduatedResponses } from './consistency/graduated-responses.js';
import { personalChoice } from './consistency/personal-choice.js';
import { therapistNotEnforcer } from './consistency/therapist-not-enforcer.js';
import { feedbackBalanced } from './feedback/feedback-balanced.js';
import { feedbackSources } from './feedback/feedback-sources.js';
import { peerAnonymity } from './feedback/peer-anonymity.js';
import { safetyLanguageReview } from './feedback/safety-language-review.js';
import { attendanceRecorded } from './records/attendance-recorded.js';
import { displayPrivacy } from './privacy/display-privacy.js';
import { capacity } from './structure/capacity.js';
import { consistentTimes } from './structure/consistent-times.js';
import { facilitatorConflict } from './structure/facilitator-conflict.js';
import { facilitatorRequired } from './structure/facilitator-required.js';
import { freeTimeDaily } from './structure/free-time-daily.js';
import { mealsDaily } from './structure/meals-daily.js';
import { noDoubleBooking } from './structure/no-double-booking.js';
import { noEmptyStretch } from './structure/no-empty-stretch.js';
import { protectedMealtimes } from './structure/protected-mealtimes.js';
import { recurrenceBounded } from './structure/recurrence-bounded.js';
import { requiredElements } from './structure/required-elements.js';
import { aftercareBooked } from './transitions/aftercare-booked.js';
import { peerContactConsented } from './transitions/peer-contact-consented.js';
import { staffArrivalIntroduced } from './transitions/staff-arrival-introduced.js';
import { staffDepartureNotice } from './transitions/staff-departure-notice.js';
import { stayWithinBounds } from './transitions/stay-within-bounds.js';
import { transitionPlanEarly } from './transitions/transition-plan-early.js';
import type { AnyRule } from './types.js';

export {
  aftercareBooked,
  attendanceRecorded,
  basicNeedsUnconditional,
  capacity,
  coCreated,
  consistentResponse,
  consistentTimes,
  displayPrivacy,
  expectationExplained,
  expectationPositive,
  facilitatorConflict,
  facilitatorRequired,
  feedbackBalanced,
  feedbackSources,
  freeTimeDaily,
  graduatedResponses,
  mealsDaily,
  noDoubleBooking,
  noEmptyStretch,
  peerAnonymity,
  peerContactConsented,
  personalChoice,
  protectedMealtimes,
  recurrenceBounded,
  requiredElements,
  safetyLanguageReview,
  staffArrivalIntroduced,
  staffDepartureNotice,
  stayWithinBounds,
  therapistNotEnforcer,
  transitionPlanEarly,
};

/** Every built-in rule (31), grouped by concern: structure, consistency, feedback, privacy, transitions. */
export const builtinRules: readonly AnyRule[] = Object.freeze([
  mealsDaily,
  consistentTimes,
  protectedMealtimes,
  freeTimeDaily,
  noEmptyStretch,
  requiredElements,
  noDoubleBooking,
  facilitatorRequired,
  facilitatorConflict,
  capacity,
  recurrenceBounded,
  attendanceRecorded,
  expectationExplained,
  expectationPositive,
  coCreated,
  graduatedResponses,
  consistentResponse,
  therapistNotEnforcer,
  basicNeedsUnconditional,
  personalChoice,
  feedbackSources,
  feedbackBalanced,
  peerAnonymity,
  safetyLanguageReview,
  displayPrivacy,
  transitionPlanEarly,
  aftercareBooked,
  peerContactConsented,
  staffDepartureNotice,
  staffArrivalIntroduced,
  stayWithinBounds,
]);

/** The ids of the built-in rules, in {@link builtinRules} order. */
export const BUILTIN_RULE_IDS: readonly string[] = Object.freeze(builtinRules.map((r) => r.id));
