// The hallway TV: the board loads `src` itself and reloads it every five minutes.
import '@milieu/elements/schedule-board.js';
import { banner } from './portal/shell.js';

const board = document.querySelector('milieu-schedule-board');
board?.addEventListener('milieu-load-error', () =>
  banner('The hallway screen could not reach the schedule; it keeps showing the last one.'),
);
