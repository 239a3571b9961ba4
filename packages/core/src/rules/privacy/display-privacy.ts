/**
 * `display-privacy`: what a kiosk board or printout shows stays within "first name, last initial",
 * with no diagnoses, levels, restrictions or observations.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { MilieuDocument } from '../../model/index.js';
import { defineRule } from '../define.js';
import { messagesFor } from '../messages/index.js';
import type { RuleReport } from '../types.js';
import { compileWordList, normalizeText, wordsOf } from '../util/text.js';

/** Diagnosis and condition terms, English and Spanish (default `diagnosisTerms`). */
export const DIAGNOSIS_TERMS: readonly string[] = [
  'schizophrenia',
  'schizoaffective',
  'bipolar',
  'depression',
  'depressive',
  'psychosis',
  'psychotic',
  'ptsd',
  'ocd',
  'adhd',
  'anorexia',
  'bulimia',
  'eating disorder',
  'borderline',
  'bpd',
  'personality disorder',
  'suicidal',
  'self-harm',
  'overdose',
  'detox',
  'withdrawal',
  'alcoholic',
  'alcoholism',
  'addict',
  'dual diagnosis',
  'diagnosis',
  'diagnosed',
  'esquizofrenia',
  'depresion',
  'psicosis',
  'psicotico',
  'trastorno',
  'suicida',
  'autolesion',
  'sobredosis',
  'desintoxicacion',
  'abstinencia',
  'alcoholico',
  'adicto',
  'diagnostico',
  'diagnosticado',
];

/** Terms naming levels, restrictions and observations, English and Spanish (default `statusTerms`). */
export const STATUS_TERMS: readonly string[] = [
  'level',
  'levels',
  'restricted',
  'restriction',
  'restrictions',
  'observation',
  'observations',
  'close observation',
  'suicide watch',
  'precautions',
  'seclusion',
  'restraint',
  'privileges',
  'privilege',
  'infraction',
  'sanction',
  'sanctions',
  'nivel',
  'niveles',
  'restringido',
  'restringida',
  'restriccion',
  'restricciones',
  'observacion',
  'vigilancia',
  'privilegios',
  'aislamiento',
  'contencion',
  'sancion',
  'sanciones',
];

/** A last name worth searching for: at least two letters (`S.` is already an initial). */
function surname(lastName: string | undefined): string | undefined {
  const last = (lastName ?? '').trim().replace(/[.\s]+$/u, '');
  return (last.match(/\p{L}/gu) ?? []).length >= 2 ? last : undefined;
}

/** A text the schedule board, kiosk or printout shows, with its pointer. */
interface Displayed {
  text: string;
  path: string;
  /** Shown next to specific people (targeted audience, exception reason, group name). */
  targeted: boolean;
  /** A place name ("Level 2 lounge" names a floor, not a status): status terms are not checked. */
  place?: boolean;
}

/** Every text of the document that the board, the kiosk or a printout shows. */
export function displayedTexts(doc: MilieuDocument): Displayed[] {
  const out: Displayed[] = [];
  doc.routines.forEach((r, i) => {
    const base = `/routines/${i}`;
    const targeted = r.audience.type !== 'everyone';
    out.push({ text: r.title, path: `${base}/title`, targeted });
    if (r.description) out.push({ text: r.description, path: `${base}/description`, targeted });
    r.exceptions.forEach((e, j) => {
      out.push({ text: e.reason, path: `${base}/exceptions/${j}/reason`, targeted: true });
      if (e.type === 'changed') {
        if (e.title) out.push({ text: e.title, path: `${base}/exceptions/${j}/title`, targeted });
        if (e.description)
          out.push({ text: e.description, path: `${base}/exceptions/${j}/description`, targeted });
      }
    });
  });
  doc.program.groups.forEach((g, i) => {
    out.push({ text: g.name, path: `/program/groups/${i}/name`, targeted: true });
    if (g.description)
      out.push({ text: g.description, path: `/program/groups/${i}/description`, targeted: true });
  });
  doc.program.locations.forEach((l, i) =>
    out.push({ text: l.name, path: `/program/locations/${i}/name`, targeted: false, place: true }),
  );
  return out;
}

/**
 * Kiosk boards and printouts show a participant as preferred first name plus last initial at
 * most, and never diagnoses, levels, restrictions or observations. The rule checks the data a
 * display shows:
 *
 * - each participant's `preferredName` must not contain their `lastName` (a full name would be
 *   shown) and has at most `maxNameWords` words (default 2);
 * - displayed texts — routine titles and descriptions, exception reasons and changed titles,
 *   audience group names and descriptions, location names — must not contain a participant's
 *   last name, nor (except location names, where "Level 2" is a floor) level/restriction/observation
 *   terms (`statusTerms`), nor, where the text is
 *   shown next to specific people (routines for groups or named participants, exception reasons,
 *   group names), diagnosis terms (`diagnosisTerms`). "Understanding depression" for everyone is
 *   education; "Depression group" for a named audience discloses its members' diagnosis.
 *
 * Observations and levels of care are never part of a display model and are not checked here.
 */
export const displayPrivacy = defineRule({
  id: 'display-privacy',
  concern: 'privacy',
  defaultSeverity: 'error',
  options: z.strictObject({
    maxNameWords: z._default(z.number().check(z.int(), z.gte(1)), 2),
    diagnosisTerms: z._default(z.array(z.string()), [...DIAGNOSIS_TERMS]),
    statusTerms: z._default(z.array(z.string()), [...STATUS_TERMS]),
  }),
  docs: {
    description:
      'Shared displays show preferred first name plus last initial at most — never diagnoses, levels, restrictions or observations.',
    rationale:
      'Boards and printouts are read by everyone on the unit and by visitors; a surname or a diagnosis on a wall is a disclosure the participant never agreed to.',
    source:
      'HIPAA minimum necessary (45 CFR 164.502(b)); GDPR Art. 9 (health data); therapeutic milieu: support — privacy.',
  },
  messages: messagesFor('display-privacy'),
  check(ctx) {
    const reports: RuleReport[] = [];
    const diagnoses = compileWordList(ctx.options.diagnosisTerms);
    const statuses = compileWordList(ctx.options.statusTerms);
    const surnames = ctx.doc.people.participants.flatMap((p) => {
      const last = surname(p.lastName);
      return last ? [{ p, last }] : [];
    });
    const anySurname = compileWordList(surnames.map((s) => s.last));
    ctx.doc.people.participants.forEach((p, i) => {
      const path = `/people/participants/${i}/preferredName`;
      const last = surname(p.lastName);
      if (last && compileWordList([last]).test(p.preferredName)) {
        reports.push({
          messageId: 'fullName',
          data: { name: p.preferredName },
          path,
          related: { participantIds: [p.id] },
          fix: 'fixName',
        });
      } else if (wordsOf(p.preferredName).length > ctx.options.maxNameWords) {
        reports.push({
          messageId: 'longName',
          data: { name: p.preferredName, maxNameWords: ctx.options.maxNameWords },
          path,
          related: { participantIds: [p.id] },
          fix: 'fixName',
        });
      }
    });
    for (const d of displayedTexts(ctx.doc)) {
      const found = new Set(anySurname.find(d.text));
      const named = surnames.filter((s) => found.has(normalizeText(s.last))).map((s) => s.p);
      if (named.length > 0) {
        reports.push({
          messageId: 'namesParticipant',
          data: { text: d.text, names: named.map((p) => ctx.nameOf(p.id)) },
          path: d.path,
          related: { participantIds: named.map((p) => p.id) },
          fix: 'fixText',
        });
      }
      const terms = [
        ...(d.place ? [] : statuses.find(d.text)),
        ...(d.targeted ? diagnoses.find(d.text) : []),
      ];
      if (terms.length > 0)
        reports.push({
          messageId: 'sensitiveTerm',
          data: { text: d.text, terms },
          path: d.path,
          fix: 'fixText',
        });
    }
    return reports;
  },
});
