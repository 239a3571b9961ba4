// Civil-date, zone and recurrence helpers for the example generator (plain JS, no dependencies).
// Deliberately independent of @milieu/core so the examples test the library, not themselves.

/** A small, fast, seeded PRNG (mulberry32). Returns helpers bound to one seed. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
}

const pad = (n) => String(n).padStart(2, '0');
const toUtc = (date) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** Civil date arithmetic (calendar days, not 24-hour periods). */
export const addDays = (date, n) => {
  const [y, m, d] = date.split('-').map(Number);
  return fromUtc(Date.UTC(y, m - 1, d + n));
};
/** Whole calendar days from `a` to `b`. */
export const daysBetween = (a, b) => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
/** iCalendar weekday code of a civil date. */
export const weekday = (date) => ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(toUtc(date)).getUTCDay()];
/** Every civil date from `from` to `to`, inclusive. */
export function dates(from, to) {
  const out = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
/** Minutes since midnight of `HH:MM`. */
export const minutes = (time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function offsetMinutes(zone, utcMs) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs))) {
    parts[p.type] = p.value;
  }
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - utcMs) / 60_000);
}

/** The instant of a wall-clock time in `zone`, as ISO 8601 with the zone's offset at that time. */
export function zonedInstant(zone, date, time) {
  const [hh, mm] = time.split(':').map(Number);
  const local = toUtc(date) + (hh * 60 + mm) * 60_000;
  let off = offsetMinutes(zone, local);
  off = offsetMinutes(zone, local - off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Monday of the week of `date`. */
const weekStart = (date) => addDays(date, -((new Date(toUtc(date)).getUTCDay() + 6) % 7));

/**
 * Series dates of a routine (original dates, before moves; cancelled and excluded dates removed
 * when `includeCancelled` is false). Supports the subset the examples use: DAILY/WEEKLY, interval,
 * byDay, until, exdates, rdates.
 */
export function seriesDates(routine, from, to, { includeCancelled = false } = {}) {
  const r = routine.recurrence;
  const interval = r.interval ?? 1;
  const byDay = r.byDay ?? [weekday(r.startDate)];
  const last = r.until && r.until < to ? r.until : to;
  const out = new Set();
  for (const d of dates(r.startDate > from ? r.startDate : from, last)) {
    if (r.freq === 'DAILY') {
      if (daysBetween(r.startDate, d) % interval === 0) out.add(d);
    } else if (byDay.includes(weekday(d))) {
      const weeks = daysBetween(weekStart(r.startDate), weekStart(d)) / 7;
      if (weeks % interval === 0) out.add(d);
    }
  }
  for (const d of r.rdates ?? []) if (d >= from && d <= to) out.add(d);
  for (const d of r.exdates ?? []) out.delete(d);
  if (!includeCancelled) {
    for (const e of routine.exceptions) if (e.type === 'cancelled') out.delete(e.date);
  }
  return [...out].sort();
}

/**
 * Concrete occurrences of a routine between two civil dates: `{ id, routine, date, start, end }`
 * where `date` is the local date after a move and `id` keeps the original date.
 */
export function occurrences(routine, from, to) {
  const moved = new Map(routine.exceptions.filter((e) => e.type === 'moved').map((e) => [e.date, e]));
  return seriesDates(routine, from, to).map((original) => {
    const m = moved.get(original);
    return {
      id: `${routine.id}@${original}`,
      routine,
      originalDate: original,
      date: m?.newDate ?? original,
      start: m?.start ?? routine.start,
      end: m?.end ?? routine.end,
    };
  });
}

/** Whether a participant's stay covers `date`. */
export const present = (p, date) => p.admissionDate <= date && (p.dischargeDate === undefined || date <= p.dischargeDate);

/** Participants in the audience of a routine on `date` (stay, audience, roster, electives). */
export function audience(doc, routine, date) {
  const people = doc.people.participants.filter((p) => present(p, date));
  const a = routine.audience;
  let ids = new Set(
    (a.type === 'everyone'
      ? people
      : a.type === 'groups'
        ? people.filter((p) => p.groupIds.some((g) => a.groupIds.includes(g)))
        : people.filter((p) => a.participantIds.includes(p.id))
    ).map((p) => p.id),
  );
  if (routine.attendance === 'elective') {
    ids = new Set([...ids].filter((id) => people.find((p) => p.id === id).electiveRoutineIds.includes(routine.id)));
  }
  const changes = [...routine.roster].filter((c) => c.effective <= date).sort((x, y) => (x.effective < y.effective ? -1 : 1));
  for (const c of changes) {
    if (!people.some((p) => p.id === c.participantId)) continue;
    if (c.action === 'add') ids.add(c.participantId);
    else ids.delete(c.participantId);
  }
  return [...ids].sort();
}
