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
  return html`<span class="title"
    ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d=${ICONS[item.occ.kind] ?? ICONS.other}></path></svg
    >${item.occ.title}</span
  >`;
}

const badge = (item: BoardItem): TemplateResult | typeof nothing =>
  item.badge ? html`<span class="badge">${item.badge}</span> ` : nothing;

const elective = (item: BoardItem, t: BoardMessages): TemplateResult | typeof nothing =>
  item.occ.attendance === 'elective' ? html`<span class="tag">${t.elective}</span> ` : nothing;

// Every part is an element, separated by spaces, in the order the accessible name reads them:
// the visible words must be a part of the name (WCAG 2.5.3), also when a short card clips them.

/** An occurrence in the list views (agenda, print, kiosk); CSS arranges the parts. */
export function occBody(item: BoardItem, t: BoardMessages, live = false): TemplateResult {
  return html`${titleLine(item)} ${badge(item)}<span class="when">${item.when}</span> ${
      item.meta ? html`<span class="meta">${item.meta}</span> ` : nothing
    }${elective(item, t)}${
      item.note ? html`<span class="note">${item.note}</span> ` : nothing
    }${item.kindShown ? html`<span class="kind">${item.kindShown}</span> ` : nothing}${
      live ? html`<span class="tag">${t.inProgress}</span>` : nothing
    }`;
}

/** Above this many side-by-side lanes a card shows its icon and title only. */
const DENSE_LANES = 4;
/** The shortest a card is drawn, in minutes, so a five-minute round keeps a visible edge. */
const MIN_MINUTES = 5;

/**
 * One occurrence on the timeline: a button placed by one `inset` set through the CSSOM, with
 * its kind, status and attendance as classes. Deliberately lean: title line; status, times,
 * place and people line; elective and reason only when there are any; and in dense clusters
 * the title line alone. 2,000 of them render at once. The full sentence is the button's
 * accessible name.
 */
function occButton(
  item: BoardItem,
  s: DaySegment,
  key: string,
  t: BoardMessages,
  w: MinuteRange,
): TemplateResult {
  const o = item.occ;
  const dense = s.lanes > DENSE_LANES;
  const cls = `occ k-${o.kind} ${o.status} ${o.attendance}${s.continuesBefore ? ' cb' : ''}${dense ? ' dense' : ''}`;
  const inset = insetOf(
    s.startMin,
    Math.max(s.endMin, s.startMin + MIN_MINUTES),
    w.startMin,
    w.endMin,
    s.lane,
    s.lanes,
  );
  // One flat template per card (no nested title/badge templates): 2,000 of them render at once.
  const d = ICONS[o.kind] ?? ICONS.other;
  if (dense) {
    return html`<button
      type="button"
      tabindex="-1"
      class=${cls}
      data-k=${key}
      aria-label=${item.label}
      ${place(inset)}
    >
      <span class="title"
        ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d=${d}></path></svg
        >${o.title}</span
      >
    </button>`;
  }
  return html`<button
    type="button"
    tabindex="-1"
    class=${cls}
    data-k=${key}
    aria-label=${item.label}
    ${place(inset)}
  >
    <span class="title"
      ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d=${d}></path></svg
      >${o.title}</span
    >
    <span>${item.badge ? badge(item) : nothing}${item.sub}</span>${
      item.note || o.attendance === 'elective'
        ? html` <span>${elective(item, t)}${item.note}</span>`
        : nothing
    }
  </button>`;
}

/** The `day` and `week` views: an hour axis and one positioned column per day. */
export function timelineView(
  ctx: ViewContext,
  w: MinuteRange,
  now: NowPosition | null,
): TemplateResult {
  const { t, fmt, items, days, today } = ctx;
  const hours: number[] = [];
  for (let m = w.startMin; m < w.endMin; m += 60) hours.push(m);
  return html`<div
    class="timeline"
    part="grid"
    ${vars({ '--_days': days.length, '--_w0': w.startMin, '--_w1': w.endMin })}
  >
    <div class="axis" aria-hidden="true">
      <div class="col-head"></div>
      <div class="axis-body">${hours.map((m) => html`<span>${fmt.minute(m)}</span>`)}</div>
    </div>
    ${days.map(({ column: col, layout: day, hatched }, c) => {
      const isToday = col.date === today;
      return html`<section class="col ${isToday ? 'today' : ''}" aria-labelledby="h${c}">
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
          ${guard([day, items, w.startMin, w.endMin], () =>
            day.segments.map((s, i) => occButton(items[s.item]!, s, `${c}.${i}`, t, w)),
          )}
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
