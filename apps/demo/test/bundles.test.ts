// What ships: the CDN files and the demo's own bundles carry no msw, no Storybook and no Lit
// dev-mode code; integrity.json matches the files (one Lit for all the shared-chunk files); and
// the README's and the embedding guide's SRI snippets match a fresh build, so the hashes a portal
// copies from them never go stale silently.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

  it('CDN files: integrity.json states every file; all.js is self-contained; the rest share chunks', () => {
    const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'integrity.json'), 'utf8')) as {
      files: Record<string, { bytes: number; integrity: string }>;
      loads: Record<string, { files: string[] }>;
    };
    const onDisk = jsFiles(CDN_DIR).map((f) => relative(CDN_DIR, f).split(sep).join('/'));
    expect(Object.keys(manifest.files).sort()).toEqual(onDisk.sort());
    const entries = ['expectation-card.js', 'schedule-board.js', 'feedback-form.js', 'index.js'];
    expect(Object.keys(manifest.loads).sort()).toEqual(
      ['all.js', ...entries, ...entries.map((e) => `bare-lit/${e}`)].sort(),
    );
    const lit: string[] = [];
    for (const [name, f] of Object.entries(manifest.files)) {
      const bytes = readFileSync(join(CDN_DIR, name));
      expect(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, name).toBe(
        f.integrity,
      );
      expect(bytes.length).toBe(f.bytes);
      const code = bytes.toString('utf8');
      // Module specifiers of `import … from`, `export … from`, `import "…"` and `import("…")`.
      const specifiers = [
        ...code.matchAll(
          /\b(?:import|export)\s*(?:\{[^}]*\}\s*from|\*\s*(?:as\s+[\w$]+\s+)?from|[\w$]+\s+from)?\s*\(?\s*["']([^"'\s]+)["']/g,
        ),
      ].map((m) => m[1]!);
      if (name === 'all.js')
        expect(specifiers, name).toEqual([]); // a single <script> is enough
      else if (name.startsWith('bare-lit/')) {
        // Relative chunks, and Lit only as the bare `lit` / `lit/…` an import map resolves.
        for (const s of specifiers) expect(s, name).toMatch(/^(?:\.\.?\/|lit$|lit\/)/);
      } else for (const s of specifiers) expect(s, name).toMatch(/^\.\.?\//);
      if (code.includes('"lit-html"')) lit.push(name);
    }
    // One Lit for all the shared-chunk files (and all.js's own); none in the bare-lit flavour.
    expect(lit.filter((f) => f !== 'all.js')).toHaveLength(1);
    expect(lit.filter((f) => f.startsWith('bare-lit/'))).toEqual([]);
  });

  it("README.md's CDN snippet matches a fresh build (fix: build-cdn.mjs --readme)", () => {
    const run = spawnSync(process.execPath, [BUILD_CDN, '--check-readme'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches a fresh build');
  });
});
