import { afterEach, describe, expect, it, vi } from 'vitest';
import './schedule-board.js';
import type { MilieuScheduleBoard } from './schedule-board.component.js';
import { sheetSchedule } from '../attendance-sheet/attendance-sheet.fixtures.js';

afterEach(() => document.body.replaceChildren());

async function mount(schedule: unknown): Promise<MilieuScheduleBoard> {
  const el = document.createElement('milieu-schedule-board');
  el.setAttribute('view', 'day');
  el.setAttribute('date', '2026-03-10');
  el.setAttribute('now', '2026-03-10T11:30:00-04:00');
  el.loader = () => Promise.resolve(structuredClone(schedule));
  document.body.append(el);
  await vi.waitFor(() =>
    expect(el.shadowRoot!.querySelector('.title-text')?.textContent).toBe('Maple Unit'),
  );
  await el.updateComplete;
  return el;
}

describe('the staff board marks sessions overdue for attendance', () => {
  it('counts them in the header and badges their cards, through the headless view', async () => {
    const el = await mount(sheetSchedule());
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="overdue"]')?.textContent).toBe(
      '1 session overdue for attendance',
    );
    const card = [...root.querySelectorAll<HTMLElement>('button.occ')].find((b) =>
      b.getAttribute('aria-label')!.startsWith('Community meeting'),
    )!;
    expect(card.getAttribute('aria-label')).toContain('Attendance overdue');
    expect(card.textContent).toContain('Attendance overdue');
  });

  it('shows no count once attendance is complete', async () => {
    const all = sheetSchedule().occurrences[0]!.participants!.map((p) => ({
      participantId: p.id!,
      status: 'present' as const,
    }));
    const el = await mount(sheetSchedule({ 'community@2026-03-10': all }));
    expect(el.shadowRoot!.querySelector('[part~="overdue"]')).toBeNull();
  });
});
