// Generates the records of an example document: attendance, observations, feedback from every
// source (including anonymous peers) and coping-skill practice.
import { addDays, audience, occurrences, present, zonedInstant } from './calendar.mjs';
import { TEXT } from './text.mjs';

const TRACKED = new Set([
  'community-meeting',
  'group-therapy',
  'psychoeducation',
  'social-skills',
  'occupational-therapy',
  'recreation-therapy',
  'art-therapy',
  'exercise',
  'outing',
  'other',
]);

const employed = (s, d) => s.startDate <= d && (!s.endDate || d <= s.endDate);

/**
 * @param {object} doc  a document with program, people, routines and expectations filled in
 * @param {object} o
 * @param {ReturnType<import('./calendar.mjs').prng>} o.rand
 * @param {string} o.from  first date of attendance records
 * @param {string} o.asOf  the "today" of the document
 * @param {'en'|'es'} o.lang
 * @param {string[]} o.staffAuthors  staff ids who write staff feedback and observations
 * @param {string[]} o.reviewers  staff ids who review feedback
 * @param {number} [o.observationRate]
 */
export function buildRecords(doc, o) {
  const { rand, from, asOf, lang } = o;
  const t = TEXT[lang];
  const zone = doc.program.timeZone;
  const staffById = new Map(doc.people.staff.map((s) => [s.id, s]));
  const onDuty = (ids, d) => ids.filter((id) => employed(staffById.get(id), d));
  const at = (d, h0, h1) => zonedInstant(zone, d, `${String(rand.int(h0, h1)).padStart(2, '0')}:${rand.pick(['00', '10', '15', '20', '30', '40', '45', '50'])}`);

  const attendance = [];
  for (const r of doc.routines.filter((x) => TRACKED.has(x.kind))) {
    for (const occ of occurrences(r, from, asOf)) {
      for (const pid of audience(doc, r, occ.originalDate)) {
        const roll = rand.next();
        const status = roll < 0.86 ? 'present' : roll < 0.91 ? 'late' : roll < 0.93 ? 'left-early' : roll < 0.96 ? 'excused' : roll < 0.98 ? 'absent' : 'refused';
        const rec = { occurrenceId: occ.id, participantId: pid, status };
        if (status !== 'present' && rand.chance(0.6)) rec.note = t.attendanceNotes[status];
        attendance.push(rec);
      }
    }
  }

  const feedback = [];
  const copingPractice = [];
  const observations = [];
  let fid = 0;
  let cid = 0;
  let oid = 0;
  const review = (d, status = 'approved') => ({ status, reviewedBy: rand.pick(onDuty(o.reviewers, d)), reviewedAt: at(d, 17, 18) });
  const entry = (source, d, f) => {
    feedback.push({
      id: `fb-${String(++fid).padStart(4, '0')}`,
      createdAt: at(d, 13, 16),
      source,
      ...f,
    });
  };

  for (const p of doc.people.participants) {
    const end = p.dischargeDate && p.dischargeDate < asOf ? p.dischargeDate : asOf;
    for (let start = p.admissionDate; start <= end; start = addDays(start, 7)) {
      const last = addDays(start, 6) < end ? addDays(start, 6) : end;
      const day = () => {
        const span = Math.round((Date.parse(last) - Date.parse(start)) / 86_400_000);
        return addDays(start, rand.int(0, span));
      };
      const goal = p.goals.find((g) => g.status === 'active') ?? p.goals[0];
      let d = day();
      let [strengths, suggestions] = rand.pick(t.staff);
      entry('staff', d, {
        authorId: rand.pick(onDuty(o.staffAuthors, d)),
        subjectId: p.id,
        about: rand.chance(0.5) ? { type: 'goal', id: goal.id, label: goal.statement } : { type: 'general' },
        strengths,
        suggestions,
        visibility: 'subject',
        anonymous: false,
        review: review(d),
      });
      const therapist = p.primaryTherapistId && employed(staffById.get(p.primaryTherapistId), d) ? p.primaryTherapistId : undefined;
      if (therapist) {
        [strengths, suggestions] = rand.pick(t.therapist);
        entry('therapist', d, {
          authorId: therapist,
          subjectId: p.id,
          about: { type: 'goal', id: goal.id, label: goal.statement },
          strengths,
          suggestions,
          visibility: 'subject',
          anonymous: false,
          review: review(d),
        });
      }
      let peers = [];
      for (let tries = 0; tries < 20 && peers.length === 0; tries++) {
        d = day();
        peers = doc.people.participants.filter((x) => x.id !== p.id && present(x, d));
      }
      const rater = rand.pick(peers);
      [strengths, suggestions] = rand.pick(t.peer);
      const anonymous = rand.chance(0.6);
      entry('peer', d, {
        authorId: rater.id,
        subjectId: p.id,
        about: { type: 'general' },
        strengths,
        suggestions,
        ratings: { listening: rand.int(3, 5), participation: rand.int(2, 5), kindness: rand.int(3, 5) },
        visibility: 'subject',
        anonymous,
        review: review(d),
        templateId: 'weekly-peer-v1',
      });
      d = day();
      [strengths, suggestions] = rand.pick(t.self);
      const skill = rand.pick(t.skills);
      entry('self', d, {
        authorId: p.id,
        subjectId: p.id,
        about: { type: 'coping-skill', label: skill },
        strengths,
        suggestions,
        ratings: { mood: rand.int(2, 5), confidence: rand.int(2, 5) },
        answers: { 'skill-used': skill, 'times-practised': rand.int(1, 6), 'helped-with': ['stress', 'sleep', 'cravings', 'worry'].filter(() => rand.chance(0.4)) },
        visibility: 'subject',
        anonymous: false,
        review: { status: 'approved' },
        templateId: 'weekly-self-v1',
      });
      if (rand.chance(0.35)) {
        d = day();
        [strengths, suggestions] = rand.pick(t.program);
        entry('program', d, {
          authorId: p.id,
          about: { type: 'general' },
          strengths,
          suggestions,
          visibility: 'staff',
          anonymous: false,
          review: review(d),
        });
      }
      for (let k = rand.int(2, 4); k > 0; k--) {
        const pd = day();
        const rec = { id: `cp-${String(++cid).padStart(4, '0')}`, participantId: p.id, skill: rand.pick(t.skills), at: at(pd, 9, 21) };
        if (rand.chance(0.8)) rec.helpfulness = rand.int(2, 5);
        if (rand.chance(0.3)) rec.note = rand.pick(t.practiceNotes);
        copingPractice.push(rec);
      }
    }
    if (doc.expectations.items.length && rand.chance(o.observationRate ?? 0.4)) {
      const e = rand.pick(doc.expectations.items);
      const d = addDays(p.admissionDate, rand.int(1, 5));
      if (d <= end) {
        const by = onDuty(o.staffAuthors, d).filter((s) => s !== p.primaryTherapistId);
        const times = rand.chance(0.3) && addDays(d, 1) <= end ? 2 : 1;
        for (let step = 1; step <= times; step++) {
          const od = addDays(d, step - 1);
          observations.push({ id: `obs-${String(++oid).padStart(3, '0')}`, participantId: p.id, expectationId: e.id, at: at(od, 10, 20), step, byStaffId: rand.pick(by), note: t.observationNotes[step - 1] });
        }
      }
    }
  }
  // Anonymous peer feedback reaches its subject only in aggregate of enough distinct raters;
  // until then it stays with staff.
  const minRaters = doc.program.policy?.peerAnonymityMinRaters ?? 3;
  for (const p of doc.people.participants) {
    const anonymous = feedback.filter((f) => f.source === 'peer' && f.anonymous && f.subjectId === p.id);
    if (new Set(anonymous.map((f) => f.authorId)).size < minRaters) for (const f of anonymous) f.visibility = 'staff';
  }
  feedback.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  feedback.forEach((f, i) => (f.id = `fb-${String(i + 1).padStart(4, '0')}`));
  copingPractice.sort((a, b) => (a.at < b.at ? -1 : 1));
  copingPractice.forEach((c, i) => (c.id = `cp-${String(i + 1).padStart(4, '0')}`));
  observations.sort((a, b) => (a.at < b.at ? -1 : 1));
  return { attendance, observations, feedback, copingPractice };
}
