// The demo as a hospital would serve it: built, behind a strict CSP, in real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error -- plain ESM helpers
import { createDemoServer, listen } from '../serve.mjs';
// @ts-expect-error -- plain ESM helpers
import { findChromium, CHROMIUM_ARGS, INSTALL_HINT } from '../../../scripts/chromium.mjs';

const dist = fileURLToPath(new URL('../dist/index.html', import.meta.url));
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(dist))
    throw new Error('apps/demo is not built: run `npx turbo run build` first.');
  const executablePath = findChromium() as string | undefined;
  if (!executablePath) throw new Error(INSTALL_HINT as string);
  server = createDemoServer() as Server;
  const port = (await listen(server, 0)) as number;
  base = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS as string[] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens the demo and collects CSP violations and console errors from the start. */
async function open(): Promise<{ page: Page; violations: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  return { page, violations, errors };
}

describe('apps/demo under a strict CSP', () => {
  it('serves the page with the strict policy', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(
      "require-trusted-types-for 'script'",
    );
    expect(await res.text()).toContain('<milieu-expectation-card');
  });

  it('renders and operates the widgets with no CSP violation and no console error', async () => {
    const { page, violations, errors } = await open();
    const card = page.locator('milieu-expectation-card').first();
    await expect.poll(() => card.locator('[part=statement]').textContent()).toContain('respect');
    await card.getByRole('button', { name: 'Why?' }).click();
    await expect.poll(() => page.locator('#event-log').textContent()).toBe('Reason shown.');
    expect(await card.getAttribute('open')).toBe('');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
