import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DaySegment, MinuteRange, NowPosition } from '@milieu/core';
import { ICONS } from './schedule-board.icons.js';
import type { BoardMessages } from './schedule-board.messages.js';
import type { BoardItem, ViewContext } from './schedule-board.model.js';
import { insetOf, place, vars } from './schedule-board.position.js';

/** The class list of an occurrence: kind colours, status and attendance. */
export function occClass(item: BoardItem, extra = ''): string {
  const o = item.occ;
  return `occ k-${o.kind} ${o.status} ${o.attendance}${extra}`;
}

/** The icon and title line (the icon is decorative; the title is the text label). */
export function titleLine(item: BoardItem): TemplateResult {
  return titleSpan(item);
}

const badge = (item: BoardItem): TemplateResult | typeof nothing =>
  item.badge ? html`<span class="badge">${item.badge}</span> ` : nothing;

const elective = (item: BoardItem, t: BoardMessages): TemplateResult | typeof nothing =>
  item.occ.attendance === 'elective' ? html`<span class="tag">${t.elective}</span> ` : nothing;

// Every part is an element, separated by spaces, in the order the accessible name reads them:
// the visible words must be a part of the name (WCAG 2.5.3), also when a short card clips them.

/** An occurrence in the list views (agenda, print, kiosk); CSS arranges the parts. */
export function occBody(item: BoardItem, t: BoardMessages, live = false): TemplateResult {
  return html`${titleLine(item)} ${badge(item)}<span class="when" part="occurrence-time"
      >${item.when}</span
    >
    ${
      item.meta ? html`<span class="meta"><bdi>${item.meta}</bdi></span> ` : nothing
    }${elective(item, t)}${
      item.note ? html`<span class="note">${item.note}</span> ` : nothing
    }${item.kindShown ? html`<span class="kind">${item.kindShown}</span> ` : nothing}${
      live ? html`<span class="tag">${t.inProgress}</span>` : nothing
    }`;
}

/** The shortest a card is drawn, in minutes, so a five-minute round keeps a visible edge. */
const MIN_MINUTES = 5;
/** Minutes of the timeline one line of card text takes (0.8125em × 1.35 of a 4em hour). */
const LINE_MINUTES = 16.5;
/** Minutes a card's padding and borders take. */
const EDGE_MINUTES = 6;

/** Side-by-side lanes drawn before a cluster's rest folds into "+N more": week, day. */
export const MAX_LANES = { week: 2, day: 4 } as const;

/** How many lines of text a card of `minutes` shows: 1 = title and time on one line. */
export function linesFor(minutes: number): 1 | 2 | 3 | 4 {
  const n = Math.floor((minutes - EDGE_MINUTES) / LINE_MINUTES);
  return n >= 4 ? 4 : n >= 3 ? 3 : n >= 2 ? 2 : 1;
}

/** A cluster's occurrences folded into one "+N more" button. */
export interface Fold {
  /** Focus keys of the folded occurrences, in reading order. */
  keys: string[];
  startMin: number;
  endMin: number;
  lanes: number;
}

/**
 * Splits a day's segments into those drawn and the folds of dense clusters: in a cluster of
 * more than `max` lanes, lanes `0 … max-2` are drawn and the rest become one "+N more" in the
 * last lane. Segments come in reading order, and a cluster's segments share their `lanes`.
 */
export function foldClusters(
  segments: readonly DaySegment[],
  column: number,
  max: number,
): { shown: Set<number>; folds: Fold[] } {
  const shown = new Set<number>();
  const folds: Fold[] = [];
  let fold: Fold | null = null;
  let clusterEnd = -1;
  segments.forEach((s, i) => {
    if (s.startMin >= clusterEnd) fold = null; // a new cluster starts
    clusterEnd = Math.max(clusterEnd, s.endMin);
    if (s.lanes <= max || s.lane < max - 1) {
      shown.add(i);
      return;
    }
    if (!fold) {
      fold = { keys: [], startMin: s.startMin, endMin: s.endMin, lanes: max };
      folds.push(fold);
    }
    fold.keys.push(`${column}.${i}`);
    fold.startMin = Math.min(fold.startMin, s.startMin);
    fold.endMin = Math.max(fold.endMin, s.endMin);
  });
  return { shown, folds };
}

/** The title line: a decorative icon and the title, isolated for right-to-left text. */
function titleSpan(item: BoardItem): TemplateResult {
  return html`<span class="title" part="occurrence-title"
    ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d=${ICONS[item.occ.kind] ?? ICONS.other}></path></svg
    ><bdi>${item.occ.title}</bdi></span
  >`;
}

/**
 * One occurrence on the timeline: a button placed by one `inset` set through the CSSOM, with
 * its kind, status and attendance as classes. As many lines as its height holds: title and time
 * on one line when short (each cut with an ellipsis), then the time, place and people, then the
 * elective tag and reason. The full sentence is the button's accessible name.
 */
function occButton(
  item: BoardItem,
  s: DaySegment,
  key: string,
  t: BoardMessages,
  w: MinuteRange,
  lanes: number,
): TemplateResult {
  const o = item.occ;
  const endMin = Math.max(s.endMin, s.startMin + MIN_MINUTES);
  const lines = linesFor(endMin - s.startMin);
  const cls = `occ k-${o.kind} ${o.status} ${o.attendance} l${lines}${s.continuesBefore ? ' cb' : ''}`;
  const inset = insetOf(s.startMin, endMin, w.startMin, w.endMin, s.lane, lanes);
  return html`<button
    type="button"
    tabindex="-1"
    class=${cls}
    part="occurrence"
    data-k=${key}
    aria-label=${item.label}
    ${place(inset)}
  >
    ${titleSpan(item)}${html` <span class="time" part="occurrence-time"
      >${badge(item)}${item.when}</span
    >`}${lines >= 3 && item.meta ? html` <span class="meta"><bdi>${item.meta}</bdi></span>` : nothing}${
      lines >= 4 && (item.note || o.attendance === 'elective')
        ? html` <span class="meta">${elective(item, t)}${item.note}</span>`
        : nothing
    }
  </button>`;
}

/** The "+N more" button of a dense cluster: opens the agenda at that day and time. */
function moreButton(f: Fold, t: BoardMessages, w: MinuteRange): TemplateResult {
  const inset = insetOf(f.startMin, f.endMin, w.startMin, w.endMin, f.lanes - 1, f.lanes);
  return html`<button
    type="button"
    tabindex="-1"
    class="fold"
    part="more-button"
    data-k=${f.keys[0]!}
    data-keys=${f.keys.join(' ')}
    data-more
    aria-label=${t.moreLabel(f.keys.length)}
    ${place(inset)}
  >
    <span>${t.more(f.keys.length)}</span>
  </button>`;
}

/** The `day` and `week` views: an hour axis and one positioned column per day. */
export function timelineView(
  ctx: ViewContext,
  w: MinuteRange,
  now: NowPosition | null,
): TemplateResult {
  const { t, fmt, items, days, today } = ctx;
  const max = days.length > 1 ? MAX_LANES.week : MAX_LANES.day;
  const hours: number[] = [];
  for (let m = w.startMin; m < w.endMin; m += 60) hours.push(m);
  return html`<div
    class="timeline"
    part="grid"
    ${vars({ '--_days': days.length, '--_w0': w.startMin, '--_w1': w.endMin })}
  >
    <div class="axis" aria-hidden="true">
      <div class="col-head"></div>
      <div class="axis-body">
        ${hours.map((m) => html`<span>${fmt.minute(m)}</span>`)}${
          now && now.fraction !== null
            ? html`<div
                class="now-mark"
                ${vars({ '--_at': `${(100 * (now.minute - w.startMin)) / (w.endMin - w.startMin || 1)}%` })}
              ></div>`
            : nothing
        }
      </div>
    </div>
    ${days.map(({ column: col, layout: day, hatched }, c) => {
      const isToday = col.date === today;
      return html`<section
        class="col ${isToday ? 'today' : ''}"
        data-date=${col.date}
        aria-labelledby="h${c}"
      >
        <h3 class="col-head" id="h${c}" aria-current=${ifDefined(isToday ? 'date' : undefined)}>
          <span class="sr">${fmt.dayLong(col.startMs)}</span
          ><span aria-hidden="true">${fmt.dayShort(col)}</span>
          ${isToday ? html`<span class="tag-today">${t.today}</span>` : nothing}
          ${col.minutes !== 1440 ? html`<span class="dst">${t.clockChange}</span>` : nothing}
        </h3>
        <div class="col-body" part="day">
          ${hatched.map(
            (g) =>
              html`<div
                class="gap"
                aria-hidden="true"
                ${place(insetOf(g.startMin, g.endMin, w.startMin, w.endMin))}
              >
                ${t.free}
              </div>`,
          )}
          ${day.hiddenBefore ? html`<p class="more">${t.earlier(day.hiddenBefore)}</p>` : nothing}
          ${guard([day, items, w.startMin, w.endMin, max], () => {
            const { shown, folds } = foldClusters(day.segments, c, max);
            return [
              ...day.segments.map((s, i) =>
                shown.has(i)
                  ? occButton(items[s.item]!, s, `${c}.${i}`, t, w, Math.min(s.lanes, max))
                  : nothing,
              ),
              ...folds.map((f) => moreButton(f, t, w)),
            ];
          })}
          ${
            now && now.column === c && now.fraction !== null
              ? html`<div
                  class="now-line"
                  aria-hidden="true"
                  ${place(insetOf(now.minute, now.minute, w.startMin, w.endMin))}
                ></div>`
              : nothing
          }
          ${
            day.hiddenAfter ? html`<p class="more after">${t.later2(day.hiddenAfter)}</p>` : nothing
          }
        </div>
      </section>`;
    })}
  </div>`;
}
