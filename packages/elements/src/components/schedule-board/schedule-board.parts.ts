import { html, nothing, type TemplateResult } from 'lit';
import type { LoadErrorDetail } from '../../events/load-error.js';
import type { BoardMessages, ErrorKind } from './schedule-board.messages.js';
import { SCHEDULE_VIEWS, type ScheduleView } from './schedule-board.types.js';

/** What the header shows. */
export interface HeaderData {
  title: string;
  subtitle: string;
  range: string;
  view: ScheduleView | null;
  zoneNote: string;
  controls: boolean;
  /** Occurrences that ended without complete attendance (staff boards; 0 hides the count). */
  overdue: number;
}

/** Handlers of the header's buttons. */
export interface HeaderActions {
  prev: () => void;
  today: () => void;
  next: () => void;
  view: (e: Event) => void;
}

/** Title, range, previous/today/next, the view switcher and the time-zone note. */
export function headerPart(h: HeaderData, t: BoardMessages, on: HeaderActions): TemplateResult {
  const unit = h.view === 'day' ? 'day' : 'week';
  return html`<header class="header" part="header">
    <div class="heading">
      <h2 class="title-text"><bdi>${h.title}</bdi></h2>
      ${h.subtitle ? html`<p class="subtitle">${h.subtitle}</p>` : nothing}
      ${h.overdue > 0 ? html`<p class="overdue" part="overdue">${t.overdueCount(h.overdue)}</p>` : nothing}
      ${h.range ? html`<p class="range" aria-live="polite"><bdi>${h.range}</bdi></p>` : nothing}
    </div>
    ${
      h.controls && h.view
        ? html`<div class="toolbar" part="toolbar">
            ${
              h.view === 'now'
                ? nothing
                : html`<div class="group" role="group" aria-label=${t.navGroup}>
                    <button
                      type="button"
                      part="nav-button"
                      aria-label=${t.previous[unit]}
                      @click=${on.prev}
                    >
                      ‹
                    </button>
                    <button type="button" part="nav-button" @click=${on.today}>${t.today}</button>
                    <button
                      type="button"
                      part="nav-button"
                      aria-label=${t.next[unit]}
                      @click=${on.next}
                    >
                      ›
                    </button>
                  </div>`
            }
            <div class="group" role="group" aria-label=${t.viewGroup}>
              ${SCHEDULE_VIEWS.map(
                (v) =>
                  html`<button
                    type="button"
                    part="view-button"
                    data-view=${v}
                    aria-pressed=${v === h.view ? 'true' : 'false'}
                    @click=${on.view}
                  >
                    ${t.views[v]}
                  </button>`,
              )}
            </div>
          </div>`
        : nothing
    }
    <div class="actions"><slot name="actions"></slot></div>
    ${h.zoneNote ? html`<p class="zone" part="zone-note">${h.zoneNote}</p>` : nothing}
  </header>`;
}

/** The loading skeleton, announced once. */
export function loadingPart(t: BoardMessages): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status">
    <span class="sr">${t.loading}</span><span></span><span></span><span></span><span></span>
  </div>`;
}

/**
 * The kind of a load failure: 404 not found, 401/403 no permission, 5xx server, offline (the
 * device says so, or the request never reached a server), else other.
 */
export function errorKind(error: LoadErrorDetail, online: boolean): ErrorKind {
  const status = error.status;
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'forbidden';
  if (status !== undefined && status >= 500) return 'server';
  if (!online || (status === undefined && /^Network error/.test(error.message))) return 'offline';
  return 'other';
}

/** Whether Retry can help: not for a missing schedule or a missing permission. */
export const retryHelps = (kind: ErrorKind): boolean =>
  kind !== 'not-found' && kind !== 'forbidden';

/** The failure panel: what happened, what to do, and Retry only where it can help. */
export function errorPart(
  kind: ErrorKind,
  t: BoardMessages,
  retry: (() => void) | null,
): TemplateResult {
  const words = t.errors[kind];
  return html`<div class="panel alert" part="error" role="alert" data-kind=${kind}>
    <p class="alert-title">${words.title}</p>
    <p>${words.action}</p>
    ${
      retry && retryHelps(kind)
        ? html`<button type="button" part="retry-button" @click=${retry}>${t.retry}</button>`
        : nothing
    }
  </div>`;
}

/** The invalid-response panel: plain words; the JSON pointers go to the console and the event. */
export function invalidPart(t: BoardMessages): TemplateResult {
  return html`<div class="panel alert" part="error" role="alert" data-kind="invalid">
    <p class="alert-title">${t.invalid.title}</p>
    <p>${t.invalid.action}</p>
  </div>`;
}

/** A short status panel (empty, unknown participant, stale data). */
export function notePart(text: string, retry?: () => void, retryLabel = ''): TemplateResult {
  return html`<div class="panel" part="message" role="status">
    <p>${text}</p>
    ${retry ? html`<button type="button" part="retry-button" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
}
