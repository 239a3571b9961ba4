// Single-file, minified production builds for <script type="module"> use without a bundler:
// dist/cdn/<name>.js per widget (Lit and core included) and dist/cdn/all.js for every widget.
// Writes dist/cdn/integrity.json with each file's size and SHA-384 Subresource-Integrity hash.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(pkgDir, 'dist', 'cdn');
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const TAGS = ['expectation-card', 'schedule-board', 'feedback-form'];

const entries = Object.fromEntries(
  TAGS.map((name) => [name, join(pkgDir, 'src', 'components', name, `${name}.ts`)]).filter(
    ([, file]) => existsSync(file),
  ),
);
entries.all = join(pkgDir, 'src', 'all.ts');

mkdirSync(outDir, { recursive: true });
const result = await build({
  entryPoints: entries,
  outdir: outDir,
  bundle: true,
  splitting: false, // one self-contained file per widget: a single <script> tag loads it
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['@milieu/source', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'eof',
  banner: { js: `/*! @milieu/elements ${version} | MIT */` },
  metafile: true,
  logLevel: 'warning',
});

const integrity = {};
for (const file of Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(file);
  const name = file.split('/').pop();
  integrity[name] = {
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
}
writeFileSync(
  join(outDir, 'integrity.json'),
  JSON.stringify({ version, files: integrity }, null, 2),
);
