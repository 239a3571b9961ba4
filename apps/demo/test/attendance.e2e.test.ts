// The attendance sheet's failure matrix against the real @milieu/server (issue #16): in every
// case each member ends with exactly one stored record and the sheet shows what the database
// holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './harness.js';
import {
  allRows,
  MEMBER_IDS,
  rowsReady,
  settled,
  shown,
  startRig,
  tap,
  type Rig,
} from './attendance-rig.mjs';

type Shown = { status: string | null; state: string | null }[];

let browser: Browser;
let rig: Rig;

beforeAll(async () => {
  browser = await launch();
  rig = await startRig();
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

async function sheet(occurrenceId: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${rig.url}?occurrence=${encodeURIComponent(occurrenceId)}`);
  await rowsReady(page);
  return { page, close: () => context.close() };
}

/** One record per member, and the sheet shows exactly the stored statuses. */
async function expectUiMatchesDatabase(page: Page, occurrenceId: string, count = 12) {
  const records = await rig.stored(occurrenceId);
  expect(records).toHaveLength(count);
  expect(new Set(records.map((r) => r.participantId)).size).toBe(count);
  const byId = new Map(records.map((r) => [r.participantId, r.status]));
  const ui = (await shown(page)) as Shown;
  expect(ui.map((r) => r.status)).toEqual(MEMBER_IDS.map((id: string) => byId.get(id) ?? null));
}

async function markAll(page: Page) {
  await page.locator('milieu-attendance-sheet .mark-all').click();
}

describe('the attendance sheet against the real server', () => {
  it('503 then OK: every member saved once', async () => {
    const id = 'skills@2026-03-10';
    const { page, close } = await sheet(id);
    rig.fault = { kind: '503', count: 4 };
    await markAll(page);
    await allRows(page, 'saved');
    rig.fault = null;
    await expectUiMatchesDatabase(page, id);
    await close();
  });

  it('a lost response (stored, then the connection drops): retried under its key, stored once', async () => {
    const id = 'skills@2026-03-11';
    const { page, close } = await sheet(id);
    rig.fault = { kind: 'drop', count: 5 };
    await markAll(page);
    await allRows(page, 'saved');
    rig.fault = null;
    await expectUiMatchesDatabase(page, id);
    await close();
  });

  it('a double tap while the server is slow: the last tap wins, stored once', async () => {
    const id = 'skills@2026-03-12';
    const { page, close } = await sheet(id);
    rig.fault = { kind: 'slow', ms: 600 };
    await markAll(page);
    await tap(page, 0, 'absent');
    await tap(page, 0, 'late');
    await page.locator('milieu-attendance-sheet .row[data-row="1"] .status.s-excused').dblclick();
    await allRows(page, 'saved');
    rig.fault = null;
    await expectUiMatchesDatabase(page, id);
    const records = await rig.stored(id);
    expect(records.find((r) => r.participantId === 'p-01')?.status).toBe('late');
    expect(records.find((r) => r.participantId === 'p-02')?.status).toBe('excused');
    await close();
  });

  it('offline mid-save, then a reload: the queue survives in sessionStorage and is saved once', async () => {
    const id = 'skills@2026-03-13';
    const { page, close } = await sheet(id);
    rig.fault = { kind: 'hang' };
    await markAll(page);
    await page.context().setOffline(true);
    rig.release(); // the requests in flight fail: the sheet waits for the network
    await page.waitForFunction(() =>
      document.querySelector('milieu-attendance-sheet')?.matches(':state(offline)'),
    );
    expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(1);
    rig.fault = null;
    await page.context().setOffline(false);
    await page.reload();
    await rowsReady(page);
    await settled(page);
    await expectUiMatchesDatabase(page, id);
    expect(await page.evaluate(() => Object.keys(sessionStorage).length)).toBe(0);
    await close();
  });

  it('a 403 from a token that lost its role: nothing stored, nothing shown as saved', async () => {
    const id = 'skills@2026-03-16';
    const { page, close } = await sheet(id);
    rig.as = 'participant';
    await markAll(page);
    await allRows(page, 'failed');
    await expectUiMatchesDatabase(page, id, 0);
    rig.as = 'staff';
    await markAll(page);
    await allRows(page, 'saved');
    await expectUiMatchesDatabase(page, id);
    await close();
  });
});
