/**
 * Visual regression of the board's key views, with vitest's `toMatchScreenshot`. The reference
 * images live in `__screenshots__/schedule-board.visual.test.ts/` beside this file (committed);
 * update them after a deliberate change with
 * `npx vitest run --project elements packages/elements/src/components/schedule-board/schedule-board.visual.test.ts --update`.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import inpatient from '../../../../../examples/inpatient-unit.json';
import './schedule-board.js';
import { themeCss } from '../../styles/tokens.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';

const theme = document.createElement('style');
document.head.append(theme);

afterEach(() => {
  document.body.replaceChildren();
  theme.textContent = '';
});
afterAll(async () => {
  theme.remove();
  await page.viewport(414, 896);
});

async function mount(
  view: string,
  lang: string,
  width: number,
  height = 1200,
  attrs = '',
): Promise<MilieuScheduleBoard> {
  await page.viewport(width, height);
  document.body.style.margin = '0';
  document.body.innerHTML = `<milieu-schedule-board view="${view}" date="2026-03-19" now="2026-03-19T10:40:00-04:00" locale="${lang}" ${attrs}></milieu-schedule-board>`;
  const el = document.body.querySelector<MilieuScheduleBoard>('milieu-schedule-board')!;
  el.document = inpatient;
  await vi.waitFor(() => expect(el.matches(':state(ready)')).toBe(true));
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el;
}

const options = { comparatorOptions: { allowedMismatchedPixelRatio: 0.002 } };

describe('<milieu-schedule-board> pictures', () => {
  it('week, English, desktop', async () => {
    const el = await mount('week', 'en', 1280);
    await expect.element(page.elementLocator(el)).toMatchScreenshot('week-en-1280', options);
  });

  it('week, Spanish, phone (scrolled to today, hours sticky)', async () => {
    const el = await mount('week', 'es', 390);
    await expect.element(page.elementLocator(el)).toMatchScreenshot('week-es-390', options);
  });

  it('agenda, Spanish, phone (opens at today)', async () => {
    const el = await mount('agenda', 'es', 390, 900);
    await expect.element(page.elementLocator(el)).toMatchScreenshot('agenda-es-390', options);
  });

  it('day, English, desktop, dark theme', async () => {
    theme.textContent = themeCss('dark', ':root') + 'body { background: #15181d; }';
    const el = await mount('day', 'en', 1280);
    await expect.element(page.elementLocator(el)).toMatchScreenshot('day-en-1280-dark', options);
  });

  it('kiosk, Spanish, 1280×720', async () => {
    const el = await mount('now', 'es', 1280, 720, 'no-controls');
    await expect.element(page.elementLocator(el)).toMatchScreenshot('now-es-1280x720', options);
  });
});
