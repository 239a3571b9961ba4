/**
 * Importing records and transitions: attendance from Encounters, feedback from
 * QuestionnaireResponses, transitions from CarePlans (with their Consents).
 *
 * @module
 */
import {
  ATTENDANCE_STATUSES,
  CONSENT_BASES,
  FEEDBACK_ABOUT_TYPES,
  FEEDBACK_SOURCES,
  FEEDBACK_VISIBILITIES,
  isLocalDate,
  OCCURRENCE_ID_PATTERN,
  PLAN_TASK_KINDS,
  REVIEW_FLAGS,
  REVIEW_STATUSES,
  TRANSITION_TYPES,
  type AttendanceRecord,
  type FeedbackEntry,
  type PlanTask,
  type Transition,
} from '@milieu/core';
import type {
  Appointment,
  CarePlan,
  Consent,
  Encounter,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes';
import { findExt, identifierValue } from '../util.js';
import { TASK_STATUS } from '../export/transitions.js';
import { LIST_ANSWER_URL } from '../export/records.js';
import { dateOf, sub, subsOf, type BundleIndex } from './bundle.js';

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** Reads attendance from Encounters linked to an occurrence Appointment. */
export function readAttendance(
  ix: BundleIndex,
  occurrenceOf: (a: Appointment) => string | undefined,
): AttendanceRecord[] {
  const out: AttendanceRecord[] = [];
  const seen = new Set<string>();
  for (const located of ix.all<Encounter>('Encounter')) {
    try {
      const { resource: e, pointer } = located;
      const key = identifierValue(e, ix.c.identifier('attendance'));
      let occurrenceId = key?.slice(0, key.lastIndexOf('/'));
      let participantId = ix.refId('participant', 'Patient', e.subject);
      if (!occurrenceId || !OCCURRENCE_ID_PATTERN.test(occurrenceId)) {
        const appt = e.appointment?.[0];
        const hit = ix.resolve(appt);
        occurrenceId =
          hit?.resource.resourceType === 'Appointment'
            ? occurrenceOf(hit.resource as Appointment)
            : appt?.identifier?.system === ix.c.identifier('occurrence')
              ? appt.identifier.value
              : undefined;
      }
      if (participantId === undefined && key) participantId = key.slice(key.lastIndexOf('/') + 1);
      if (
        !occurrenceId ||
        !OCCURRENCE_ID_PATTERN.test(occurrenceId) ||
        participantId === undefined
      ) {
        ix.issue(
          pointer,
          'unknown_reference',
          'an Encounter that names no occurrence Appointment and Patient is not attendance; skipped',
        );
        continue;
      }
      const status =
        oneOf(ATTENDANCE_STATUSES, findExt(e, ix.c.extension('attendance-status'))?.valueCode) ??
        (e.status === 'finished' || e.status === 'in-progress' || e.status === 'arrived'
          ? 'present'
          : 'absent');
      if (seen.has(`${occurrenceId}/${participantId}`)) {
        ix.issue(
          pointer,
          'duplicate_value',
          `a second Encounter for ${occurrenceId} and ${participantId} is skipped`,
        );
        continue;
      }
      seen.add(`${occurrenceId}/${participantId}`);
      const record: AttendanceRecord = { occurrenceId, participantId, status };
      const note = findExt(e, ix.c.extension('attendance-note'))?.valueString;
      if (note) record.note = note;
      ix.origins.set(record, pointer);
      out.push(record);
    } catch (error) {
      ix.skip(located, error);
    }
  }
  return out;
}

function walk(
  items: QuestionnaireResponseItem[] | undefined,
  visit: (i: QuestionnaireResponseItem) => void,
): void {
  for (const i of items ?? []) {
    visit(i);
    walk(i.item, visit);
    for (const a of i.answer ?? []) walk(a.item, visit);
  }
}

/** Reads feedback entries from QuestionnaireResponses. */
export function readFeedback(ix: BundleIndex, unitId: string | undefined): FeedbackEntry[] {
  const out: FeedbackEntry[] = [];
  for (const located of ix.all<QuestionnaireResponse>('QuestionnaireResponse')) {
    try {
      const { resource: qr, pointer } = located;
      const e = findExt(qr, ix.c.extension('feedback'));
      let strengths: string | undefined;
      let suggestions: string | undefined;
      const ratings: Record<string, 1 | 2 | 3 | 4 | 5> = {};
      const answers: Record<string, string | number | string[]> = {};
      const texts: string[] = [];
      walk(qr.item, (i) => {
        const values = (i.answer ?? []).map(
          (a) =>
            a.valueString ??
            a.valueCoding?.code ??
            a.valueInteger ??
            a.valueDecimal ??
            a.valueBoolean?.toString() ??
            a.valueDate,
        );
        const first = values[0];
        if (i.linkId === 'strengths' && typeof first === 'string') strengths = first;
        else if (i.linkId === 'suggestions' && typeof first === 'string') suggestions = first;
        else if (
          i.linkId.startsWith('ratings.') &&
          typeof first === 'number' &&
          [1, 2, 3, 4, 5].includes(first)
        )
          ratings[i.linkId.slice(8)] = first as 1 | 2 | 3 | 4 | 5;
        else if (i.linkId.startsWith('answers.')) {
          const key = i.linkId.slice(8);
          const strings = values.filter((v): v is string => typeof v === 'string');
          const list =
            sub(findExt(i, ix.c.extension('feedback')), LIST_ANSWER_URL)?.valueBoolean === true;
          answers[key] =
            !list && values.length === 1 && (typeof first === 'number' || typeof first === 'string')
              ? first
              : strings;
        } else if (i.linkId === 'about') {
          // The entry's `about` comes from the feedback extension; this item only mirrors its id.
        } else if (i.answer && typeof first === 'string') texts.push(first);
      });
      // A foreign response has no strengths item: its first text answer is the closest thing.
      strengths ??= texts[0];
      if (!strengths) {
        ix.issue(
          `${pointer}/item`,
          'required',
          'a QuestionnaireResponse without a text answer cannot be a feedback entry (it names a strength first); skipped',
        );
        continue;
      }
      const tag = (name: 'feedback-visibility' | 'review-status'): string | undefined =>
        qr.meta?.tag?.find((t) => t.system === ix.c.codeSystem(name))?.code;
      const subjectPatient = ix.refId('participant', 'Patient', qr.subject);
      const source =
        oneOf(FEEDBACK_SOURCES, sub(e, 'source')?.valueCode) ??
        (subjectPatient === undefined ? 'program' : 'staff');
      const entry: FeedbackEntry = {
        id: ix.idOf('feedback', qr),
        createdAt:
          typeof qr.authored === 'string' && /T.*([+-]\d{2}:\d{2}|Z)$/.test(qr.authored)
            ? qr.authored
            : '1970-01-01T00:00:00Z',
        source,
        strengths,
        visibility: oneOf(FEEDBACK_VISIBILITIES, tag('feedback-visibility')) ?? 'staff',
        anonymous: sub(e, 'anonymous')?.valueBoolean === true,
        review: { status: oneOf(REVIEW_STATUSES, tag('review-status')) ?? 'pending' },
      };
      if (entry.createdAt === '1970-01-01T00:00:00Z')
        ix.issue(
          `${pointer}/authored`,
          'invalid_instant',
          'no authored instant with an offset: 1970-01-01T00:00:00Z was used',
        );
      if (subjectPatient !== undefined && source !== 'program') entry.subjectId = subjectPatient;
      const author =
        ix.refId('staff', 'Practitioner', qr.author) ??
        ix.refId('participant', 'Patient', qr.author) ??
        ix.refId('participant', 'Patient', qr.source);
      if (author !== undefined && !entry.anonymous) entry.authorId = author;
      if (suggestions !== undefined) entry.suggestions = suggestions;
      if (Object.keys(ratings).length) entry.ratings = ratings;
      if (Object.keys(answers).length) entry.answers = answers;
      const about = sub(e, 'about');
      const aboutType = oneOf(FEEDBACK_ABOUT_TYPES, sub(about, 'type')?.valueCode);
      if (aboutType) {
        entry.about = { type: aboutType };
        const id = sub(about, 'id')?.valueString;
        const label = sub(about, 'label')?.valueString;
        if (id) entry.about.id = id;
        if (label) entry.about.label = label;
      }
      const flags = subsOf(e, 'reviewFlag')
        .map((f) => oneOf(REVIEW_FLAGS, f.valueCode))
        .filter((f) => f !== undefined);
      if (flags.length) entry.review.flags = flags;
      const reviewer = ix.refId('staff', 'Practitioner', sub(e, 'reviewedBy')?.valueReference);
      if (reviewer !== undefined) entry.review.reviewedBy = reviewer;
      const reviewedAt = sub(e, 'reviewedAt')?.valueDateTime;
      if (reviewedAt) entry.review.reviewedAt = reviewedAt;
      const questionnaire = qr.questionnaire;
      if (questionnaire) {
        const prefix = `${ix.c.base}/Questionnaire/`;
        entry.templateId = questionnaire.startsWith(prefix)
          ? decodeURIComponent(questionnaire.slice(prefix.length))
          : questionnaire;
      }
      if (unitId !== undefined && source === 'program') delete entry.subjectId;
      ix.origins.set(entry, pointer);
      out.push(entry);
    } catch (error) {
      ix.skip(located, error);
    }
  }
  return out;
}

const FROM_TASK_STATUS = new Map<string, PlanTask['status']>(
  Object.entries(TASK_STATUS).map(([k, v]) => [v, k as PlanTask['status']]),
);

/** Reads transitions from the milieu CarePlans (category from the transition-type code system). */
export function readTransitions(ix: BundleIndex): Transition[] {
  const out: Transition[] = [];
  for (const located of ix.all<CarePlan>('CarePlan')) {
    try {
      const { resource: plan, pointer } = located;
      const type = oneOf(
        TRANSITION_TYPES,
        plan.category
          ?.flatMap((c) => c.coding ?? [])
          .find((c) => c.system === ix.c.codeSystem('transition-type'))?.code,
      );
      if (!type) continue;
      const e = findExt(plan, ix.c.extension('transition'));
      const effectiveDate =
        dateOf(sub(e, 'effectiveDate')?.valueDate) ?? dateOf(plan.period?.start);
      if (!effectiveDate) {
        ix.issue(pointer, 'required', 'a transition CarePlan without an effective date is skipped');
        continue;
      }
      const consents = new Map<string, Consent>();
      for (const r of plan.supportingInfo ?? []) {
        const hit = ix.resolve(r);
        if (hit?.resource.resourceType !== 'Consent') continue;
        const task = sub(
          findExt(hit.resource as Consent, ix.c.extension('plan-task')),
          'task',
        )?.valueString;
        if (task) consents.set(task, hit.resource as Consent);
      }
      const t: Transition = {
        id: ix.idOf('transition', plan),
        type,
        effectiveDate,
        plan: (plan.activity ?? []).flatMap((a, i): PlanTask[] => {
          const d = a.detail;
          const te = findExt(d, ix.c.extension('plan-task'));
          const id = sub(te, 'task')?.valueString ?? `task-${i + 1}`;
          const kind =
            oneOf(
              PLAN_TASK_KINDS,
              d?.code?.coding?.find((c) => c.system === ix.c.codeSystem('plan-task-kind'))?.code,
            ) ?? 'other';
          const task: PlanTask = {
            id,
            kind,
            status: FROM_TASK_STATUS.get(d?.status ?? '') ?? 'todo',
          };
          const due = dateOf(sub(te, 'dueDate')?.valueDate);
          if (due) task.dueDate = due;
          if (d?.scheduledPeriod?.start) task.at = d.scheduledPeriod.start;
          if (d?.description) task.note = d.description;
          const c = consents.get(id);
          if (c) {
            const parties = (c.performer ?? [])
              .map(
                (r) =>
                  ix.refId('participant', 'Patient', r) ?? ix.refId('staff', 'Practitioner', r),
              )
              .filter((x): x is string => x !== undefined);
            const recordedOn = dateOf(c.dateTime);
            if (recordedOn && parties.length) {
              task.consent = { recordedOn, parties: [...new Set(parties)] };
              const basis = oneOf(
                CONSENT_BASES,
                sub(findExt(c, ix.c.extension('plan-task')), 'basis')?.valueCode,
              );
              if (basis) task.consent.basis = basis;
            }
          }
          return [task];
        }),
      };
      const pid = ix.refId('participant', 'Patient', plan.subject);
      if (pid !== undefined) t.participantId = pid;
      const staff = ix.refId('staff', 'Practitioner', sub(e, 'staff')?.valueReference);
      const successor = ix.refId('staff', 'Practitioner', sub(e, 'successorStaff')?.valueReference);
      if (staff !== undefined) t.staffId = staff;
      if (successor !== undefined) t.successorStaffId = successor;
      const announced = dateOf(sub(e, 'announcedDate')?.valueDate);
      if (announced && announced <= effectiveDate) t.announcedDate = announced;
      const created = dateOf(plan.created);
      if (created && isLocalDate(created)) t.createdOn = created;
      ix.origins.set(t, pointer);
      out.push(t);
    } catch (error) {
      ix.skip(located, error);
    }
  }
  return out;
}
