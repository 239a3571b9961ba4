/**
 * The saver: what the feedback form and the attendance sheet save, written to a FHIR server
 * as a `QuestionnaireResponse` or an `Encounter`, idempotently.
 *
 * Each write is a conditional create (`If-None-Exist: identifier=…`) on the record's milieu
 * identifier — the entry id (which the form keeps across retries) or `occurrence/participant`
 * — so a retry after a lost response never makes a second resource. Attendance is "last write
 * wins" as in the HTTP contract: when the Encounter exists with another status, it is updated
 * with `If-Match` on the version just read.
 *
 * @module
 */
import { ATTENDANCE_PATH_SUFFIX } from './paths.js';
import {
  FEEDBACK_PATH,
  parseAttendanceRecord,
  parseFeedbackEntry,
  type AttendanceRecord,
  type FeedbackEntry,
  type FeedbackTemplate,
  type Setting,
} from '@milieu/core';
import type { Appointment, Encounter, Group, Reference, Resource } from '@medplum/fhirtypes';
import type { Canon, IdentifierKind } from '../constants.js';
import { attendanceEncounter, attendanceKey, feedbackResponse } from '../export/records.js';
import { findExt, identifierValue, type AnyRef } from '../util.js';
import { FhirError, type FhirClient } from './http.js';

/** How a save ended. */
export interface SaveOutcome<T> {
  /** The record as saved. */
  value: T;
  /** The FHIR resource's `Type/id` on the server. */
  resource: string;
  /** `true` when this call created it; `false` when it was already there (a retry). */
  created: boolean;
}

/** Writes what the feedback form and attendance sheet save (see {@link createFhirSource}). */
export interface FhirSaver {
  /**
   * Saves a feedback entry as a QuestionnaireResponse (conditional create on the entry id).
   *
   * @param entry - the entry the form built (validated with core's schema first)
   * @param template - the template it was made with, to nest answers by its sections
   * @throws FhirError `invalid_entry` (with located `issues`) or a server error
   */
  saveFeedback(
    entry: FeedbackEntry,
    template?: FeedbackTemplate,
  ): Promise<SaveOutcome<FeedbackEntry>>;
  /**
   * Saves one attendance record as an Encounter (conditional create on
   * `occurrence/participant`; an existing one with another status or note is updated).
   *
   * @throws FhirError `invalid_entry` (with located `issues`) or a server error
   */
  saveAttendance(record: AttendanceRecord): Promise<SaveOutcome<AttendanceRecord>>;
  /**
   * A `fetch` speaking the Milieu HTTP contract, for widgets that POST: `POST …/api/v1/feedback`
   * (with `Idempotency-Key`) answers `201 { entry }`, `POST …/api/v1/attendance` answers
   * `200 { record }`; errors use the contract's `ErrorBody` (`invalid_entry` 400, `not_found`
   * 404, `unavailable` 503 when the FHIR server failed and a retry may help). Give it to the
   * feedback form as its `fetcher`.
   */
  fetch: typeof fetch;
}

interface UnitInfo {
  c: Canon;
  ref: string;
  name: string;
  setting: Setting | undefined;
  group: Group;
}

/** @internal */
export function createSaver(client: FhirClient, unit: () => Promise<UnitInfo>): FhirSaver {
  // The unit's URLs (identifier systems scoped to its program), set by the first save.
  let c: Canon | undefined;
  const urls = async (): Promise<{ u: UnitInfo; c: Canon }> => {
    const u = await unit();
    c = u.c;
    return { u, c };
  };
  const sys = (kind: IdentifierKind): string => (c as Canon).identifier(kind);
  const cache = new Map<string, Promise<Reference | undefined>>();

  /** A literal reference to the resource with a milieu identifier, else a logical one. */
  function find(kind: IdentifierKind, type: string, id: string): Promise<Reference | undefined> {
    const key = `${type}|${kind}|${id}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = client
        .search(`${type}?identifier=${encodeURIComponent(`${sys(kind)}|${id}`)}&_count=1`)
        .then((b) => {
          const r = b.entry?.[0]?.resource as Resource | undefined;
          return r?.id ? { reference: `${type}/${r.id}` } : undefined;
        });
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    return hit;
  }
  const logical = (kind: IdentifierKind, type: string, id: string): AnyRef =>
    ({ type, identifier: { system: sys(kind), value: id } }) as AnyRef;
  const person = async (id: string): Promise<AnyRef> =>
    ((await find('staff', 'Practitioner', id)) ??
      (await find('participant', 'Patient', id)) ??
      logical('participant', 'Patient', id)) as AnyRef;

  const contextOf = (canon: Canon) => ({
    c: canon,
    identifier: (kind: IdentifierKind, value: string) => ({
      system: canon.identifier(kind),
      value,
    }),
  });

  async function saveFeedback(
    input: FeedbackEntry,
    template?: FeedbackTemplate,
  ): Promise<SaveOutcome<FeedbackEntry>> {
    const parsed = parseFeedbackEntry(input);
    if (!parsed.ok) {
      throw new FhirError(
        'invalid_entry',
        `feedback entry: ${parsed.issues[0]?.path ?? ''} ${parsed.issues[0]?.message ?? ''}`,
        '',
        undefined,
        undefined,
        parsed.issues,
      );
    }
    const entry = parsed.value;
    const { u, c } = await urls();
    const ctx = contextOf(c);
    const subject: AnyRef =
      entry.subjectId === undefined
        ? ({ reference: u.ref, display: u.name } as AnyRef)
        : (((await find('participant', 'Patient', entry.subjectId)) ??
            logical('participant', 'Patient', entry.subjectId)) as AnyRef);
    const qr = feedbackResponse(
      ctx,
      entry,
      {
        subject,
        author:
          entry.authorId === undefined || entry.anonymous
            ? undefined
            : await person(entry.authorId),
        reviewer:
          entry.review.reviewedBy === undefined ? undefined : await person(entry.review.reviewedBy),
      },
      template,
    );
    const { resource, status } = await client.request<Resource>(
      'POST',
      'QuestionnaireResponse',
      qr,
      {
        'If-None-Exist': `identifier=${c.identifier('feedback')}|${entry.id}`,
      },
    );
    return {
      value: entry,
      resource: `QuestionnaireResponse/${resource.id ?? ''}`,
      created: status === 201,
    };
  }

  async function saveAttendance(input: AttendanceRecord): Promise<SaveOutcome<AttendanceRecord>> {
    const parsed = parseAttendanceRecord(input);
    if (!parsed.ok) {
      throw new FhirError(
        'invalid_entry',
        `attendance record: ${parsed.issues[0]?.path ?? ''} ${parsed.issues[0]?.message ?? ''}`,
        '',
        undefined,
        undefined,
        parsed.issues,
      );
    }
    const record = parsed.value;
    const { u, c } = await urls();
    const ctx = contextOf(c);
    const found = await client.search(
      `Appointment?identifier=${encodeURIComponent(`${c.identifier('occurrence')}|${record.occurrenceId}`)}&_count=1`,
    );
    const appt = found.entry?.[0]?.resource as Appointment | undefined;
    const patient =
      (await find('participant', 'Patient', record.participantId)) ??
      logical('participant', 'Patient', record.participantId);
    const kind = appt?.serviceType
      ?.flatMap((s) => s.coding ?? [])
      .find((x) => x.system === c.codeSystem('activity-kind'))?.code;
    const encounter = attendanceEncounter(
      {
        ...ctx,
        ref: () => ({}) as AnyRef,
        doc: { program: { setting: u.setting ?? 'outpatient' } },
      },
      record,
      {
        patient: patient as AnyRef,
        appointment: (appt?.id
          ? { reference: `Appointment/${appt.id}` }
          : logical('occurrence', 'Appointment', record.occurrenceId)) as AnyRef,
      },
      appt?.start && appt.end && kind
        ? { start: appt.start, end: appt.end, kind: kind as never }
        : undefined,
    );
    const condition = `identifier=${c.identifier('attendance')}|${attendanceKey(record)}`;
    const { resource, status } = await client.request<Encounter>('POST', 'Encounter', encounter, {
      'If-None-Exist': condition,
    });
    const created = status === 201;
    if (!created && resource.id) {
      const same =
        findExt(resource, c.extension('attendance-status'))?.valueCode === record.status &&
        (findExt(resource, c.extension('attendance-note'))?.valueString ?? '') ===
          (record.note ?? '') &&
        identifierValue(resource, c.identifier('attendance')) === attendanceKey(record);
      if (!same) {
        const version = resource.meta?.versionId;
        await client.request<Encounter>(
          'PUT',
          `Encounter/${resource.id}`,
          { ...encounter, id: resource.id },
          version ? { 'If-Match': `W/"${version}"` } : {},
        );
      }
    }
    return { value: record, resource: `Encounter/${resource.id ?? ''}`, created };
  }

  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const failure = (error: unknown): Response => {
    if (error instanceof FhirError) {
      if (error.code === 'invalid_entry')
        return json(400, {
          error: { code: 'invalid_entry', message: error.message, issues: error.issues },
        });
      if (error.retryable)
        return json(503, { error: { code: 'unavailable', message: error.message } });
      return json(error.status === 404 ? 404 : 502, {
        error: {
          code: error.status === 404 ? 'not_found' : 'server_error',
          message: error.message,
        },
      });
    }
    return json(500, {
      error: {
        code: 'server_error',
        message: error instanceof Error ? error.message : 'unexpected error',
      },
    });
  };

  const adapter = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (
      init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')
    ).toUpperCase();
    const path = new URL(url, 'http://local.invalid/').pathname;
    if (
      method !== 'POST' ||
      !(path.endsWith(FEEDBACK_PATH) || path.endsWith(ATTENDANCE_PATH_SUFFIX))
    ) {
      return json(404, {
        error: { code: 'not_found', message: `${method} ${path} is not saved to FHIR` },
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(typeof init?.body === 'string' ? init.body : '');
    } catch {
      return json(400, { error: { code: 'invalid_json', message: 'the body is not JSON' } });
    }
    try {
      if (path.endsWith(FEEDBACK_PATH)) {
        const saved = await saveFeedback(body as FeedbackEntry);
        return json(201, { entry: saved.value });
      }
      const saved = await saveAttendance(body as AttendanceRecord);
      return json(200, { record: saved.value });
    } catch (error) {
      return failure(error);
    }
  }) as typeof fetch;

  return { saveFeedback, saveAttendance, fetch: adapter };
}
