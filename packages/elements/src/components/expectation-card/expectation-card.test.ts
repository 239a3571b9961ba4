import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './expectation-card.js';
import type { MilieuExpectationCard } from './expectation-card.component.js';
import { MilieuRationaleToggleEvent } from '../../events/rationale-toggle.js';
import { expectNoAxeViolations } from '../../test/axe.js';

async function mount(html: string): Promise<MilieuExpectationCard> {
  document.body.innerHTML = html;
  const el = document.body.querySelector<MilieuExpectationCard>('milieu-expectation-card')!;
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<milieu-expectation-card>', () => {
  it('has no axe violations, closed and open', async () => {
    const el = await mount(
      `<milieu-expectation-card statement="Knock before entering a room." rationale="Rooms are private."></milieu-expectation-card>`,
    );
    await expectNoAxeViolations(el);
    el.open = true;
    await el.updateComplete;
    await expectNoAxeViolations(el);
  });

  it('renders the statement in its shadow root and hides the reason until asked', async () => {
    const el = await mount(
      `<milieu-expectation-card statement="Knock before entering a room." rationale="Rooms are private."></milieu-expectation-card>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=statement]')!.textContent).toBe(
      'Knock before entering a room.',
    );
    const reason = root.querySelector<HTMLElement>('[part=rationale]')!;
    expect(reason.hidden).toBe(true);
    const button = root.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(reason.id);
  });

  it('fires milieu-rationale-toggle on a user click and shows the reason', async () => {
    const el = await mount(`<milieu-expectation-card></milieu-expectation-card>`);
    el.expectation = {
      id: 'exp-knock',
      statement: 'Knock first.',
      rationale: 'Rooms are private.',
    };
    await el.updateComplete;
    const events: MilieuRationaleToggleEvent[] = [];
    document.addEventListener('milieu-rationale-toggle', (e) => events.push(e));

    await userEvent.click(el.shadowRoot!.querySelector('button')!);
    await el.updateComplete;

    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(MilieuRationaleToggleEvent);
    expect(events[0]!.detail).toEqual({ expectationId: 'exp-knock', open: true });
    expect(events[0]!.composed && events[0]!.bubbles).toBe(true);
    expect(el.hasAttribute('open')).toBe(true);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=rationale]')!.hidden).toBe(false);
  });

  it('is operable from the keyboard', async () => {
    const el = await mount(
      `<milieu-expectation-card statement="Be on time." rationale="Groups start together."></milieu-expectation-card>`,
    );
    el.shadowRoot!.querySelector('button')!.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(el.open).toBe(true);
  });

  it('does not fire for programmatic changes', async () => {
    const el = await mount(`<milieu-expectation-card statement="x"></milieu-expectation-card>`);
    let fired = 0;
    el.addEventListener('milieu-rationale-toggle', () => fired++);
    el.open = true;
    await el.updateComplete;
    expect(fired).toBe(0);
  });

  it('says so when no reason is recorded, in the chosen language', async () => {
    const el = await mount(
      `<milieu-expectation-card statement="Sé puntual." locale="es-MX" open></milieu-expectation-card>`,
    );
    const text = el.shadowRoot!.querySelector('[part=rationale]')!.textContent!;
    expect(text).toContain('Todavía no se ha escrito el motivo');
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).toBe('Ocultar el motivo');
  });

  it('follows the page language when it has no locale of its own', async () => {
    document.body.innerHTML = `<div lang="es"><milieu-expectation-card statement="x"></milieu-expectation-card></div>`;
    const el = document.querySelector<MilieuExpectationCard>('milieu-expectation-card')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).toBe('¿Por qué?');
  });

  it('renders markup in data as text', async () => {
    const el = await mount(`<milieu-expectation-card></milieu-expectation-card>`);
    el.expectation = { statement: '<img src=x onerror="alert(1)">', rationale: '<b>bold</b>' };
    el.open = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector('[part=statement]')!.textContent).toBe(
      '<img src=x onerror="alert(1)">',
    );
  });
});
