import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { MilieuDocument, Routine } from '../model/index.js';
import {
  dayNumberToLocalDate,
  localDateToDayNumber,
  zonedToInstant,
  zoneTransitions,
} from '../time/index.js';
import { expandOccurrences } from './expand.js';
import { toICalendar } from './ical.js';
import { recurrenceArb } from './test-arbitraries.js';
import { makeDoc, makeParticipant, makeRoutine } from './test-fixtures.js';
import type { InstantRange, Occurrence } from './types.js';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
];

/** Expands an iCalendar with ical.js (registering its VTIMEZONE) into `start end summary` rows overlapping [from, to). */
function expandWithIcalJs(ics: string, fromMs: number, toMs: number): string[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
  for (const ev of root.getAllSubcomponents('vevent')) {
    const uid = String(ev.getFirstPropertyValue('uid'));
    const entry = byUid.get(uid) ?? { exceptions: [] };
    if (ev.hasProperty('recurrence-id')) entry.exceptions.push(ev);
    else entry.master = ev;
    byUid.set(uid, entry);
  }
  const rows: string[] = [];
  const push = (start: ICAL.Time, end: ICAL.Time, summary: string): void => {
    const s = start.toUnixTime() * 1000;
    const e = end.toUnixTime() * 1000;
    if (s === e ? s >= fromMs && s < toMs : s < toMs && e > fromMs)
      rows.push(`${s} ${e} ${summary}`);
  };
  for (const { master, exceptions } of byUid.values()) {
    if (!master) throw new Error('override without master');
    const event = new ICAL.Event(master, { strictExceptions: true, exceptions });
    if (!event.isRecurring()) {
      push(event.startDate, event.endDate, event.summary);
      continue;
    }
    const it = event.iterator();
    for (let t = it.next(); t; t = it.next()) {
      if (t.toUnixTime() * 1000 > toMs + 3 * 86_400_000) break;
      const d = event.getOccurrenceDetails(t);
      push(d.startDate, d.endDate, d.item.summary);
    }
  }
  return rows.sort();
}

function ours(doc: MilieuDocument, range: InstantRange, participant?: string): string[] {
  return expandOccurrences(doc, { ...range, participant, includeCancelled: false })
    .map((o: Occurrence) => `${o.startMs} ${o.endMs} ${o.title}`)
    .sort();
}

function yearRange(zone: string): { from: number; to: number } {
  return {
    from: zonedToInstant('2026-01-01', '00:00', zone).ms,
    to: zonedToInstant('2027-01-01', '00:00', zone).ms,
  };
}

/** A timetable that hits every DST edge in every zone under test. */
function dstDoc(zone: string): MilieuDocument {
  return makeDoc({
    timeZone: zone,
    participants: [
      makeParticipant('ana', { electiveRoutineIds: ['art'] }),
      makeParticipant('ben', { admissionDate: '2026-06-10', dischargeDate: '2026-07-20' }),
    ],
    routines: [
      makeRoutine('early', {
        title: 'Early, meds; check\\in',
        start: '02:30',
        end: '03:00',
        recurrence: { startDate: '2026-01-01' },
      }),
      makeRoutine('overlap', {
        start: '01:30',
        end: '01:45',
        recurrence: { startDate: '2026-01-01' },
      }),
      makeRoutine('span', {
        start: '00:30',
        end: '04:00',
        recurrence: { startDate: '2026-01-01' },
      }),
      makeRoutine('night', {
        kind: 'lights-out',
        start: '22:00',
        end: '06:30',
        recurrence: { startDate: '2026-01-01' },
      }),
      makeRoutine('group', {
        recurrence: {
          freq: 'WEEKLY',
          interval: 2,
          byDay: ['MO', 'TH', 'SU'],
          startDate: '2026-01-04',
          count: 60,
          exdates: ['2026-01-29'],
          rdates: ['2026-02-06'],
        },
        exceptions: [
          { date: '2026-01-15', type: 'cancelled', reason: 'Snow' },
          {
            date: '2026-01-18',
            type: 'moved',
            reason: 'Outing',
            newDate: '2026-01-19',
            start: '13:00',
            end: '14:00',
          },
          { date: '2026-01-26', type: 'changed', reason: 'Guest', title: 'Guest, speaker' },
        ],
      }),
      makeRoutine('art', {
        attendance: 'elective',
        start: '14:00',
        end: '15:00',
        recurrence: { freq: 'WEEKLY', byDay: ['TU'], startDate: '2026-02-03', until: '2026-11-24' },
      }),
      makeRoutine('visit', {
        kind: 'visiting-hours',
        start: '18:00',
        end: '19:00',
        audience: { type: 'participants', participantIds: ['ben'] },
        recurrence: { freq: 'WEEKLY', byDay: ['SA'], startDate: '2026-01-03' },
      }),
      makeRoutine('pulled', {
        start: '09:00',
        end: '09:30',
        recurrence: { startDate: '2025-12-30', count: 1 },
        exceptions: [
          {
            date: '2025-12-30',
            type: 'moved',
            reason: 'Later',
            newDate: '2026-01-02',
            start: '11:00',
            end: '12:00',
          },
        ],
      }),
    ],
  });
}

describe('toICalendar text', () => {
  const doc = dstDoc('America/New_York');
  doc.routines.push(
    makeRoutine('long', {
      description: `Ünïcödé ${'é'.repeat(80)} — line one\nline two`,
      recurrence: { startDate: '2026-03-01', count: 2 },
    }),
  );
  const range = { from: '2026-03-01T00:00:00-05:00', to: '2026-04-01T00:00:00-04:00' };
  const ics = toICalendar(doc, range);

  it('is CRLF, folded at 75 octets, escaped, and deterministic', () => {
    expect(
      ics.startsWith(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Milieu Kit//@milieu/core//EN\r\n',
      ),
    ).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const octets = (line: string): number =>
      encodeURIComponent(line).replace(/%[0-9A-F]{2}/g, 'x').length;
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:Ünïcödé ${'é'.repeat(80)} — line one\\nline two`);
    expect(unfolded).toContain('SUMMARY:Early\\, meds\\; check\\\\in');
    expect(toICalendar(doc, range)).toBe(ics);
    expect(unfolded).toMatch(/^DTSTAMP:20260301T000000Z$/m);
    expect(
      toICalendar(doc, range, { dtstamp: '2026-02-01T12:00:00Z', prodId: '-//X//Y//EN' }),
    ).toMatch(
      /DTSTAMP:20260201T120000Z[\s\S]*PRODID|PRODID:-\/\/X\/\/Y\/\/EN[\s\S]*DTSTAMP:20260201T120000Z/,
    );
  });

  it('writes RRULE with COUNT or UTC UNTIL, EXDATE for cancellations, RECURRENCE-ID overrides and a VTIMEZONE', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
    expect(unfolded).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400/,
    );
    expect(unfolded).toMatch(/RRULE:FREQ=DAILY;UNTIL=\d{8}T\d{6}Z/);
    expect(unfolded).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=');
    expect(unfolded).toContain('RRULE:FREQ=DAILY;COUNT=2');
    // The gap day of 'early' is an override with the shifted time.
    expect(unfolded).toMatch(
      /RECURRENCE-ID;TZID=America\/New_York:20260308T023000\r\nDTSTART;TZID=America\/New_York:20260308T033000/,
    );
    const jan = toICalendar(doc, {
      from: '2026-01-01T00:00:00-05:00',
      to: '2026-02-01T00:00:00-05:00',
    }).replace(/\r\n /g, '');
    expect(jan).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH,SU;WKST=MO;UNTIL=');
    expect(jan).toContain('EXDATE;TZID=America/New_York:20260115T090000\r\n');
    expect(jan).toMatch(
      /RECURRENCE-ID;TZID=America\/New_York:20260118T090000\r\nDTSTART;TZID=America\/New_York:20260119T130000/,
    );
    expect(jan).toContain('SUMMARY:Guest\\, speaker');
    // A moved occurrence whose series slot lies before the range is exported on its own.
    expect(jan).toMatch(/UID:pulled\/2025-12-30@unit\r\n/);
  });

  it('gives a zone without DST a single STANDARD observance', () => {
    const kolkata = toICalendar(dstDoc('Asia/Kolkata'), {
      from: '2026-01-01T00:00:00+05:30',
      to: '2027-01-01T00:00:00+05:30',
    });
    const vtz = /BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE/.exec(kolkata)?.[0] ?? '';
    expect(vtz.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(vtz).toContain('TZOFFSETTO:+0530');
  });
});

describe.each(ZONES)('round trip through ical.js — %s', (zone) => {
  const doc = dstDoc(zone);
  const { from, to } = yearRange(zone);

  it('a whole year (both DST changes) expands to the same instants as expandOccurrences', () => {
    const expected = ours(doc, { from, to });
    expect(expected.length).toBeGreaterThan(1500);
    expect(expandWithIcalJs(toICalendar(doc, { from, to }), from, to)).toEqual(expected);
  });

  it('short ranges starting and ending next to each transition agree too', () => {
    for (const t of zoneTransitions(zone, from, to)) {
      for (const [a, b] of [
        [t.atMs - 2 * 86_400_000, t.atMs + 2 * 86_400_000],
        [t.atMs - 3_600_000, t.atMs + 3_600_000],
        [t.atMs, t.atMs + 86_400_000],
      ] as const) {
        expect(expandWithIcalJs(toICalendar(doc, { from: a, to: b }), a, b)).toEqual(
          ours(doc, { from: a, to: b }),
        );
      }
    }
  });

  it('a participant calendar equals their schedule (RRULE where their audience is stable, single events where not)', () => {
    for (const p of ['ana', 'ben']) {
      const ics = toICalendar(doc, { from, to }, { participant: p });
      expect(expandWithIcalJs(ics, from, to)).toEqual(ours(doc, { from, to }, p));
    }
    const ben = toICalendar(doc, { from, to }, { participant: 'ben' });
    expect(ben).toMatch(/UID:visit\/2026-06-13@unit/);
    expect(ben).not.toMatch(/UID:art/);
  });
});

describe('round trip through ical.js on random routines', () => {
  const timeArb = fc
    .integer({ min: 0, max: 95 })
    .map(
      (q) =>
        `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`,
    );
  const routinesArb = fc
    .array(fc.record({ rec: recurrenceArb, start: timeArb, end: timeArb }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((rs) =>
      rs.map(({ rec, start, end }, i): Routine =>
        makeRoutine(`r${i}`, { start, end, recurrence: rec }),
      ),
    );
  it('equals expandOccurrences in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        routinesArb,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 120 }),
        (zone, routines, startDay, days) => {
          const doc = makeDoc({ timeZone: zone, routines });
          const from = zonedToInstant(
            dayNumberToLocalDate(localDateToDayNumber('2026-01-01') + startDay),
            '00:00',
            zone,
          ).ms;
          const to = from + days * 86_400_000;
          expect(expandWithIcalJs(toICalendar(doc, { from, to }), from, to)).toEqual(
            ours(doc, { from, to }),
          );
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
