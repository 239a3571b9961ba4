// Shared builders for participants and their transition plans.
import { addDays, zonedInstant } from './calendar.mjs';
import { TEXT } from './text.mjs';

/**
 * Builds participants from stays. `stays` = [{ admission, length, planned?, extra }].
 * Discharged when admission + length <= asOf; otherwise still present with an anticipated date.
 */
export function participants(rand, names, stays, asOf, lang, pick) {
  const goals = TEXT[lang].goals;
  return stays.map((s, i) => {
    const [preferredName, lastName, pronouns] = names[i];
    const id = `p-${String(i + 1).padStart(2, '0')}`;
    const end = addDays(s.admission, s.length);
    const discharged = end <= asOf;
    const chosen = rand.shuffle(goals).slice(0, rand.int(2, 3));
    const p = {
      id,
      preferredName,
      lastName,
      ...(pronouns ? { pronouns } : {}),
      admissionDate: s.admission,
      anticipatedDischargeDate: s.planned ?? end,
      ...(discharged ? { dischargeDate: end } : {}),
      ...pick(i, s),
      goals: chosen.map((statement, k) => ({
        id: `g${k + 1}`,
        statement,
        setOn: addDays(s.admission, 1),
        status: discharged && k === 0 ? 'met' : 'active',
      })),
    };
    return p;
  });
}

/**
 * A participant's transition (discharge, step-down or transfer) created within a day or two of
 * admission, with aftercare booked within 7 days of the effective date, a follow-up contact
 * within 72 hours and a relapse-prevention or safety plan.
 */
export function participantTransition(rand, zone, p, asOf, o) {
  const effective = p.dischargeDate ?? p.anticipatedDischargeDate;
  const done = effective <= asOf;
  const soon = addDays(asOf, 7) >= effective;
  const apptDay = addDays(effective, rand.int(2, 6));
  const plan = [
    {
      id: 'aftercare',
      kind: 'aftercare-appointment',
      status: done || soon ? 'done' : 'in-progress',
      dueDate: addDays(effective, -2) < p.admissionDate ? p.admissionDate : addDays(effective, -2),
      ...(done || soon ? { at: zonedInstant(zone, apptDay, rand.pick(['09:30', '10:00', '11:00', '14:00', '15:30'])) } : {}),
      note: rand.pick(o.aftercareNotes),
    },
    {
      id: 'follow-up',
      kind: 'other',
      status: addDays(effective, 2) <= asOf ? 'done' : 'todo',
      dueDate: addDays(effective, 2),
      note: o.followUpNote,
    },
    {
      id: 'coping-plan',
      kind: 'relapse-prevention-plan',
      status: done ? 'done' : 'in-progress',
      dueDate: addDays(effective, -1) < p.admissionDate ? p.admissionDate : addDays(effective, -1),
      note: o.copingPlanNote,
    },
  ];
  if (o.farewell) {
    plan.push({ id: 'farewell', kind: 'farewell', status: done ? 'done' : 'todo', dueDate: effective, note: o.farewellNote });
  }
  if (o.peer) {
    plan.push({
      id: 'peer-contact',
      kind: 'peer-contact',
      status: 'done',
      note: o.peerNote,
      consent: { recordedOn: addDays(effective, -1) < p.admissionDate ? p.admissionDate : addDays(effective, -1), parties: [p.id, o.peer], basis: o.basis },
    });
  }
  return {
    id: `tr-${p.id}`,
    type: o.type ?? 'discharge',
    participantId: p.id,
    effectiveDate: effective,
    announcedDate: addDays(effective, -3) < p.admissionDate ? p.admissionDate : addDays(effective, -3),
    createdOn: addDays(p.admissionDate, rand.int(0, 2)),
    plan,
  };
}
