import { describe, expect, it } from 'vitest';
import { validDocument, set } from './__fixtures__/documents.js';
import { parseDocument } from './parse.js';
import { isValidTimeZone, suggestTimeZone } from './zone-locale.js';
import { canonicalTimeZones, checkTimeZone } from './time-zones.js';

describe('canonical IANA zones', () => {
  it.each([
    'Europe/London',
    'America/New_York',
    'America/Los_Angeles',
    'Europe/Madrid',
    'Asia/Kolkata',
    'Europe/Kyiv',
    'America/Argentina/Buenos_Aires',
    'UTC',
    'Etc/GMT-1',
  ])('accepts %s', (zone) => {
    expect(checkTimeZone(zone)).toEqual({ ok: true });
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it('lists the renamed zones under their new names only', () => {
    const zones = canonicalTimeZones();
    expect(zones.has('Asia/Kolkata')).toBe(true);
    expect(zones.has('Asia/Calcutta')).toBe(false);
    expect(zones.has('UTC')).toBe(true);
  });
});

describe('aliases, abbreviations and offsets', () => {
  // [written, reason, first suggestion]
  const table: [string, string, string][] = [
    ['BST', 'abbreviation', 'Europe/London'],
    ['bst', 'abbreviation', 'Europe/London'],
    ['GMT', 'abbreviation', 'Europe/London'],
    ['IST', 'abbreviation', 'Asia/Kolkata'],
    ['PST', 'abbreviation', 'America/Los_Angeles'],
    ['CET', 'abbreviation', 'Europe/Paris'],
    ['EST', 'abbreviation', 'America/New_York'],
    ['EST5EDT', 'abbreviation', 'America/New_York'],
    ['MST', 'abbreviation', 'America/Denver'],
    ['AEST', 'abbreviation', 'Australia/Sydney'],
    ['Z', 'abbreviation', 'UTC'],
    ['US/Eastern', 'alias', 'America/New_York'],
    ['US/Pacific', 'alias', 'America/Los_Angeles'],
    ['GB', 'alias', 'Europe/London'],
    ['Asia/Calcutta', 'alias', 'Asia/Kolkata'],
    ['Europe/Kiev', 'alias', 'Europe/Kyiv'],
    ['America/Buenos_Aires', 'alias', 'America/Argentina/Buenos_Aires'],
    ['europe/london', 'alias', 'Europe/London'],
    ['Etc/UTC', 'alias', 'UTC'],
    ['GMT+1', 'offset', 'Etc/GMT-1'],
    ['UTC-5', 'offset', 'Etc/GMT+5'],
    ['+01:00', 'offset', 'Etc/GMT-1'],
    ['GMT+0', 'offset', 'UTC'],
  ];
  it.each(table)('%s is refused (%s) with the suggestion %s', (zone, reason, suggestion) => {
    const verdict = checkTimeZone(zone);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.reason).toBe(reason);
    expect(verdict.suggestions[0]).toBe(suggestion);
    expect(isValidTimeZone(zone)).toBe(false);
    expect(suggestTimeZone(zone)).toBe(suggestion);
  });

  it('offers the other meanings of an ambiguous abbreviation', () => {
    const verdict = checkTimeZone('IST');
    expect(!verdict.ok && verdict.suggestions).toEqual([
      'Asia/Kolkata',
      'Europe/Dublin',
      'Asia/Jerusalem',
    ]);
  });

  it.each(['Mars/Olympus', 'Europe/Londn', '', 'EST5EDT/x', '+01:30:00x'])(
    '%s is unknown',
    (zone) => {
      const verdict = checkTimeZone(zone);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toBe('unknown');
    },
  );
});

describe('issues in a document', () => {
  const issues = (zone: string) => {
    const r = parseDocument(set(validDocument(), '/program/timeZone', zone));
    return r.ok ? [] : r.issues;
  };
  it.each([
    ['BST', 'write "Europe/London"'],
    ['IST', 'write "Asia/Kolkata" (or "Europe/Dublin", "Asia/Jerusalem")'],
    ['US/Eastern', 'legacy alias, not the canonical IANA name: write "America/New_York"'],
    ['GMT+1', 'or "Etc/GMT-1" for a fixed offset'],
    ['Europe/Londn', 'did you mean "Europe/London"?'],
  ])('%s: one invalid_time_zone issue that says %s', (zone, text) => {
    const list = issues(zone);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: '/program/timeZone', code: 'invalid_time_zone' });
    expect(list[0]?.message).toContain(text);
  });
});
