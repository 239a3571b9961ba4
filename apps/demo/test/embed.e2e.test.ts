// The three ways to load, under the exact strict CSP: the CDN file (also cross-origin, with
// SRI), the same build twice plus the npm entry, two builds of different versions, and renamed
// tags beside the default ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { csp } from '../serve.mjs';
import {
  boardReady,
  CDN_DIR,
  countDefinitions,
  definitions,
  eventually,
  html,
  launch,
  open,
  serve,
  type Served,
  type Watched,
} from './harness.js';

const BUILD_CDN = fileURLToPath(
  new URL('../../../packages/elements/scripts/build-cdn.mjs', import.meta.url),
);
const NEXT = '0.0.0-next.1';
const TAGS = ['milieu-expectation-card', 'milieu-schedule-board', 'milieu-feedback-form'];
type Manifest = { version: string; files: Record<string, { integrity: string }> };
const manifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8')) as Manifest;

const nextDir = mkdtempSync(join(tmpdir(), 'milieu-cdn-next-'));
let current: Manifest;
let next: Manifest;
let served: Served;
let relaxed: Served;
let cdnHost: Served;
let browser: Browser;

const script = (src: string, integrity: string): string =>
  `<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>`;
const board = (tag = 'milieu-schedule-board', attrs = ''): string =>
  `<${tag} src="/api/v1/occurrences" view="week" date="2026-03-09" now="2026-03-09T10:20:00-04:00" locale="en-US" ${attrs}></${tag}>`;

function pages(): Record<string, string> {
  const sri = (f: string): string => current.files[f]!.integrity;
  const nextSri = (f: string): string => next.files[f]!.integrity;
  return {
    '/t/versions.html': html(
      script('/cdn/all.js', sri('all.js')) + script('/cdn-next/all.js', nextSri('all.js')),
      board(),
    ),
    '/t/versions-reversed.html': html(
      script('/cdn-next/all.js', nextSri('all.js')) + script('/cdn/all.js', sri('all.js')),
      board(),
    ),
    '/t/two-files.html': html(
      script('/cdn/schedule-board.js', sri('schedule-board.js')) +
        script('/cdn/feedback-form.js', sri('feedback-form.js')),
      board() + '<milieu-feedback-form source="self" author="p-12"></milieu-feedback-form>',
    ),
    '/t/cdn-prefix.html': html(
      `<script type="module">
        import { defineMilieuElements } from '/cdn/index.js';
        defineMilieuElements();
        defineMilieuElements({ prefix: 'acme' });
      </script>`,
      board() + board('acme-schedule-board', 'class="acme"'),
    ),
  };
}

beforeAll(async () => {
  current = manifest(CDN_DIR);
  execFileSync(process.execPath, [BUILD_CDN, '--out', nextDir, '--version', NEXT]);
  next = manifest(nextDir);
  const options = { mounts: { '/cdn-next/': nextDir }, pages: pages() };
  served = await serve(options);
  relaxed = await serve({
    ...options,
    csp: (nonce) =>
      csp(nonce).replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'"),
  });
  cdnHost = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([served?.close(), relaxed?.close(), cdnHost?.close()]);
  rmSync(nextDir, { recursive: true, force: true });
});

const versions = (page: Page): Promise<string[] | undefined> =>
  page.evaluate(() => (globalThis as { milieuElementsVersions?: string[] }).milieuElementsVersions);

async function done(w: Watched): Promise<void> {
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.context.close();
}

describe('loading the widgets', () => {
  it('the CDN file from another origin, pinned by SRI, under the strict CSP', async () => {
    const sri = current.files['schedule-board.js']!.integrity;
    const page = html(script(`${cdnHost.base}/cdn/schedule-board.js`, sri), board());
    const tampered = html(
      script(`${cdnHost.base}/cdn/schedule-board.js`, current.files['all.js']!.integrity),
      board(),
    );
    const s = await serve({ pages: { '/t/cross.html': page, '/t/tampered.html': tampered } });
    try {
      const w = await open(browser, `${s.base}/t/cross.html`);
      expect(await boardReady(w.page)).toBeGreaterThan(100);
      expect(w.requests).toContain(`${cdnHost.base}/cdn/schedule-board.js`);
      expect(await versions(w.page)).toEqual([current.version]);
      await done(w);
      // Control: a file whose hash does not match is not run.
      const bad = await open(browser, `${s.base}/t/tampered.html`);
      await eventually(() => bad.errors.join()).toContain('integrity');
      expect(
        await bad.page.evaluate(() => customElements.get('milieu-schedule-board')),
      ).toBeUndefined();
      await bad.context.close();
    } finally {
      await s.close();
    }
  });

  it('the script-tag page of the demo: board and host-saved form', async () => {
    const before = served.store.entries.length;
    const w = await open(browser, `${served.base}/embed/cdn.html`);
    await boardReady(w.page);
    const form = w.page.locator('#cdn-form');
    await form.locator('#c-strengths').fill('I asked for help when I needed it.');
    await form
      .locator('[part~=option]')
      .filter({ hasText: 'Good' })
      .first()
      .locator('input')
      .check();
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await eventually(() => w.page.locator('#portal-status').textContent()).toBe(
      'Saved by the host page.',
    );
    expect(served.store.entries.length).toBe(before + 1);
    await done(w);
  });

  it('the same build twice plus the npm entry: one registration, both copies load, no error', async () => {
    const w = await open(browser, `${served.base}/embed/twice.html`, { before: countDefinitions });
    await boardReady(w.page);
    await w.page.waitForLoadState('load');
    const defined = await definitions(w.page);
    expect(defined.map((d) => d.tag).sort()).toEqual([...TAGS].sort());
    for (const d of defined) expect(d.from).toMatch(/\/assets\/[\w-]+\.js/); // the portal's bundle
    expect(await versions(w.page)).toEqual([current.version, current.version]); // both CDN copies ran
    const loaded = w.requests.filter((u) => u.includes('/cdn/all.js'));
    expect(loaded.map((u) => new URL(u).search).sort()).toEqual(['?copy=1', '?copy=2']);
    expect(await w.page.locator('#registry-report').textContent()).toContain('npm build');
    await done(w);
  });

  it('two builds of different versions: the first registration wins and both load', async () => {
    expect(next.files['all.js']!.integrity).not.toBe(current.files['all.js']!.integrity);
    for (const [path, first, order] of [
      ['/t/versions.html', '/cdn/all.js', [current.version, NEXT]],
      ['/t/versions-reversed.html', '/cdn-next/all.js', [NEXT, current.version]],
    ] as const) {
      const w = await open(browser, served.base + path, { before: countDefinitions });
      await boardReady(w.page);
      const defined = await definitions(w.page);
      expect(defined.map((d) => d.tag).sort()).toEqual([...TAGS].sort());
      for (const d of defined) expect(new URL(d.from).pathname).toBe(first);
      expect(await versions(w.page)).toEqual(order);
      await done(w);
    }
  });

  it('two different single-widget files need a second Lit: fine with allow-duplicates, blocked without', async () => {
    // With 'allow-duplicates' both files run their own Lit and both tags work.
    const ok = await open(browser, `${relaxed.base}/t/two-files.html`);
    await boardReady(ok.page);
    await ok.page.locator('milieu-feedback-form #c-strengths').waitFor();
    await done(ok);
    // Under the exact policy the second Lit's `lit-html` policy is refused (documented in
    // docs/embedding.md: load all.js instead, or allow duplicates).
    const strict = await open(browser, `${served.base}/t/two-files.html`);
    await boardReady(strict.page);
    await eventually(() => strict.violations.length).toBe(1);
    expect(strict.violations[0]).toMatch(/^trusted-types/);
    expect(
      await strict.page.evaluate(() => customElements.get('milieu-feedback-form')),
    ).toBeUndefined();
    await strict.context.close();
  });

  it('renamed tags beside the default ones: npm root entry and CDN index.js', async () => {
    const npm = await open(browser, `${served.base}/embed/prefix.html`);
    await boardReady(npm.page, 'milieu-schedule-board');
    await boardReady(npm.page, 'acme-schedule-board');
    const acme = npm.page.locator('acme-schedule-board');
    expect(await acme.getByRole('button', { name: 'Semana', exact: true }).count()).toBe(1);
    await acme.getByRole('button', { name: 'Semana', exact: true }).click();
    await eventually(() =>
      acme.getByRole('button', { name: 'Semana', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      await npm.page.locator('acme-expectation-card').getByRole('button').textContent(),
    ).toContain('¿Por qué?');
    const distinct = await npm.page.evaluate(
      () =>
        customElements.get('acme-schedule-board') !== customElements.get('milieu-schedule-board'),
    );
    expect(distinct).toBe(true);
    await done(npm);

    const cdn = await open(browser, `${served.base}/t/cdn-prefix.html`);
    expect(await boardReady(cdn.page, 'milieu-schedule-board')).toBeGreaterThan(100);
    expect(await boardReady(cdn.page, 'acme-schedule-board')).toBeGreaterThan(100);
    await done(cdn);
  });
});
