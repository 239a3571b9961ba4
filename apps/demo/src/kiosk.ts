// The hallway TV: signed in with a kiosk token, the board loads the schedule resource (`src`)
// itself and reloads it every five minutes. A kiosk's schedule names no participant, and staff
// only as the program's `policy.displayNames` allows.
import '@milieu/elements/schedule-board.js';
import { banner } from './portal/shell.js';

const board = document.querySelector('milieu-schedule-board');
board?.addEventListener('milieu-load-error', () =>
  banner('The hallway screen could not reach the schedule; it keeps showing the last one.'),
);
