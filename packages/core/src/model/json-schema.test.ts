import { describe, expect, it } from 'vitest';
import { documentJsonSchema, MILIEU_SCHEMA_ID } from './json-schema.js';
import { ID_PATTERN } from './scalars.js';
// @ts-expect-error -- plain ESM build script without types
import { schemaText } from '../../scripts/emit-schema.mjs';

type Def = {
  type?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
};

describe('documentJsonSchema', () => {
  const schema = documentJsonSchema() as {
    $schema: string;
    $id: string;
    $defs: Record<string, Def>;
    required: string[];
    properties: Record<string, unknown>;
    additionalProperties: boolean;
  };

  it('is draft 2020-12 with an $id, and is plain JSON', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(MILIEU_SCHEMA_ID);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(documentJsonSchema()).not.toBe(documentJsonSchema());
  });

  it('describes the document: required sections, optional $schema, version const 1, no unknown properties', () => {
    expect(schema.required).toEqual([
      'milieuVersion',
      'program',
      'people',
      'routines',
      'expectations',
      'records',
      'transitions',
    ]);
    expect(schema.properties['$schema']).toEqual({ type: 'string' });
    expect(schema.properties['milieuVersion']).toEqual({ type: 'number', const: 1 });
    expect(schema.additionalProperties).toBe(false);
  });

  it('names the shared parts as $defs', () => {
    for (const name of [
      'Id',
      'LocalDate',
      'LocalTime',
      'Instant',
      'TimeZone',
      'Program',
      'Participant',
      'Staff',
      'Routine',
      'Recurrence',
      'Expectation',
      'FeedbackEntry',
      'Transition',
    ]) {
      expect(schema.$defs, name).toHaveProperty(name);
    }
    expect(schema.$defs['Routine']?.additionalProperties).toBe(false);
    expect(schema.$defs['Routine']?.required).toEqual(
      expect.arrayContaining([
        'id',
        'kind',
        'title',
        'facilitatorIds',
        'audience',
        'attendance',
        'start',
        'end',
        'recurrence',
        'exceptions',
        'roster',
      ]),
    );
  });

  it('carries patterns that agree with the parser', () => {
    const pattern = (name: string) => new RegExp(schema.$defs[name]?.pattern ?? '(?!)', 'u');
    expect(schema.$defs['Id']?.pattern).toBe(ID_PATTERN.source);
    expect(pattern('LocalDate').test('2024-02-29')).toBe(true);
    expect(pattern('LocalDate').test('2026-02-30')).toBe(false);
    expect(pattern('LocalTime').test('23:59')).toBe(true);
    expect(pattern('LocalTime').test('24:00')).toBe(false);
    expect(pattern('Instant').test('2026-03-08T09:00:00-05:00')).toBe(true);
    expect(pattern('Instant').test('2026-03-08T09:00:00')).toBe(false);
  });

  it('documents policy.displayNames, the shared-screen naming setting (none for 42 CFR Part 2)', () => {
    const program = schema.$defs['Program'] as { properties: Record<string, { $ref?: string }> };
    expect(program.properties['policy']).toEqual({ $ref: '#/$defs/Policy' });
    const policy = schema.$defs['Policy'] as Def & {
      description: string;
      properties: Record<string, { $ref?: string }>;
    };
    expect(policy.properties['displayNames']).toEqual({ $ref: '#/$defs/DisplayNamePolicy' });
    expect(policy.description).toContain('displayNames (default first-initial)');
    const names = schema.$defs['DisplayNamePolicy'] as Def & { description: string };
    expect(names.enum).toEqual(['first-initial', 'initials', 'none']);
    expect(names.description).toContain('42 CFR Part 2');
  });

  it('writes policy.displayNames and its description into schema.json (scripts/emit-schema.mjs)', () => {
    const text = (schemaText as (fn: () => Record<string, unknown>) => string)(documentJsonSchema);
    const written = JSON.parse(text) as typeof schema;
    expect(written).toEqual(schema);
    expect(text).toContain('"displayNames": {\n          "$ref": "#/$defs/DisplayNamePolicy"');
    expect(written.$defs['DisplayNamePolicy']?.enum).toEqual(['first-initial', 'initials', 'none']);
  });
});
