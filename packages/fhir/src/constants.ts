/**
 * Canonical URLs, identifier systems and extension URLs of the milieu FHIR mapping.
 *
 * @module
 */

/**
 * The default canonical base of the milieu FHIR artefacts (code systems, value sets,
 * extensions, identifier systems). Pass `canonicalBase` to {@link toFhir} to publish under
 * your own.
 */
export const DEFAULT_CANONICAL_BASE = 'https://milieu-kit.org/fhir';

/** The R5 cross-version extension carrying an Appointment's recurrence template (in R4). */
export const RECURRENCE_TEMPLATE_URL =
  'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.recurrenceTemplate';
/** The R5 cross-version extension pointing at the originating Appointment of a series. */
export const ORIGINATING_APPOINTMENT_URL =
  'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.originatingAppointment';
/** The R5 cross-version extension saying an occurrence differs from its series. */
export const OCCURRENCE_CHANGED_URL =
  'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.occurrenceChanged';

/** The code system of IANA time zones (as R5's `recurrenceTemplate.timezone` uses). */
export const IANA_TZ_SYSTEM = 'https://www.iana.org/time-zones';
/** UCUM, whose units of time (`d`, `wk`) code `recurrenceTemplate.recurrenceType`. */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** HL7 v3 ActCode (Encounter.class). */
export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** HL7 consent scope codes. */
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
/** HL7 consent category codes (LOINC). */
export const LOINC_SYSTEM = 'http://loinc.org';
/** HL7 Goal achievement status codes. */
export const GOAL_ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
/** HL7 v3 ActCode policy codes for a consent's legal basis. */
export const CONSENT_POLICY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** Every URL of the mapping under one canonical base. */
export interface Canon {
  base: string;
  /** The program whose identifier systems these are (`undefined`: not scoped yet). */
  programId: string | undefined;
  codeSystem(name: CodeSystemName): string;
  valueSet(name: CodeSystemName): string;
  identifier(kind: IdentifierKind): string;
  extension(name: ExtensionName): string;
  questionnaire(templateId: string): string;
  activityDefinition(programId: string, routineId: string): string;
  planDefinition(programId: string): string;
}

/** The milieu code systems published with {@link toFhir}. */
export const CODE_SYSTEM_NAMES = [
  'activity-kind',
  'transition-type',
  'staff-role',
  'attendance-status',
  'plan-task-kind',
  'feedback-visibility',
  'review-status',
] as const;
/** A milieu code system (see {@link CODE_SYSTEM_NAMES}). */
export type CodeSystemName = (typeof CODE_SYSTEM_NAMES)[number];

/** What a milieu identifier system identifies. */
export type IdentifierKind =
  | 'program'
  | 'group'
  | 'location'
  | 'participant'
  | 'staff'
  | 'goal'
  | 'routine'
  | 'occurrence'
  | 'attendance'
  | 'feedback'
  | 'transition'
  | 'plan-task'
  | 'electives';

/** The milieu extensions (each `${base}/StructureDefinition/${name}`). */
export type ExtensionName =
  | 'program'
  | 'description'
  | 'pronouns'
  | 'anticipated-discharge'
  | 'routine'
  | 'occurrence-exception'
  | 'dst-shifted'
  | 'attendance-status'
  | 'attendance-note'
  | 'feedback'
  | 'transition'
  | 'plan-task';

/**
 * Builds the URLs of the mapping under a canonical base.
 *
 * Identifier systems are scoped by program (`…/id/<programId>/participant`), because milieu
 * ids are unique within one document only: two units on one FHIR server may both have a `p-01`,
 * and they are different people. The program's own system, `…/id/program`, is not scoped.
 *
 * @param base - e.g. {@link DEFAULT_CANONICAL_BASE}; a trailing slash is dropped
 * @param programId - the program whose identifiers these are
 */
export function canon(base: string = DEFAULT_CANONICAL_BASE, programId?: string): Canon {
  const b = base.replace(/\/+$/, '');
  const scope = programId === undefined ? '' : `${encodeURIComponent(programId)}/`;
  return {
    base: b,
    programId,
    codeSystem: (name) => `${b}/CodeSystem/${name}`,
    valueSet: (name) => `${b}/ValueSet/${name}`,
    identifier: (kind) => (kind === 'program' ? `${b}/id/program` : `${b}/id/${scope}${kind}`),
    extension: (name) => `${b}/StructureDefinition/${name}`,
    questionnaire: (id) => `${b}/Questionnaire/${encodeURIComponent(id)}`,
    activityDefinition: (p, r) =>
      `${b}/ActivityDefinition/${encodeURIComponent(p)}/${encodeURIComponent(r)}`,
    planDefinition: (p) => `${b}/PlanDefinition/${encodeURIComponent(p)}`,
  };
}
