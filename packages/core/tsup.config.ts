import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * One output file per source file, unbundled: a consumer's bundler then drops every file it
 * never imports (`sideEffects: false`). Bigger units keep every top-level schema construction
 * they hold: one file (or shared chunk) per module folder made the feedback form pull the
 * whole document model (its zod schemas, the parser, the reference checks) for the entry
 * schema alone; a single file kept everything (measured: 45 KB gzip for parseDocument alone as
 * one file vs 16 KB split).
 */
const files = (readdirSync('src', { recursive: true }) as string[])
  .map((f) => f.replaceAll('\\', '/'))
  .filter(
    (f) =>
      f.endsWith('.ts') &&
      !/\.test(-d)?\.ts$|\.bench\.ts$|(^|\/)test-|__fixtures__|fixtures/.test(f),
  );

export default defineConfig({
  entry: Object.fromEntries(files.map((f) => [f.replace(/\.ts$/, ''), `src/${f}`])),
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  bundle: false,
});
