// A participant's page of the portal: their own agenda, feedback for a peer and the daily
// reflection. Everything comes from role-shaped resources read with the participant's own
// session: the board reads the schedule resource (`src`, own schedule only), the forms read the
// feedback context (`context-src`: templates, the writer's own goals, peers as id and display
// name). The page never receives the program document.
import '@milieu/elements/schedule-board.js';
import '@milieu/elements/feedback-form.js';
import type { MilieuFeedbackForm } from '@milieu/elements';
import { loadFeedbackContext } from './portal/api.js';
import { announce, banner, toast } from './portal/shell.js';

const board = document.querySelector('milieu-schedule-board');
const forms = [...document.querySelectorAll('milieu-feedback-form')];
const peerForm = document.querySelector<MilieuFeedbackForm>('#peer-form');
const peerSelect = document.querySelector<HTMLSelectElement>('#peer-select');

/** The portal's own peer picker: whom the participant may write about, by id and display name. */
async function fillPeers(): Promise<void> {
  if (!peerSelect || !peerForm) return;
  const context = await loadFeedbackContext('peer');
  const me = context.author?.id;
  const peers = context.people.filter((p) => p.id !== me);
  peerSelect.replaceChildren(
    ...peers.map((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.name;
      return option;
    }),
  );
  if (peers[0]) peerForm.subject = peers[0].id;
  peerSelect.addEventListener('change', () => (peerForm.subject = peerSelect.value));
}

fillPeers().catch((error: unknown) =>
  banner(error instanceof Error ? error.message : 'The page could not be loaded.'),
);

board?.addEventListener('milieu-occurrence-select', (event) =>
  announce(`${event.detail.title}: selected.`),
);
board?.addEventListener('milieu-load-error', (event) =>
  banner(`Your schedule could not be loaded. ${event.detail.message}`),
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
