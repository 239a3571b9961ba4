// The demo portal as a hospital would serve it: built, behind the exact strict CSP of issue #8,
// in real Chromium. Every widget is rendered AND operated, with zero CSP violations and no
// console errors. Staff pages run on the in-memory backend; the participant page and the
// hallway TV on @milieu/server (startDemo), since they read role-shaped resources only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { csp, startDemo, type RunningDemo } from '../serve.mjs';
import {
  boardReady,
  eventually,
  launch,
  open,
  serve,
  type Served,
  type Watched,
} from './harness.js';

let served: Served;
let real: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  real = await startDemo({ dbFile: ':memory:', port: 0 });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await real?.close();
});

/** Feedback the server stored, read as staff straight from @milieu/server. */
async function storedFeedback(): Promise<
  { id: string; source: string; subjectId?: string; strengths: string; about?: { type: string } }[]
> {
  const res = await fetch(`${real.api.url}/api/v1/feedback?limit=500`, {
    headers: { authorization: `Bearer ${real.tokens.staff}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: never[] }).entries;
}

/** No CSP violation, no console error, no warning. */
async function clean(w: Watched): Promise<void> {
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(w.messages.filter((m) => m.startsWith('warning'))).toEqual([]);
  await w.context.close();
}

const PAGES = [
  '/',
  '/participant.html',
  '/kiosk.html',
  '/embed/',
  '/embed/cdn.html',
  '/embed/prefix.html',
  '/embed/twice.html',
];

describe('apps/demo under the strict CSP', () => {
  it('serves every page with the exact policy and a fresh nonce on every script', async () => {
    for (const path of PAGES) {
      const res = await fetch(served.base + path);
      expect(res.status, path).toBe(200);
      const policy = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
      expect(policy).toBe(csp(nonce));
      expect(policy).toContain('trusted-types lit-html');
      const body = await res.text();
      const scripts = body.match(/<script\b[^>]*>/g) ?? [];
      if (path !== '/embed/') expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(body).not.toMatch(/\sstyle=/);
    }
  });

  it('unit page: the staff week board switches view, selects an occurrence and navigates', async () => {
    const w = await open(browser, `${served.base}/`);
    const { page } = w;
    const board = page.locator('#unit-board');
    expect(await boardReady(page, '#unit-board')).toBeGreaterThan(100);
    await eventually(() => board.locator('.range').textContent()).toContain('Mar 8');
    expect(
      await board.getByRole('button', { name: 'Week', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');

    // Select an occurrence: the portal's own panel shows it.
    await board
      .getByRole('button', { name: /^Process group A, .*9:45 AM to 10:45 AM/ })
      .first()
      .click();
    const details = page.locator('#occurrence-details');
    await eventually(() => details.locator('h3').textContent()).toBe('Process group A');
    expect(await details.getAttribute('data-occurrence')).toMatch(/^process-a@2026-03-0\d$/);
    expect(await details.textContent()).toContain('9:45 AM');

    // Navigate to the next week: the portal keeps a deep link.
    await board.getByRole('button', { name: 'Next week' }).click();
    await eventually(() => board.locator('.range').textContent()).toContain('Mar 15');
    await eventually(() => page.url()).toContain('view=week&date=2026-03-16');
    expect(await page.locator('#portal-status').textContent()).toContain('Showing the week view');

    // Switch to the day view.
    const dayButton = board.getByRole('button', { name: 'Day', exact: true });
    await dayButton.click();
    await eventually(() => page.url()).toContain('view=day&date=2026-03-16');
    expect(await dayButton.getAttribute('aria-pressed')).toBe('true');
    expect(await board.locator('button.occ').count()).toBeGreaterThan(10);

    // The deep link reopens the board where the user left it.
    await page.reload();
    await boardReady(page, '#unit-board');
    expect(await dayButton.getAttribute('aria-pressed')).toBe('true');
    expect(await board.locator('.range').textContent()).toContain('Mar 16');

    // The expectation cards, built by the portal from the same document, open their reason.
    const card = page.locator('milieu-expectation-card').first();
    await card.getByRole('button', { name: 'Why?' }).click();
    await eventually(() => page.locator('#portal-status').textContent()).toBe('Reason shown.');
    await clean(w);
  });

  it('kiosk page: the now view shows what is on and next, loaded from src', async () => {
    const w = await open(browser, `${real.url}kiosk.html`);
    const board = w.page.locator('#kiosk-board');
    await eventually(() => board.locator('[part=clock]').textContent()).toContain('10:20');
    const panel = await board.locator('[part=now-panel]').textContent();
    expect(panel).toContain('Process group A');
    expect(panel).toContain('Understanding mood and recovery');
    expect(await board.getByRole('button', { name: 'Next week' }).count()).toBe(0); // no-controls
    await clean(w);
  });

  it('participant page: personal agenda, then peer and self feedback filled and saved', async () => {
    const w = await open(browser, `${real.url}participant.html`);
    const { page } = w;
    const before = new Set((await storedFeedback()).map((e) => e.id));
    const board = page.locator('#my-board');
    await boardReady(page, '#my-board');
    expect(await board.locator('[part=header]').textContent()).toContain('Schedule for Aisha N.');
    expect(
      await board.getByRole('button', { name: 'Agenda', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await board.getByRole('button', { name: 'Next week' }).click();
    await eventually(() => board.locator('.range').textContent()).toContain('Mar 15');

    // Peer mode: the portal's own picker (peers from the feedback context) sets the subject.
    const peer = page.locator('#peer-form');
    await page.selectOption('#peer-select', 'p-15');
    await eventually(() => peer.locator('[part=subject]').textContent()).toContain('Kenji S.');
    await peer
      .locator('#c-strengths')
      .fill('You helped me carry the art supplies and made me laugh.');
    await eventually(() => page.locator('#peer-title .badge').isVisible()).toBe(true);
    await peer.getByRole('radio', { name: /Speak to each other with respect/ }).check();
    await peer.locator('#c-suggestions').fill('Maybe join the walking group with me on Thursday.');
    await peer.getByRole('button', { name: 'Send feedback' }).click();
    await eventually(() => page.locator('#portal-toast').textContent()).toContain('(1 today)');
    expect(await page.locator('#peer-title .badge').isVisible()).toBe(false);

    // Self mode: daily reflection with a goal, a coping skill and a mood.
    const self = page.locator('#self-form');
    await self.locator('#c-strengths').fill('I went to every group today.');
    await self.getByRole('checkbox', { name: 'Breathing exercise' }).check();
    await self
      .locator('[part~=option]')
      .filter({ hasText: 'Good' })
      .first()
      .locator('input')
      .check();
    await self.getByRole('button', { name: 'Send feedback' }).click();
    await eventually(() => page.locator('#portal-toast').textContent()).toContain('(2 today)');

    const saved = (await storedFeedback()).filter((e) => !before.has(e.id));
    const peerEntry = saved.find((e) => e.source === 'peer');
    const selfEntry = saved.find((e) => e.source === 'self');
    expect(saved).toHaveLength(2);
    expect(peerEntry?.subjectId).toBe('p-15');
    expect(peerEntry?.about?.type).toBe('expectation');
    expect(selfEntry?.subjectId).toBe('p-12');
    expect(selfEntry?.strengths).toBe('I went to every group today.');
    await clean(w);
  });

  it('embedding lab pages render with no violation', async () => {
    for (const path of ['/embed/', '/embed/cdn.html', '/embed/prefix.html', '/embed/twice.html']) {
      const w = await open(browser, served.base + path);
      if (path !== '/embed/') await boardReady(w.page);
      await w.page.waitForLoadState('load');
      await clean(w);
    }
  });
});
