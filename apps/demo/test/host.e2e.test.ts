// What a host page does to the widgets: hostile global CSS, re-theming by tokens, a device in
// another time zone, and privacy (a canary name never leaks out of the page's memory).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  boardReady,
  CDN_DIR,
  eventually,
  html,
  launch,
  open,
  serve,
  type Served,
} from './harness.js';
import { startDemo, type RunningDemo } from '../serve.mjs';

const integrity = (file: string): string =>
  (
    JSON.parse(readFileSync(`${CDN_DIR}integrity.json`, 'utf8')) as {
      files: Record<string, { integrity: string }>;
    }
  ).files[file]!.integrity;

// One page, with or without the portal's legacy global stylesheet; the box gets its width
// through the CSSOM (allowed by the policy), never a style attribute.
const widgets = (legacy: boolean): string =>
  html(
    `${legacy ? '<link rel="stylesheet" href="/portal-legacy.css">' : ''}
     <script type="module" src="/cdn/all.js" integrity="${integrity('all.js')}" crossorigin="anonymous"></script>`,
    `<div id="box">
       <milieu-schedule-board src="/api/v1/occurrences" view="week" date="2026-03-09"
         now="2026-03-09T10:20:00-04:00" locale="en-US"></milieu-schedule-board>
       <milieu-feedback-form source="self" author="p-12" locale="en-US"></milieu-feedback-form>
       <milieu-expectation-card statement="Knock and wait before entering someone's room."
         rationale="Bedrooms are the only private space on the unit." open></milieu-expectation-card>
     </div>
     <script type="module">
       document.getElementById('box').style.width = '1100px';
       // Both pages give the widgets the legacy sheet's text size: widgets follow the host's
       // font-size (em-relative) and must ignore the sheet's other rules.
       document.getElementById('box').style.fontSize = '11px';
       const doc = await (await fetch('/api/v1/document')).json();
       document.querySelector('milieu-feedback-form').document = doc;
     </script>`,
  );

const canaryDoc = (): unknown => {
  const doc = JSON.parse(
    readFileSync(new URL('../../../examples/inpatient-unit.json', import.meta.url), 'utf8'),
  ) as { people: { participants: { id: string; preferredName: string; lastName?: string }[] } };
  const peer = doc.people.participants.find((p) => p.id === 'p-15')!;
  peer.preferredName = 'Quillanary';
  peer.lastName = 'Canarywood';
  return doc;
};

let served: Served;
// The canary runs on @milieu/server: the participant page reads role-shaped resources only.
let canary: RunningDemo;
const canaryDir = mkdtempSync(join(tmpdir(), 'milieu-canary-'));
let browser: Browser;

beforeAll(async () => {
  served = await serve({
    pages: { '/t/clean.html': widgets(false), '/t/hostile.html': widgets(true) },
  });
  const seed = join(canaryDir, 'canary.json');
  writeFileSync(seed, JSON.stringify(canaryDoc()));
  canary = await startDemo({ dbFile: ':memory:', port: 0, seed });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await canary?.close();
  rmSync(canaryDir, { recursive: true, force: true });
});

/** Geometry and the computed styles that make a layout, for every element in each widget. */
function signature(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const props = [
      'display',
      'box-sizing',
      'font-size',
      'font-family',
      'font-weight',
      'line-height',
      'text-transform',
      'padding-top',
      'padding-left',
      'margin-top',
      'border-top-width',
      'cursor',
      'list-style-type',
    ];
    for (const host of document.querySelectorAll('#box > *')) {
      const origin = host.getBoundingClientRect();
      // The host itself inherits the page's font and matches its `*` rules: only its size counts.
      out.push(`${host.tagName} ${Math.round(origin.width)}x${Math.round(origin.height)}`);
      for (const el of host.shadowRoot!.querySelectorAll('*')) {
        const s = getComputedStyle(el);
        if (s.display === 'none' || s.display === 'contents') continue; // no box
        const r = el.getBoundingClientRect();
        out.push(
          [
            host.tagName,
            el.tagName,
            el.getAttribute('part') ?? '',
            Math.round(r.left - origin.left),
            Math.round(r.top - origin.top),
            Math.round(r.width),
            Math.round(r.height),
            ...props.map((p) => s.getPropertyValue(p)),
          ].join(' '),
        );
      }
    }
    return out;
  });
}

async function ready(page: Page): Promise<void> {
  await boardReady(page);
  await page.locator('milieu-feedback-form #c-strengths').waitFor();
  await page.locator('milieu-feedback-form').getByText('Build a morning routine').waitFor();
  await page.evaluate(() => document.fonts.ready);
}

describe('host pages', () => {
  it('hostile global CSS (resets, button { all: unset }, content-box) changes nothing inside but the text size', async () => {
    const a = await open(browser, `${served.base}/t/clean.html`);
    const b = await open(browser, `${served.base}/t/hostile.html`);
    await Promise.all([ready(a.page), ready(b.page)]);
    // Control: the legacy sheet is there and does hit the page's own elements.
    expect(await b.page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('11px');
    const boardSize = (p: Page): Promise<string> =>
      p.evaluate(
        () =>
          getComputedStyle(
            document
              .querySelector('milieu-schedule-board')!
              .shadowRoot!.querySelector('[part=base]')!,
          ).fontSize,
      );
    expect(await boardSize(b.page)).toBe('11px');
    const [clean, hostile] = [await signature(a.page), await signature(b.page)];
    expect(clean.length).toBeGreaterThan(500);
    expect(hostile.flatMap((line, i) => (line !== clean[i] ? [clean[i], line] : []))).toEqual([]);
    // Control: the comparison does see a change when there is one.
    await b.page.evaluate(() =>
      document.querySelector('milieu-schedule-board')!.style.setProperty('font-size', '15px'),
    );
    await eventually(
      async () => (await signature(b.page)).filter((l, i) => l !== clean[i]).length,
    ).toBeGreaterThan(100);
    for (const w of [a, b]) {
      expect(w.violations).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.context.close();
    }
  });

  it('documented tokens re-theme the widgets from the host page', async () => {
    const { page, context } = await open(browser, `${served.base}/t/hostile.html`);
    await ready(page);
    await page.evaluate(() => {
      document.documentElement.style.setProperty('--milieu-color-accent', 'rgb(1, 2, 3)');
      document.documentElement.style.setProperty('--milieu-font-family', 'monospace');
    });
    const look = await page.evaluate(() => {
      const q = (host: string, sel: string): CSSStyleDeclaration =>
        getComputedStyle(document.querySelector(host)!.shadowRoot!.querySelector(sel)!);
      return {
        pressed: q('milieu-schedule-board', "[aria-pressed='true']").backgroundColor,
        submit: q('milieu-feedback-form', '[part=submit]').backgroundColor,
        card: q('milieu-expectation-card', '[part=base]').borderInlineStartColor,
        font: q('milieu-schedule-board', '[part=base]').fontFamily,
      };
    });
    expect(look).toEqual({
      pressed: 'rgb(1, 2, 3)',
      submit: 'rgb(1, 2, 3)',
      card: 'rgb(1, 2, 3)',
      font: 'monospace',
    });
    await context.close();
  });

  it('a device in Australia/Sydney shows the New York program in New York time, with a zone label', async () => {
    const w = await open(browser, `${served.base}/`, {
      context: { timezoneId: 'Australia/Sydney', locale: 'en-AU' },
    });
    await boardReady(w.page, '#unit-board');
    const board = w.page.locator('#unit-board');
    expect(await w.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'Australia/Sydney',
    );
    const note = await board.locator('[part=zone-note]').textContent();
    expect(note).toContain('America/New_York');
    expect(note).toContain('Australia/Sydney');
    // Wake-up is at 07:00 in New York (22:00 or 23:00 in Sydney): the board says 7:00 AM.
    const wake = board.getByRole('button', {
      name: /^Wake-up and morning routine, 7:00 AM to 7:30 AM/,
    });
    expect(await wake.count()).toBe(7);
    await board
      .getByRole('button', { name: /Process group A, .*9:45 AM/ })
      .first()
      .click();
    expect(await w.page.locator('#occurrence-details').textContent()).toContain('9:45 AM');
    expect(w.violations).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('a canary name, loaded or typed, never reaches the console, request URLs or storage', async () => {
    const LOADED = 'Quillanary';
    const SURNAME = 'Canarywood';
    const TYPED = 'Typedcanary';
    const w = await open(browser, `${canary.url}participant.html`);
    const { page } = w;
    await boardReady(page, '#my-board');
    await page.selectOption('#peer-select', 'p-15');
    const peer = page.locator('#peer-form');
    await eventually(() => peer.locator('[part=subject]').textContent()).toContain(`${LOADED} C.`);
    await peer.locator('#c-strengths').fill(`${TYPED} always says good morning to everyone.`);
    const self = page.locator('#self-form');
    await self.locator('#c-strengths').fill(`I talked with ${TYPED} after lunch.`);
    await self
      .locator('[part~=option]')
      .filter({ hasText: 'Okay' })
      .first()
      .locator('input')
      .check();
    await self.getByRole('button', { name: 'Send feedback' }).click();
    await eventually(() => page.locator('#portal-toast').textContent()).toContain('saved');
    const dom = await page.evaluate(() => {
      const text = (root: Document | ShadowRoot): string =>
        [
          root.textContent ?? '',
          ...[...root.querySelectorAll('*')].map((e) => (e.shadowRoot ? text(e.shadowRoot) : '')),
        ].join(' ');
      return text(document);
    });
    // The unit page loads the same document too.
    await page.goto(`${canary.url}`);
    await boardReady(page, '#unit-board');
    await page.goto(`${canary.url}participant.html`);
    await boardReady(page, '#my-board');

    const stored = await page.evaluate(async () => {
      const dump = (s: Storage): string =>
        Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join();
      const idb: string[] = [];
      for (const info of await indexedDB.databases()) {
        idb.push(info.name ?? '');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const name of db.objectStoreNames) {
          const all = db.transaction(name).objectStore(name).getAll();
          idb.push(JSON.stringify(await new Promise((r) => (all.onsuccess = () => r(all.result)))));
        }
        db.close();
      }
      return {
        local: dump(localStorage),
        session: dump(sessionStorage),
        idb: idb.join(),
        caches: (await caches.keys()).join(),
        cookies: document.cookie,
      };
    });
    const outside = [
      ...w.messages,
      ...w.requests,
      stored.local,
      stored.session,
      stored.idb,
      stored.caches,
      stored.cookies,
      JSON.stringify(await w.context.cookies()),
    ].join('\n');
    for (const canaryText of [LOADED, SURNAME, TYPED]) {
      expect(outside.toLowerCase()).not.toContain(canaryText.toLowerCase());
    }
    // Display-safe names: the surname is never shown, only its initial.
    expect(dom).toContain(`${LOADED} C.`);
    expect(dom).not.toContain(SURNAME);
    // The typed text did go where it belongs: in the POST body, to the portal's backend.
    const saved = await fetch(
      `${canary.api.url}/api/v1/feedback?source=self&subject=p-12&limit=500`,
      {
        headers: { authorization: `Bearer ${canary.tokens.staff}` },
      },
    );
    expect(JSON.stringify(await saved.json())).toContain(TYPED);
    await w.context.close();
  });
});
