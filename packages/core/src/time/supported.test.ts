import { describe, expect, it } from 'vitest';
import {
  AttendanceQuerySchema,
  CheckQuerySchema,
  OccurrencesQuerySchema,
  RuleConfigError,
  ScheduleRangeError,
  checkDocument,
  createParser,
  expandOccurrences,
  isSupportedDate,
  isSupportedInstant,
  MAX_SUPPORTED_MS,
  MIN_SUPPORTED_MS,
  parseInstant,
} from '../index.js';
import { cleanDoc } from '../rules/fixtures/builders.js';

describe('the supported years', () => {
  it('run from 0001-01-01T00:00:00Z up to, not including, 9999-01-01T00:00:00Z', () => {
    expect(MIN_SUPPORTED_MS).toBe(parseInstant('0001-01-01T00:00:00Z'));
    expect(MAX_SUPPORTED_MS).toBe(parseInstant('9999-01-01T00:00:00Z'));
    expect(isSupportedInstant(MIN_SUPPORTED_MS)).toBe(true);
    expect(isSupportedInstant(MIN_SUPPORTED_MS - 1)).toBe(false);
    expect(isSupportedInstant(MAX_SUPPORTED_MS - 1)).toBe(true);
    expect(isSupportedInstant(MAX_SUPPORTED_MS)).toBe(false);
    expect(isSupportedInstant(NaN)).toBe(false);
    expect(isSupportedDate('0001-01-01')).toBe(true);
    expect(isSupportedDate('9998-12-31')).toBe(true);
    expect(isSupportedDate('0000-12-31')).toBe(false);
    expect(isSupportedDate('9999-01-01')).toBe(false);
    expect(isSupportedDate('2026-02-30')).toBe(false);
  });

  it('checkDocument reports a now outside them at /now (a RuleConfigError, not a RangeError)', () => {
    for (const now of ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z']) {
      let thrown: unknown;
      try {
        checkDocument(cleanDoc(), { now });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RuleConfigError);
      expect((thrown as RuleConfigError).issues).toEqual([
        expect.objectContaining({ path: '/now', code: 'out_of_range' }),
      ]);
    }
    for (const now of ['0001-01-01T00:00:00Z', '9998-12-31T23:59:59Z']) {
      expect(checkDocument(cleanDoc(), { now }).findings).toBeDefined();
    }
  });

  it('the schedule engine throws ScheduleRangeError past the four-digit years', () => {
    expect(() =>
      expandOccurrences(cleanDoc(), { from: '9999-12-31T00:00:00Z', to: Date.UTC(10_000, 0, 2) }),
    ).toThrow(ScheduleRangeError);
    expect(() =>
      expandOccurrences(cleanDoc(), { from: -62_200_000_000_000, to: '0001-01-01T00:00:00Z' }),
    ).toThrow(ScheduleRangeError);
  });

  it('the query schemas reject values outside them with out_of_range', () => {
    const code = (schema: Parameters<typeof createParser>[0], value: unknown) => {
      const r = createParser(schema)(value);
      return r.ok ? 'ok' : r.issues[0]?.code;
    };
    expect(code(CheckQuerySchema, { now: '9999-12-31T23:59:59Z' })).toBe('out_of_range');
    expect(code(CheckQuerySchema, { now: '2026-03-09T12:00:00Z' })).toBe('ok');
    expect(code(OccurrencesQuerySchema, { from: '0000-12-31', to: '0001-01-02' })).toBe(
      'out_of_range',
    );
    expect(code(OccurrencesQuerySchema, { from: '9998-12-30', to: '9998-12-31' })).toBe('ok');
    expect(code(AttendanceQuerySchema, { from: '9999-01-01', to: '9999-01-02' })).toBe(
      'out_of_range',
    );
  });
});
