import { css } from 'lit';

/** Layout of the day/week timeline, the agenda, the kiosk panel and the print sheet. */
export const viewStyles = css`
  /* Day and week: an hour axis and positioned day columns. */
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
  .col-head {
    position: sticky;
    inset-block-start: 0;
    z-index: 6;
    background: var(--_bg);
    padding: 0.25rem;
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
    display: grid;
    grid-auto-rows: var(--_hour);
    font-size: 0.75em;
    color: var(--_muted);
    padding-inline-end: 0.25rem;
    text-align: end;
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
  .gap,
  .now-line {
    position: absolute;
  }
  .col-body > .occ {
    display: block;
    contain: strict;
    margin-block-end: 1px;
    margin-inline-end: 2px;
    z-index: 1;
  }
  .col-body > .dense {
    padding-inline: 1px;
    border-inline-start-width: 2px;
  }
  .col-body > .occ:hover {
    z-index: 2;
  }
  .col-body > .occ > span {
    display: block;
    white-space: nowrap;
  }
  .cb {
    border-block-start-style: dashed;
  }
  .gap {
    background: repeating-linear-gradient(45deg, transparent 0 0.4rem, var(--_alt) 0.4rem 0.8rem);
    color: var(--_muted);
    font-size: 0.75em;
    padding: 0.25rem;
    box-sizing: border-box;
  }
  .now-line {
    border-block-start: 2px solid var(--_now);
    z-index: 4;
    pointer-events: none;
  }
  .more {
    position: absolute;
    inset-inline-end: 0.2rem;
    z-index: 3;
    font-size: 0.75em;
    color: var(--_muted);
    background: var(--_bg);
  }
  .more.after {
    inset-block-end: 0;
  }
  /* Agenda: days as headings with lists; days far off-screen skip rendering. */
  .agenda {
    display: grid;
    gap: var(--_space);
  }
  .agenda > section {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  .agenda h3 {
    font-size: 1em;
    margin-block-end: 0.35rem;
  }
  .agenda ul,
  .kiosk ul {
    display: grid;
    gap: 0.35rem;
  }
  .row,
  .card {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1rem 0.4rem;
  }
  .row {
    position: relative;
    inline-size: 100%;
    font-size: 0.9375em;
    padding: 0.45rem 0.6rem 0.45rem 10em;
    min-block-size: 2.75rem;
  }
  .row > .when {
    position: absolute;
    inset-inline-start: 0.8rem;
    inset-block-start: 0.45rem;
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
  @container (max-width: 30rem) {
    .row {
      padding-inline-start: 0.6rem;
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
    padding-inline-start: 0.6rem;
  }
  .none {
    font-style: italic;
  }
  /* Now (kiosk): large type that scales with the container, for a hallway screen. */
  .kiosk {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    font-size: clamp(1rem, 2.4cqi, 2rem);
  }
  .clock {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 1rem;
  }
  .clock-time {
    font-size: var(--milieu-schedule-board-clock-size, clamp(3rem, 12cqi, 9rem));
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  .kiosk h3 {
    font-size: 1.1em;
    margin-block-end: 0.4rem;
  }
  .kiosk .occ {
    font-size: 1em;
    padding: 0.6rem 0.9rem;
  }
  .kiosk .k-now .title {
    font-size: 1.35em;
  }
  progress {
    flex-basis: 100%;
    block-size: 0.75rem;
    margin-block: 0.4rem 0.1rem;
  }
  /* Print: a timetable for one landscape page; the host page adds @page { size: landscape }. */
  .print {
    inline-size: 100%;
    border-collapse: collapse;
    table-layout: fixed;
    font-size: 0.75em;
  }
  .print caption {
    caption-side: bottom;
    text-align: start;
    color: var(--_muted);
    padding-block-start: 0.25rem;
  }
  .print th,
  .print td {
    border: 1px solid var(--_line);
    padding: 0.125rem;
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
    gap: 0.125rem;
  }
  .print .occ {
    display: block;
    padding: 0.1rem 0.25rem;
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
    .agenda > section {
      content-visibility: visible;
    }
  }
`;
