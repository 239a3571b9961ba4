import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { parseDocument } from './parse.js';
import { validDocument, set } from './__fixtures__/documents.js';
import {
  IdSchema,
  InstantSchema,
  LocalDateSchema,
  LocalTimeSchema,
  OccurrenceIdSchema,
  TextSchema,
} from './scalars.js';
import { isValidLocale, isValidTimeZone, suggestTimeZone } from './zone-locale.js';

const ok = (schema: z.ZodMiniType, value: unknown) => schema.safeParse(value).success;

/** Parses the minimal document with one value replaced and returns its issues. */
const issuesWith = (pointer: string, value: Parameters<typeof set>[2]) => {
  const r = parseDocument(set(validDocument(), pointer, value));
  return r.ok ? [] : r.issues;
};

describe('LocalDate', () => {
  it('accepts real calendar dates, including 29 February in leap years', () => {
    for (const d of ['2026-03-08', '2024-02-29', '2000-02-29', '2026-12-31'])
      expect(ok(LocalDateSchema, d)).toBe(true);
  });
  it('rejects impossible dates and other shapes', () => {
    for (const d of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-3-8',
      '20260308',
      '2026-03-08T00:00:00Z',
      '',
    ]) {
      expect(ok(LocalDateSchema, d), d).toBe(false);
    }
  });
  it('reports 2026-02-30 as invalid_date with a message that says why', () => {
    expect(issuesWith('/people/participants/0/admissionDate', '2026-02-30')).toEqual([
      {
        path: '/people/participants/0/admissionDate',
        code: 'invalid_date',
        message: '"2026-02-30" is not a real calendar date',
      },
    ]);
  });
  it('reports US-style dates as invalid_date asking for YYYY-MM-DD', () => {
    const [issue] = issuesWith('/people/participants/0/admissionDate', '03/02/2026');
    expect(issue).toMatchObject({
      code: 'invalid_date',
      message: expect.stringContaining('YYYY-MM-DD'),
    });
  });
});

describe('LocalTime', () => {
  it('accepts 00:00 to 23:59', () => {
    for (const t of ['00:00', '07:30', '23:59']) expect(ok(LocalTimeSchema, t)).toBe(true);
  });
  it('rejects 24:00, missing zero padding, seconds and am/pm', () => {
    for (const t of ['24:00', '9:00', '09:60', '09:00:00', '9am', '09.00', ''])
      expect(ok(LocalTimeSchema, t), t).toBe(false);
  });
  it('reports 24:00 as invalid_time at its path', () => {
    expect(issuesWith('/routines/0/end', '24:00')).toEqual([
      {
        path: '/routines/0/end',
        code: 'invalid_time',
        message: 'expected a time HH:MM from 00:00 to 23:59, got the string "24:00"',
      },
    ]);
  });
});

describe('Instant', () => {
  it('accepts date-times with an offset or Z', () => {
    for (const i of [
      '2026-03-08T09:00:00-05:00',
      '2026-03-08T14:00:00Z',
      '2026-03-08T19:30:00.250+05:30',
    ])
      expect(ok(InstantSchema, i)).toBe(true);
  });
  it('rejects local date-times, impossible dates and missing seconds', () => {
    for (const i of [
      '2026-03-08T09:00:00',
      '2026-02-30T09:00:00Z',
      '2026-03-08T09:00-05:00',
      '2026-03-08 09:00:00Z',
      '1772978400000',
    ]) {
      expect(ok(InstantSchema, i), i).toBe(false);
    }
  });
  it('explains a missing offset', () => {
    const [issue] = issuesWith('/records/copingPractice/0/at', '2026-03-09T08:20:00');
    expect(issue).toMatchObject({ path: '/records/copingPractice/0/at', code: 'invalid_instant' });
    expect(issue?.message).toContain('has no offset');
  });
  it('rejects epoch milliseconds sent as a number', () => {
    const [issue] = issuesWith('/records/copingPractice/0/at', 1772978400000);
    expect(issue).toMatchObject({
      code: 'invalid_type',
      message: 'expected a string, got the number 1772978400000',
    });
  });
});

describe('time zones', () => {
  it('accepts IANA names known to Intl', () => {
    for (const zone of [
      'America/New_York',
      'Europe/London',
      'Europe/Madrid',
      'UTC',
      'Asia/Kolkata',
    ])
      expect(isValidTimeZone(zone)).toBe(true);
  });
  it('rejects misspellings, offsets and abbreviations', () => {
    for (const zone of ['Europe/Londn', '+01:00', 'GMT+1 ', 'EST5EDT/x', '', 'Mars/Olympus'])
      expect(isValidTimeZone(zone), zone).toBe(false);
  });
  it('caches answers (same answer on repeat)', () => {
    expect(isValidTimeZone('Europe/Londn')).toBe(false);
    expect(isValidTimeZone('Europe/Londn')).toBe(false);
    expect(isValidTimeZone('Europe/London')).toBe(true);
  });
  it('suggests the zone a vendor probably meant', () => {
    expect(suggestTimeZone('Europe/Londn')).toBe('Europe/London');
    expect(suggestTimeZone('america/new_york')).toBe('America/New_York');
    expect(suggestTimeZone('Nowhere/Special')).toBeUndefined();
  });
  it('reports an unknown zone as invalid_time_zone with a suggestion', () => {
    expect(issuesWith('/program/timeZone', 'Europe/Londn')).toEqual([
      {
        path: '/program/timeZone',
        code: 'invalid_time_zone',
        message: '"Europe/Londn" is not an IANA time zone (did you mean "Europe/London"?)',
      },
    ]);
  });
});

describe('locales, ids, text', () => {
  it('validates BCP 47 locales', () => {
    expect(isValidLocale('es')).toBe(true);
    expect(isValidLocale('en-US')).toBe(true);
    expect(isValidLocale('es-419')).toBe(true);
    expect(isValidLocale('e')).toBe(false);
    expect(isValidLocale('en-US-')).toBe(false);
    expect(isValidLocale('en_US')).toBe(false);
    expect(issuesWith('/program/locale', 'en_US')[0]).toMatchObject({
      path: '/program/locale',
      code: 'invalid_locale',
    });
  });
  it('validates ids', () => {
    for (const id of ['p-01', 'st.rn:1', 'A', 'x'.repeat(128)]) expect(ok(IdSchema, id)).toBe(true);
    for (const id of ['', '-lead', 'has space', 'ü', 'x'.repeat(129), 'a/b'])
      expect(ok(IdSchema, id), id).toBe(false);
    expect(issuesWith('/people/staff/0/id', 'st 1')[0]).toMatchObject({
      path: '/people/staff/0/id',
      code: 'invalid_id',
    });
  });
  it('requires text to contain more than white space', () => {
    expect(ok(TextSchema, 'Breakfast')).toBe(true);
    expect(ok(TextSchema, '')).toBe(false);
    expect(ok(TextSchema, '   ')).toBe(false);
    expect(issuesWith('/routines/0/title', ' ')[0]).toMatchObject({
      path: '/routines/0/title',
      code: 'too_small',
    });
  });
  it('validates occurrence ids routineId@YYYY-MM-DD', () => {
    expect(ok(OccurrenceIdSchema, 'community@2026-03-09')).toBe(true);
    for (const id of ['community', 'community@2026-02-30', '@2026-03-09', 'community@09/03/2026'])
      expect(ok(OccurrenceIdSchema, id), id).toBe(false);
    expect(issuesWith('/records/attendance/0/occurrenceId', 'skills-2026-03-03')[0]).toMatchObject({
      code: 'invalid_occurrence_id',
    });
  });
});
