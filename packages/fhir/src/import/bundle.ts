/**
 * Reading a Bundle: entries by type, references resolved by full URL, `Type/id` or absolute
 * URL, milieu ids recovered from identifiers, and issues located by JSON pointers.
 *
 * @module
 */
import { ID_PATTERN, type Issue } from '@milieu/core';
import type { Extension, Reference, Resource } from '@medplum/fhirtypes';
import { canon, type Canon, type IdentifierKind } from '../constants.js';

/** One resource of the bundle with its JSON pointer. */
export interface Located<R extends Resource = Resource> {
  resource: R;
  /** `/entry/3/resource` */
  pointer: string;
  fullUrl?: string | undefined;
}

/** The bundle being imported, indexed once. @internal */
export class BundleIndex {
  readonly issues: Issue[] = [];
  /** Where each object of the assembled document came from (its bundle pointer). */
  readonly origins = new WeakMap<object, string>();
  private readonly byType = new Map<string, Located[]>();
  private readonly byRef = new Map<string, Located>();
  private readonly ids = new Map<Resource, string>();
  private readonly used = new Map<string, Set<string>>();

  /** The URLs in use; {@link BundleIndex.scope} scopes the identifier systems to the program. */
  c: Canon;

  constructor(c: Canon, entries: readonly { fullUrl?: string; resource?: Resource }[]) {
    this.c = c;
    entries.forEach((entry, i) => {
      const r = entry?.resource;
      if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') {
        this.issue(`/entry/${i}`, 'invalid_type', 'an entry without a resource is skipped');
        return;
      }
      const located: Located = {
        resource: r,
        pointer: `/entry/${i}/resource`,
        fullUrl: entry.fullUrl,
      };
      const list = this.byType.get(r.resourceType) ?? [];
      list.push(located);
      this.byType.set(r.resourceType, list);
      if (typeof entry.fullUrl === 'string') this.byRef.set(entry.fullUrl, located);
      if (typeof r.id === 'string') this.byRef.set(`${r.resourceType}/${r.id}`, located);
    });
  }

  /** Reads milieu identifiers in the systems of `programId` from now on. */
  scope(programId: string): void {
    this.c = canon(this.c.base, programId);
    this.ids.clear();
    this.used.clear();
  }

  /**
   * Runs `read` on one resource; when the resource is malformed in a way the reader trips
   * over (a list that is not a list, a number where text belongs), it is skipped with an issue
   * at its pointer instead of failing the whole import.
   */
  guard<T>(located: { pointer: string; resource: Resource }, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.skip(located, error);
      return undefined;
    }
  }

  /** Records that a malformed resource was skipped (see {@link BundleIndex.guard}). */
  skip(located: { pointer: string; resource: Resource }, error: unknown): void {
    const why = error instanceof Error ? error.message : String(error);
    this.issue(
      located.pointer,
      'invalid_value',
      `this ${located.resource.resourceType} does not have the shape FHIR R4 gives it (${why}); skipped`,
    );
  }

  /** Adds an issue (located by a JSON pointer into the bundle). */
  issue(path: string, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Every resource of a type, in bundle order. */
  all<R extends Resource>(type: R['resourceType']): Located<R>[] {
    return (this.byType.get(type) ?? []) as unknown as Located<R>[];
  }

  /** The resource a reference points at, when it is in the bundle. */
  resolve(reference: Reference | undefined): Located | undefined {
    const r = reference?.reference;
    if (typeof r !== 'string') return undefined;
    const hit = this.byRef.get(r);
    if (hit) return hit;
    // Absolute URLs (`https://server/fhir/Patient/1`) and versioned ones (`Patient/1/_history/2`).
    const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(r);
    return m ? this.byRef.get(`${m[1]}/${m[2]}`) : undefined;
  }

  /**
   * The milieu id of a resource: its identifier in the milieu system of `kind`, else its FHIR
   * id, else `${kind}-${n}`; made unique within the kind.
   */
  idOf(kind: IdentifierKind, resource: Resource, scope = ''): string {
    const known = this.ids.get(resource);
    if (known !== undefined) return known;
    const system = this.c.identifier(kind);
    const identifiers = (resource as { identifier?: unknown }).identifier;
    const list = Array.isArray(identifiers) ? identifiers : identifiers ? [identifiers] : [];
    let id = (list as { system?: string; value?: string }[]).find(
      (i) => i?.system === system,
    )?.value;
    if (id === undefined || !ID_PATTERN.test(id)) {
      id =
        typeof resource.id === 'string' && ID_PATTERN.test(resource.id) ? resource.id : undefined;
    }
    const usedKey = `${kind}|${scope}`;
    const used = this.used.get(usedKey) ?? new Set<string>();
    this.used.set(usedKey, used);
    if (id === undefined || used.has(id)) {
      let n = used.size + 1;
      while (used.has(`${kind}-${n}`)) n++;
      id = `${kind}-${n}`;
    }
    used.add(id);
    this.ids.set(resource, id);
    return id;
  }

  /** The milieu id of the resource a reference points at, if it resolves to a `type`. */
  refId(kind: IdentifierKind, type: string, reference: Reference | undefined): string | undefined {
    const hit = this.resolve(reference);
    if (hit?.resource.resourceType === type) return this.idOf(kind, hit.resource);
    // A logical reference by a milieu identifier.
    const ident = reference?.identifier;
    if (ident?.system === this.c.identifier(kind) && typeof ident.value === 'string')
      return ident.value;
    return undefined;
  }
}

/** The sub-extension `name` of a complex extension. */
export function sub(e: Extension | undefined, name: string): Extension | undefined {
  const list = e?.extension;
  return Array.isArray(list) ? list.find((x) => x?.url === name) : undefined;
}

/** Every sub-extension `name` of a complex extension. */
export function subsOf(e: Extension | undefined, name: string): Extension[] {
  const list = e?.extension;
  return Array.isArray(list) ? list.filter((x) => x?.url === name) : [];
}

/** `HH:MM:SS` (FHIR `time`) → `HH:MM`. */
export const hhmm = (time: string | undefined): string | undefined =>
  typeof time === 'string' && /^\d{2}:\d{2}/.test(time) ? time.slice(0, 5) : undefined;

/** The date part of a FHIR date or dateTime. */
export const dateOf = (value: string | undefined): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

/** A list element of foreign data: the array, or `[]` when it is missing or not a list. */
export const listOf = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
