// Gzipped size of `import "@milieu/elements/feedback-form.js"` — Lit, core's feedback module
// (templates, live validation, safety language, the entry schema, the HTTP contract) and the
// element — measured like a user's bundler would ship it (esbuild, minified, tree-shaken).
// Reads the built `dist/` of core and elements: `npm run bench` builds first.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bundleSize, kb } from '../../../scripts/bundle-size.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_GZIP = 20 * 1024;
// A peer form renderer, quoted (not measured here): LHC-Forms' prebuilt web component
// (lhc-forms.js with its zone.js/Angular runtime), about 516 KB gzip, plus about 290 KB gzip
// for its FHIR support (lformsFHIRAll).
const LHC_FORMS_GZIP = 516 * 1024;
const LHC_FORMS_FHIR_GZIP = 290 * 1024;

const entries = {
  'lit alone (reference)': `import { LitElement, html } from 'lit'; export { LitElement, html };`,
  'core: validateFeedback only': `export { validateFeedback } from '@milieu/core';`,
  'core: feedback module used by the form': `export { validateFeedback, buildFeedbackEntry, BUILT_IN_TEMPLATES, readFeedbackResponse, backoffDelay } from '@milieu/core';`,
  '@milieu/elements/feedback-form.js': `import '@milieu/elements/feedback-form.js';`,
};

console.log('entry'.padEnd(46), 'min'.padStart(10), 'min+gzip'.padStart(10));
let form = 0;
for (const [name, code] of Object.entries(entries)) {
  const { raw, gzip } = await bundleSize(code, pkg);
  if (name.startsWith('@milieu/elements/feedback-form')) form = gzip;
  console.log(name.padEnd(46), kb(raw).padStart(10), kb(gzip).padStart(10));
}
console.log(
  'LHC-Forms web component (quoted, not measured)'.padEnd(46),
  ''.padStart(10),
  kb(LHC_FORMS_GZIP).padStart(10),
);
console.log(
  '  + its FHIR support (quoted)'.padEnd(46),
  ''.padStart(10),
  kb(LHC_FORMS_FHIR_GZIP).padStart(10),
);
const verdict = form <= GOAL_GZIP ? 'within' : `over by ${kb(form - GOAL_GZIP)}`;
console.log(
  `\nfeedback form: ${kb(form)} gzip, ${verdict} the ${kb(GOAL_GZIP)} goal; ` +
    `${(LHC_FORMS_GZIP / form).toFixed(0)}× smaller than LHC-Forms without FHIR.`,
);
