/**
 * The milieu code systems and their value sets, published with every export.
 *
 * @module
 */
import {
  ACTIVITY_KINDS,
  ATTENDANCE_STATUSES,
  FEEDBACK_VISIBILITIES,
  PLAN_TASK_KINDS,
  REVIEW_STATUSES,
  STAFF_ROLES,
  TRANSITION_TYPES,
} from '@milieu/core';
import type { CodeSystem, ValueSet } from '@medplum/fhirtypes';
import type { Canon, CodeSystemName } from '../constants.js';
import type { ExportContext } from './context.js';

const TITLES: Record<CodeSystemName, [string, string, readonly string[]]> = {
  'activity-kind': [
    'Milieu activity kinds',
    'What a routine of a therapeutic milieu is.',
    ACTIVITY_KINDS,
  ],
  'transition-type': [
    'Milieu transition types',
    'Discharges, steps between levels of care, transfers, staff changes and schedule changes.',
    TRANSITION_TYPES,
  ],
  'staff-role': ['Milieu staff roles', 'The role of a staff member in the milieu.', STAFF_ROLES],
  'attendance-status': [
    'Milieu attendance statuses',
    'How a participant attended one session.',
    ATTENDANCE_STATUSES,
  ],
  'plan-task-kind': ['Milieu plan task kinds', 'The tasks of a transition plan.', PLAN_TASK_KINDS],
  'feedback-visibility': [
    'Milieu feedback visibility',
    'Who may read a feedback entry: staff only, the subject and staff, or the community.',
    FEEDBACK_VISIBILITIES,
  ],
  'review-status': [
    'Milieu feedback review status',
    'Where a feedback entry is in staff review.',
    REVIEW_STATUSES,
  ],
};

/** The codes of a milieu code system (the `as const` arrays of `@milieu/core`). */
export function codesOf(name: CodeSystemName): readonly string[] {
  return TITLES[name][2];
}

const display = (code: string): string =>
  code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');

/**
 * A milieu code system as a FHIR `CodeSystem` (complete content) with its `ValueSet`.
 *
 * @param c - the URLs of the export
 * @param name - which code system
 */
export function terminology(c: Canon, name: CodeSystemName): [CodeSystem, ValueSet] {
  const [title, description, codes] = TITLES[name];
  const url = c.codeSystem(name);
  const cs: CodeSystem = {
    resourceType: 'CodeSystem',
    url,
    name: title.replace(/[^A-Za-z0-9]/g, ''),
    title,
    status: 'active',
    experimental: false,
    description,
    caseSensitive: true,
    valueSet: c.valueSet(name),
    content: 'complete',
    count: codes.length,
    concept: codes.map((code) => ({ code, display: display(code) })),
  };
  const vs: ValueSet = {
    resourceType: 'ValueSet',
    url: c.valueSet(name),
    name: title.replace(/[^A-Za-z0-9]/g, ''),
    title,
    status: 'active',
    experimental: false,
    description: `Every code of ${url}.`,
    compose: { include: [{ system: url }] },
  };
  return [cs, vs];
}

/** Adds every milieu code system and value set to the export. @internal */
export function exportTerminology(ctx: ExportContext, names: readonly CodeSystemName[]): void {
  for (const name of names) for (const r of terminology(ctx.c, name)) ctx.addCanonical(r);
}
