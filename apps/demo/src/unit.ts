// The unit page of the portal (staff): the week's schedule (the board reads the schedule
// resource from `src`, shaped for the staff session), the selected activity in the portal's own
// side panel, and the community expectations (from the program document, a staff resource). Widgets come from the npm ESM
// entries; the portal's bundler (Vite) deduplicates Lit, core and zod/mini between them.
import '@milieu/elements/schedule-board.js';
import '@milieu/elements/expectation-card.js';
import { isScheduleView, type OccurrenceSelectDetail } from '@milieu/elements';
import { loadDocument } from './portal/document.js';
import { announce, banner, wallClock } from './portal/shell.js';

interface DocumentShape {
  program?: { timeZone?: string; locations?: { id: string; name: string }[] };
  expectations?: {
    items?: { id: string; statement: string; rationale?: string; mutual?: boolean }[];
  };
}

const board = document.querySelector('milieu-schedule-board');
const details = document.getElementById('occurrence-details');
const cards = document.getElementById('expectation-cards');
let loaded: DocumentShape = {};

// A deep link (?view=day&date=2026-03-10) opens the board where the user left it.
const query = new URLSearchParams(location.search);
const view = query.get('view');
const date = query.get('date');
if (board && isScheduleView(view)) board.view = view;
if (board && date && /^\d{4}-\d{2}-\d{2}$/.test(date)) board.date = date;

loadDocument()
  .then((json) => {
    loaded = json as DocumentShape;
    renderExpectations();
  })
  .catch((error: unknown) =>
    banner(error instanceof Error ? error.message : 'The expectations could not be loaded.'),
  );

if (board) {
  board.addEventListener('milieu-occurrence-select', (event) => showDetails(event.detail));
  board.addEventListener('milieu-range-change', (event) => {
    const { view, date } = event.detail;
    history.replaceState(null, '', `?view=${encodeURIComponent(view)}&date=${date}`);
    const zone = loaded.program?.timeZone ?? 'UTC';
    announce(`Showing the ${view} view from ${wallClock(event.detail.from, zone)}.`);
  });
  board.addEventListener('milieu-load-error', (event) =>
    banner(`The schedule could not be loaded. ${event.detail.message}`),
  );
}

function row(list: HTMLElement, term: string, value: string): void {
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = term;
  dd.textContent = value;
  list.append(dt, dd);
}

/** The portal's own panel for the selected activity: built with DOM APIs, text only. */
function showDetails(detail: OccurrenceSelectDetail): void {
  if (!details) return;
  const zone = loaded.program?.timeZone ?? 'UTC';
  const title = document.createElement('h3');
  title.textContent = detail.title;
  const list = document.createElement('dl');
  row(list, 'When', `${wallClock(detail.start, zone)} – ${wallClock(detail.end, zone, false)}`);
  row(list, 'Kind', detail.kind.replaceAll('-', ' '));
  row(list, 'Status', detail.status);
  const link = document.createElement('a');
  link.href = `#attendance/${encodeURIComponent(detail.id)}`;
  link.textContent = 'Take attendance';
  details.replaceChildren(title, list, link);
  details.dataset['occurrence'] = detail.id;
  announce(`Selected ${detail.title}.`);
}

function renderExpectations(): void {
  const items = loaded.expectations?.items ?? [];
  if (!cards || cards.childElementCount > 0) return;
  cards.replaceChildren(
    ...items.map((item) => {
      const card = document.createElement('milieu-expectation-card');
      card.expectation = item;
      return card;
    }),
  );
}

document.addEventListener('milieu-rationale-toggle', (event) =>
  announce(event.detail.open ? 'Reason shown.' : 'Reason hidden.'),
);
