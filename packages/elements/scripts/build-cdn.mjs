// CDN builds for a plain <script type="module"> (no bundler), minified, Lit's production build:
//
//   dist/cdn/<tag>.js       registers one tag, e.g. schedule-board.js. An ES module that loads
//                           its code from dist/cdn/chunks/: the widget files share ONE Lit and
//                           ONE core (each module of the build lives in exactly one chunk), so
//                           any set of them runs on a page under `trusted-types lit-html`.
//   dist/cdn/index.js       registers nothing: `import { defineMilieuElements } from '…/cdn/index.js'`
//                           (shares the same chunks)
//   dist/cdn/chunks/*.js    the shared code: `<tag>.js` (one registration each) and
//                           `chunk-<content hash>.js` (Lit, core, zod/mini, the elements)
//   dist/cdn/bare-lit/…     the same files for a host page that already runs Lit: `lit`,
//                           `lit/*`, `@lit/*`, `lit-html` and `lit-element` stay bare specifiers
//                           for the host's import map to resolve to its own Lit
//   dist/cdn/all.js         registers every tag: one self-contained file, no imports at all
//   dist/cdn/integrity.json version, bytes, gzip bytes and SHA-384 (Subresource Integrity) of
//                           every file above
//
// The registering files are inert when their tags are already defined: `<tag>.js` imports its
// chunk (and so Lit) only when the tag is missing, and all.js keeps its whole bundle behind
// `if (some tag is missing)`. So a second copy (the same file under another URL, another
// version, all.js, or the npm build first) does not evaluate a second Lit. That matters under
// `trusted-types lit-html` without 'allow-duplicates': every Lit copy that runs creates a Trusted
// Types policy named `lit-html`, and the second one is a CSP violation and a TypeError.
// Each registering file also appends its version to `globalThis.milieuElementsVersions` (like
// Lit's `litElementVersions`), so support staff can see which builds a portal page loaded.
//
// Chunk names are content hashes: the same sources give the same names, build after build.
// The README lists every file with its integrity (`--readme`), and a test fails when it is stale.
//
// CLI:
//   node scripts/build-cdn.mjs                       build into dist/cdn (part of `npm run build`)
//   node scripts/build-cdn.mjs --readme              build, then rewrite the README's and the
//                                                    embedding guide's snippets
//   node scripts/build-cdn.mjs --check-readme        fresh build in a temp dir; exit 1 when the
//                                                    README's version or hashes differ from it
//   node scripts/build-cdn.mjs --out DIR --version V build elsewhere, stamped with version V
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(PKG_DIR, '..', '..', 'README.md');
const PKG_VERSION = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8')).version;

/** Every public tag, unprefixed; each has `src/components/<name>/<name>.ts`. */
export const CDN_TAGS = ['expectation-card', 'schedule-board', 'feedback-form'];
/** Where a portal would load the files from (pinned to an exact version). */
export const CDN_BASE = 'https://cdn.jsdelivr.net/npm/@milieu/elements';
/** The file the README's `<script>` example loads. */
const EXAMPLE_FILE = 'schedule-board.js';
const START =
  '<!-- cdn-integrity:start (written by `node packages/elements/scripts/build-cdn.mjs --readme`) -->';
const END = '<!-- cdn-integrity:end -->';
const GUIDE = join(PKG_DIR, 'docs', 'embedding.md');
const GUIDE_START =
  '<!-- cdn-importmap:start (written by `node packages/elements/scripts/build-cdn.mjs --readme`) -->';
const GUIDE_END = '<!-- cdn-importmap:end -->';

const common = {
  bundle: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  // Sources of elements and core, and Lit's production build (no `development` condition).
  conditions: ['@milieu/source', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'eof',
  write: false,
  logLevel: 'warning',
};

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Lit's packages, as they are imported by us, by @lit/task and by Lit itself. */
const LIT_SPECIFIER = /^(?:lit|lit-html|lit-element|@lit\/reactive-element)(?:\/.*)?$/;

/**
 * For a host page that runs its own Lit: keeps every Lit import a bare specifier under the
 * `lit` package (`lit`, `lit/…`), the two names a host's import map needs. Lit's own packages
 * re-export through `lit` (`@lit/reactive-element` and `lit-html` from `lit`, their
 * `directive.js`, `directives/*` and `is-server.js` under `lit/`).
 */
const bareLit = {
  name: 'bare-lit',
  setup(b) {
    b.onResolve({ filter: LIT_SPECIFIER }, ({ path }) => {
      const [pkg, rest = ''] = path.startsWith('@')
        ? [path.split('/').slice(0, 2).join('/'), path.split('/').slice(2).join('/')]
        : [path.split('/')[0], path.split('/').slice(1).join('/')];
      let to = path;
      if (pkg !== 'lit') {
        if (!rest || /^(?:reactive-element|lit-html|lit-element|index)\.js$/.test(rest)) to = 'lit';
        else if (/^decorators\//.test(rest)) to = 'lit/decorators.js';
        else to = `lit/${rest}`;
      }
      return { path: to, external: true };
    });
  },
};

/**
 * One flavour of the shared build into `outDir`: `chunks/<tag>.js` (one registration each) and
 * `index.js` as esbuild entries with code splitting, then one tiny `<tag>.js` per tag that
 * imports its chunk only while the tag is missing.
 *
 * @returns {Promise<Record<string, string>>} file (relative to `outDir`) → text
 */
async function sharedBuild({ prefix, mark, banner, plugins = [] }) {
  const src = (name) => join(PKG_DIR, 'src', 'components', name, `${name}.ts`);
  const entryPoints = { index: join(PKG_DIR, 'src', 'index.ts') };
  for (const name of CDN_TAGS) entryPoints[`chunks/${name}`] = src(name);
  const result = await build({
    ...common,
    entryPoints,
    format: 'esm',
    splitting: true,
    outdir: join(PKG_DIR, 'dist', 'cdn-tmp'), // only names matter: write is false
    chunkNames: 'chunks/[name]-[hash]',
    plugins,
  });
  const outputs = {};
  const root = join(PKG_DIR, 'dist', 'cdn-tmp');
  for (const f of result.outputFiles) {
    const name = relative(root, f.path).split(sep).join('/');
    const text = f.text.trim();
    outputs[prefix + name] =
      name === 'index.js' ? `${banner(prefix + name)}${mark}\n${text}\n` : `${text}\n`;
  }
  for (const name of CDN_TAGS) {
    const guard = `if(!customElements.get(${JSON.stringify(`milieu-${name}`)}))`;
    outputs[`${prefix}${name}.js`] =
      `${banner(`${prefix}${name}.js`)}${mark}\n${guard}await import("./chunks/${name}.js");\n`;
  }
  return outputs;
}

/** The files a registering file loads, itself first: its static and dynamic imports, transitively. */
function closure(outputs, file) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !(name in outputs)) return;
    seen.add(name);
    const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
    for (const m of outputs[name].matchAll(/\b(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      visit(new URL(m[1], `https://x/${dir}`).pathname.slice(1));
    }
  };
  visit(file);
  return [...seen];
}

/**
 * Builds the CDN files.
 *
 * @param {{ outDir?: string, version?: string }} [options]
 * @returns {Promise<{ version: string, files: Record<string, { bytes: number, gzip: number, integrity: string }>, loads: Record<string, { files: string[], gzip: number }> }>}
 */
export async function buildCdn({
  outDir = join(PKG_DIR, 'dist', 'cdn'),
  version = PKG_VERSION,
} = {}) {
  const mark = `(globalThis.milieuElementsVersions??=[]).push(${JSON.stringify(version)});`;
  const banner = (name) => `/*! @milieu/elements ${version} | cdn/${name} | MIT */\n`;

  // all.js: one self-contained IIFE behind a registration guard.
  const all = await build({
    ...common,
    entryPoints: [join(PKG_DIR, 'src', 'all.ts')],
    format: 'iife',
    outfile: 'all.js',
  });
  const test = `${JSON.stringify(CDN_TAGS.map((t) => `milieu-${t}`))}.some(t=>!customElements.get(t))`;
  const outputs = {
    'all.js': `${banner('all.js')}${mark}\nif(${test}){${all.outputFiles[0].text.trim()}\n}\n`,
    ...(await sharedBuild({ prefix: '', mark, banner })),
    ...(await sharedBuild({ prefix: 'bare-lit/', mark, banner, plugins: [bareLit] })),
  };

  rmSync(outDir, { recursive: true, force: true });
  const files = {};
  for (const name of Object.keys(outputs).sort(byEntryFirst)) {
    const bytes = Buffer.from(outputs[name], 'utf8');
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), bytes);
    files[name] = {
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      integrity: sri(bytes),
    };
  }
  /** What a page downloads for each registering file (gzip sizes summed). */
  const loads = {};
  for (const name of Object.keys(files).filter(isEntry)) {
    const needed = closure(outputs, name);
    loads[name] = { files: needed, gzip: needed.reduce((n, f) => n + files[f].gzip, 0) };
  }
  const manifest = { version, files, loads };
  writeFileSync(join(outDir, 'integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** A file a page loads with a `<script>` or `import` (not a chunk). */
const isEntry = (name) => !name.includes('chunks/');
const ENTRY_ORDER = ['all.js', ...CDN_TAGS.map((t) => `${t}.js`), 'index.js'];
/** all.js, the tags, index.js, then chunks; the bare-lit flavour after the default one. */
function byEntryFirst(a, b) {
  const rank = (n) => {
    const bare = n.startsWith('bare-lit/') ? 100 : 0;
    const base = n.replace(/^bare-lit\//, '');
    const i = ENTRY_ORDER.indexOf(base);
    return bare + (i < 0 ? 50 : i);
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The absolute URL of a CDN file of `version`. */
const cdnUrl = (version, name) => `${CDN_BASE}@${version}/dist/cdn/${name}`;

/** The `<script type="importmap">` giving `integrity` to every chunk `entries` load, and their tags. */
function importMapHtml({ version, files, loads }, entries) {
  const chunks = [...new Set(entries.flatMap((e) => loads[e].files))].filter((f) => !isEntry(f));
  const integrity = Object.fromEntries(
    chunks.sort().map((f) => [cdnUrl(version, f), files[f].integrity]),
  );
  const map = JSON.stringify({ integrity }, null, 2).split('\n').join('\n  ');
  return [
    '<script type="importmap">',
    `  ${map}`,
    '</script>',
    ...entries.flatMap((e) => [
      '<script',
      '  type="module"',
      `  src="${cdnUrl(version, e)}"`,
      `  integrity="${files[e].integrity}"`,
      '  crossorigin="anonymous"',
      '></script>',
    ]),
  ];
}

/** The README block (between the markers) for a build manifest. */
export function readmeSnippet(manifest) {
  const { version, files, loads } = manifest;
  const rows = Object.entries(files).map(
    ([name, f]) =>
      `| \`${name}\` | ${kb(f.gzip)} | ${loads[name] ? kb(loads[name].gzip) : '—'} | \`${f.integrity}\` |`,
  );
  return [
    START,
    '',
    '```html',
    ...importMapHtml(manifest, [EXAMPLE_FILE]),
    '```',
    '',
    `Files of \`@milieu/elements@${version}\` (\`dist/cdn/\`), minified and gzipped (level 9); "with imports" adds the chunks a file loads:`,
    '',
    '| file | gzip | with imports | integrity |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/** The embedding guide's block: an import map with `integrity` for two widgets' chunks. */
export function guideSnippet(manifest) {
  return [
    GUIDE_START,
    '',
    '```html',
    ...importMapHtml(manifest, ['schedule-board.js', 'feedback-form.js']),
    '<milieu-schedule-board src="/api/v1/occurrences"></milieu-schedule-board>',
    '<milieu-feedback-form context-src="/api/v1/feedback/context"></milieu-feedback-form>',
    '```',
    '',
    GUIDE_END,
  ].join('\n');
}

/** The version and `file → integrity` pairs a block between `start` and `end` states. */
export function readmeIntegrity(text, start = START, end = END) {
  const from = text.indexOf(start.slice(0, 25));
  const to = text.indexOf(end);
  if (from < 0 || to < from) return null;
  const block = text.slice(from, to);
  const pairs = {};
  const re = /((?:bare-lit\/)?(?:chunks\/)?[\w-]+\.js)\b[^]*?(sha384-[A-Za-z0-9+/]+={0,2})/g;
  for (const m of block.matchAll(re)) {
    const [, name, hash] = m;
    if (pairs[name] && pairs[name] !== hash) pairs[name] = 'conflicting hashes';
    else pairs[name] = hash;
  }
  const version = /@milieu\/elements@([^/\s`]+)\/dist\/cdn/.exec(block)?.[1] ?? null;
  return { version, files: pairs };
}

/** Differences between a document's block and the one a manifest gives (empty when up to date). */
function blockDifferences(text, expected, start, end, label) {
  const stated = readmeIntegrity(text, start, end);
  if (!stated) return [`${label} has no block between ${start.slice(0, 25)}… and ${end}`];
  const want = readmeIntegrity(expected, start, end);
  const out = [];
  if (stated.version !== want.version) {
    out.push(`${label} version: ${stated.version}, build ${want.version}`);
  }
  for (const [name, hash] of Object.entries(want.files)) {
    if (stated.files[name] !== hash) {
      out.push(`${label} ${name}: ${stated.files[name] ?? '(missing)'}, build ${hash}`);
    }
  }
  for (const name of Object.keys(stated.files)) {
    if (!want.files[name]) out.push(`${label} ${name}: listed but not built`);
  }
  return out;
}

/** Differences between the README's block and a manifest (empty when up to date). */
export function readmeDifferences(text, manifest) {
  return blockDifferences(text, readmeSnippet(manifest), START, END, 'README.md');
}

/** Differences between the embedding guide's import-map block and a manifest. */
export function guideDifferences(text, manifest) {
  return blockDifferences(
    text,
    guideSnippet(manifest),
    GUIDE_START,
    GUIDE_END,
    'docs/embedding.md',
  );
}

async function writeBlock(file, snippet, start, end) {
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(start.slice(0, 25));
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: markers ${start} … ${end} not found`);
  const next = text.slice(0, from) + snippet + text.slice(to + end.length);
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
}

async function writeReadme(manifest) {
  await writeBlock(README, readmeSnippet(manifest), START, END);
  await writeBlock(GUIDE, guideSnippet(manifest), GUIDE_START, GUIDE_END);
}

function flag(name) {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : (process.argv[i + 1] ?? '');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--check-readme')) {
    const dir = mkdtempSync(join(tmpdir(), 'milieu-cdn-check-'));
    try {
      const manifest = await buildCdn({ outDir: dir });
      const diff = [
        ...readmeDifferences(readFileSync(README, 'utf8'), manifest),
        ...guideDifferences(readFileSync(GUIDE, 'utf8'), manifest),
      ];
      if (diff.length) {
        console.error(
          `README.md's CDN snippet is stale:\n  ${diff.join('\n  ')}\n` +
            'Run `node packages/elements/scripts/build-cdn.mjs --readme` (or `npm run cdn:readme`)' +
            ' and commit README.md and packages/elements/docs/embedding.md.',
        );
        process.exitCode = 1;
      } else console.log('README.md CDN integrity matches a fresh build.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const outDir = flag('--out');
    const version = flag('--version');
    const manifest = await buildCdn({
      ...(outDir ? { outDir: resolve(outDir) } : {}),
      ...(version ? { version } : {}),
    });
    if (args.has('--readme')) {
      await writeReadme(manifest);
      console.log('README.md and docs/embedding.md: CDN snippets updated.');
    }
  }
}
