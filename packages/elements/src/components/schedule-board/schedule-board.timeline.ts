import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { DayColumn, DaySegment, NowPosition } from '@milieu/core';
import { ICONS } from './schedule-board.icons.js';
import type { BoardFormat } from './schedule-board.format.js';
import type { BoardMessages } from './schedule-board.messages.js';
import type { BoardItem, Timeline } from './schedule-board.model.js';
import { MAX_LANES, SLOT_MINUTES } from './schedule-board.styles.js';
import { vars } from './schedule-board.vars.js';

/** What every view template reads. */
export interface ViewContext {
  t: BoardMessages;
  fmt: BoardFormat;
  items: readonly BoardItem[];
  columns: readonly DayColumn[];
  today: string;
  nowMs: number;
}

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

const slot = (minute: number): number => Math.round(minute / SLOT_MINUTES);

/** Above this many side-by-side lanes a card shows its icon and title only. */
const DENSE_LANES = 4;

/**
 * One occurrence on the timeline: a button positioned by generated classes (5-minute slots,
 * lane and lane count), so no inline style is needed. Deliberately lean: title line; status,
 * times, place and people line; elective and reason only when there are any; and in dense
 * clusters the title line alone. 2,000 of them render at once. The full sentence is the
 * button's accessible name.
 */
function occButton(item: BoardItem, s: DaySegment, key: string, t: BoardMessages): TemplateResult {
  const o = item.occ;
  const start = slot(s.startMin);
  const dense = s.lanes > DENSE_LANES;
  const cls =
    `occ k-${o.kind} ${o.status} ${o.attendance} s${start} e${Math.max(start + 1, slot(s.endMin))}` +
    ` l${Math.min(s.lane, MAX_LANES - 1)} n${Math.min(s.lanes, MAX_LANES)}` +
    `${s.continuesBefore ? ' cb' : ''}${dense ? ' dense' : ''}`;
  if (dense) {
    return html`<button
      type="button"
      tabindex="-1"
      class=${cls}
      data-k=${key}
      aria-label=${item.label}
    >
      ${titleLine(item)}
    </button>`;
  }
  return html`<button
    type="button"
    tabindex="-1"
    class=${cls}
    data-k=${key}
    aria-label=${item.label}
  >
    ${titleLine(item)} <span>${badge(item)}${item.sub}</span> ${
      item.note || o.attendance === 'elective'
        ? html`<span>${elective(item, t)}${item.note}</span>`
        : nothing
    }
  </button>`;
}

/** The `day` and `week` views: an hour axis and one positioned column per day. */
export function timelineView(
  ctx: ViewContext,
  tl: Timeline,
  now: NowPosition | null,
): TemplateResult {
  const { t, fmt, items, columns, today } = ctx;
  const hours: number[] = [];
  for (let m = tl.startMin; m < tl.endMin; m += 60) hours.push(m);
  return html`<div
    class="timeline"
    part="grid"
    ${vars({ '--_days': columns.length, '--_w0': tl.startMin, '--_w1': tl.endMin })}
  >
    <div class="axis" aria-hidden="true">
      <div class="col-head"></div>
      <div class="axis-body">${hours.map((m) => html`<span>${fmt.minute(m)}</span>`)}</div>
    </div>
    ${columns.map((col, c) => {
      const day = tl.days[c]!;
      const isToday = col.date === today;
      return html`<section class="col ${isToday ? 'today' : ''}" aria-labelledby="h${c}">
        <h3 class="col-head" id="h${c}" aria-current=${ifDefined(isToday ? 'date' : undefined)}>
          <span class="sr">${fmt.dayLong(col.startMs)}</span
          ><span aria-hidden="true">${fmt.dayShort(col)}</span>
          ${isToday ? html`<span class="tag-today">${t.today}</span>` : nothing}
          ${col.minutes !== 1440 ? html`<span class="dst">${t.clockChange}</span>` : nothing}
        </h3>
        <div class="col-body" part="day">
          ${(tl.gaps[c] ?? []).map(
            (g) =>
              html`<div class="gap s${slot(g.startMin)} e${slot(g.endMin)}" aria-hidden="true">
                ${t.free}
              </div>`,
          )}
          ${day.hiddenBefore ? html`<p class="more">${t.earlier(day.hiddenBefore)}</p>` : nothing}
          ${guard([day, items], () =>
            day.segments.map((s, i) => occButton(items[s.item]!, s, `${c}.${i}`, t)),
          )}
          ${
            now && now.column === c && now.fraction !== null
              ? html`<div
                  class="now-line"
                  aria-hidden="true"
                  ${vars({ '--_s': now.minute })}
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
