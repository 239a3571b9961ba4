import { describe, expect, it } from 'vitest';
import { emptyStretchOptions } from '../rules/structure/no-empty-stretch.js';
import { zonedToInstant } from '../time/index.js';
import { wakingHours, type StretchItem } from './stretches.js';

const ZONE = 'America/New_York';
const at = (date: string, time: string) => zonedToInstant(date, time, ZONE).ms;
const item = (
  kind: StretchItem['kind'],
  date: string,
  time: string,
  status = 'scheduled',
): StretchItem => ({
  kind,
  status,
  localDate: date,
  startMs: at(date, time),
  endMs: at(date, time) + 15 * 60_000,
});
const options = emptyStretchOptions('inpatient')!;
const D = '2026-03-10';

describe('wakingHours', () => {
  it.each([
    ['no wake-up or lights-out: the configured hours', [], ['07:00', '22:00']],
    [
      'the earliest wake-up, the latest lights-out after it',
      [
        item('wake-up', D, '07:30'),
        item('wake-up', D, '06:45'),
        item('lights-out', D, '21:00'),
        item('lights-out', D, '22:30'),
      ],
      ['06:45', '22:30'],
    ],
    [
      'a lights-out before the wake-up does not end the day',
      [item('lights-out', D, '05:00'), item('wake-up', D, '06:00')],
      ['06:00', '22:00'],
    ],
    [
      'cancelled ones and other days are ignored',
      [
        item('wake-up', D, '05:00', 'cancelled'),
        item('lights-out', D, '23:00', 'cancelled'),
        item('wake-up', '2026-03-09', '04:00'),
        item('lights-out', '2026-03-11', '23:30'),
        item('breakfast', D, '05:30'),
      ],
      ['07:00', '22:00'],
    ],
  ] as const)('%s', (_, items, [from, to]) => {
    expect(wakingHours(items, D, ZONE, options)).toEqual({
      startMs: at(D, from),
      endMs: at(D, to),
    });
  });

  it('is null when the day has no waking time, and ignores wake and lights-out when asked', () => {
    const items = [item('wake-up', D, '23:00'), item('lights-out', D, '21:00')];
    expect(wakingHours(items, D, ZONE, options)).toBeNull();
    expect(wakingHours(items, D, ZONE, { ...options, useWakeAndLightsOut: false })).toEqual({
      startMs: at(D, '07:00'),
      endMs: at(D, '22:00'),
    });
  });
});
