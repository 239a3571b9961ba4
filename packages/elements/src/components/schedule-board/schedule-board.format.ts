import { wallClockOf, type DayColumn } from '@milieu/core';

const cache = new Map<string, BoardFormat>();

function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Date and time formatting for one board: always in the program's time zone and the board's
 * locale. Occurrence times are read from the wall clock written in their ISO instants (which
 * carry the program zone's offset) and formatted once per minute of the day, so 2,000
 * occurrences cost 2,000 map lookups rather than 2,000 `Intl` calls.
 */
export class BoardFormat {
  /** The locale actually used (a malformed or unknown one falls back to `en`). */
  readonly locale: string;
  private readonly times = new Map<number, string>();
  private readonly zones = new Map<string, string>();
  private readonly timeFmt: Intl.DateTimeFormat;
  private readonly clockFmt: Intl.DateTimeFormat;
  private readonly weekday: Intl.DateTimeFormat;
  private readonly dayOfMonth: Intl.DateTimeFormat;
  private readonly longDay: Intl.DateTimeFormat;
  private readonly rangeFmt: Intl.DateTimeFormat;

  /** Cached instance per locale and zone. */
  static of(locale: string, timeZone: string): BoardFormat {
    const key = `${locale}|${timeZone}`;
    let f = cache.get(key);
    if (!f) {
      f = new BoardFormat(locale, timeZone);
      cache.set(key, f);
    }
    return f;
  }

  private constructor(
    locale: string,
    readonly timeZone: string,
  ) {
    this.locale = safeLocale(locale);
    const l = this.locale;
    this.timeFmt = new Intl.DateTimeFormat(l, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    this.clockFmt = new Intl.DateTimeFormat(l, { hour: 'numeric', minute: '2-digit', timeZone });
    this.weekday = new Intl.DateTimeFormat(l, { weekday: 'short', timeZone });
    this.dayOfMonth = new Intl.DateTimeFormat(l, { day: 'numeric', timeZone });
    this.longDay = new Intl.DateTimeFormat(l, {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      timeZone,
    });
    this.rangeFmt = new Intl.DateTimeFormat(l, {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone,
    });
  }

  /** A wall-clock minute of the day (`630` → `10:30 AM` / `10:30`). */
  minute(minuteOfDay: number): string {
    const m = Math.round(minuteOfDay) % 1440;
    let s = this.times.get(m);
    if (s === undefined) {
      s = this.timeFmt.format(Date.UTC(2000, 0, 1, 0, m));
      this.times.set(m, s);
    }
    return s;
  }

  /** The wall-clock time of an ISO instant in the program's zone. */
  time(iso: string): string {
    const w = wallClockOf(iso);
    return w ? this.minute(w.minute) : '';
  }

  /** The time of an instant (epoch ms) in the program's zone, for the kiosk clock. */
  clock(ms: number): string {
    return this.clockFmt.format(ms);
  }

  /** `Mon 9` / `lun 9`. */
  dayShort(col: Pick<DayColumn, 'startMs'>): string {
    return `${this.weekday.format(col.startMs)} ${this.dayOfMonth.format(col.startMs)}`;
  }

  /** `Monday, March 9` / `lunes, 9 de marzo`. */
  dayLong(ms: number): string {
    return this.longDay.format(ms);
  }

  /** `Mar 9 – 15, 2026` for a range of columns. */
  range(first: DayColumn, last: DayColumn): string {
    return first === last
      ? this.rangeFmt.format(first.startMs)
      : this.rangeFmt.formatRange(first.startMs, last.startMs);
  }

  /** A duration in minutes: `45 min`, `1 hr 30 min` (locale-aware units). */
  duration(minutes: number): string {
    const m = Math.max(0, Math.round(minutes));
    const h = Math.floor(m / 60);
    const unit = (value: number, u: 'hour' | 'minute'): string =>
      new Intl.NumberFormat(this.locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(
        value,
      );
    if (h === 0) return unit(m, 'minute');
    return m % 60 ? `${unit(h, 'hour')} ${unit(m % 60, 'minute')}` : unit(h, 'hour');
  }

  /** `in 15 min` / `dentro de 15 min`. */
  relative(minutes: number): string {
    const m = Math.max(0, Math.round(minutes));
    const rtf = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto', style: 'short' });
    return m < 60 ? rtf.format(m, 'minute') : rtf.format(Math.round(m / 6) / 10, 'hour');
  }

  /** A readable name of a zone, e.g. `Eastern Time (America/New_York)`. */
  zoneName(zone: string, at: number): string {
    const key = `${zone}|${Math.floor(at / 86_400_000)}`;
    let name = this.zones.get(key);
    if (name === undefined) {
      name = this.readZoneName(zone, at);
      this.zones.set(key, name);
    }
    return name;
  }

  private readZoneName(zone: string, at: number): string {
    try {
      const part = new Intl.DateTimeFormat(this.locale, {
        timeZone: zone,
        timeZoneName: 'longGeneric',
      })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName');
      return part && !/^(GMT|UTC)/.test(part.value) ? `${part.value} (${zone})` : zone;
    } catch {
      return zone;
    }
  }
}
