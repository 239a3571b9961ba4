/**
 * Records: one `Encounter` per attendance record, a `Questionnaire` per feedback template and a
 * `QuestionnaireResponse` per feedback entry.
 *
 * How a feedback entry travels (see the README):
 * - `subject` is who it is about (a `Patient`; the unit `Group` for feedback about the program);
 * - `author` is the rater, and is omitted for anonymous entries;
 * - visibility and review status are `meta.tag`s from the milieu code systems (so a FHIR server
 *   can filter on `_tag`), and the `feedback` extension carries the source, anonymity, what it
 *   is about, review flags, reviewer and review time.
 *
 * @module
 */
import {
  localize,
  type AttendanceRecord,
  type FeedbackEntry,
  type FeedbackItem,
  type FeedbackTemplate,
  type Occurrence,
  type Setting,
} from '@milieu/core';
import type {
  Encounter,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { ACT_CODE_SYSTEM } from '../constants.js';
import { coding, ext, subs, type AnyRef } from '../util.js';
import type { ExportContext } from './context.js';

/** Encounter.status of an attendance status: attended → `finished`, not attended → `cancelled`. */
export function encounterStatus(status: AttendanceRecord['status']): Encounter['status'] {
  return status === 'present' || status === 'late' || status === 'left-early'
    ? 'finished'
    : 'cancelled';
}

/** Encounter.class for a setting: `IMP` where people stay, `AMB` otherwise. */
export function encounterClass(setting: Setting): {
  system: string;
  code: string;
  display: string;
} {
  return setting === 'inpatient' || setting === 'residential'
    ? { system: ACT_CODE_SYSTEM, code: 'IMP', display: 'inpatient encounter' }
    : { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' };
}

/** The identifier value of an attendance Encounter: `${occurrenceId}/${participantId}`. */
export const attendanceKey = (
  r: Pick<AttendanceRecord, 'occurrenceId' | 'participantId'>,
): string => `${r.occurrenceId}/${r.participantId}`;

/**
 * An attendance record as an Encounter (also what the client's saver writes).
 *
 * @internal
 */
export function attendanceEncounter(
  ctx: Pick<ExportContext, 'c' | 'identifier' | 'ref'> & { doc: { program: { setting: Setting } } },
  record: AttendanceRecord,
  links: { patient: AnyRef; appointment: AnyRef; episode?: AnyRef },
  occurrence?: Pick<Occurrence, 'start' | 'end' | 'kind'>,
): Encounter {
  const enc: Encounter = {
    resourceType: 'Encounter',
    identifier: [ctx.identifier('attendance', attendanceKey(record))],
    status: encounterStatus(record.status),
    class: encounterClass(ctx.doc.program.setting),
    subject: links.patient,
    appointment: [links.appointment],
    extension: subs([
      ext(ctx.c.extension('attendance-status'), { valueCode: record.status }),
      record.note === undefined || record.note === ''
        ? undefined
        : ext(ctx.c.extension('attendance-note'), { valueString: record.note }),
    ]),
  };
  if (links.episode) enc.episodeOfCare = [links.episode];
  if (occurrence) {
    enc.serviceType = { coding: [coding(ctx.c.codeSystem('activity-kind'), occurrence.kind)] };
    if (enc.status === 'finished') enc.period = { start: occurrence.start, end: occurrence.end };
  }
  return enc;
}

/** The linkId of a template item in Questionnaires and QuestionnaireResponses (unique by construction). */
export function itemLinkId(item: FeedbackItem): string {
  if (item.type === 'text' && item.role !== undefined) return item.role;
  if (item.type === 'scale') return `ratings.${item.id}`;
  if ((item.type === 'goal-link' || item.type === 'expectation-link') && item.about) return 'about';
  return `answers.${item.id}`;
}

function questionnaireItem(item: FeedbackItem, locale: string): QuestionnaireItem {
  const q: QuestionnaireItem = {
    linkId: itemLinkId(item),
    text: localize(item.label, locale),
    type: 'string',
  };
  if (item.required) q.required = true;
  switch (item.type) {
    case 'text':
      q.type = item.multiline || item.role !== undefined ? 'text' : 'string';
      if (item.maxLength !== undefined) q.maxLength = item.maxLength;
      break;
    case 'scale':
      q.type = 'integer';
      q.extension = [
        ext('http://hl7.org/fhir/StructureDefinition/minValue', { valueInteger: 1 }),
        ext('http://hl7.org/fhir/StructureDefinition/maxValue', { valueInteger: 5 }),
      ];
      break;
    case 'choice':
      q.type = 'open-choice';
      if (item.multiple) q.repeats = true;
      q.answerOption = item.options.map((o) => ({ valueString: o.value }));
      break;
    default:
      q.type = 'string';
      if (item.multiple) q.repeats = true;
  }
  return q;
}

/**
 * A feedback template as a Questionnaire. Sections are `group` items with linkId
 * `section.<id>`, so a section id equal to an item id cannot break the unique-linkId rule.
 *
 * @param ctx - the export's URLs
 * @param t - the template
 * @param locale - the language of the texts (the program's locale)
 */
export function templateQuestionnaire(
  ctx: Pick<ExportContext, 'c'>,
  t: FeedbackTemplate,
  locale: string,
): Questionnaire {
  const q: Questionnaire = {
    resourceType: 'Questionnaire',
    url: ctx.c.questionnaire(t.id),
    name: t.id.replace(/[^A-Za-z0-9]/g, '_').replace(/^[^A-Za-z]/, 'Q'),
    title: localize(t.title, locale),
    status: 'active',
    subjectType: [t.mode === 'program' ? 'Group' : 'Patient'],
    item: t.sections.map((s) => ({
      linkId: `section.${s.id}`,
      text: localize(s.title, locale),
      type: 'group',
      item: s.items.map((i) => questionnaireItem(i, locale)),
    })),
  };
  if (t.description !== undefined) q.description = localize(t.description, locale);
  return q;
}

function answersOf(value: string | number | readonly string[]): QuestionnaireResponseItemAnswer[] {
  if (typeof value === 'number')
    return [Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value }];
  if (typeof value === 'string') return value === '' ? [] : [{ valueString: value }];
  return value.filter((v) => v !== '').map((v) => ({ valueString: v }));
}

/** The extension marking an answer that is a list (so `["a"]` does not come back as `"a"`). */
export const LIST_ANSWER_URL = 'list';

function answerItem(
  ctx: Pick<ExportContext, 'c'>,
  linkId: string,
  value: string | number | readonly string[],
): QuestionnaireResponseItem {
  const answer = answersOf(value);
  const item: QuestionnaireResponseItem = answer.length > 0 ? { linkId, answer } : { linkId };
  if (Array.isArray(value))
    item.extension = [
      ext(ctx.c.extension('feedback'), {
        extension: [ext(LIST_ANSWER_URL, { valueBoolean: true })],
      }),
    ];
  return item;
}

/** The items of an entry: nested by the template's sections when it is known, flat otherwise. */
function responseItems(
  ctx: Pick<ExportContext, 'c'>,
  entry: FeedbackEntry,
  template?: FeedbackTemplate,
): QuestionnaireResponseItem[] {
  const flat = new Map<string, QuestionnaireResponseItem>();
  flat.set('strengths', answerItem(ctx, 'strengths', entry.strengths));
  if (entry.suggestions !== undefined && entry.suggestions !== '')
    flat.set('suggestions', answerItem(ctx, 'suggestions', entry.suggestions));
  for (const [k, v] of Object.entries(entry.ratings ?? {}))
    flat.set(`ratings.${k}`, answerItem(ctx, `ratings.${k}`, v));
  for (const [k, v] of Object.entries(entry.answers ?? {}))
    flat.set(`answers.${k}`, answerItem(ctx, `answers.${k}`, v));
  // A template's `about` item (a chosen goal or expectation) answers with the id of what the entry is about.
  if (template && entry.about?.id !== undefined && entry.about.id !== '')
    flat.set('about', answerItem(ctx, 'about', entry.about.id));
  if (!template) return [...flat.values()];
  const out: QuestionnaireResponseItem[] = [];
  for (const s of template.sections) {
    const items: QuestionnaireResponseItem[] = [];
    for (const i of s.items) {
      const item = flat.get(itemLinkId(i));
      if (item) {
        items.push(item);
        flat.delete(itemLinkId(i));
      }
    }
    if (items.length > 0) out.push({ linkId: `section.${s.id}`, item: items });
  }
  // Values the template does not ask for still travel, after the sections.
  return [...out, ...flat.values()];
}

/**
 * A feedback entry as a QuestionnaireResponse (also what the client's saver writes).
 *
 * @internal
 */
export function feedbackResponse(
  ctx: Pick<ExportContext, 'c' | 'identifier'>,
  entry: FeedbackEntry,
  links: { subject: AnyRef; author?: AnyRef | undefined; reviewer?: AnyRef | undefined },
  template?: FeedbackTemplate,
): QuestionnaireResponse {
  const about = entry.about;
  const qr: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    meta: {
      tag: [
        coding(ctx.c.codeSystem('feedback-visibility'), entry.visibility),
        coding(ctx.c.codeSystem('review-status'), entry.review.status),
      ],
    },
    identifier: ctx.identifier('feedback', entry.id),
    status: 'completed',
    subject: links.subject,
    authored: entry.createdAt,
    extension: [
      ext(ctx.c.extension('feedback'), {
        extension: subs([
          ext('source', { valueCode: entry.source }),
          ext('anonymous', { valueBoolean: entry.anonymous }),
          about === undefined
            ? undefined
            : ext('about', {
                extension: subs([
                  ext('type', { valueCode: about.type }),
                  about.id === undefined || about.id === ''
                    ? undefined
                    : ext('id', { valueString: about.id }),
                  about.label === undefined || about.label === ''
                    ? undefined
                    : ext('label', { valueString: about.label }),
                ]),
              }),
          ...(entry.review.flags ?? []).map((f) => ext('reviewFlag', { valueCode: f })),
          links.reviewer === undefined
            ? undefined
            : ext('reviewedBy', { valueReference: links.reviewer }),
          entry.review.reviewedAt === undefined
            ? undefined
            : ext('reviewedAt', { valueDateTime: entry.review.reviewedAt }),
        ]),
      }),
    ],
    item: responseItems(ctx, entry, template),
  };
  if (entry.templateId !== undefined) qr.questionnaire = ctx.c.questionnaire(entry.templateId);
  if (!entry.anonymous && links.author) qr.author = links.author;
  return qr;
}

/** Exports attendance, templates and feedback. @internal */
export function exportRecords(
  ctx: ExportContext,
  occurrences: ReadonlyMap<string, Occurrence>,
  templates: readonly FeedbackTemplate[],
): void {
  const { doc } = ctx;
  for (const r of doc.records.attendance) {
    const occ = occurrences.get(r.occurrenceId);
    const appointment: AnyRef = occ
      ? ctx.ref('occurrence', r.occurrenceId)
      : { type: 'Appointment', identifier: ctx.identifier('occurrence', r.occurrenceId) };
    ctx.add(
      'attendance',
      attendanceKey(r),
      attendanceEncounter(
        ctx,
        r,
        {
          patient: ctx.ref('participant', r.participantId),
          appointment,
          episode: { reference: ctx.url('participant', `episode:${r.participantId}`) },
        },
        occ,
      ),
    );
  }
  const byId = new Map(templates.map((t) => [t.id, t]));
  for (const t of templates) ctx.addCanonical(templateQuestionnaire(ctx, t, doc.program.locale));
  const personRef = (id: string): AnyRef | undefined =>
    ctx.staff.has(id)
      ? ctx.ref('staff', id)
      : ctx.participants.has(id)
        ? ctx.ref('participant', id)
        : undefined;
  for (const f of doc.records.feedback) {
    const subject =
      f.subjectId === undefined
        ? ctx.ref('program', doc.program.id, doc.program.name)
        : ctx.ref('participant', f.subjectId);
    ctx.add(
      'feedback',
      f.id,
      feedbackResponse(
        ctx,
        f,
        {
          subject,
          author: f.authorId === undefined ? undefined : personRef(f.authorId),
          reviewer: f.review.reviewedBy === undefined ? undefined : personRef(f.review.reviewedBy),
        },
        f.templateId === undefined ? undefined : byId.get(f.templateId),
      ),
    );
  }
}
