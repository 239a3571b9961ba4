/**
 * What one export needs: the document, the URLs, a full URL per milieu entity and the
 * collected entries.
 *
 * @module
 */
import type { MilieuDocument } from '@milieu/core';
import type { Identifier, Resource, ResourceType } from '@medplum/fhirtypes';
import { canon, type Canon, type IdentifierKind } from '../constants.js';
import { stableUuid, type AnyRef, type Entry } from '../util.js';

/** The resource type each identifier kind is exported as (for full URLs). */
const TYPE_OF: Record<IdentifierKind, ResourceType> = {
  program: 'Group',
  group: 'Group',
  location: 'Location',
  participant: 'Patient',
  staff: 'Practitioner',
  goal: 'Goal',
  routine: 'ActivityDefinition',
  occurrence: 'Appointment',
  attendance: 'Encounter',
  feedback: 'QuestionnaireResponse',
  transition: 'CarePlan',
  'plan-task': 'Consent',
  electives: 'CarePlan',
};

/** The shared state of one {@link toFhir} call. @internal */
export class ExportContext {
  readonly c: Canon;
  readonly entries: Entry[] = [];
  readonly participants: Map<string, MilieuDocument['people']['participants'][number]>;
  readonly staff: Map<string, MilieuDocument['people']['staff'][number]>;
  readonly locations: Map<string, string>;

  constructor(
    readonly doc: MilieuDocument,
    base: string | undefined,
  ) {
    this.c = canon(base, doc.program.id);
    this.participants = new Map(doc.people.participants.map((p) => [p.id, p]));
    this.staff = new Map(doc.people.staff.map((s) => [s.id, s]));
    this.locations = new Map(doc.program.locations.map((l) => [l.id, l.name]));
  }

  /** The `urn:uuid:` full URL of a milieu entity (stable across exports). */
  url(kind: IdentifierKind, id: string): string {
    return `urn:uuid:${stableUuid(`${this.c.base}|${this.doc.program.id}|${kind}|${id}`)}`;
  }

  /** The identifier of a milieu entity. */
  identifier(kind: IdentifierKind, id: string): Identifier {
    return { system: this.c.identifier(kind), value: id };
  }

  /** A reference to a milieu entity (with a display name for people and places). */
  ref(kind: IdentifierKind, id: string, display?: string): AnyRef {
    const r: AnyRef = { reference: this.url(kind, id), type: TYPE_OF[kind] };
    if (display !== undefined && display !== '') r.display = display;
    return r;
  }

  /** Adds a resource under the full URL of `kind`/`id`, matched by its identifier. */
  add<R extends Resource>(kind: IdentifierKind, id: string, resource: R): R {
    this.entries.push({ fullUrl: this.url(kind, id), resource, match: this.identifier(kind, id) });
    return resource;
  }

  /** Adds a resource identified by its canonical URL (code systems, value sets, questionnaires). */
  addCanonical<R extends Resource & { url?: string }>(resource: R): R {
    this.entries.push({ fullUrl: `urn:uuid:${stableUuid(resource.url ?? '')}`, resource });
    return resource;
  }
}
