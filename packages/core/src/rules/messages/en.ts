/**
 * English messages of the built-in rules: rule id → message id → template with `{placeholders}`.
 * Participant-facing vocabulary (domain.md): "participant", "observation", never "patient" or
 * "infraction".
 *
 * @module
 */

/** A message catalog: rule id → message id → template. */
export type MessageCatalog = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** English catalog of the built-in rules. */
export const en: MessageCatalog = {
  'meals-daily': {
    missing: 'No {meal} is scheduled on {count} day(s): {dates}.',
    fixMissing:
      'Schedule {meal} every day (check the recurrence, exdates and cancelled occurrences).',
  },
  'consistent-times': {
    drift:
      '"{title}" ({kind}) starts at {time} on {dates}, more than {tolerance} min from its usual {usual}.',
    fixDrift:
      'Start {kind} at about {usual} every day, or widen the tolerance if the difference is intended.',
  },
  'protected-mealtimes': {
    overlap: '"{title}" overlaps "{meal}" for the same participants on {dates}.',
    fixOverlap: 'Move "{title}" out of mealtime so meals stay protected.',
  },
  'free-time-daily': {
    missing: 'Less than {minutes} min of free time on {count} day(s): {dates}.',
    fixMissing: 'Add free time to every day of the routine.',
  },
  'no-empty-stretch': {
    gap: 'Nothing is scheduled from {from} to {to} ({hours} h, more than {max} h) on {dates}.',
    fixGap: 'Offer an activity, group or outing in this stretch — evenings and weekends too.',
  },
  'required-elements': {
    missing: 'No {kinds} in the week(s) starting {weeks}; {setting} programs need it every week.',
    fixMissing: 'Schedule {kinds} at least once a week.',
  },
  'no-double-booking': {
    participant: '{names} expected at "{a}" and "{b}" at the same time on {dates}.',
    location: '{location} is booked for "{a}" and "{b}" at the same time on {dates}.',
    fixParticipant:
      'Move one of the two, or change the audience or elective sign-ups so nobody is in two places.',
    fixLocation: 'Move one of the two to another room or time.',
  },
  'facilitator-required': {
    missing: '"{title}" has no facilitator on {count} occurrence(s): {dates}.',
    fixMissing: 'Name at least one facilitator for "{title}".',
    missingMany: '{count} routines name no facilitator: {titles}.',
    fixMissingMany: 'Name at least one facilitator for each of these routines.',
  },
  'facilitator-conflict': {
    notYetEmployed: '{name} facilitates "{title}" on {dates}, before their start date {limit}.',
    noLongerEmployed: '{name} facilitates "{title}" on {dates}, after their last day {limit}.',
    doubleBooked: '{name} facilitates "{a}" and "{b}" at the same time on {dates}.',
    fixEmployment:
      'Hand "{title}" over to a colleague employed on those dates (a "changed" exception or a new facilitator).',
    fixDoubleBooked: 'Give one of the two sessions another facilitator, or move it.',
  },
  capacity: {
    overCapacity:
      '"{title}" expects up to {most} participants but takes at most {limit} ({dates}).',
    roomFull:
      '"{title}" expects up to {most} participants in {location}, which holds {limit} ({dates}).',
    underMinimum:
      '"{title}" has only {fewest} participant(s), under its minimum of {limit} ({dates}).',
    fixOverCapacity: 'Split the group, raise capacity.max, or limit sign-ups.',
    fixRoomFull: 'Use a larger room or split the group.',
    fixUnderMinimum: 'Invite more participants, merge the session, or lower capacity.min.',
  },
  'recurrence-bounded': {
    unbounded: '"{title}" repeats forever: it has no until, count or review date.',
    reviewOverdue: '"{title}" was due for review on {reviewDate}.',
    fixUnbounded: 'Add recurrence.reviewDate (or until/count) so the routine is reviewed.',
    fixReviewOverdue: 'Review the routine with the community and set the next review date.',
    unboundedMany: '{count} routines repeat forever with no until, count or review date: {titles}.',
    reviewOverdueMany: '{count} routines were due for review on {reviewDate}: {titles}.',
    fixUnboundedMany:
      'Give the timetable a review date (recurrence.reviewDate on each routine), or end the series with until/count.',
    fixReviewOverdueMany:
      'Review the timetable with the community and set the next review date on these routines.',
  },
  'expectation-explained': {
    missing: 'The expectation "{statement}" has no rationale.',
    tooShort:
      'The rationale of "{statement}" is too short to explain it ({words} word(s); at least {minWords}).',
    fixRationale: 'Explain in plain language why the expectation exists.',
  },
  'expectation-positive': {
    negative: '"{statement}" only says what not to do ({words}).',
    fixNegative: 'Rephrase it as what to do, e.g. "Knock and wait before entering a room".',
  },
  'co-created': {
    notAgreed: 'The expectations do not record where and when the community agreed them.',
    noMeeting:
      'The expectations agreed on {date} do not name the community meeting where they were agreed.',
    stale:
      'The expectations were last agreed or reviewed on {date}, {days} days ago (more than {maxDays}).',
    fixNotAgreed: 'Agree the expectations at a community meeting and record expectations.agreedAt.',
    fixNoMeeting: 'Set expectations.agreedAt.routineId to the community meeting routine.',
    fixStale: 'Review the expectations with the community and record expectations.lastReviewed.',
  },
  'graduated-responses': {
    noLadder: '"{statement}" has no graduated response ladder.',
    notEscalating:
      'Step {step} of "{statement}" ({kind}) is gentler than an earlier step ({previous}).',
    noExpiry: 'Step {step} of "{statement}" never expires and is never reviewed.',
    noEarnBack: '"{statement}" describes no way to earn responses back.',
    fixNoLadder:
      'Add graduated steps: reminder → 1:1 problem-solving → restorative action → team review.',
    fixNotEscalating: 'Order the steps from the gentlest to the most involved.',
    fixNoExpiry: 'Give the step expiresAfterDays or reviewAfterDays.',
    fixNoEarnBack: 'Describe the earn-back path (earnBack).',
  },
  'consistent-response': {
    mismatch:
      '{name} applied step {applied} for "{statement}" on {date}; the ladder says step {expected} for observation {count} in the look-back window.',
    staffDiverges:
      "{name}'s applied steps differ from the ladder in {off} of {total} observations.",
    fixMismatch: 'Apply the ladder step for the count, or discuss the exception with the team.',
    fixStaffDiverges:
      'Talk through the ladder as a team so every staff member responds the same way.',
  },
  'therapist-not-enforcer': {
    therapistIssued: "{name}, {participant}'s primary therapist, applied a response on {date}.",
    fixTherapistIssued:
      'Let another staff member apply responses so the therapeutic relationship stays separate.',
  },
  'basic-needs-unconditional': {
    conditional: 'Step {step} of "{statement}" makes a basic need conditional ({needs}).',
    fixConditional:
      'Remove meals, sleep, hygiene, privacy and access to advocates or counsel from the ladder.',
  },
  'personal-choice': {
    noElectives:
      'The week starting {weeks} offers {found} elective(s) (at least {minElectives} expected).',
    fixNoElectives: 'Offer elective activities participants can choose to join.',
  },
  'feedback-sources': {
    never:
      '{name} has had no {source} feedback in the stay period {from} – {to}, nor before (expected every {maxDays} days).',
    stale:
      '{name} had no {source} feedback in the stay period {from} – {to}; the last was on {last} (expected every {maxDays} days).',
    fixSource: 'Ask for {source} feedback about {name}’s goals or coping skills.',
  },
  'feedback-balanced': {
    noStrength: 'The feedback does not name a strength ("{strengths}").',
    vagueSuggestion: 'The suggestion "{suggestions}" is not specific.',
    fixStrength: 'Start with a concrete strength the person showed.',
    fixSuggestion: 'Say what to try, when and how (at least four words).',
  },
  'peer-anonymity': {
    tooFewRaters:
      'Anonymous peer feedback about {name} is visible ({visibility}) with only {raters} rater(s); at least {minRaters} are needed.',
    unverifiable:
      'Anonymous peer feedback about {name} is visible ({visibility}) without an authorId, so its raters cannot be counted.',
    fixAggregate:
      'Show anonymous peer feedback only in aggregate of at least {minRaters} raters, or keep it staff-only until then.',
  },
  'safety-language-review': {
    unreviewed:
      'Feedback with safety language ({phrases}) is visible ({visibility}) without staff review (status {status}).',
    notFlagged:
      'Pending feedback contains safety language ({phrases}) but is not flagged for review.',
    fixUnreviewed: 'Set the review to pending or withheld until a staff member has read it.',
    fixNotFlagged: 'Add the safety-language flag so a staff member reads it first.',
  },
  'display-privacy': {
    fullName:
      'The preferred name "{name}" contains the last name; displays would show a full name.',
    longName:
      'The preferred name "{name}" has more than {maxNameWords} words; it may be a full name.',
    namesParticipant: '"{text}" names a participant ({names}) on a shared display.',
    sensitiveTerm: '"{text}" shows sensitive terms on a shared display ({terms}).',
    fixName: 'Keep the preferred first name in preferredName and the last name in lastName.',
    fixText: 'Use neutral wording; keep clinical details out of displayed text.',
  },
  'attendance-recorded': {
    missing:
      'Attendance of "{title}" is incomplete more than {hours} h after {count} occurrence(s) ended: {dates} ({records} record(s) missing).',
    fixMissing:
      'Record attendance for every expected member (the attendance sheet marks who is missing).',
  },
  'transition-plan-early': {
    noAnticipatedDischarge: '{name} (admitted {admitted}) has no anticipated discharge date.',
    noPlan: '{name} (admitted {admitted}) has no transition plan; it was due by {due}.',
    late: "{name}'s transition plan was started on {created}, after {due}.",
    fixAnticipated: 'Set anticipatedDischargeDate: discharge planning begins on admission.',
    fixPlan: 'Create a discharge or step-down transition with plan tasks.',
  },
  'aftercare-booked': {
    notBooked: '{name} is discharged on {date} without a booked aftercare appointment.',
    outsideWindow:
      "{name}'s aftercare appointment on {at} is not within {withinDays} days after discharge on {date}.",
    noFollowUp: '{name} has no contact booked within {hours} h after discharge on {date}.',
    noTransition: '{name} is discharged on {date} without a discharge transition and plan.',
    fixBook:
      'Book an aftercare appointment within {withinDays} days after discharge (plan task with "at").',
    fixFollowUp: 'Book a follow-up call or visit within {hours} h after discharge.',
    fixTransition: 'Add a discharge transition with an aftercare appointment.',
  },
  'peer-contact-consented': {
    noConsent: 'Peer contact for {name} has no recorded consent.',
    subjectMissing: "The consent for {name}'s peer contact does not include {name}.",
    oneSided: "The consent for {name}'s peer contact records only one side.",
    basis:
      "The consent for {name}'s peer contact is not under 42 CFR Part 2, required in a {setting} program.",
    afterContact:
      "The consent for {name}'s peer contact was recorded on {recordedOn}, after the contact on {at}.",
    fixConsent: 'Record the consent of both sides (consent.parties) before any contact.',
    fixBasis: 'Record the consent under 42 CFR Part 2 (consent.basis).',
  },
  'staff-departure-notice': {
    notAnnounced:
      "{name}'s last day {date} is not announced; it was due by {due} ({notice} days ahead).",
    lateNotice:
      "{name}'s last day {date} was announced on {announced}, only {days} days ahead ({notice} expected).",
    noSuccessor: 'No successor is named for {name}, who leaves on {date}.',
    notIntroduced: '{successor}, who succeeds {name}, is not introduced before {date}.',
    noTransition:
      '{name} leaves on {date} but there is no staff-departure transition (notice: {notice} days).',
    fixAnnounce:
      'Announce the departure to the participants they work with and record announcedDate.',
    fixSuccessor: 'Name a successor (successorStaffId).',
    fixIntroduce: 'Plan an introduction of the successor before the last day.',
  },
  'staff-arrival-introduced': {
    notIntroduced: '{name} (starting {start}) is not introduced by their first shift on {first}.',
    fixIntroduce:
      'Plan an introduction (a community-meeting introduction or a profile) by the first shift.',
  },
  'stay-within-bounds': {
    overBound:
      "{name}'s stay has lasted {days} days, past the program's bound of {bound}, without a review.",
    plannedBeyond:
      "{name}'s anticipated discharge {anticipated} is past the program's bound ({bound} days, reached {reached}) without a review.",
    fixReview:
      'Review the stay and record the decision as a transition (step-down, discharge or transfer).',
  },
};
