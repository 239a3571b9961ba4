// 28-day residential drug and alcohol rehabilitation house in America/Los_Angeles: electives every
// weekday, a family program, mutual-aid meetings, aftercare planning, 42 CFR Part 2 consents;
// records 2026-02-02 .. 2026-03-28 (across the US clock change on 2026-03-08).
import { addDays, prng, zonedInstant } from '../lib/calendar.mjs';
import { participants, participantTransition } from '../lib/people.mjs';
import { buildRecords } from '../lib/records.mjs';
import { ladder, routine } from '../lib/routines.mjs';

export const window = { from: '2026-03-01', to: '2026-03-28' };
const ZONE = 'America/Los_Angeles';
const series = { startDate: '2026-01-05', reviewDate: '2026-07-06' };
const R = (...a) => routine(series, ...a);

const staff = [
  { id: 'st-dr-1', preferredName: 'Imran', lastName: 'Q.', role: 'psychiatrist', startDate: '2020-01-06' },
  { id: 'st-rn-1', preferredName: 'Bethan', lastName: 'J.', role: 'nurse', startDate: '2019-05-13' },
  { id: 'st-rn-2', preferredName: 'Chidi', lastName: 'O.', role: 'nurse', startDate: '2022-02-07' },
  { id: 'st-rn-3', preferredName: 'Fiona', lastName: 'McK.', role: 'nurse', startDate: '2024-09-02' },
  { id: 'st-co-1', preferredName: 'Ruth', lastName: 'A.', pronouns: 'she/her', role: 'counselor', startDate: '2018-03-05', endDate: '2026-04-10' },
  { id: 'st-co-2', preferredName: 'Gareth', lastName: 'P.', pronouns: 'he/him', role: 'counselor', startDate: '2021-07-19' },
  { id: 'st-co-3', preferredName: 'Aoife', lastName: 'D.', role: 'counselor', startDate: '2023-04-24' },
  { id: 'st-co-4', preferredName: 'Kofi', lastName: 'B.', pronouns: 'he/him', role: 'counselor', startDate: '2026-03-23' },
  { id: 'st-th-1', preferredName: 'Harriet', lastName: 'L.', role: 'therapist', startDate: '2020-10-12' },
  { id: 'st-peer-1', preferredName: 'Wes', lastName: 'C.', pronouns: 'he/him', role: 'peer-support-specialist', startDate: '2022-06-06' },
  { id: 'st-peer-2', preferredName: 'Jade', lastName: 'R.', pronouns: 'she/her', role: 'peer-support-specialist', startDate: '2024-01-15' },
  { id: 'st-rt-1', preferredName: 'Tom', lastName: 'H.', role: 'recreation-therapist', startDate: '2021-09-01' },
  { id: 'st-at-1', preferredName: 'Ines', lastName: 'F.', role: 'art-therapist', startDate: '2023-02-13' },
  { id: 'st-sw-1', preferredName: 'Leon', lastName: 'G.', role: 'other', startDate: '2022-11-14' },
  { id: 'st-sw-2', preferredName: 'Maya', lastName: 'S.', role: 'other', startDate: '2023-06-26' },
  { id: 'st-yoga-1', preferredName: 'Priti', lastName: 'K.', role: 'other', startDate: '2024-04-08' },
];

const routines = [
  R('wake-up', 'wake-up', 'Wake-up', '07:00-07:30', 'daily', { facilitatorIds: ['st-sw-1'] }),
  R('meds-am', 'medication', 'Medication and morning checks', '07:30-08:00', 'daily', { locationId: 'clinic', facilitatorIds: ['st-rn-1'] }),
  R('breakfast', 'breakfast', 'Breakfast', '08:00-08:45', 'daily', { locationId: 'kitchen', facilitatorIds: ['st-sw-2'] }),
  R('meeting', 'community-meeting', 'Morning meeting', '09:00-09:30', 'daily', { locationId: 'lounge', facilitatorIds: ['st-co-2', 'st-peer-1'], description: 'House check-in, chore chart, welcomes and goodbyes.' }),
  R('core', 'group-therapy', 'Core recovery group', '09:45-11:00', 'MO,TU,WE,TH,FR', { locationId: 'group-room', facilitatorIds: ['st-co-2', 'st-co-3'] }),
  R('checkin-weekend', 'group-therapy', 'Weekend check-in', '09:45-10:30', 'SA,SU', { locationId: 'lounge', facilitatorIds: ['st-peer-2'] }),
  R('education', 'psychoeducation', 'Recovery education', '11:15-12:15', 'MO,WE,FR', { locationId: 'group-room', facilitatorIds: ['st-th-1'], description: 'Rotating topics: the cycle of change, cravings, sleep, naloxone awareness, relationships.' }),
  R('track-alcohol', 'psychoeducation', 'Alcohol track group', '11:15-12:15', 'TU,TH', {
    locationId: 'group-room', facilitatorIds: ['st-co-3'], audience: { type: 'groups', groupIds: ['track-alcohol'] },
    roster: [{ participantId: 'p-12', action: 'remove', effective: '2026-03-17' }],
  }),
  R('track-drugs', 'psychoeducation', 'Drug track group', '11:15-12:15', 'TU,TH', {
    locationId: 'quiet-room', facilitatorIds: ['st-th-1'], audience: { type: 'groups', groupIds: ['track-drugs'] },
    roster: [{ participantId: 'p-12', action: 'add', effective: '2026-03-17' }],
  }),
  R('family', 'psychoeducation', 'Family program', '11:15-12:15', 'SA', { locationId: 'lounge', facilitatorIds: ['st-co-2'], description: 'Families and friends learn about recovery alongside participants.' }),
  R('softball', 'recreation-therapy', 'Sunday softball in the park', '11:15-12:15', 'SU', { locationId: 'park', facilitatorIds: ['st-rt-1'] }),
  R('lunch', 'lunch', 'Lunch', '12:30-13:15', 'daily', { locationId: 'kitchen', facilitatorIds: ['st-sw-2'] }),
  R('reflection', 'quiet-time', 'Reflection and journaling', '13:30-14:00', 'daily', { facilitatorIds: ['st-sw-1'] }),
  R('yoga', 'exercise', 'Yoga', '14:15-15:15', 'MO,WE,FR', { locationId: 'studio', facilitatorIds: ['st-yoga-1'], attendance: 'elective', capacity: { max: 10 } }),
  R('gym', 'exercise', 'Gym session', '14:15-15:15', 'MO,TU,WE,TH,FR', { locationId: 'gym', facilitatorIds: ['st-rt-1'], attendance: 'elective', capacity: { max: 8 } }),
  R('writing', 'art-therapy', 'Creative writing', '14:15-15:15', 'TU,TH', { locationId: 'art-room', facilitatorIds: ['st-at-1'], attendance: 'elective', capacity: { max: 8 } }),
  R('music', 'recreation-therapy', 'Music group', '14:15-15:15', 'TU,TH', { locationId: 'studio', facilitatorIds: ['st-peer-1'], attendance: 'elective', capacity: { max: 10 } }),
  R('outing', 'outing', 'Saturday outing', '14:00-16:00', 'SA', {
    facilitatorIds: ['st-rt-1', 'st-sw-1'], description: 'A beach walk, a museum or the farmers market, chosen at Friday\u2019s meeting.',
    exceptions: [{ date: '2026-03-14', type: 'cancelled', reason: 'Storm warning; board games in the lounge instead.' }],
  }),
  R('visiting', 'visiting-hours', 'Sunday visiting', '14:00-16:00', 'SU', {
    locationId: 'lounge', facilitatorIds: ['st-rn-2'],
    exceptions: [{ date: '2026-03-15', type: 'changed', reason: 'Spring family day.', description: 'Visitors are welcome to stay for an afternoon barbecue.' }],
  }),
  R('skills', 'social-skills', 'Skills group: coping with cravings', '15:30-16:30', 'MO,TU,WE', { locationId: 'group-room', facilitatorIds: ['st-th-1'] }),
  R('aftercare', 'psychoeducation', 'Aftercare planning', '15:30-16:30', 'TH', {
    locationId: 'group-room', facilitatorIds: ['st-co-3', 'st-peer-2'],
    exceptions: [{ date: '2026-03-26', type: 'moved', reason: 'The county outpatient team can only visit on Friday this week.', newDate: '2026-03-27', start: '15:30', end: '16:30' }],
  }),
  R('quiz', 'recreation-therapy', 'Friday quiz and games', '15:30-16:30', 'FR', {
    locationId: 'lounge', facilitatorIds: ['st-rt-1'],
    exceptions: [{ date: '2026-03-27', type: 'cancelled', reason: 'Aftercare planning runs in this slot this week.' }],
  }),
  R('free-pm', 'free-time', 'Free time', '16:30-17:30', 'daily', { locationId: 'lounge', facilitatorIds: ['st-sw-2'] }),
  R('dinner', 'dinner', 'Dinner', '17:30-18:15', 'daily', { locationId: 'kitchen', facilitatorIds: ['st-sw-1'] }),
  R('mutual-aid', 'other', 'Mutual-aid meeting (AA, NA or SMART on site)', '18:30-19:30', 'daily', { locationId: 'group-room', facilitatorIds: ['st-peer-1'] }),
  R('free-eve', 'free-time', 'Evening free time', '19:30-21:00', 'MO,TU,TH,FR,SA,SU', { locationId: 'lounge', facilitatorIds: ['st-sw-2'] }),
  R('alumni', 'other', 'Alumni evening', '19:30-20:30', 'WE', { locationId: 'lounge', facilitatorIds: ['st-peer-2'], description: 'Former residents share how their recovery is going.' }),
  R('snack', 'snack', 'Evening snack', '21:00-21:15', 'daily', { locationId: 'kitchen', facilitatorIds: ['st-sw-1'] }),
  R('meds-pm', 'medication', 'Evening medication', '21:15-21:30', 'daily', { locationId: 'clinic', facilitatorIds: ['st-rn-3'] }),
  R('wind-down', 'quiet-time', 'Wind-down', '21:30-22:30', 'daily', { facilitatorIds: ['st-sw-1'] }),
  R('lights-out', 'lights-out', 'Lights out', '22:30-22:45', 'daily', { facilitatorIds: ['st-rn-3'] }),
];

const NAMES = [
  ['Callum', 'F.', 'he/him'], ['Shona', 'M.', 'she/her'], ['Dylan', 'P.'], ['Amira', 'H.', 'she/her'], ['Lewis', 'T.', 'he/him'],
  ['Niamh', 'O.', 'she/her'], ['Ravi', 'K.', 'he/him'], ['Georgia', 'W.'], ['Tariq', 'S.', 'he/him'], ['Erin', 'B.', 'she/her'],
  ['Jamie', 'L.', 'they/them'], ['Owen', 'R.', 'he/him'], ['Leah', 'D.', 'she/her'], ['Marek', 'Z.'], ['Chloe', 'N.', 'she/her'],
  ['Kwame', 'A.', 'he/him'], ['Isla', 'C.', 'she/her'], ['Rhys', 'E.'],
];
const ELECTIVES = [['yoga', 'writing'], ['gym'], ['yoga', 'music'], ['writing'], ['music'], ['yoga']];

export function build() {
  const rand = prng(20260329);
  const asOf = window.to;
  const stays = NAMES.map((_, i) => {
    const admission = addDays('2026-02-02', i < 4 ? i : 4 + (i - 4) * 3 + rand.int(0, 1));
    const length = i === 6 ? 20 : i === 9 ? 10 : 27;
    return { admission, length, planned: addDays(admission, 27) };
  });
  const people = participants(rand, NAMES, stays, asOf, 'en', (i) => ({
    levelOfCare: i === 6 ? 'residential, stepping down to a day program' : 'residential',
    groupIds: [i === 11 || i % 2 === 0 ? 'track-alcohol' : 'track-drugs'],
    electiveRoutineIds: ELECTIVES[i % ELECTIVES.length],
    primaryTherapistId: ['st-co-1', 'st-co-2', 'st-co-3'][i % 3],
  }));
  const doc = {
    $schema: '../packages/core/schema.json',
    milieuVersion: 1,
    program: {
      id: 'harbor-house',
      name: 'Harbor House Recovery',
      setting: 'residential',
      timeZone: ZONE,
      locale: 'en-US',
      stay: { model: 'short-term', boundDays: 28 },
      locations: [
        { id: 'lounge', name: 'Lounge', capacity: 20 },
        { id: 'kitchen', name: 'Kitchen and dining room', capacity: 20 },
        { id: 'group-room', name: 'Group room', capacity: 16 },
        { id: 'quiet-room', name: 'Quiet room', capacity: 8 },
        { id: 'studio', name: 'Studio', capacity: 12 },
        { id: 'gym', name: 'Gym', capacity: 8 },
        { id: 'art-room', name: 'Art room', capacity: 8 },
        { id: 'clinic', name: 'Clinic room' },
        { id: 'park', name: 'Park across the street' },
      ],
      groups: [
        { id: 'track-alcohol', name: 'Alcohol track' },
        { id: 'track-drugs', name: 'Drug track' },
      ],
      policy: { peerAnonymityMinRaters: 3 },
    },
    people: { participants: people, staff },
    routines,
    expectations: { agreedAt: { date: '2026-01-05', routineId: 'meeting' }, lastReviewed: '2026-03-09', items: expectations() },
    records: undefined,
    transitions: [],
  };
  const peerPairs = { 'p-02': 'p-04', 'p-05': 'p-07', 'p-08': 'p-10' };
  doc.transitions = people.map((p, i) =>
    participantTransition(rand, ZONE, p, asOf, {
      type: i === 6 ? 'step-down' : i === 9 ? 'transfer' : 'discharge',
      aftercareNotes: ['County outpatient SUD program intake', 'Primary care follow-up on medication and the recovery plan', 'Intensive outpatient program intake', 'First session with an outpatient counselor'],
      followUpNote: 'Follow-up call from the house within 72 hours of leaving.',
      copingPlanNote: 'Relapse-prevention plan with triggers, early signs and people to call.',
      farewell: true,
      farewellNote: 'Leaving ceremony at morning meeting: coin and cards.',
      peer: peerPairs[p.id],
      peerNote: 'Alumni buddy contact agreed by both; written consent under 42 CFR Part 2 recorded.',
      basis: '42-cfr-part-2',
    }),
  );
  doc.transitions.push(...staffTransitions());
  doc.records = buildRecords(doc, {
    rand,
    from: window.from,
    asOf,
    lang: 'en',
    staffAuthors: ['st-rn-1', 'st-rn-2', 'st-rn-3', 'st-sw-1', 'st-sw-2', 'st-peer-1', 'st-peer-2'],
    reviewers: ['st-co-2', 'st-co-3'],
    observationRate: 0.35,
  });
  return doc;
}

function expectations() {
  const base = { agreedAt: '2026-01-05', lastReviewed: '2026-03-09' };
  const steps = (what) => ladder([
    `A quiet reminder from any staff member about ${what}.`,
    'A 1:1 conversation with your counselor to understand what happened and agree a plan.',
    'A restorative action agreed at morning meeting with the people affected.',
    'The team and the participant review the recovery plan together.',
  ]);
  return [
    { id: 'substance-free', statement: 'Keep the house alcohol- and drug-free, and talk to staff early when cravings are strong.', rationale: 'Everyone here is protecting their recovery; early conversations about cravings are part of treatment, and staff respond with support.', category: 'safety', mutual: true, ...base, ladder: steps('talking to staff when cravings build'), earnBack: 'Steps lapse after their expiry; reaching out early counts as progress.' },
    { id: 'groups', statement: 'Come to morning meeting and your core groups.', rationale: 'The programme works through the groups: each one builds on the last.', category: 'participation', mutual: false, ...base, ladder: steps('the day\u2019s groups'), earnBack: 'Two full days of groups end the current step.' },
    { id: 'respect', statement: 'Speak with respect and give feedback kindly and honestly.', rationale: 'Honest, kind feedback is how people learn about themselves here.', category: 'respect', mutual: true, ...base, ladder: steps('kind and honest feedback'), earnBack: 'A repair conversation ends the step.' },
    { id: 'confidential', statement: 'Keep what others share in group within the group.', rationale: 'People only talk about hard things when they trust it stays in the room.', category: 'privacy', mutual: true, ...base, ladder: steps('keeping group stories in the group'), earnBack: 'A repair conversation with the person affected ends the step.' },
    { id: 'chores', statement: 'Take your turn on the house chore chart.', rationale: 'Running the house together is practice for running a home.', category: 'shared-space', mutual: false, ...base, ladder: steps('the chore chart'), earnBack: 'Steps lapse after their expiry.' },
    { id: 'sign-out', statement: 'Tell staff when you go out and when you are back.', rationale: 'Staff need to know who is in the house in case of a fire alarm, and to offer support when you return.', category: 'safety', mutual: true, ...base, ladder: steps('signing out and in'), earnBack: 'Steps lapse after their expiry.' },
  ];
}

function staffTransitions() {
  return [
    {
      id: 'tr-staff-ruth', type: 'staff-departure', staffId: 'st-co-1', successorStaffId: 'st-co-4',
      effectiveDate: '2026-04-10', announcedDate: '2026-03-13', createdOn: '2026-03-12',
      plan: [
        { id: 'announce', kind: 'other', status: 'done', dueDate: '2026-03-13', at: zonedInstant(ZONE, '2026-03-13', '09:00'), note: 'Announced at morning meeting four weeks ahead; Ruth told each of her participants 1:1 first.' },
        { id: 'introduction', kind: 'introduction', status: 'done', dueDate: '2026-03-24', at: zonedInstant(ZONE, '2026-03-24', '09:00'), note: 'Kofi introduced at morning meeting; joint counseling sessions from the same week.' },
        { id: 'handover', kind: 'handover', status: 'in-progress', dueDate: '2026-04-08', note: 'Ruth\u2019s participants hand over to Kofi in joint sessions.' },
        { id: 'farewell', kind: 'farewell', status: 'todo', dueDate: '2026-04-09', note: 'Goodbye at morning meeting.' },
      ],
    },
    {
      id: 'tr-staff-kofi', type: 'staff-arrival', staffId: 'st-co-4', effectiveDate: '2026-03-23', announcedDate: '2026-03-13', createdOn: '2026-03-12',
      plan: [{ id: 'introduction', kind: 'introduction', status: 'done', dueDate: '2026-03-23', at: zonedInstant(ZONE, '2026-03-23', '09:00'), note: 'Profile on the noticeboard from 2026-03-16; introduced at morning meeting on his first day.' }],
    },
    {
      id: 'tr-aftercare-move', type: 'schedule-change', effectiveDate: '2026-03-26', announcedDate: '2026-03-19', createdOn: '2026-03-19',
      plan: [{ id: 'announce', kind: 'other', status: 'done', dueDate: '2026-03-19', note: 'Aftercare planning moves to Friday 27 March this week; the quiz returns the week after.' }],
    },
  ];
}
