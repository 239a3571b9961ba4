// The three ways to load, under the exact strict CSP: the CDN file (also cross-origin, with
// SRI), every set of the shared-chunk CDN files on one page (chunks pinned by an import map's
// `integrity`), all of them twice, the bare-lit files on a host page running its own Lit, the
// same build twice plus the npm entry, two builds of different versions, and renamed tags beside
// the default ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
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
/** The tags with a widget file of their own in `dist/cdn/`. */
const TAGS = ['milieu-expectation-card', 'milieu-schedule-board', 'milieu-feedback-form'];
/** Every tag `all.js` and the npm entry register: the staff-only attendance sheet too. */
const REGISTERED = [...TAGS, 'milieu-attendance-sheet'];
const WIDGETS = ['expectation-card', 'schedule-board', 'feedback-form'] as const;
type Manifest = {
  version: string;
  files: Record<string, { integrity: string }>;
  loads: Record<string, { files: string[] }>;
};
const manifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8')) as Manifest;

const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));
/** The shared chunk that holds Lit (it creates the `lit-html` Trusted Types policy). */
const litChunk = (): string => {
  const found = Object.keys(current.files).filter(
    (f) => f.startsWith('chunks/') && readFileSync(join(CDN_DIR, f), 'utf8').includes('"lit-html"'),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};

const nextDir = mkdtempSync(join(tmpdir(), 'milieu-cdn-next-'));
let current: Manifest;
let next: Manifest;
let served: Served;
let cdnHost: Served;
let browser: Browser;

const script = (src: string, integrity: string): string =>
  `<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>`;
/** An import map giving `integrity` to every chunk that `entries` (CDN files, under `base`) load. */
function importMap(entries: string[], base = '/cdn/', tamper?: string): string {
  const integrity: Record<string, string> = {};
  for (const e of entries) {
    for (const f of current.loads[e]!.files.filter((f) => f.includes('chunks/'))) {
      integrity[base + f] =
        f === tamper ? current.files['all.js']!.integrity : current.files[f]!.integrity;
    }
  }
  return `<script type="importmap">${JSON.stringify({ integrity })}</script>`;
}
/** The tags of a set of widget files, with content that proves each one rendered. */
const bodyFor = (names: readonly string[]): string =>
  names
    .map((n) =>
      n === 'schedule-board'
        ? board()
        : n === 'feedback-form'
          ? '<milieu-feedback-form source="self" author="p-12"></milieu-feedback-form>'
          : '<milieu-expectation-card></milieu-expectation-card>',
    )
    .join('');
/** Every non-empty subset of the widget files. */
const SUBSETS = Array.from({ length: 2 ** WIDGETS.length - 1 }, (_, i) =>
  WIDGETS.filter((_, bit) => (i + 1) & (1 << bit)),
);
/** Lit's packages as separate ES modules, the way a host app that uses Lit serves them. */
const HOST_LIT_MAP = JSON.stringify({
  imports: {
    lit: '/nm/lit/index.js',
    'lit/': '/nm/lit/',
    'lit-html': '/nm/lit-html/lit-html.js',
    'lit-html/': '/nm/lit-html/',
    'lit-element/': '/nm/lit-element/',
    '@lit/reactive-element': '/nm/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/nm/@lit/reactive-element/',
  },
});
/** The host's own Lit element, rendered before any widget loads. */
const HOST_APP = `<script type="module">
  import { LitElement, html } from 'lit';
  customElements.define('host-greeting', class extends LitElement {
    render() { return html\`<p>Hello from the host's Lit</p>\`; }
  });
  window.hostLit = import('lit');
</script>`;

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
    ...Object.fromEntries(
      SUBSETS.map((names) => {
        const files = names.map((n) => `${n}.js`);
        return [
          `/t/shared-${names.join('+')}.html`,
          html(
            importMap(files) + files.map((f) => script(`/cdn/${f}`, sri(f))).join(''),
            bodyFor(names),
          ),
        ];
      }),
    ),
    '/t/shared-twice.html': html(
      importMap(WIDGETS.map((n) => `${n}.js`)) +
        [1, 2]
          .flatMap((copy) =>
            WIDGETS.map((n) => script(`/cdn/${n}.js?copy=${copy}`, sri(`${n}.js`))),
          )
          .join('') +
        `<script type="module">
          import { defineMilieuElements } from '/cdn/index.js';
          defineMilieuElements({ prefix: 'acme' });
        </script>`,
      bodyFor(WIDGETS) + board('acme-schedule-board'),
    ),
    '/t/shared-tampered.html': html(
      importMap(['schedule-board.js'], '/cdn/', litChunk()) +
        script('/cdn/schedule-board.js', sri('schedule-board.js')),
      board(),
    ),
    '/t/host-lit.html': html(
      `<script type="importmap">${HOST_LIT_MAP}</script>` +
        HOST_APP +
        script('/cdn/bare-lit/schedule-board.js', sri('bare-lit/schedule-board.js')) +
        script('/cdn/bare-lit/feedback-form.js', sri('bare-lit/feedback-form.js')),
      '<host-greeting></host-greeting>' + bodyFor(['schedule-board', 'feedback-form']),
    ),
    '/t/host-lit-bundled.html': html(
      `<script type="importmap">${HOST_LIT_MAP}</script>` +
        HOST_APP +
        script('/cdn/schedule-board.js', sri('schedule-board.js')),
      '<host-greeting></host-greeting>' + board(),
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
  const options = { mounts: { '/cdn-next/': nextDir, '/nm/': NODE_MODULES }, pages: pages() };
  served = await serve(options);
  cdnHost = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([served?.close(), cdnHost?.close()]);
  rmSync(nextDir, { recursive: true, force: true });
});

const versions = (page: Page): Promise<string[] | undefined> =>
  page.evaluate(() => (globalThis as { milieuElementsVersions?: string[] }).milieuElementsVersions);

/** Waits until every tag in `tags` is defined. */
async function waitDefined(page: Page, tags: string[]): Promise<void> {
  await page.waitForFunction((t) => t.every((tag) => customElements.get(tag)), tags, {
    timeout: 15_000,
  });
}

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
    expect(defined.map((d) => d.tag).sort()).toEqual([...REGISTERED].sort());
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
      expect(defined.map((d) => d.tag).sort()).toEqual([...REGISTERED].sort());
      for (const d of defined) expect(new URL(d.from).pathname).toBe(first);
      expect(await versions(w.page)).toEqual(order);
      await done(w);
    }
  });

  it.each(SUBSETS.map((names) => [names.join(' + '), names]))(
    'shared-chunk CDN files %s on one page: all defined, one Lit, no violation',
    async (_, names) => {
      const w = await open(browser, `${served.base}/t/shared-${names.join('+')}.html`);
      await waitDefined(
        w.page,
        names.map((n) => `milieu-${n}`),
      );
      if (names.includes('schedule-board')) expect(await boardReady(w.page)).toBeGreaterThan(100);
      if (names.includes('feedback-form')) {
        await w.page.locator('milieu-feedback-form #c-strengths').waitFor();
      }
      expect(await versions(w.page)).toEqual(names.map(() => current.version));
      // Every file came from the shared build, and Lit's chunk only once.
      expect(w.requests.filter((u) => u.endsWith(`/cdn/${litChunk()}`))).toHaveLength(1);
      expect(w.requests.some((u) => u.includes('/cdn/all.js'))).toBe(false);
      await done(w);
    },
  );

  it('all shared-chunk CDN files twice plus index.js with a prefix: one define per tag, no violation', async () => {
    const w = await open(browser, `${served.base}/t/shared-twice.html`, {
      before: countDefinitions,
    });
    await waitDefined(w.page, [...TAGS, 'acme-schedule-board']);
    await boardReady(w.page);
    await boardReady(w.page, 'acme-schedule-board');
    const defined = (await definitions(w.page)).map((d) => d.tag).sort();
    expect(defined).toEqual(
      [
        ...TAGS,
        'acme-attendance-sheet',
        'acme-expectation-card',
        'acme-schedule-board',
        'acme-feedback-form',
      ].sort(),
    );
    expect(await versions(w.page)).toHaveLength(WIDGETS.length * 2 + 1); // six copies and index.js
    expect(w.requests.filter((u) => u.endsWith(`/cdn/${litChunk()}`))).toHaveLength(1);
    await done(w);
  });

  it('the import map pins every chunk: a chunk whose hash differs is not run (control)', async () => {
    const w = await open(browser, `${served.base}/t/shared-tampered.html`);
    await eventually(() => w.errors.join()).toMatch(/integrity/i);
    expect(
      await w.page.evaluate(() => customElements.get('milieu-schedule-board')),
    ).toBeUndefined();
    await w.context.close();
  });

  it("a host page running its own Lit: the bare-lit files use the host's Lit, no violation", async () => {
    const w = await open(browser, `${served.base}/t/host-lit.html`);
    await waitDefined(w.page, ['host-greeting', 'milieu-schedule-board', 'milieu-feedback-form']);
    expect(await boardReady(w.page)).toBeGreaterThan(100);
    await w.page.locator('milieu-feedback-form #c-strengths').waitFor();
    expect(await w.page.locator('host-greeting p').textContent()).toContain("host's Lit");
    const sharesLit = await w.page.evaluate(async () => {
      const { LitElement } = await (
        window as unknown as { hostLit: Promise<{ LitElement: CustomElementConstructor }> }
      ).hostLit;
      return ['milieu-schedule-board', 'milieu-feedback-form'].map(
        (t) => customElements.get(t)!.prototype instanceof LitElement,
      );
    });
    expect(sharesLit).toEqual([true, true]);
    expect(w.requests.some((u) => /\/cdn\/chunks\//.test(u))).toBe(false); // no bundled Lit
    await done(w);

    // Control: the default files bring their own Lit, whose `lit-html` policy is then refused.
    const bundled = await open(browser, `${served.base}/t/host-lit-bundled.html`);
    await eventually(() => bundled.violations.length).toBe(1);
    expect(bundled.violations[0]).toMatch(/^trusted-types/);
    await bundled.context.close();
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
