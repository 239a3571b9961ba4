// Gzipped size of `import "@milieu/elements/feedback-form.js"` — Lit, core's feedback module
// (templates, live validation, safety language, the entry schema, the HTTP contract) and the
// element — measured like a user's bundler would ship it (esbuild, minified, tree-shaken).
// Reads the built `dist/` of core and elements: `npm run bench` builds first.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleSize, kb } from '../../../scripts/bundle-size.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_GZIP = 20 * 1024;
// A peer form renderer, quoted (not measured here): LHC-Forms' prebuilt web component
// (lhc-forms.js with its zone.js/Angular runtime), about 516 KB gzip, plus about 290 KB gzip
// for its FHIR support (lformsFHIRAll).
const LHC_FORMS_GZIP = 516 * 1024;
const LHC_FORMS_FHIR_GZIP = 290 * 1024;

/**
 * What a page downloads for `code` when the bundler splits dynamic imports into chunks (as
 * every bundler does): the entry chunk and its static imports, plus the chunks of the dynamic
 * imports whose source path matches `follow` (the lazy paths that page takes).
 */
async function splitSize(code, follow = () => false) {
  const result = await build({
    stdin: { contents: code, resolveDir: pkg, loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outdir: join(pkg, '.bench-out'),
    write: false,
    metafile: true,
    legalComments: 'none',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const bytes = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  const abs = (p) => join(process.cwd(), p);
  const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint === '<stdin>');
  const seen = new Set();
  const visit = (p) => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const i of outputs[p].imports) {
      if (i.kind === 'import-statement') visit(i.path);
      else if (i.kind === 'dynamic-import') {
        const inputs = Object.keys(outputs[i.path]?.inputs ?? {});
        if (inputs.some((x) => follow(x))) visit(i.path);
      }
    }
  };
  visit(entry);
  let raw = 0;
  let gzip = 0;
  for (const p of seen) {
    const b = bytes.get(abs(p));
    raw += b.length;
    gzip += gzipSync(b, { level: 9 }).length; // each chunk is its own download
  }
  return { raw, gzip, chunks: seen.size };
}

const entries = {
  'lit alone (reference)': `import { LitElement, html } from 'lit'; export { LitElement, html };`,
  'core: validateFeedback only': `export { validateFeedback } from '@milieu/core';`,
  'core: feedback module used by the form': `export { validateFeedback, buildFeedbackEntry, BUILT_IN_TEMPLATES, readFeedbackResponse, backoffDelay } from '@milieu/core';`,
  '@milieu/elements/feedback-form.js, one bundle': `import '@milieu/elements/feedback-form.js';`,
};

console.log('entry'.padEnd(46), 'min'.padStart(10), 'min+gzip'.padStart(10));
let form = 0;
for (const [name, code] of Object.entries(entries)) {
  const { raw, gzip } = await bundleSize(code, pkg);
  if (name.startsWith('@milieu/elements/feedback-form')) form = gzip;
  console.log(name.padEnd(46), kb(raw).padStart(10), kb(gzip).padStart(10));
}
// The form as pages load it (dynamic imports split into chunks):
const FORM = `import '@milieu/elements/feedback-form.js';`;
const paths = {
  'feedback-form.js fed by context-src': () => false,
  '  … with built-in templates (no template given)': (p) => p.includes('feedback-form.builtins'),
  '  … given a whole document (staff tools)': (p) =>
    p.includes('feedback-form.document') || p.includes('feedback-form.builtins'),
};
let fromContext = 0;
for (const [name, follow] of Object.entries(paths)) {
  const { raw, gzip, chunks } = await splitSize(FORM, follow);
  if (name.includes('context-src')) fromContext = gzip;
  console.log(name.padEnd(46), kb(raw).padStart(10), kb(gzip).padStart(10), ` ${chunks} chunk(s)`);
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
const verdict = fromContext <= GOAL_GZIP ? 'within' : `over by ${kb(fromContext - GOAL_GZIP)}`;
console.log(
  `\nfeedback form fed by context-src: ${kb(fromContext)} gzip, ${verdict} the ${kb(GOAL_GZIP)} goal; ` +
    `${(LHC_FORMS_GZIP / fromContext).toFixed(0)}× smaller than LHC-Forms without FHIR.\n` +
    `(one bundle with every lazy path inlined: ${kb(form)} gzip)`,
);
