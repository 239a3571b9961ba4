// The portal's own script: registers the widgets it embeds and listens to their events,
// the way a hospital portal would.
import '@milieu/elements/expectation-card.js';

const log = document.getElementById('event-log');
document.addEventListener('milieu-rationale-toggle', (event) => {
  if (log) log.textContent = `Reason ${event.detail.open ? 'shown' : 'hidden'}.`;
});
