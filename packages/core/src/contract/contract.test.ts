import { describe, expect, it } from 'vitest';
import {
  CONTRACT_SCHEMA_NAMES,
  contractJsonSchemas,
  documentEtag,
  FeedbackListQuerySchema,
  OccurrencesQuerySchema,
  ReviewChangeRequestSchema,
} from '../index.js';

describe('contract', () => {
  it('builds a JSON Schema for every named body, with references between them', () => {
    const schemas = contractJsonSchemas();
    expect(Object.keys(schemas).sort()).toEqual([...CONTRACT_SCHEMA_NAMES].sort());
    const text = JSON.stringify(schemas);
    expect(text).toContain('"$ref":"#/components/schemas/FeedbackEntry"');
    for (const schema of Object.values(schemas)) expect(schema).not.toHaveProperty('$schema');
    for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(CONTRACT_SCHEMA_NAMES).toContain(ref[1]);
    }
  });

  it('accepts dates or instants as range bounds, and rejects other text', () => {
    expect(
      OccurrencesQuerySchema.safeParse({ from: '2026-03-09', to: '2026-03-16T00:00:00-04:00' })
        .success,
    ).toBe(true);
    expect(OccurrencesQuerySchema.safeParse({ from: 'monday', to: '2026-03-16' }).success).toBe(
      false,
    );
    expect(
      OccurrencesQuerySchema.safeParse({ from: '2026-03-09', to: '2026-03-16', extra: '1' })
        .success,
    ).toBe(false);
  });

  it('validates list queries and review changes', () => {
    expect(FeedbackListQuerySchema.safeParse({ status: 'pending', limit: '20' }).success).toBe(
      true,
    );
    expect(FeedbackListQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(ReviewChangeRequestSchema.safeParse({ status: 'approved' }).success).toBe(true);
    expect(ReviewChangeRequestSchema.safeParse({ status: 'done' }).success).toBe(false);
  });

  it('quotes revisions as strong entity tags', () => {
    expect(documentEtag(7)).toBe('"7"');
  });
});
