// Gzipped size of each registration entry, including Lit and the core code it pulls in.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bundleSize, kb } from '../../../scripts/bundle-size.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  'lit alone (reference)': `import { LitElement, html } from 'lit'; export { LitElement, html };`,
  '@milieu/elements/expectation-card.js': `import '@milieu/elements/expectation-card.js';`,
  '@milieu/elements/schedule-board.js': `import '@milieu/elements/schedule-board.js';`,
  '@milieu/elements/feedback-form.js': `import '@milieu/elements/feedback-form.js';`,
  '@milieu/elements/all.js': `import '@milieu/elements/all.js';`,
  '@milieu/elements (defineMilieuElements)': `import { defineMilieuElements } from '@milieu/elements'; defineMilieuElements();`,
};
console.log('entry'.padEnd(46), 'min'.padStart(10), 'min+gzip'.padStart(10));
for (const [name, code] of Object.entries(entries)) {
  const { raw, gzip } = await bundleSize(code, pkg);
  console.log(name.padEnd(46), kb(raw).padStart(10), kb(gzip).padStart(10));
}
