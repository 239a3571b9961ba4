// Self-checks the generator runs on every example before writing it, so the committed documents
// follow the practice rules of shared/domain.md (the rule engine will lint them later).
import { addDays, audience, daysBetween, dates, minutes, occurrences, present, seriesDates, weekday } from './calendar.mjs';

const WAKING = [minutes('07:00'), minutes('22:00')];
const GROUP_KINDS = new Set([
  'group-therapy',
  'psychoeducation',
  'social-skills',
  'occupational-therapy',
  'recreation-therapy',
  'art-therapy',
  'community-meeting',
  'exercise',
  'outing',
]);
const MEALS = ['breakfast', 'lunch', 'dinner'];
const NEGATIVE = /\b(don't|do not|never|no|not|avoid|stop|forbidden|prohibited)\b/i;
const BASIC_NEEDS = /\b(meal|food|eat|sleep|bed|shower|hygiene|privacy|phone|advocate|lawyer|visit)/i;
const SAFETY = /\b(kill|suicid|self-harm|hurt(ing)? (myself|someone|others)|die|overdos|harm)/i;

/**
 * Checks one example document against the practice rules; returns a list of problems.
 * @param {object} doc
 * @param {{ from: string, to: string, daily?: boolean }} window  records window; `daily` = a unit with daily life
 */
export function practiceProblems(doc, { from, to, daily = true }) {
  const problems = [];
  const say = (m) => problems.push(m);
  const days = dates(from, to);
  const byDate = new Map(days.map((d) => [d, []]));
  for (const r of doc.routines) {
    if (!r.recurrence.until && !r.recurrence.count && !r.recurrence.reviewDate) say(`routine ${r.id} is unbounded with no review`);
    for (const o of occurrences(r, from, to)) byDate.get(o.date)?.push(o);
  }
  const staffOn = (id, d) => {
    const s = doc.people.staff.find((x) => x.id === id);
    return s && s.startDate <= d && (!s.endDate || d <= s.endDate);
  };
  for (const [d, occ] of byDate) {
    const kinds = new Set(occ.map((o) => o.routine.kind));
    if (daily) {
      for (const m of MEALS) if (!kinds.has(m)) say(`${d}: no ${m}`);
      if (!kinds.has('free-time')) say(`${d}: no free time`);
      const spans = occ.map((o) => [minutes(o.start), minutes(o.end)]).sort((a, b) => a[0] - b[0]);
      let cursor = WAKING[0];
      for (const [s, e] of spans) {
        if (s - cursor > 180 && s <= WAKING[1]) say(`${d}: empty stretch before ${s / 60}h`);
        cursor = Math.max(cursor, e);
      }
      const meals = occ.filter((o) => MEALS.includes(o.routine.kind));
      for (const o of occ.filter((x) => GROUP_KINDS.has(x.routine.kind))) {
        for (const m of meals) if (overlap(o, m)) say(`${d}: ${o.id} overlaps meal ${m.id}`);
      }
    }
    for (const o of occ) {
      if (GROUP_KINDS.has(o.routine.kind)) {
        const ex = o.routine.exceptions.find((e) => e.date === o.originalDate && e.type === 'changed');
        const facilitators = ex?.facilitatorIds ?? o.routine.facilitatorIds;
        if (!facilitators.some((f) => staffOn(f, d))) say(`${o.id}: no facilitator employed`);
      }
      o.people = audience(doc, o.routine, o.originalDate);
      const cap = o.routine.capacity?.max;
      if (cap && o.people.length > cap) say(`${o.id}: ${o.people.length} enrolled > capacity ${cap}`);
    }
    for (let i = 0; i < occ.length; i++) {
      for (let j = i + 1; j < occ.length; j++) {
        if (!overlap(occ[i], occ[j])) continue;
        const both = occ[i].people.filter((p) => occ[j].people.includes(p));
        if (both.length) say(`${d}: ${both[0]} double-booked in ${occ[i].id} and ${occ[j].id}`);
        const fac = occ[i].routine.facilitatorIds.filter((f) => occ[j].routine.facilitatorIds.includes(f));
        if (fac.length) say(`${d}: facilitator ${fac[0]} double-booked in ${occ[i].id} and ${occ[j].id}`);
      }
    }
  }
  checkExpectations(doc, to, say);
  checkPeople(doc, to, say);
  checkFeedback(doc, to, say);
  if (!doc.routines.some((r) => r.attendance === 'elective')) say('no electives');
  return problems;
}

function overlap(a, b) {
  return a.date === b.date && minutes(a.start) < minutes(b.end === '00:00' ? '23:59' : b.end) && minutes(b.start) < minutes(a.end === '00:00' ? '23:59' : a.end);
}

function checkExpectations(doc, asOf, say) {
  const set = doc.expectations;
  if (!set.agreedAt?.routineId) say('expectations: no agreeing meeting');
  if (!set.lastReviewed || daysBetween(set.lastReviewed, asOf) > 90) say('expectations: review older than 90 days');
  const meeting = doc.routines.find((r) => r.id === set.agreedAt?.routineId);
  if (meeting && !seriesDates(meeting, set.agreedAt.date, set.agreedAt.date).length) say('expectations agreed on a day without the meeting');
  for (const e of set.items) {
    if (!e.rationale) say(`${e.id}: no rationale`);
    if (NEGATIVE.test(e.statement)) say(`${e.id}: statement is not positive: ${e.statement}`);
    if (!e.earnBack) say(`${e.id}: no earn-back`);
    for (const s of e.ladder) {
      if (!s.reviewAfterDays && !s.expiresAfterDays) say(`${e.id} step ${s.step}: no review/expiry`);
      if (BASIC_NEEDS.test(s.description)) say(`${e.id} step ${s.step}: touches a basic need: ${s.description}`);
    }
  }
}

function checkPeople(doc, asOf, say) {
  const bound = doc.program.stay.boundDays;
  for (const p of doc.people.participants) {
    const end = p.dischargeDate ?? asOf;
    if (daysBetween(p.admissionDate, end) > bound) say(`${p.id}: stay beyond bound`);
    if (!p.anticipatedDischargeDate) say(`${p.id}: no anticipated discharge date`);
    const plans = doc.transitions.filter((t) => t.participantId === p.id && t.plan.length);
    if (!plans.some((t) => t.createdOn && daysBetween(p.admissionDate, t.createdOn) <= 3)) say(`${p.id}: no transition plan within 3 days`);
    if (p.dischargeDate && p.dischargeDate <= asOf) {
      const t = doc.transitions.find((x) => x.participantId === p.id && x.effectiveDate === p.dischargeDate);
      const appt = t?.plan.find((k) => k.kind === 'aftercare-appointment' && k.status === 'done' && k.at);
      if (!appt) say(`${p.id}: no aftercare appointment booked`);
      else if (daysBetween(p.dischargeDate, appt.at.slice(0, 10)) > 7) say(`${p.id}: aftercare later than 7 days`);
    }
    for (const o of doc.records.observations.filter((x) => x.participantId === p.id)) {
      if (o.byStaffId === p.primaryTherapistId) say(`${o.id}: issued by the primary therapist`);
    }
  }
  for (const t of doc.transitions) {
    for (const k of t.plan.filter((x) => x.kind === 'peer-contact')) {
      if (!k.consent || k.consent.parties.length < 2) say(`${t.id}/${k.id}: peer contact without two-sided consent`);
    }
    if (t.type === 'staff-departure') {
      const notice = doc.program.stay.model === 'long-term' ? 28 : 14;
      if (!t.announcedDate || daysBetween(t.announcedDate, t.effectiveDate) < notice) say(`${t.id}: short notice`);
      if (!t.successorStaffId) say(`${t.id}: no successor`);
      const intro = t.plan.find((k) => k.kind === 'introduction');
      if (!intro || !(intro.dueDate < t.effectiveDate)) say(`${t.id}: successor not introduced before the last day`);
    }
    if (t.type === 'staff-arrival') {
      const s = doc.people.staff.find((x) => x.id === t.staffId);
      const intro = t.plan.find((k) => k.kind === 'introduction');
      if (!intro || intro.dueDate > s.startDate) say(`${t.id}: not introduced by first shift`);
    }
  }
}

function checkFeedback(doc, asOf, say) {
  for (const f of doc.records.feedback) {
    const text = `${f.strengths} ${f.suggestions ?? ''}`;
    if (SAFETY.test(text) && !(f.review.status === 'withheld' || f.review.status === 'pending')) say(`${f.id}: safety language shown`);
    if (f.anonymous && f.source !== 'peer') say(`${f.id}: anonymous non-peer`);
  }
  const minRaters = doc.program.policy?.peerAnonymityMinRaters ?? 3;
  for (const p of doc.people.participants) {
    const shown = doc.records.feedback.filter((f) => f.source === 'peer' && f.anonymous && f.subjectId === p.id && f.visibility !== 'staff');
    if (shown.length && new Set(shown.map((f) => f.authorId)).size < minRaters) say(`${p.id}: anonymous peer feedback shown with fewer than ${minRaters} raters`);
  }
  for (const p of doc.people.participants) {
    const end = p.dischargeDate && p.dischargeDate < asOf ? p.dischargeDate : asOf;
    for (let start = p.admissionDate; start <= end; start = addDays(start, 7)) {
      const stop = addDays(start, 6);
      for (const source of ['staff', 'peer', 'self']) {
        const has = doc.records.feedback.some(
          (f) => f.subjectId === p.id && f.source === source && f.createdAt.slice(0, 10) >= start && f.createdAt.slice(0, 10) <= stop,
        );
        if (!has && present(p, start)) say(`${p.id}: no ${source} feedback in week from ${start}`);
      }
    }
  }
}

export { weekday };
