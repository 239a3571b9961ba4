import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MinuteRange } from '@milieu/core';
import type { BoardItem, KioskModel, ViewContext } from './schedule-board.model.js';
import { occBody, occClass, titleLine } from './schedule-board.timeline.js';

/** The `agenda` view: each day as a heading and a list of occurrence buttons and empty stretches. */
export function agendaView(ctx: ViewContext): TemplateResult {
  const { t, fmt, items, days, today, nowMs } = ctx;
  return html`<div class="agenda" part="agenda">
    ${days.map(({ column: col, layout, hatched }, c) => {
      const segments = layout.segments;
      type Row = { at: number; seg?: (typeof segments)[number]; i: number; gap?: MinuteRange };
      const rows: Row[] = [
        ...segments.map((seg, i) => ({ at: seg.startMin, seg, i })),
        ...hatched.map((gap) => ({ at: gap.startMin, gap, i: -1 })),
      ].sort((a, b) => a.at - b.at || a.i - b.i);
      return html`<section
        class=${col.date === today ? 'today' : ''}
        data-date=${col.date}
        aria-labelledby="a${c}"
      >
        <h3 id="a${c}" aria-current=${ifDefined(col.date === today ? 'date' : undefined)}>
          ${fmt.dayLong(col.startMs)}${col.date === today ? ` · ${t.today}` : ''}
        </h3>
        ${
          segments.length
            ? html`<ul role="list">
                ${rows.map((r) => {
                  if (r.gap) {
                    return html`<li class="gap-row">
                      ${fmt.minute(r.gap.startMin)} – ${fmt.minute(r.gap.endMin)} · ${t.free}
                    </li>`;
                  }
                  const s = r.seg!;
                  const item = items[s.item]!;
                  const o = item.occ;
                  const live =
                    o.status !== 'cancelled' && item.startMs <= nowMs && nowMs < item.endMs;
                  return html`<li data-min=${s.startMin}>
                    <button
                      type="button"
                      tabindex="-1"
                      class=${occClass(item, ' row')}
                      part="occurrence"
                      data-k="${c}.${r.i}"
                      aria-label=${live ? `${item.label}, ${t.inProgress}` : item.label}
                    >
                      ${occBody(item, t, live)}
                    </button>
                  </li>`;
                })}
              </ul>`
            : html`<p class="none">${t.nothingDay}</p>`
        }
      </section>`;
    })}
  </div>`;
}

/**
 * The `print` view: a weekly timetable for one landscape page. One row per start time in the
 * week, one column per day, so daily routines line up and each time is printed once.
 */
export function printView(ctx: ViewContext, caption: string): TemplateResult {
  const { t, fmt, items, days } = ctx;
  const starts = [...new Set(days.flatMap((d) => d.layout.segments.map((s) => s.startMin)))].sort(
    (a, b) => a - b,
  );
  return html`<div class="print-box">
    <table class="print" part="print">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <td></td>
          ${days.map(({ column }) => html`<th scope="col">${fmt.dayShort(column)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${starts.map(
          (m) =>
            html`<tr>
              <th scope="row">${fmt.minute(m)}</th>
              ${days.map((d) => {
                const here = d.layout.segments.filter((s) => s.startMin === m);
                return html`<td>
                  ${
                    here.length
                      ? html`<ul role="list">
                          ${here.map((s) => printItem(items[s.item]!, t))}
                        </ul>`
                      : nothing
                  }
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function printItem(item: BoardItem, t: ViewContext['t']): TemplateResult {
  return html`<li class=${occClass(item)} part="occurrence">
    ${titleLine(item)} ${item.badge ? html`<span class="badge">${item.badge}</span>` : nothing}
    <span class="when" part="occurrence-time">${item.when}</span>
    ${item.occ.attendance === 'elective' ? html`<span class="tag">${t.elective}</span>` : nothing}
    ${item.meta ? html`<span class="meta"><bdi>${item.meta}</bdi></span>` : nothing}
    ${item.note ? html`<span class="note">${item.note}</span>` : nothing}
  </li>`;
}

/** Items a kiosk list shows before "and N more", so the panel fits a 16:9 screen. */
export const KIOSK_LIMITS = { now: 3, next: 2, later: 4, changes: 3 } as const;

/** A kiosk card: title, then badge, times and place on one line (read from across a room). */
function card(
  ctx: ViewContext,
  item: BoardItem,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<li class=${occClass(item, ' card')} part="occurrence">
    ${titleLine(item)}
    <span class="line"
      >${item.badge ? html`<span class="badge">${item.badge}</span> ` : nothing}<span
        class="when"
        part="occurrence-time"
        >${item.when}</span
      >${item.meta ? html` · <bdi>${item.meta}</bdi>` : nothing}</span
    >${item.note ? html`<span class="line reason">${item.note}</span>` : nothing}${extra}
  </li>`;
}

function list(
  ctx: ViewContext,
  cls: string,
  title: string,
  items: readonly BoardItem[],
  limit: number,
  none = '',
): TemplateResult | typeof nothing {
  if (!items.length && !none) return nothing;
  const shown = items.length > limit ? items.slice(0, limit - 1) : items;
  return html`<section class=${cls} aria-labelledby=${cls}>
    <h3 id=${cls}>${title}</h3>
    ${
      items.length
        ? html`<ul role="list">
            ${shown.map((i) => card(ctx, i))}
          </ul>`
        : html`<p class="none">${none}</p>`
    }
    ${shown.length < items.length ? html`<p class="none">${ctx.t.andMore(items.length - shown.length)}</p>` : nothing}
  </section>`;
}

/**
 * The `now` view for a 16:9 hallway screen: the clock and what is on now on one side, next and
 * later today on the other, and today's changes in a band across the bottom. Lists are
 * shortened ("and 3 more") so the panel never scrolls.
 */
export function kioskView(ctx: ViewContext, k: KioskModel): TemplateResult {
  const { t, fmt, nowMs } = ctx;
  const now = k.now.length > KIOSK_LIMITS.now ? k.now.slice(0, KIOSK_LIMITS.now - 1) : k.now;
  return html`<div class="kiosk" part="now-panel">
    <div class="k-side">
      <p class="clock">
        <span class="clock-time" part="clock">${fmt.clock(nowMs)}</span>
        <span class="clock-date">${fmt.dayLong(nowMs)}</span>
      </p>
      <section class="k-now" aria-labelledby="k-now">
        <h3 id="k-now">${t.now}</h3>
        ${
          k.now.length
            ? html`<ul role="list">
                ${now.map(({ item, progress, left }) =>
                  card(
                    ctx,
                    item,
                    html`<progress
                        max="100"
                        value=${Math.round(progress * 100)}
                        aria-label=${t.progress(item.occ.title)}
                      ></progress
                      ><span class="left">${t.left(fmt.duration(left))}</span>`,
                  ),
                )}
              </ul>`
            : html`<p class="none">${t.nothingNow}</p>`
        }
        ${now.length < k.now.length ? html`<p class="none">${t.andMore(k.now.length - now.length)}</p>` : nothing}
      </section>
    </div>
    <div class="k-side">
      ${list(
        ctx,
        'k-next',
        `${t.next2}${k.nextIn !== undefined ? ` · ${fmt.relative(k.nextIn)}` : ''}`,
        k.next,
        KIOSK_LIMITS.next,
        t.nothingNext,
      )}
      ${list(ctx, 'k-later', t.later, k.later, KIOSK_LIMITS.later)}
    </div>
    ${list(ctx, 'k-changes', t.changes, k.changes, KIOSK_LIMITS.changes)}
  </div>`;
}
