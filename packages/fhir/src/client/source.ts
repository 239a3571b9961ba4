/**
 * `createFhirSource`: the schedule resource a board reads, computed from a FHIR REST server,
 * and a saver that writes feedback and attendance back to it.
 *
 * @module
 */
import {
  DISPLAY_NAME_POLICIES,
  emptyStretchOptions,
  formatInstant,
  isLocalDate,
  OccurrencesResponseSchema,
  parseInstant,
  SETTINGS,
  ScheduleRangeError,
  zonedToInstant,
  ACTIVITY_KINDS,
  type ActivityKind,
  type DisplayNamePolicy,
  type InstantInput,
  type Issue,
  type OccurrencesResponse,
  type OccurrenceView,
  type PersonRef,
  type Setting,
} from '@milieu/core';
import type { Appointment, Encounter, Group, Patient, PlanDefinition } from '@medplum/fhirtypes';
import { canon, type Canon } from '../constants.js';
import { findExt } from '../util.js';
import { sub } from '../import/bundle.js';
import { FhirClient, FhirError, type HeadersOption } from './http.js';
import { createSaver, type FhirSaver } from './saver.js';
import { appointmentView, DEFAULT_POLICY, Included, personRef, type Viewer } from './views.js';

/** Options of {@link createFhirSource}. */
export interface FhirSourceOptions {
  /** The FHIR base URL, e.g. `https://ehr.example.org/fhir/R4`. Paging never leaves it. */
  baseUrl: string;
  /**
   * The unit: the id of its `Group` (`"123"` or `"Group/123"`), or the identifier of the
   * program (`{ system, value }`, as `toFhir` writes it).
   */
  unit: string | { system: string; value: string };
  /** The fetch to use (default `globalThis.fetch`): pass one that adds credentials or runs through your proxy. */
  fetch?: typeof fetch;
  /** Headers for every request, e.g. `() => ({ Authorization: \`Bearer ${token()}\` })`. */
  headers?: HeadersOption;
  /** The canonical base of the milieu extensions and identifiers (as given to `toFhir`). */
  canonicalBase?: string;
  /** Page size of searches (`_count`); default 200. */
  pageSize?: number;
  /** The most pages one search follows; default 50. */
  maxPages?: number;
  /** The zone to use when the unit Group does not name one; default `UTC`. */
  timeZone?: string;
  /** Told about each Appointment left out because it is not a valid occurrence. */
  onWarning?: (issue: Issue) => void;
}

/** What {@link FhirSource.occurrences} takes: the range, who is looking, and filters. */
export interface FhirOccurrencesQuery {
  /** Range start: a date `YYYY-MM-DD` (midnight in the program's zone), an instant with offset, a `Date` or epoch ms. */
  from: InstantInput;
  /** Range end (exclusive), in the same forms. */
  to: InstantInput;
  /** Who is looking: `staff`, `{ role: 'participant', participantId }` or `kiosk`. */
  viewer: Viewer;
  /** Keep cancelled occurrences (default `true`). */
  includeCancelled?: boolean;
}

/** A schedule source on a FHIR server (see {@link createFhirSource}). */
export interface FhirSource {
  /**
   * The schedule resource (`OccurrencesResponse`, the body of `GET /api/v1/occurrences`) for
   * a range and a viewer: the unit's Appointments overlapping the range, reduced to what the
   * viewer may see. Rejects with a {@link FhirError} when the server fails, and with a
   * `ScheduleRangeError` (from `@milieu/core`) on a malformed or reversed range.
   */
  occurrences(query: FhirOccurrencesQuery): Promise<OccurrencesResponse>;
  /** Writes feedback (QuestionnaireResponse) and attendance (Encounter), idempotently. */
  readonly saver: FhirSaver;
}

interface Unit {
  /** The URLs, with identifier systems scoped to the unit's program. */
  c: Canon;
  group: Group;
  ref: string;
  name: string;
  zone: string;
  locale: string;
  setting: Setting | undefined;
  policy: DisplayNamePolicy;
  kinds: Map<string, ActivityKind>;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

async function readUnit(client: FhirClient, c: Canon, o: FhirSourceOptions): Promise<Unit> {
  let group: Group;
  if (typeof o.unit === 'string') {
    const id = o.unit.replace(/^Group\//, '');
    group = (await client.request<Group>('GET', `Group/${encodeURIComponent(id)}`)).resource;
  } else {
    const found = await client.search(
      `Group?identifier=${encodeURIComponent(`${o.unit.system}|${o.unit.value}`)}`,
    );
    const hit = found.entry?.find((e) => e.resource?.resourceType === 'Group')?.resource as
      Group | undefined;
    if (!hit) {
      throw new FhirError(
        'not_found',
        `FHIR: no Group with identifier ${o.unit.system}|${o.unit.value}`,
        client.url('Group'),
        404,
      );
    }
    group = hit;
  }
  if (group.resourceType !== 'Group' || !group.id) {
    throw new FhirError(
      'invalid_response',
      'FHIR: the unit is not a Group with an id',
      client.url('Group'),
    );
  }
  const e = findExt(group, c.extension('program'));
  const program = group.identifier?.find((i) => i.system === c.identifier('program'));
  const unit: Unit = {
    c: canon(c.base, program?.value ?? group.id),
    group,
    ref: `Group/${group.id}`,
    name: group.name ?? '',
    zone: sub(e, 'timeZone')?.valueCode ?? o.timeZone ?? 'UTC',
    locale: sub(e, 'locale')?.valueCode ?? 'en',
    setting: oneOf(SETTINGS, sub(e, 'setting')?.valueCode),
    policy: oneOf(DISPLAY_NAME_POLICIES, sub(e, 'displayNames')?.valueCode) ?? DEFAULT_POLICY,
    kinds: new Map(),
  };
  // The unit's timetable: routine kinds by routine id, for Appointments without a kind.
  if (program?.value) {
    const plans = await client.search(
      `PlanDefinition?identifier=${encodeURIComponent(`${program.system}|${program.value}`)}`,
    );
    for (const entry of plans.entry ?? []) {
      const plan = entry.resource as PlanDefinition | undefined;
      for (const action of plan?.action ?? []) {
        const routineId = action.definitionCanonical?.split('/').pop();
        const code = action.code
          ?.flatMap((x) => x.coding ?? [])
          .find((x) => x.system === c.codeSystem('activity-kind'))?.code;
        const kind = oneOf(ACTIVITY_KINDS, code);
        if (routineId && kind) unit.kinds.set(decodeURIComponent(routineId), kind);
      }
    }
  }
  return unit;
}

function boundMs(value: InstantInput, zone: string, name: string): number {
  if (typeof value === 'string' && isLocalDate(value))
    return zonedToInstant(value, '00:00', zone).ms;
  const ms =
    typeof value === 'string'
      ? parseInstant(value)
      : value instanceof Date
        ? value.getTime()
        : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new ScheduleRangeError(
      name,
      `expected a date YYYY-MM-DD or an instant with an offset, got ${String(value)}`,
    );
  }
  return ms;
}

/**
 * Creates a schedule source on a FHIR R4 REST server, so a portal on a FHIR backend needs no
 * `@milieu/server`. It reads the unit's `Group` (name, zone, locale, setting and shared-screen
 * naming from the milieu `program` extension), its `PlanDefinition` and the `Appointment`s
 * that name the unit in `supportingInformation` (as `toFhir` writes them) with `date` in the
 * range, following `Bundle.link[next]`; for staff it brings the attendance `Encounter`s along
 * (`_revinclude`). The result is core's `OccurrencesResponse`, reduced for the viewer exactly
 * as the reference server reduces it.
 *
 * @param options - base URL, unit, fetch, headers, paging
 * @example
 * ```ts
 * const source = createFhirSource({ baseUrl: 'https://ehr.example.org/fhir/R4', unit: 'unit-4w' });
 * const week = await source.occurrences({ from: '2026-03-09', to: '2026-03-16', viewer: { role: 'kiosk' } });
 * // week is an OccurrencesResponse: answer GET /api/v1/occurrences with it.
 * ```
 */
export function createFhirSource(options: FhirSourceOptions): FhirSource {
  const c = canon(options.canonicalBase);
  const client = new FhirClient(options);
  const pageSize = options.pageSize ?? 200;
  let unitPromise: Promise<Unit> | undefined;
  const unit = (): Promise<Unit> => {
    unitPromise ??= readUnit(client, c, options).catch((error: unknown) => {
      unitPromise = undefined;
      throw error;
    });
    return unitPromise;
  };

  async function occurrences(q: FhirOccurrencesQuery): Promise<OccurrencesResponse> {
    const u = await unit();
    const fromMs = boundMs(q.from, u.zone, 'from');
    const toMs = boundMs(q.to, u.zone, 'to');
    if (toMs < fromMs)
      throw new ScheduleRangeError('to', `${String(q.to)} is before from ${String(q.from)}`);
    // An occurrence lasts less than a day: one that started up to 24 h before `from` may overlap.
    const since = new Date(fromMs - 86_400_000).toISOString();
    const until = new Date(toMs).toISOString();
    const includes =
      '&_include=Appointment:actor' +
      (q.viewer.role === 'staff' ? '&_revinclude=Encounter:appointment' : '');
    const bundle = await client.search(
      `Appointment?supporting-info=${encodeURIComponent(u.ref)}&date=ge${encodeURIComponent(since)}&date=lt${encodeURIComponent(until)}&_count=${pageSize}${includes}`,
    );
    const included = new Included();
    const appointments: { a: Appointment; ref: string }[] = [];
    const encounters = new Map<string, Encounter[]>();
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (!r) continue;
      included.add(r, entry.fullUrl);
      if (r.resourceType === 'Appointment' && entry.search?.mode !== 'include') {
        appointments.push({ a: r, ref: `Appointment/${r.id ?? ''}` });
      }
      if (r.resourceType === 'Encounter') {
        for (const ap of r.appointment ?? []) {
          const key = ap.reference?.replace(/^.*?(Appointment\/[^/]+)$/, '$1');
          if (!key) continue;
          const list = encounters.get(key) ?? [];
          list.push(r);
          encounters.set(key, list);
        }
      }
    }
    const ctx = {
      c: u.c,
      zone: u.zone,
      viewer: q.viewer,
      policy: u.policy,
      included,
      kinds: u.kinds,
      encounters,
    };
    const views: OccurrenceView[] = [];
    const seen = new Set<string>();
    for (const { a, ref } of appointments) {
      const startMs = a.start ? parseInstant(a.start) : NaN;
      const endMs = a.end ? parseInstant(a.end) : NaN;
      const overlaps =
        endMs > startMs ? startMs < toMs && endMs > fromMs : startMs >= fromMs && startMs < toMs;
      if (!overlaps) continue;
      if (q.includeCancelled === false && a.status === 'cancelled') continue;
      const view = appointmentView(ctx, a, ref);
      if (!view) {
        if (q.viewer.role !== 'participant')
          options.onWarning?.({
            path: ref,
            code: 'invalid_value',
            message: `${ref} is not a valid occurrence; left out`,
          });
        continue;
      }
      if (seen.has(view.id)) continue;
      seen.add(view.id);
      views.push(view);
    }
    views.sort(
      (x, y) =>
        parseInstant(x.start) - parseInstant(y.start) ||
        parseInstant(x.end) - parseInstant(y.end) ||
        (x.id < y.id ? -1 : 1),
    );
    const response: OccurrencesResponse = {
      program: { name: u.name, timeZone: u.zone, locale: u.locale, displayNames: u.policy },
      timeZone: u.zone,
      from: formatInstant(fromMs, u.zone),
      to: formatInstant(toMs, u.zone),
      occurrences: views,
    };
    const stretch = u.setting ? emptyStretchOptions(u.setting) : undefined;
    if (stretch) response.emptyStretch = stretch;
    if (q.viewer.role === 'participant') {
      const me = await participantRef(q.viewer.participantId);
      if (me) response.participant = me;
    }
    const checked = OccurrencesResponseSchema.safeParse(response);
    if (!checked.success) {
      throw new FhirError(
        'invalid_response',
        `FHIR: the schedule built from ${client.base} is not a valid OccurrencesResponse: ${checked.error.issues[0]?.message ?? ''}`,
        client.base,
      );
    }
    return response;
  }

  async function participantRef(participantId: string): Promise<PersonRef | undefined> {
    const u = await unit();
    const found = await client.search(
      `Patient?identifier=${encodeURIComponent(`${u.c.identifier('participant')}|${participantId}`)}`,
    );
    const patient = found.entry?.[0]?.resource as Patient | undefined;
    const ref = personRef(
      {
        c: u.c,
        zone: u.zone,
        viewer: { role: 'participant', participantId },
        policy: u.policy,
        included: new Included(),
        kinds: u.kinds,
        encounters: new Map(),
      },
      patient,
      undefined,
      'participant',
    );
    return ref ? { ...ref, id: participantId } : { id: participantId, name: participantId };
  }

  return { occurrences, saver: createSaver(client, unit) };
}
