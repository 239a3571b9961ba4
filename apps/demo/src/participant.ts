// A participant's page of the portal: their own agenda, feedback for a peer and the daily
// reflection. The portal fetches and validates the document once and hands it to the widgets
// as a property; the forms POST to the portal's backend per the @milieu/core contract.
import '@milieu/elements/schedule-board.js';
import '@milieu/elements/feedback-form.js';
import { displayName, type MilieuDocument } from '@milieu/core';
import type { MilieuFeedbackForm } from '@milieu/elements';
import { DEMO_DATE, loadValidDocument } from './portal/api.js';
import { announce, banner, toast } from './portal/shell.js';

/** The signed-in participant (the portal knows who is signed in; the widgets get an id). */
const ME = 'p-12';

const board = document.querySelector('milieu-schedule-board');
const forms = [...document.querySelectorAll('milieu-feedback-form')];
const peerForm = document.querySelector<MilieuFeedbackForm>('#peer-form');
const peerSelect = document.querySelector<HTMLSelectElement>('#peer-select');

function onUnit(doc: MilieuDocument, date: string): MilieuDocument['people']['participants'] {
  return doc.people.participants.filter(
    (p) =>
      p.admissionDate <= date &&
      (p.dischargeDate ?? p.anticipatedDischargeDate ?? '9999-12-31') >= date,
  );
}

function fillPeers(doc: MilieuDocument): void {
  if (!peerSelect || !peerForm) return;
  const peers = onUnit(doc, DEMO_DATE).filter((p) => p.id !== ME);
  peerSelect.replaceChildren(
    ...peers.map((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = displayName(p);
      option.selected = p.id === peerForm.subject;
      return option;
    }),
  );
  peerSelect.addEventListener('change', () => (peerForm.subject = peerSelect.value));
}

try {
  const doc = await loadValidDocument();
  if (board) board.document = doc;
  for (const form of forms) form.document = doc;
  fillPeers(doc);
} catch (error) {
  banner(error instanceof Error ? error.message : 'The page could not be loaded.');
}

board?.addEventListener('milieu-occurrence-select', (event) =>
  announce(`${event.detail.title}: selected.`),
);

let saved = 0;
for (const form of forms) {
  const badge = form.closest('section')?.querySelector<HTMLElement>('.badge');
  form.addEventListener('milieu-draft-change', (event) => {
    // Only whether there is a draft: the portal never copies what was typed.
    if (badge) badge.hidden = Object.keys(event.detail.values).length === 0;
  });
  form.addEventListener('milieu-feedback-submit', () => announce('Sending your feedback…'));
  form.addEventListener('milieu-feedback-saved', () => {
    saved += 1;
    if (badge) badge.hidden = true;
    toast(`Thank you, your feedback was saved (${saved} today).`);
  });
  form.addEventListener('milieu-feedback-error', (event) =>
    toast(`Your feedback was not saved (${event.detail.code}). Your draft is kept.`),
  );
}
