/**
 * VTIMEZONE generation from the platform's zone data: one observance per offset transition
 * found in the span the calendar uses, plus one observance for the offset in force at its
 * start. A zone without transitions in the span (Asia/Kolkata) gets a single STANDARD.
 *
 * @module
 * @internal
 */
import type { ZoneRules } from '../time/zone.js';
import { utcDateTimeValue, utcOffsetValue } from './ical-text.js';

/** Local (TZOFFSETFROM) DATE-TIME value of an instant. */
function localValue(ms: number, offsetMs: number): string {
  return utcDateTimeValue(ms + offsetMs).slice(0, -1);
}

function zoneNameAt(fmt: Intl.DateTimeFormat | undefined, ms: number): string | undefined {
  const name = fmt?.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  return name === undefined || name === '' ? undefined : name;
}

/**
 * The content lines of a VTIMEZONE for `rules.zone` valid for every instant in `[fromMs, toMs]`.
 * @internal
 */
export function vtimezoneLines(rules: ZoneRules, fromMs: number, toMs: number): string[] {
  let fmt: Intl.DateTimeFormat | undefined;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: rules.zone, timeZoneName: 'short' });
  } catch {
    fmt = undefined;
  }
  const transitions = rules.transitions(fromMs, toMs);
  const initial = rules.offsetAt(fromMs);
  const first = transitions[0];
  const initialKind = first !== undefined && first.after < first.before ? 'DAYLIGHT' : 'STANDARD';
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${rules.zone}`, `X-LIC-LOCATION:${rules.zone}`];
  const observance = (kind: string, atMs: number, from: number, to: number): void => {
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localValue(atMs, from)}`,
      `TZOFFSETFROM:${utcOffsetValue(from)}`,
      `TZOFFSETTO:${utcOffsetValue(to)}`,
    );
    const name = zoneNameAt(fmt, atMs);
    if (name !== undefined) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
  };
  observance(initialKind, fromMs, initial, initial);
  for (const t of transitions)
    observance(t.after > t.before ? 'DAYLIGHT' : 'STANDARD', t.at, t.before, t.after);
  lines.push('END:VTIMEZONE');
  return lines;
}
