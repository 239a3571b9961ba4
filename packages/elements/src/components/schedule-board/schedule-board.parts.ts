import { html, nothing, type TemplateResult } from 'lit';
import type { Issue } from '@milieu/core';
import type { LoadErrorDetail } from '../../events/load-error.js';
import type { BoardMessages } from './schedule-board.messages.js';
import { SCHEDULE_VIEWS, type ScheduleView } from './schedule-board.types.js';

/** Issues listed in the invalid-document panel; the rest are counted. */
export const MAX_ISSUES = 5;

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
    <div>
      <h2 class="title-text">${h.title}</h2>
      ${h.subtitle ? html`<p>${h.subtitle}</p>` : nothing}
      ${h.overdue > 0 ? html`<p class="overdue" part="overdue">${t.overdueCount(h.overdue)}</p>` : nothing}
      ${h.range ? html`<p class="range" aria-live="polite">${h.range}</p>` : nothing}
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

/** The request/loader failure panel with a Retry button. */
export function errorPart(
  error: LoadErrorDetail,
  t: BoardMessages,
  retry: (() => void) | null,
): TemplateResult {
  return html`<div class="panel alert" part="error" role="alert">
    <p>${t.error}</p>
    ${error.status ? html`<p>${t.errorStatus(error.status)}</p>` : nothing}
    ${
      retry
        ? html`<button type="button" part="retry-button" @click=${retry}>${t.retry}</button>`
        : nothing
    }
  </div>`;
}

/** The invalid-document panel: the first issues with their JSON pointers. */
export function invalidPart(issues: readonly Issue[], t: BoardMessages): TemplateResult {
  const more = issues.length - MAX_ISSUES;
  return html`<div class="panel alert" part="error" role="alert">
    <p>${t.invalid}</p>
    <ul>
      ${issues
        .slice(0, MAX_ISSUES)
        .map((i) => html`<li><code>${i.path || '/'}</code> ${i.message}</li>`)}
    </ul>
    ${more > 0 ? html`<p>${t.moreIssues(more)}</p>` : nothing}
  </div>`;
}

/** A short status panel (empty, unknown participant, stale data). */
export function notePart(text: string, retry?: () => void, retryLabel = ''): TemplateResult {
  return html`<div class="panel" part="message" role="status">
    <p>${text}</p>
    ${retry ? html`<button type="button" part="retry-button" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
}
