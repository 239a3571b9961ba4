// The portal's own bundle on the two-copies page: the npm ESM entry registers the tags first.
import '@milieu/elements/all.js';
import { MilieuScheduleBoard } from '@milieu/elements';
import { loadValidDocument } from '../portal/document.js';

// After every script ran: which build owns the tag, and which CDN copies loaded.
addEventListener('load', () => {
  const report = document.getElementById('registry-report');
  const versions = (globalThis as { milieuElementsVersions?: string[] }).milieuElementsVersions;
  const owner = customElements.get('milieu-schedule-board') === MilieuScheduleBoard;
  if (report) {
    report.textContent = `<milieu-schedule-board> is registered by ${
      owner ? 'the portal’s npm build' : 'another build'
    }; CDN copies loaded: ${versions?.length ?? 0} (${(versions ?? []).join(', ')}).`;
  }
});

const board = document.querySelector('milieu-schedule-board');
if (board) board.document = await loadValidDocument();
