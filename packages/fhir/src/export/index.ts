/**
 * `toFhir`: a milieu document as a FHIR R4 `Bundle`.
 *
 * @module
 */
import {
  BUILT_IN_TEMPLATES,
  type FeedbackTemplate,
  type InstantRange,
  type MilieuDocument,
} from '@milieu/core';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { CODE_SYSTEM_NAMES } from '../constants.js';
import { ExportContext } from './context.js';
import { exportPeople } from './people.js';
import { exportRecords } from './records.js';
import { exportSchedule } from './schedule.js';
import { exportTerminology } from './terminology.js';
import { exportTransitions } from './transitions.js';

/** Options of {@link toFhir}. */
export interface ToFhirOptions {
  /**
   * Export an `Appointment` for each occurrence overlapping `[from, to)` (instants with an
   * offset, `Date`s or epoch ms). Without it, no Appointments are exported (the routines
   * still are, as ActivityDefinitions with their Timing).
   */
  range?: InstantRange;
  /**
   * `collection` (the default): a document-like set of resources. `transaction`: every entry
   * carries a conditional update on its identifier (or canonical URL), so posting the bundle
   * twice to a server leaves one copy of each resource.
   */
  type?: 'collection' | 'transaction';
  /** The canonical base of the milieu code systems, extensions and identifier systems. */
  canonicalBase?: string;
  /**
   * The feedback templates to publish as Questionnaires (default: the four built-in
   * templates). Entries whose `templateId` is one of them get responses nested by its sections.
   */
  templates?: readonly FeedbackTemplate[];
}

const conditionalUrl = (entry: {
  resource: Resource & { url?: string };
  match?: { system?: string; value?: string };
}): string => {
  const type = entry.resource.resourceType;
  if (entry.match?.system !== undefined && entry.match.value !== undefined)
    return `${type}?identifier=${encodeURIComponent(`${entry.match.system}|${entry.match.value}`)}`;
  return `${type}?url=${encodeURIComponent(entry.resource.url ?? '')}`;
};

/**
 * Exports a milieu document as a FHIR R4 Bundle: the unit and audience `Group`s, `Location`s,
 * `Patient`s with an `EpisodeOfCare` per stay and their `Goal`s, `Practitioner`s and the unit's
 * `CareTeam` (with `participant.period`), a `PlanDefinition` with an `ActivityDefinition` (and
 * `Timing`) per routine, an `Appointment` per occurrence in `range` (with the R5
 * `recurrenceTemplate` extension), an `Encounter` per attendance record, a `Questionnaire` per
 * template and a `QuestionnaireResponse` per feedback entry, a `CarePlan` per transition (the
 * aftercare plan) with `Consent`s for peer contact, and the milieu `CodeSystem`s and
 * `ValueSet`s. The README's mapping table lists every element.
 *
 * Full URLs are deterministic `urn:uuid:`s, so exporting the same document twice gives the
 * same bundle.
 *
 * @param document - a parsed milieu document (from `parseDocument`)
 * @param options - range, bundle type, canonical base, templates
 * @returns a `Bundle` of type `collection` or `transaction`
 * @throws ScheduleRangeError (from `@milieu/core`) when `range` is malformed or reversed
 * @example
 * ```ts
 * const bundle = toFhir(doc, { range: { from: '2026-03-01T00:00:00-05:00', to: '2026-04-01T00:00:00-04:00' } });
 * ```
 */
export function toFhir(document: MilieuDocument, options: ToFhirOptions = {}): Bundle {
  const ctx = new ExportContext(document, options.canonicalBase);
  const templates = options.templates ?? Object.values(BUILT_IN_TEMPLATES);
  exportTerminology(ctx, CODE_SYSTEM_NAMES);
  exportPeople(ctx);
  const occurrences = exportSchedule(ctx, options.range);
  exportRecords(ctx, occurrences, templates);
  exportTransitions(ctx);
  const type = options.type ?? 'collection';
  const entry: BundleEntry[] = ctx.entries.map((e) =>
    type === 'transaction'
      ? {
          fullUrl: e.fullUrl,
          resource: e.resource,
          request: { method: 'PUT', url: conditionalUrl(e) },
        }
      : { fullUrl: e.fullUrl, resource: e.resource },
  );
  return { resourceType: 'Bundle', type, entry };
}
