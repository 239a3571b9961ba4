import { describe, it, vi, expect } from 'vitest';
import { page } from 'vitest/browser';
import inpatient from '../../../../../examples/inpatient-unit.json';
import './schedule-board.js';
import { themeCss } from '../../styles/tokens.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';

const SHOTS = [
  ['week', 'en', 390, 900],
  ['week', 'es', 390, 900],
  ['agenda', 'en', 390, 900],
  ['agenda', 'es', 320, 900],
  ['day', 'es', 390, 900],
  ['week', 'en', 1280, 1000],
  ['week', 'es', 1280, 1000],
  ['print', 'es', 1280, 900],
  ['week', 'en', 1920, 1080],
  ['day', 'es', 1920, 1080],
  ['agenda', 'en', 1920, 1080],
  ['now', 'en', 1280, 720],
  ['now', 'es', 1920, 1080],
  ['now', 'es', 3840, 2160],
  ['now', 'en', 390, 900],
  ['week', 'en-dark', 1280, 1000],
  ['error', 'es', 390, 600],
];
describe('look', () => {
  it.each(SHOTS)('%s %s %i', async (view, lang, w, h) => {
    await page.viewport(w as number, h as number);
    const style = document.createElement('style');
    style.textContent = String(lang).endsWith('dark')
      ? themeCss('dark', ':root') + 'body{background:#15181d}'
      : '';
    document.head.append(style);
    document.body.style.margin = '0';
    document.body.innerHTML = `<milieu-schedule-board view="${view === 'error' ? 'agenda' : view}" date="2026-03-19" now="2026-03-19T10:40:00-04:00" locale="${String(lang).slice(0, 2)}"></milieu-schedule-board>`;
    const el = document.querySelector<MilieuScheduleBoard>('milieu-schedule-board')!;
    if (view === 'now') el.style.height = '100vh';
    if (view === 'error') {
      el.view = 'agenda';
      el.loader = async () => {
        throw Object.assign(new Error('x'), {});
      };
    } else el.document = inpatient;
    await vi.waitFor(
      () => expect(el.matches(':state(ready)') || el.matches(':state(error)')).toBe(true),
      { timeout: 10000 },
    );
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await page.screenshot({
      path: `/work/w15/.look/${view}-${lang}-${w}.png`,
      fullPage: false,
    } as any);
    style.remove();
  });
});
