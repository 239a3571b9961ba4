// What ships: the CDN files and the demo's own bundles carry no msw, no Storybook and no Lit
// dev-mode code; integrity.json matches the files; and the README's SRI snippet matches a fresh
// build, so the hashes a portal copies from it never go stale silently.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { CDN_DIR, DIST } from './harness.js';

const BUILD_CDN = fileURLToPath(
  new URL('../../../packages/elements/scripts/build-cdn.mjs', import.meta.url),
);

/** Code that must never reach a portal, by a string only it contains. */
const FORBIDDEN: [string, RegExp][] = [
  ['Lit dev mode', /Lit is in dev mode|litIssuedWarnings/],
  ['msw', /mockServiceWorker|\[MSW\]|setupWorker/],
  ['Storybook', /@storybook|__STORYBOOK|storybook/i],
  ['axe-core', /axe-core|Deque Systems/],
  ['test fixtures', /feedbackHandlers|createFeedbackServer/],
];

const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f));

describe('production bundles', () => {
  it('the Lit marker finds a dev build and not a production one (control)', async () => {
    const bundle = async (conditions: string[]): Promise<string> =>
      (
        await build({
          stdin: { contents: "export { LitElement } from 'lit';", resolveDir: DIST, loader: 'js' },
          bundle: true,
          write: false,
          format: 'esm',
          conditions,
          logLevel: 'silent',
        })
      ).outputFiles[0]!.text;
    expect(await bundle(['development'])).toMatch(FORBIDDEN[0]![1]);
    expect(await bundle(['production'])).not.toMatch(FORBIDDEN[0]![1]);
  });

  it.each([
    ['packages/elements/dist/cdn', CDN_DIR],
    ['apps/demo/dist', DIST],
  ])('%s contains no dev or test code', (_, dir) => {
    const files = jsFiles(dir);
    expect(files.length).toBeGreaterThan(3);
    const found = files.flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([, re]) => re.test(code)).map(([what]) => `${file}: ${what}`);
    });
    expect(found).toEqual([]);
  });

  it('CDN files: one self-contained file each, with the integrity integrity.json states', () => {
    const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'integrity.json'), 'utf8')) as {
      files: Record<string, { bytes: number; integrity: string }>;
    };
    expect(Object.keys(manifest.files).sort()).toEqual([
      'all.js',
      'expectation-card.js',
      'feedback-form.js',
      'index.js',
      'schedule-board.js',
    ]);
    for (const [name, f] of Object.entries(manifest.files)) {
      const bytes = readFileSync(join(CDN_DIR, name));
      expect(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, name).toBe(
        f.integrity,
      );
      expect(bytes.length).toBe(f.bytes);
      const code = bytes.toString('utf8');
      // No static imports of other files: a single <script> is all it takes.
      expect(code, name).not.toMatch(/\bimport\s*[{*\w$][^;]*?\bfrom\s*["']/);
      expect(code, name).not.toMatch(/\bimport\s*["']/);
    }
  });

  it("README.md's CDN snippet matches a fresh build (fix: build-cdn.mjs --readme)", () => {
    const run = spawnSync(process.execPath, [BUILD_CDN, '--check-readme'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches a fresh build');
  });
});
