// Acute adult inpatient unit in America/New_York: 20 participants with stays of days to three
// weeks, a full daily timetable with lighter but busy weekends, records 2026-02-16 .. 2026-03-28
// (spanning the US DST change on 2026-03-08).
import { addDays, prng, zonedInstant } from '../lib/calendar.mjs';
import { participants, participantTransition } from '../lib/people.mjs';
import { buildRecords } from '../lib/records.mjs';
import { ladder, routine } from '../lib/routines.mjs';

export const window = { from: '2026-03-01', to: '2026-03-28' };
const ZONE = 'America/New_York';
const series = { startDate: '2026-01-05', reviewDate: '2026-07-06' };
const R = (...a) => routine(series, ...a);

const staff = [
  { id: 'st-psy-1', preferredName: 'Amara', lastName: 'O.', pronouns: 'she/her', role: 'psychiatrist', startDate: '2019-08-01' },
  { id: 'st-psy-2', preferredName: 'Jonah', lastName: 'W.', pronouns: 'he/him', role: 'psychologist', startDate: '2021-02-15' },
  { id: 'st-th-1', preferredName: 'Dana', lastName: 'K.', pronouns: 'she/her', role: 'therapist', startDate: '2020-06-01', endDate: '2026-03-27' },
  { id: 'st-th-2', preferredName: 'Luis', lastName: 'P.', pronouns: 'he/him', role: 'therapist', startDate: '2022-09-12' },
  { id: 'st-th-3', preferredName: 'Marcus', lastName: 'T.', pronouns: 'he/him', role: 'therapist', startDate: '2026-03-09' },
  { id: 'st-rn-1', preferredName: 'Grace', lastName: 'M.', role: 'nurse', startDate: '2018-04-02' },
  { id: 'st-rn-2', preferredName: 'Tomás', lastName: 'R.', role: 'nurse', startDate: '2023-01-09' },
  { id: 'st-rn-3', preferredName: 'Priya', lastName: 'S.', role: 'nurse', startDate: '2021-11-01' },
  { id: 'st-rn-4', preferredName: 'Ellen', lastName: 'B.', role: 'nurse', startDate: '2017-03-20' },
  { id: 'st-mht-1', preferredName: 'Andre', lastName: 'L.', role: 'mental-health-technician', startDate: '2022-05-16' },
  { id: 'st-mht-2', preferredName: 'Kim', lastName: 'N.', pronouns: 'they/them', role: 'mental-health-technician', startDate: '2024-07-01' },
  { id: 'st-mht-3', preferredName: 'Rosa', lastName: 'D.', role: 'mental-health-technician', startDate: '2020-10-05' },
  { id: 'st-peer-1', preferredName: 'Sam', lastName: 'H.', pronouns: 'he/him', role: 'peer-support-specialist', startDate: '2023-03-13' },
  { id: 'st-ot-1', preferredName: 'Hannah', lastName: 'V.', role: 'occupational-therapist', startDate: '2021-06-07' },
  { id: 'st-rt-1', preferredName: 'Dev', lastName: 'A.', role: 'recreation-therapist', startDate: '2022-01-10' },
  { id: 'st-at-1', preferredName: 'Noor', lastName: 'E.', role: 'art-therapist', startDate: '2023-08-21' },
];

const routines = [
  R('wake-up', 'wake-up', 'Wake-up and morning routine', '07:00-07:30', 'daily', { facilitatorIds: ['st-mht-1'] }),
  R('meds-am', 'medication', 'Morning medication', '07:30-08:00', 'daily', { locationId: 'med-room', facilitatorIds: ['st-rn-1'] }),
  R('breakfast', 'breakfast', 'Breakfast', '08:00-08:45', 'daily', { locationId: 'dining', facilitatorIds: ['st-mht-2'] }),
  R('community', 'community-meeting', 'Community meeting', '09:00-09:30', 'daily', {
    locationId: 'day-room', facilitatorIds: ['st-rn-2', 'st-peer-1'],
    description: 'Check-in, plans for the day, welcomes and goodbyes.',
    exceptions: [{ date: '2026-03-09', type: 'changed', reason: 'The day room is being repainted.', locationId: 'dining' }],
  }),
  R('process-a', 'group-therapy', 'Process group A', '09:45-10:45', 'MO,TU,WE,TH,FR', {
    locationId: 'group-a', facilitatorIds: ['st-th-2'], audience: { type: 'groups', groupIds: ['group-a'] },
    exceptions: [{ date: '2026-03-18', type: 'changed', reason: 'Luis is at a training day; Dr. Amara covers.', facilitatorIds: ['st-psy-1'] }],
    roster: [{ participantId: 'p-11', action: 'remove', effective: '2026-03-12' }],
  }),
  R('process-b', 'group-therapy', 'Process group B', '09:45-10:45', 'MO,TU,WE,TH,FR', {
    locationId: 'group-b', facilitatorIds: ['st-psy-2'], audience: { type: 'groups', groupIds: ['group-b'] },
    roster: [{ participantId: 'p-11', action: 'add', effective: '2026-03-12' }],
  }),
  R('checkin-weekend', 'group-therapy', 'Weekend check-in group', '09:45-10:30', 'SA,SU', { locationId: 'day-room', facilitatorIds: ['st-rn-3', 'st-peer-1'] }),
  R('psychoed', 'psychoeducation', 'Understanding mood and recovery', '11:00-11:45', 'MO,WE,FR', {
    locationId: 'day-room', facilitatorIds: ['st-psy-2'], description: 'Rotating topics: sleep, medication questions, warning signs, building a routine.',
    exceptions: [{ date: '2026-03-20', type: 'moved', reason: 'The guest speaker from the peer recovery network can only come on Thursday.', newDate: '2026-03-19', start: '11:00', end: '11:45' }],
  }),
  R('social-skills', 'social-skills', 'Communication skills', '11:00-11:45', 'TU,TH', {
    locationId: 'group-a', facilitatorIds: ['st-th-2'],
    exceptions: [{ date: '2026-03-19', type: 'cancelled', reason: 'Staff training morning; psychoeducation runs in this slot instead.' }],
  }),
  R('wellness-sat', 'psychoeducation', 'Weekend wellness: sleep and routines', '11:00-11:45', 'SA', { locationId: 'day-room', facilitatorIds: ['st-rn-2'] }),
  R('games-sun', 'social-skills', 'Sunday teamwork games', '11:00-11:45', 'SU', { locationId: 'day-room', facilitatorIds: ['st-peer-1'] }),
  R('lunch', 'lunch', 'Lunch', '12:00-12:45', 'daily', { locationId: 'dining', facilitatorIds: ['st-mht-1'] }),
  R('rest', 'quiet-time', 'Rest hour', '13:00-13:45', 'daily', { facilitatorIds: ['st-mht-3'] }),
  R('ot', 'occupational-therapy', 'OT: daily living skills', '14:00-15:00', 'MO,WE,FR', { locationId: 'ot-kitchen', facilitatorIds: ['st-ot-1'], attendance: 'elective', capacity: { max: 8 } }),
  R('art', 'art-therapy', 'Art therapy studio', '14:00-15:00', 'TU,TH', { locationId: 'art-room', facilitatorIds: ['st-at-1'], attendance: 'elective', capacity: { max: 8 } }),
  R('walking', 'exercise', 'Walking group', '14:00-15:00', 'MO,TU,WE,TH,FR', { locationId: 'courtyard', facilitatorIds: ['st-rt-1'], attendance: 'elective', capacity: { max: 10 } }),
  R('outing-sat', 'outing', 'Saturday grounds walk', '14:00-15:00', 'SA', {
    locationId: 'courtyard', facilitatorIds: ['st-rt-1', 'st-mht-2'],
    exceptions: [{ date: '2026-03-21', type: 'changed', reason: 'Spring visit arranged with the hospital garden team.', title: 'Outing: hospital greenhouse' }],
  }),
  R('studio-sun', 'art-therapy', 'Sunday open studio', '14:00-15:00', 'SU', { locationId: 'art-room', facilitatorIds: ['st-at-1'] }),
  R('recreation', 'recreation-therapy', 'Recreation: games and movement', '15:15-16:00', 'MO,TU,TH,FR,SA,SU', {
    locationId: 'gym', facilitatorIds: ['st-rt-1'],
    exceptions: [{ date: '2026-03-14', type: 'cancelled', reason: 'Gym floor maintenance.' }],
  }),
  R('pet-therapy', 'recreation-therapy', 'Pet therapy visit', '15:15-16:00', 'WE', { locationId: 'day-room', facilitatorIds: ['st-rt-1'], recurrence: { startDate: '2026-03-04' } }),
  R('free-pm', 'free-time', 'Free time', '16:00-17:30', 'daily', { locationId: 'day-room', facilitatorIds: ['st-mht-2'] }),
  R('dinner', 'dinner', 'Dinner', '17:30-18:15', 'daily', { locationId: 'dining', facilitatorIds: ['st-mht-3'] }),
  R('visiting', 'visiting-hours', 'Visiting hours', '18:30-20:00', 'daily', { locationId: 'visiting', facilitatorIds: ['st-rn-4'] }),
  R('snack', 'snack', 'Evening snack', '20:00-20:15', 'daily', { locationId: 'dining', facilitatorIds: ['st-mht-1'] }),
  R('free-eve', 'free-time', 'Evening free time', '20:15-21:00', 'daily', { locationId: 'day-room', facilitatorIds: ['st-mht-3'] }),
  R('meds-pm', 'medication', 'Evening medication', '21:00-21:30', 'daily', { locationId: 'med-room', facilitatorIds: ['st-rn-4'] }),
  R('wind-down', 'quiet-time', 'Wind-down', '21:30-22:30', 'daily', { facilitatorIds: ['st-mht-1'] }),
  R('lights-out', 'lights-out', 'Lights out', '22:30-22:45', 'daily', { facilitatorIds: ['st-rn-4'] }),
];

const NAMES = [
  ['Jordan', 'M.', 'he/him'], ['Alex', 'R.', 'they/them'], ['Maria', 'G.', 'she/her'], ['Devon', 'C.'], ['Keisha', 'W.', 'she/her'],
  ['Tyler', 'B.', 'he/him'], ['Mei', 'L.', 'she/her'], ['Omar', 'F.', 'he/him'], ['Sofia', 'P.'], ['Ethan', 'J.', 'he/him'],
  ['Riley', 'K.', 'they/them'], ['Aisha', 'N.', 'she/her'], ['Carlos', 'D.', 'he/him'], ['Brianna', 'T.'], ['Kenji', 'S.', 'he/him'],
  ['Lena', 'H.', 'she/her'], ['Marcus', 'A.', 'he/him'], ['Hope', 'E.', 'she/her'], ['Daniel', 'V.'], ['Yara', 'Z.', 'she/her'],
];

export function build() {
  const rand = prng(20260308);
  const asOf = window.to;
  // admissions and lengths of stay in days: census of 7–11 on a 12-bed unit throughout the records
  const stays = [
    ['2026-02-16', 21], ['2026-02-18', 20], ['2026-02-20', 21], ['2026-02-22', 19], ['2026-02-24', 21],
    ['2026-02-25', 20], ['2026-02-26', 18], ['2026-02-27', 21], ['2026-03-02', 4], ['2026-03-04', 21],
    ['2026-03-06', 19], ['2026-03-08', 21], ['2026-03-10', 3], ['2026-03-11', 20], ['2026-03-13', 21],
    ['2026-03-15', 7], ['2026-03-17', 18], ['2026-03-19', 14], ['2026-03-21', 16], ['2026-03-24', 12],
  ].map(([admission, length]) => ({ admission, length, planned: addDays(admission, length + (length > 10 ? rand.int(-2, 0) : 0)) }));
  const electives = ['ot', 'art', 'walking'];
  const people = participants(rand, NAMES, stays, asOf, 'en', (i, s) => {
    const end = addDays(s.admission, s.length);
    const therapist = end > '2026-03-27' ? (s.admission >= '2026-03-09' ? 'st-th-3' : i % 2 ? 'st-th-2' : 'st-th-3') : i % 2 ? 'st-th-2' : 'st-th-1';
    return {
      levelOfCare: 'acute inpatient',
      groupIds: [i === 10 || i % 2 === 0 ? 'group-a' : 'group-b'],
      electiveRoutineIds: rand.chance(0.85) ? [electives[i % 3]] : [],
      primaryTherapistId: therapist,
    };
  });
  const doc = {
    $schema: '../packages/core/schema.json',
    milieuVersion: 1,
    program: {
      id: 'riverside-4north',
      name: 'Riverside 4 North — Adult Acute Unit (12 beds)',
      setting: 'inpatient',
      timeZone: ZONE,
      locale: 'en-US',
      stay: { model: 'short-term', boundDays: 30 },
      locations: [
        { id: 'day-room', name: 'Day room', capacity: 20 },
        { id: 'dining', name: 'Dining room', capacity: 24 },
        { id: 'group-a', name: 'Group room A', capacity: 12 },
        { id: 'group-b', name: 'Group room B', capacity: 12 },
        { id: 'art-room', name: 'Art room', capacity: 12 },
        { id: 'ot-kitchen', name: 'OT kitchen', capacity: 8 },
        { id: 'gym', name: 'Gym', capacity: 16 },
        { id: 'courtyard', name: 'Courtyard garden' },
        { id: 'visiting', name: 'Visiting lounge', capacity: 20 },
        { id: 'med-room', name: 'Medication window' },
      ],
      groups: [
        { id: 'group-a', name: 'Team A', description: 'Process group A and its therapist.' },
        { id: 'group-b', name: 'Team B', description: 'Process group B and its psychologist.' },
      ],
      policy: { peerAnonymityMinRaters: 3 },
    },
    people: { participants: people, staff },
    routines,
    expectations: {
      agreedAt: { date: '2026-01-05', routineId: 'community' },
      lastReviewed: '2026-03-02',
      items: expectations(),
    },
    records: undefined,
    transitions: [],
  };
  const peerPairs = { 'p-03': 'p-05', 'p-08': 'p-10', 'p-12': 'p-14' };
  doc.transitions = people.map((p, i) =>
    participantTransition(rand, ZONE, p, asOf, {
      type: i === 4 ? 'step-down' : i === 9 ? 'transfer' : 'discharge',
      aftercareNotes: ['Outpatient psychiatry intake at Riverside Clinic', 'First appointment with community therapist', 'Partial hospitalization program intake', 'Medication follow-up with primary care'],
      followUpNote: 'Follow-up phone call from the unit within 72 hours of discharge.',
      copingPlanNote: 'Safety and coping plan written with the participant; copy for home.',
      farewell: true,
      farewellNote: 'Goodbye round at community meeting.',
      peer: peerPairs[p.id],
      peerNote: 'Both agreed to swap numbers and meet at the alumni peer group.',
      basis: 'hipaa',
    }),
  );
  doc.transitions.push(...staffTransitions());
  doc.records = buildRecords(doc, {
    rand,
    from: window.from,
    asOf,
    lang: 'en',
    staffAuthors: ['st-rn-1', 'st-rn-2', 'st-rn-3', 'st-rn-4', 'st-mht-1', 'st-mht-2', 'st-mht-3', 'st-peer-1'],
    reviewers: ['st-rn-2', 'st-rn-3'],
  });
  // A self-feedback entry with safety language: routed to staff review and never shown to peers.
  doc.records.feedback.push({
    id: 'fb-safety-01',
    createdAt: zonedInstant(ZONE, '2026-03-12', '20:40'),
    source: 'self',
    authorId: 'p-12',
    subjectId: 'p-12',
    about: { type: 'general' },
    strengths: 'I told my nurse when the evening got hard.',
    suggestions: 'Some nights I still think about hurting myself; I want a plan for those nights.',
    visibility: 'staff',
    anonymous: false,
    review: { status: 'withheld', flags: ['safety-language'], reviewedBy: 'st-rn-3', reviewedAt: zonedInstant(ZONE, '2026-03-12', '20:55') },
    templateId: 'weekly-self-v1',
  });
  return doc;
}

function expectations() {
  const base = { agreedAt: '2026-01-05', lastReviewed: '2026-03-02' };
  const steps = (what) => ladder([
    `A quiet reminder from any staff member about ${what}.`,
    'A short 1:1 conversation to understand what got in the way and agree a plan.',
    'A restorative conversation or action agreed with the people affected.',
    'The care team reviews the plan with the participant at the next team meeting.',
  ]);
  return [
    { id: 'respect', statement: 'Speak to each other with respect, even when we disagree.', rationale: 'People heal faster where they feel safe to speak; respectful words keep disagreements from turning into conflict.', category: 'respect', mutual: true, ...base, ladder: steps('respectful words'), earnBack: 'Each step lapses after its expiry without a repeat; a repair conversation ends it early.' },
    { id: 'hands', statement: 'Keep hands and belongings to yourself, and ask staff for help when a conflict starts.', rationale: 'Everyone here deserves to feel physically safe; staff can help settle a disagreement before it escalates.', category: 'safety', mutual: true, ...base, ladder: steps('asking staff for help early'), earnBack: 'Steps lapse after their expiry; asking for help early counts as a fresh start.' },
    { id: 'groups', statement: 'Join community meeting and at least one group each day.', rationale: 'Groups are where most of the treatment happens, and the community works better when everyone takes part.', category: 'participation', mutual: false, ...base, ladder: steps('the day\u2019s groups'), earnBack: 'Joining two groups in a row ends the current step.' },
    { id: 'confidential', statement: 'Share your own story freely, and keep what others share in group within the group.', rationale: 'People only open up when they trust that their story stays in the room.', category: 'privacy', mutual: true, ...base, ladder: steps('keeping group stories in the group'), earnBack: 'A repair conversation with the person affected ends the step.' },
    { id: 'tidy', statement: 'Put shared things back where they belong after use.', rationale: 'Shared spaces stay pleasant and ready for the next person.', category: 'shared-space', mutual: true, ...base, ladder: steps('tidying shared spaces'), earnBack: 'Steps lapse after their expiry.' },
    { id: 'quiet', statement: 'Use quiet voices after 21:30 so everyone can rest.', rationale: 'Rest is part of recovery, and sound carries on the unit at night.', category: 'wellbeing', mutual: true, ...base, ladder: steps('quiet voices in the evening'), earnBack: 'Steps lapse after their expiry.' },
  ];
}

function staffTransitions() {
  return [
    {
      id: 'tr-staff-dana', type: 'staff-departure', staffId: 'st-th-1', successorStaffId: 'st-th-3',
      effectiveDate: '2026-03-27', announcedDate: '2026-02-27', createdOn: '2026-02-27',
      plan: [
        { id: 'announce', kind: 'other', status: 'done', dueDate: '2026-02-27', at: zonedInstant(ZONE, '2026-02-27', '09:00'), note: 'Announced at community meeting, four weeks ahead, and to each of Dana\u2019s participants 1:1.' },
        { id: 'introduction', kind: 'introduction', status: 'done', dueDate: '2026-03-10', at: zonedInstant(ZONE, '2026-03-10', '09:00'), note: 'Marcus introduced at community meeting; joint sessions with Dana the same week.' },
        { id: 'handover', kind: 'handover', status: 'done', dueDate: '2026-03-20', note: 'Participants handed over to Marcus in joint 1:1 sessions.' },
        { id: 'farewell', kind: 'farewell', status: 'done', dueDate: '2026-03-26', at: zonedInstant(ZONE, '2026-03-26', '09:00'), note: 'Goodbye round at community meeting; a card from the community.' },
      ],
    },
    {
      id: 'tr-staff-marcus', type: 'staff-arrival', staffId: 'st-th-3', effectiveDate: '2026-03-09', announcedDate: '2026-02-27', createdOn: '2026-02-27',
      plan: [{ id: 'introduction', kind: 'introduction', status: 'done', dueDate: '2026-03-09', at: zonedInstant(ZONE, '2026-03-09', '09:00'), note: 'Profile on the board from 2026-03-02; introduced at community meeting on the first day.' }],
    },
    {
      id: 'tr-pet-therapy', type: 'schedule-change', effectiveDate: '2026-03-04', announcedDate: '2026-02-23', createdOn: '2026-02-20',
      plan: [{ id: 'announce', kind: 'other', status: 'done', dueDate: '2026-02-23', note: 'Wednesday pet therapy visits announced at community meeting and on the board.' }],
    },
  ];
}
