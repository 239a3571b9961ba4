// Single-file, minified production builds for a plain <script type="module"> (no bundler):
//
//   dist/cdn/<tag>.js   registers one tag (Lit, core and zod/mini inside), e.g. schedule-board.js
//   dist/cdn/all.js     registers every tag
//   dist/cdn/index.js   registers nothing: `import { defineMilieuElements } from '…/cdn/index.js'`
//   dist/cdn/integrity.json   version, bytes, gzip bytes and SHA-384 (Subresource Integrity)
//
// The registering files are inert when their tags are already defined: the whole bundle sits
// behind `if (some tag is missing)`, so a second copy (the same file twice, another version, or
// the npm build first) does not even evaluate its own Lit. That matters under
// `trusted-types lit-html` without 'allow-duplicates': every Lit copy that runs creates a
// Trusted Types policy named `lit-html`, and the second one is a CSP violation and a TypeError.
// Each file also appends its version to `globalThis.milieuElementsVersions` (like Lit's
// `litElementVersions`), so support staff can see which builds a portal page loaded.
//
// CLI:
//   node scripts/build-cdn.mjs                       build into dist/cdn (part of `npm run build`)
//   node scripts/build-cdn.mjs --readme              build, then rewrite the README snippet
//   node scripts/build-cdn.mjs --check-readme        fresh build in a temp dir; exit 1 when the
//                                                    README's version or hashes differ from it
//   node scripts/build-cdn.mjs --out DIR --version V build elsewhere, stamped with version V
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
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

/**
 * Builds the CDN files.
 *
 * @param {{ outDir?: string, version?: string }} [options]
 * @returns {Promise<{ version: string, files: Record<string, { bytes: number, gzip: number, integrity: string }> }>}
 */
export async function buildCdn({
  outDir = join(PKG_DIR, 'dist', 'cdn'),
  version = PKG_VERSION,
} = {}) {
  const src = (name) => join(PKG_DIR, 'src', 'components', name, `${name}.ts`);
  const guarded = { all: { file: join(PKG_DIR, 'src', 'all.ts'), tags: CDN_TAGS } };
  for (const name of CDN_TAGS) guarded[name] = { file: src(name), tags: [name] };
  const mark = `(globalThis.milieuElementsVersions??=[]).push(${JSON.stringify(version)});`;
  const banner = (name) => `/*! @milieu/elements ${version} | cdn/${name}.js | MIT */\n`;

  const outputs = {};
  // Registering files: one IIFE each, behind a registration guard.
  for (const [name, { file, tags }] of Object.entries(guarded)) {
    const result = await build({
      ...common,
      entryPoints: [file],
      format: 'iife',
      outfile: `${name}.js`,
    });
    const code = result.outputFiles[0].text.trim();
    const test = `${JSON.stringify(tags.map((t) => `milieu-${t}`))}.some(t=>!customElements.get(t))`;
    outputs[`${name}.js`] = `${banner(name)}${mark}\nif(${test}){${code}\n}\n`;
  }
  // The no-auto-define entry: an ES module exporting the classes and defineMilieuElements.
  const index = await build({
    ...common,
    entryPoints: [join(PKG_DIR, 'src', 'index.ts')],
    format: 'esm',
    outfile: 'index.js',
  });
  outputs['index.js'] = `${banner('index')}${mark}\n${index.outputFiles[0].text}`;

  mkdirSync(outDir, { recursive: true });
  const files = {};
  for (const [name, text] of Object.entries(outputs)) {
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(join(outDir, name), bytes);
    files[name] = {
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      integrity: sri(bytes),
    };
  }
  const manifest = { version, files };
  writeFileSync(join(outDir, 'integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The README block (between the markers) for a build manifest. */
export function readmeSnippet({ version, files }) {
  const url = (name) => `${CDN_BASE}@${version}/dist/cdn/${name}`;
  const rows = Object.entries(files).map(
    ([name, f]) => `| \`${name}\` | ${kb(f.gzip)} | \`${f.integrity}\` |`,
  );
  return [
    START,
    '',
    '```html',
    '<script',
    '  type="module"',
    `  src="${url(EXAMPLE_FILE)}"`,
    `  integrity="${files[EXAMPLE_FILE].integrity}"`,
    '  crossorigin="anonymous"',
    '></script>',
    '```',
    '',
    `Files of \`@milieu/elements@${version}\` (\`dist/cdn/\`), minified and gzipped (level 9):`,
    '',
    '| file | gzip | integrity |',
    '| --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/** The version and `file → integrity` pairs the README's block states. */
export function readmeIntegrity(text) {
  const start = text.indexOf(START.slice(0, 25));
  const end = text.indexOf(END);
  if (start < 0 || end < start) return null;
  const block = text.slice(start, end);
  const pairs = {};
  for (const m of block.matchAll(/\b([a-z-]+\.js)\b[^]*?(sha384-[A-Za-z0-9+/]+={0,2})/g)) {
    const [, name, hash] = m;
    if (pairs[name] && pairs[name] !== hash) pairs[name] = 'conflicting hashes';
    else pairs[name] = hash;
  }
  const version = /@milieu\/elements@([^/\s`]+)\/dist\/cdn/.exec(block)?.[1] ?? null;
  return { version, files: pairs };
}

/** Differences between the README's block and a manifest (empty when up to date). */
export function readmeDifferences(text, manifest) {
  const stated = readmeIntegrity(text);
  if (!stated) return [`README.md has no block between ${START.slice(0, 25)}… and ${END}`];
  const out = [];
  if (stated.version !== manifest.version) {
    out.push(`version: README ${stated.version}, build ${manifest.version}`);
  }
  for (const [name, f] of Object.entries(manifest.files)) {
    if (stated.files[name] !== f.integrity) {
      out.push(`${name}: README ${stated.files[name] ?? '(missing)'}, build ${f.integrity}`);
    }
  }
  for (const name of Object.keys(stated.files)) {
    if (!manifest.files[name]) out.push(`${name}: in README but not built`);
  }
  return out;
}

async function writeReadme(manifest) {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(START.slice(0, 25));
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md: markers ${START} … ${END} not found`);
  const next = text.slice(0, start) + readmeSnippet(manifest) + text.slice(end + END.length);
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(README)) ?? {};
  writeFileSync(README, await prettier.format(next, { ...options, filepath: README }));
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
      const diff = readmeDifferences(readFileSync(README, 'utf8'), manifest);
      if (diff.length) {
        console.error(
          `README.md's CDN snippet is stale:\n  ${diff.join('\n  ')}\n` +
            'Run `node packages/elements/scripts/build-cdn.mjs --readme` and commit README.md.',
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
      console.log('README.md: CDN snippet updated.');
    }
  }
}
