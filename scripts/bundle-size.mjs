// Measures what a user's bundler would ship for one import: bundles a tiny entry with
// esbuild (minified, tree-shaken, every dependency included) and reports raw and gzip bytes.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/**
 * @param {string} code entry source, e.g. `import "@milieu/elements/expectation-card.js";`
 * @param {string} resolveDir folder to resolve imports from
 * @param {{ conditions?: string[], alias?: Record<string, string>, external?: string[],
 *   loader?: 'js' | 'ts', platform?: 'browser' | 'neutral' }} [options] overrides: e.g.
 *   `conditions: ['@milieu/source', 'production']` to measure the sources instead of dist/
 * @returns {Promise<{ raw: number, gzip: number }>}
 */
export async function bundleSize(code, resolveDir, options = {}) {
  const { loader = 'js', ...overrides } = options;
  const result = await build({
    stdin: { contents: code, resolveDir, loader },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    ...overrides,
  });
  const bytes = result.outputFiles[0].contents;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Formats bytes as KB with one decimal. */
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
