import { css } from 'lit';

/**
 * Layout of the day/week timeline, the agenda, the kiosk panel and the print sheet. (No comments
 * inside the CSS: they would ship in the bundle.)
 *
 * - Timeline: an hour axis, sticky while the days scroll sideways on phones, and positioned day
 *   columns. A card shows the lines its height holds (`l1`: title and time on one line, the
 *   title first); a card is a size container, so a narrow one-line card drops the time, which its
 *   accessible name still says. The now-line runs behind the cards (never through their text),
 *   with a dot in the hour column, so it never reads as a cancellation's strikethrough.
 * - Agenda: days as headings with lists; on a phone it is its own scroll box, so it opens at
 *   today (or `date`) without moving the page.
 * - Kiosk, for a 16:9 screen: clock and now | next and later, changes in a band; type scales
 *   with the board's width (1.4cqi: 18 px at 1280 px, 54 px at 3840 px), never below the host's
 *   text size.
 * - Print: a timetable for one landscape page; the host page adds `@page { size: landscape }`.
 */
export const viewStyles = css`
  .timeline {
    display: grid;
    grid-template-columns: auto repeat(var(--_days), minmax(var(--_min-col), 1fr));
    grid-template-rows: auto auto;
    overflow-x: auto;
  }
  .axis,
  .col {
    display: grid;
    grid-row: span 2;
    grid-template-rows: subgrid;
    min-inline-size: 0;
  }
  .axis {
    min-inline-size: max-content;
    position: sticky;
    inset-inline-start: 0;
    z-index: 7;
    background: var(--_bg);
  }
  .col-head {
    position: sticky;
    inset-block-start: 0;
    z-index: 6;
    background: var(--_bg);
    padding: 0.25em;
    font-size: 0.9em;
    text-align: center;
    border-block-end: 1px solid var(--_line);
  }
  .today .col-head,
  .today > h3 {
    color: var(--_accent);
  }
  .col-head .tag-today,
  .dst {
    display: block;
    font-size: 0.8em;
  }
  .dst {
    font-weight: 400;
    color: var(--_muted);
  }
  .axis-body {
    position: relative;
    display: grid;
    grid-auto-rows: var(--_hour);
    color: var(--_muted);
    padding-inline-end: 0.25em;
    text-align: end;
  }
  .axis-body span {
    font-size: 0.75em;
    white-space: nowrap;
  }
  .axis-body span:not(:first-child) {
    transform: translateY(-0.6em);
  }
  .col-body {
    position: relative;
    contain: layout;
    block-size: calc((var(--_w1) - var(--_w0)) * var(--_ppm));
    border-inline-start: 1px solid var(--_line);
    background-image: linear-gradient(to bottom, var(--_alt) 1px, transparent 1px);
    background-size: 100% var(--_hour);
  }
  .today .col-body {
    background-color: color-mix(in srgb, var(--_accent) 6%, transparent);
  }
  .col-body > .occ,
  .col-body > .fold,
  .gap,
  .now-line {
    position: absolute;
  }
  .col-body > .occ,
  .col-body > .fold {
    display: block;
    contain: strict;
    min-block-size: max(24px, 1.75em);
    margin-block-end: 1px;
    margin-inline-end: 2px;
    z-index: 1;
  }
  .col-body > .occ:hover {
    z-index: 2;
  }
  .col-body > .occ > span {
    display: block;
  }
  .col-body > .occ {
    container-type: inline-size;
  }
  @container (max-width: 10em) {
    .col-body > .l1 > .time {
      display: none;
    }
  }
  .col-body > .l1 {
    display: flex;
    gap: 0.4em;
    align-items: baseline;
  }
  .col-body > .l1 > .title {
    flex: 0 0 auto;
    max-inline-size: 100%;
  }
  .col-body > .l1 > .time {
    flex: 0 1 auto;
    min-inline-size: 0;
    font-weight: 400;
  }
  .fold {
    box-sizing: border-box;
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_alt);
    color: var(--_fg);
    font-size: 0.8125em;
    font-weight: 650;
    padding: 0.15em 0.3em;
  }
  .cb {
    border-block-start-style: dashed;
  }
  .gap {
    background: repeating-linear-gradient(45deg, transparent 0 0.4em, var(--_alt) 0.4em 0.8em);
    color: var(--_muted);
    font-size: 0.75em;
    padding: 0.25em;
    box-sizing: border-box;
  }
  .now-line {
    border-block-start: 2px solid var(--_now);
    z-index: 0;
  }
  .now-mark {
    position: absolute;
    border-block-start: 2px solid var(--_now);
    inset-block-start: var(--_at);
    inset-inline-end: 0;
    inline-size: 0.5em;
  }
  .now-line::before,
  .now-mark::before {
    content: '';
    position: absolute;
    inset-inline-start: -1px;
    inset-block-start: calc(-0.35em - 1px);
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--_now);
  }
  .more {
    position: absolute;
    inset-inline-end: 0.2em;
    z-index: 3;
    font-size: 0.75em;
    color: var(--_muted);
    background: var(--_bg);
  }
  .more.after {
    inset-block-end: 0;
  }
  .agenda {
    display: grid;
    gap: var(--_space);
  }
  @container (max-width: 30em) {
    .agenda {
      max-block-size: var(--milieu-schedule-board-agenda-height, 36em);
      overflow-y: auto;
      overscroll-behavior: contain;
    }
  }
  .agenda h3 {
    font-size: 1em;
    margin-block-end: 0.35em;
  }
  .agenda ul,
  .kiosk ul {
    display: grid;
    gap: 0.35em;
  }
  .row,
  .card {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1em 0.4em;
  }
  .row {
    position: relative;
    inline-size: 100%;
    font-size: 0.9375em;
    padding: 0.45em 0.6em 0.45em 10em;
    min-block-size: 2.75em;
  }
  .row > .when {
    position: absolute;
    inset-inline-start: 0.8em;
    inset-block-start: 0.45em;
    inline-size: 9em;
    font-variant-numeric: tabular-nums;
  }
  .row > .kind,
  .row > .meta,
  .row > .note,
  .card > .when,
  .card > .kind,
  .card > .meta,
  .card > .note {
    flex-basis: 100%;
  }
  @container (max-width: 30em) {
    .row {
      padding-inline-start: 0.6em;
    }
    .row > .when {
      position: static;
      order: -1;
      flex-basis: 100%;
    }
  }
  .gap-row,
  .none {
    color: var(--_muted);
    font-size: 0.875em;
    padding-inline-start: 0.6em;
  }
  .none {
    font-style: italic;
  }
  .v-now {
    font-size: max(1em, 1.25cqi);
  }
  .kiosk {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0.6em 1.2em;
    font-size: max(1em, 1.4cqi);
  }
  .v-now .header,
  .v-now .zone {
    font-size: 0.8em;
  }
  .k-side {
    display: grid;
    align-content: start;
    gap: 0.6em;
    min-inline-size: 0;
  }
  .k-changes {
    grid-column: 1 / -1;
  }
  @container (max-width: 48em) {
    .kiosk,
    .k-changes ul {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .k-changes ul {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .clock {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.6em;
  }
  .clock-time {
    font-size: var(--milieu-schedule-board-clock-size, 3.2em);
    font-weight: 700;
    line-height: 1.4;
    margin-block: -0.2em;
    font-variant-numeric: tabular-nums;
  }
  .kiosk h3 {
    font-size: 1.05em;
    margin-block-end: 0.3em;
  }
  .kiosk ul {
    gap: 0.3em;
  }
  .kiosk .occ {
    font-size: 1em;
    padding: 0.35em 0.6em;
    min-block-size: 44px;
    min-inline-size: 0;
  }
  .card {
    display: flex;
    flex-direction: column;
    flex-wrap: nowrap;
    align-items: stretch;
  }
  .card > * {
    flex-shrink: 0;
  }
  .card > .title,
  .card > .line {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .kiosk .k-now .title {
    font-size: 1.2em;
  }
  progress {
    inline-size: 100%;
    block-size: 0.5em;
    margin-block: 0.25em 0;
  }
  .print-box {
    overflow-x: auto;
  }
  .print {
    inline-size: 100%;
    min-inline-size: 52em;
    border-collapse: collapse;
    table-layout: fixed;
    font-size: 0.75em;
  }
  .print caption {
    caption-side: bottom;
    text-align: start;
    color: var(--_muted);
    padding-block-start: 0.25em;
  }
  .print th,
  .print td {
    border: 1px solid var(--_line);
    padding: 0.125em;
    vertical-align: top;
    text-align: start;
  }
  .print thead th {
    text-align: center;
  }
  .print tbody th {
    inline-size: 5.5em;
    white-space: nowrap;
  }
  .print thead td {
    inline-size: 5.5em;
    border: 0;
  }
  .print ul {
    display: grid;
    gap: 0.125em;
  }
  .print .occ {
    display: block;
    padding: 0.1em 0.25em;
  }
  .print .occ .title,
  .print .badge {
    white-space: normal;
    overflow-wrap: break-word;
  }
  .print .meta,
  .print .note {
    display: block;
    font-size: 0.9em;
  }
  @media print {
    .print {
      font-size: 7pt;
    }
    .timeline {
      overflow: visible;
    }
    .agenda {
      max-block-size: none;
      overflow: visible;
    }
  }
`;
