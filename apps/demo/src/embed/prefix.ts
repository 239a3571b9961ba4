// Default tags from the registering entry, plus every element again under the `acme-` prefix
// from the package root (the no-auto-define entry).
import '@milieu/elements/all.js';
import { defineMilieuElements, type MilieuScheduleBoard } from '@milieu/elements';
import { loadValidDocument } from '../portal/document.js';
import { announce, banner } from '../portal/shell.js';

const added = defineMilieuElements({ prefix: 'acme' });
announce(`Registered ${added.join(', ')}.`);

try {
  const doc = await loadValidDocument();
  for (const board of document.querySelectorAll<MilieuScheduleBoard>(
    'milieu-schedule-board, acme-schedule-board',
  )) {
    board.document = doc;
  }
} catch (error) {
  banner(error instanceof Error ? error.message : 'The schedule could not be loaded.');
}
