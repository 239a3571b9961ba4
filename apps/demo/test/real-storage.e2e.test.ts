// `npm start` runs the demo on @milieu/server with an SQLite file: feedback typed in the demo
// is stored for real and is still there after a restart (issue #10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startDemo, type RunningDemo } from '../serve.mjs';
import { eventually, launch, open } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'milieu-demo-'));
const dbFile = join(dir, 'milieu.db');
let browser: Browser;
let demo: RunningDemo | undefined;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo on @milieu/server', () => {
  it('saves feedback typed on the participant page and keeps it across a restart', async () => {
    demo = await startDemo({ dbFile, port: 0 });
    const w = await open(browser, `${demo.url}participant.html`);
    const self = w.page.locator('#self-form');
    await self.locator('#c-strengths').fill('I asked for help when I needed it.');
    await self.getByRole('checkbox', { name: 'Breathing exercise' }).check();
    await self
      .locator('[part~=option]')
      .filter({ hasText: 'Good' })
      .first()
      .locator('input')
      .check();
    await self.getByRole('button', { name: 'Send feedback' }).click();
    await eventually(() => w.page.locator('#portal-toast').textContent()).toContain('(1 today)');
    expect(w.violations).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();

    await demo.close();
    demo = await startDemo({ dbFile, port: 0 });
    // Without a session the portal's backend answers 401; a staff session (the unit page)
    // lists feedback for review from the restarted server.
    const path = `${demo.url}api/v1/feedback?source=self&subject=p-12&limit=500`;
    expect((await fetch(path)).status).toBe(401);
    const unit = await fetch(demo.url);
    const cookie = (unit.headers.get('set-cookie') ?? '').split(';')[0]!;
    const listed = await fetch(path, { headers: { cookie } });
    expect(listed.status).toBe(200);
    const text = JSON.stringify(await listed.json());
    expect(text).toContain('I asked for help when I needed it.');
  });
});
