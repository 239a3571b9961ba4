/**
 * The kiosk's panel: what is on now, what is next, later today and what changed today, from
 * the occurrences a kiosk receives (no document needed).
 *
 * @module
 */
import type { LocalDate } from '../model/index.js';

/** What {@link kioskPanel} reads of each item. */
export interface KioskItem {
  id: string;
  status: string;
  localDate: LocalDate;
  startMs: number;
  endMs: number;
}

/** An occurrence in progress. */
export interface InProgressItem {
  /** Index of the item in the list given to {@link kioskPanel}. */
  item: number;
  /** Elapsed share, 0 (just started) … 1. */
  progress: number;
  /** Whole minutes left, rounded up. */
  minutesLeft: number;
}

/** The kiosk panel; items are indexes into the list given to {@link kioskPanel}. */
export interface KioskPanel {
  /** In progress at `now` (`startMs <= now < endMs`), in start order; cancelled ones left out. */
  now: InProgressItem[];
  /** The first occurrence starting after `now` within 24 hours, and every other one starting with it. */
  next: number[];
  /** Whole minutes until `next` starts, rounded up; `undefined` when nothing is next. */
  nextInMinutes: number | undefined;
  /** Up to four more occurrences of today, after the next ones. */
  later: number[];
  /** Today's moved, changed and cancelled occurrences, in start order. */
  changes: number[];
}

/** How far ahead the kiosk looks for what is next. */
export const KIOSK_HORIZON_MS = 24 * 3_600_000;
/** The most occurrences listed under "later today". */
export const KIOSK_LATER = 4;

/**
 * The kiosk panel at `nowMs`. `items` should cover today and tomorrow in the program's zone
 * (the `now` view's range), so that at 23:59 tomorrow's first activity is next and just after
 * midnight an overnight activity from yesterday is still on now.
 *
 * @param items - occurrences in any order
 * @param nowMs - the current instant, epoch ms
 * @param today - today's date in the program's zone
 */
export function kioskPanel(
  items: readonly KioskItem[],
  nowMs: number,
  today: LocalDate,
): KioskPanel {
  const order = items
    .map((_, i) => i)
    .sort(
      (a, b) =>
        items[a]!.startMs - items[b]!.startMs ||
        (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : 0),
    );
  const now: InProgressItem[] = [];
  let nextStart: number | undefined;
  const next: number[] = [];
  const later: number[] = [];
  const changes: number[] = [];
  for (const i of order) {
    const x = items[i]!;
    if (x.status !== 'scheduled' && x.localDate === today) changes.push(i);
    if (x.status === 'cancelled') continue;
    if (x.startMs <= nowMs && nowMs < x.endMs) {
      const length = x.endMs - x.startMs;
      now.push({
        item: i,
        progress: length > 0 ? (nowMs - x.startMs) / length : 1,
        minutesLeft: Math.ceil((x.endMs - nowMs) / 60_000),
      });
    } else if (x.startMs > nowMs) {
      if (nextStart === undefined && x.startMs - nowMs < KIOSK_HORIZON_MS) nextStart = x.startMs;
      if (nextStart === undefined) continue;
      if (x.startMs === nextStart) next.push(i);
      else if (x.localDate === today && later.length < KIOSK_LATER) later.push(i);
    }
  }
  return {
    now,
    next,
    nextInMinutes: nextStart === undefined ? undefined : Math.ceil((nextStart - nowMs) / 60_000),
    later,
    changes,
  };
}
